/**
 * The evidence files of a ceremony, chosen before it starts (any procedure's answers `evidence:
 * [{step, file}]`; docs/record-format.md "Evidence"; ADR 0031): for each, the step it shows and the
 * file on its separate medium; the engine names each in the first entry of its step by name and
 * SHA-256. Offered by the runner for every procedure but an abort (an abort entry carries none).
 */
import type { Chosen, ProcedureView } from '../../../main/app/app-api.ts';
import { custosApi } from '../custos-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { EVIDENCE_TEXT } from './evidence-messages.ts';
import { SelectField, patchedAt } from './fields.tsx';

export interface EvidenceDraft {
  readonly step: string;
  readonly file: Chosen;
}

export function EvidenceFiles(props: {
  readonly procedure: ProcedureView;
  readonly value: readonly EvidenceDraft[];
  readonly onChange: (v: EvidenceDraft[]) => void;
}) {
  const own = useText(EVIDENCE_TEXT);
  const locale = useLocale();
  const add = () =>
    void custosApi()
      .choose('evidence-file')
      .then((file) => file && props.onChange([...props.value, { step: props.procedure.steps[0]?.id ?? 'open', file }]));
  return (
    <section className="evidence" data-testid="evidence-files">
      <h3>{own.heading}</h3>
      <p className="hint">{own.help}</p>
      {props.value.map((e, i) => (
        <div key={e.file.token} className="holder-plan" data-testid={`evidence-${i + 1}`}>
          <p>{own.file(e.file.name)}</p>
          <SelectField
            label={own.step}
            value={e.step}
            onChange={(step) => props.onChange(patchedAt(props.value, i, { step }))}
            testId={`evidence-${i + 1}-step`}
          >
            {props.procedure.steps.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title[locale]}
              </option>
            ))}
          </SelectField>
          <button type="button" onClick={() => props.onChange(props.value.filter((_, k) => k !== i))}>
            {own.remove}
          </button>
        </div>
      ))}
      <button type="button" onClick={add} data-testid="evidence-add">
        {own.add}
      </button>
    </section>
  );
}
