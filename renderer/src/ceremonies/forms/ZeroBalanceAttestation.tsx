/**
 * The approvers' attestation that a wallet holds nothing (procedure destruction, step
 * attest-zero-balance; docs/cli.md "`destruction`", `zeroBalance`): at least two different approvers,
 * each with their own key, the date the balance was seen and where it was seen.
 */
import { useId } from 'react';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION } from '../Attestation.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { replacedAt } from '../fields.tsx';
import { MIN_APPROVERS, type ZeroBalanceDraft } from './destruction-answers.ts';
import { DESTRUCTION_TEXT } from './destruction-messages.ts';

export function ZeroBalanceAttestation(props: { readonly value: ZeroBalanceDraft; readonly onChange: (v: ZeroBalanceDraft) => void }) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(DESTRUCTION_TEXT);
  const id = useId();
  const { value: z } = props;
  const change = (c: Partial<ZeroBalanceDraft>) => props.onChange({ ...z, ...c });

  return (
    <section data-testid="zero-balance">
      <h3>{own.zeroSection}</h3>
      {z.approvers.map((a, i) => (
        <div key={i}>
          <Attestation
            role={text.roleApprover(i + 1)}
            testId={`attest-approver-${i + 1}`}
            value={a}
            onChange={(v) => change({ approvers: replacedAt(z.approvers, i, v) })}
          />
          {z.approvers.length > MIN_APPROVERS && (
            <button type="button" onClick={() => change({ approvers: z.approvers.filter((_, k) => k !== i) })}>
              {own.removeApprover}
            </button>
          )}
        </div>
      ))}
      <div className="row">
        <button type="button" onClick={() => change({ approvers: [...z.approvers, EMPTY_ATTESTATION] })} disabled={z.approvers.length >= 8}>
          {own.addApprover}
        </button>
      </div>
      <div className="field">
        <label htmlFor={`${id}-as-of`}>{own.asOf}</label>
        <input id={`${id}-as-of`} data-testid="zero-as-of" type="date" value={z.asOf} onChange={(e) => change({ asOf: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>{own.source}</label>
        <input
          id={`${id}-source`}
          data-testid="zero-source"
          type="text"
          autoComplete="off"
          maxLength={200}
          value={z.source}
          onChange={(e) => change({ source: e.target.value })}
        />
      </div>
    </section>
  );
}
