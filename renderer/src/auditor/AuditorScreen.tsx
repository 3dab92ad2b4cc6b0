/**
 * The auditor view: open a station's data directory or an exported bundle (main's dialog, kind
 * `audit-source`), optionally a checkpoint a witness kept (`checkpoint-file`), verify with a
 * progress bar, then the verdict (VALID / INVALID), what was verified, the findings — each linked
 * to its entry — and the timeline of ceremonies and entries with their signers, the entries with a
 * finding marked. The verification is main's verifyJournal, the same as `custos verify`; this
 * screen only shows it. Spec: docs/desktop-app.md, "The screens" (Auditor); docs/cli.md, "custos
 * verify"; docs/record-format.md, "Verification".
 */
import { useEffect, useMemo, useState } from 'react';
import type { AppError, ChooseKind, Chosen, ProcedureView } from '../../../main/app/app-api.ts';
import { asAppError } from '../app-error.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { custosApi } from '../custos-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { formatInteger } from '../../../common/i18n/locale-format.ts';
import { AUDITOR_TEXT } from './auditor-messages.ts';
import { procedureTitles } from './timeline-model.ts';
import { Timeline } from './Timeline.tsx';
import { useVerifyJob } from './use-verify-job.ts';
import { VerifyResult } from './VerifyResult.tsx';
// The tables, badges and status colours shared with the inventory screen, then this screen's own.
import '../inventory/inventory.css';
import './auditor.css';

export function AuditorScreen() {
  const text = useText(AUDITOR_TEXT);
  const locale = useLocale();
  const [source, setSource] = useState<Chosen | null>(null);
  const [checkpoint, setCheckpoint] = useState<Chosen | null>(null);
  const [choiceError, setChoiceError] = useState<AppError | null>(null);
  const [procedures, setProcedures] = useState<readonly ProcedureView[]>([]);
  /** The names of what the last verification read (the choices may change after it). */
  const [verified, setVerified] = useState<{ readonly source: string; readonly checkpoint: string | null }>({ source: '', checkpoint: null });
  const { state, start } = useVerifyJob();
  const running = state.kind === 'running';

  useEffect(() => {
    let live = true;
    // Titles of procedures and steps for the timeline; without them the timeline shows their ids.
    custosApi()
      .procedures()
      .then(
        (list) => live && setProcedures(list),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, []);

  const titles = useMemo(() => procedureTitles(procedures, locale), [procedures, locale]);

  const choose = (kind: ChooseKind, keep: (chosen: Chosen) => void) => {
    setChoiceError(null);
    custosApi()
      .choose(kind)
      .then(
        (chosen) => chosen !== null && keep(chosen),
        (failure: unknown) => setChoiceError(asAppError(failure)),
      );
  };

  const verify = () => {
    if (source === null) return;
    setVerified({ source: source.name, checkpoint: checkpoint?.name ?? null });
    start(checkpoint === null ? { source: source.token } : { source: source.token, checkpoint: checkpoint.token });
  };

  return (
    <section className="auditor" aria-labelledby="auditor-heading" data-testid="auditor-screen">
      <h2 id="auditor-heading">{text.heading}</h2>
      <p className="auditor__intro">{text.intro}</p>

      <div className="auditor__choices">
        <div className="auditor__choice">
          <span className="auditor__choice-label">
            {text.sourceLabel}
            {text.colon}
          </span>
          <strong data-testid="audit-source">{source?.name ?? <span className="muted">{text.noSource}</span>}</strong>
          <button type="button" onClick={() => choose('audit-source', setSource)} disabled={running}>
            {text.openSource}
          </button>
        </div>
        <div className="auditor__choice">
          <span className="auditor__choice-label">
            {text.checkpointLabel}
            {text.colon}
          </span>
          <strong data-testid="audit-checkpoint">{checkpoint?.name ?? <span className="muted">{text.noCheckpoint}</span>}</strong>
          <button type="button" onClick={() => choose('checkpoint-file', setCheckpoint)} disabled={running}>
            {text.chooseCheckpoint}
          </button>
          {checkpoint !== null && (
            <button type="button" className="link-button" onClick={() => setCheckpoint(null)} disabled={running}>
              {text.dropCheckpoint}
            </button>
          )}
        </div>
        <button type="button" className="auditor__verify" onClick={verify} disabled={source === null || running} data-testid="audit-verify">
          {running ? text.verifying : text.verify}
        </button>
      </div>

      {choiceError !== null && <ErrorNotice error={choiceError} />}

      {state.kind !== 'idle' && state.kind !== 'failed' && (
        <VerifyProgress
          done={state.kind === 'running' ? state.done : state.outcome.entries}
          total={state.kind === 'running' ? state.total : state.outcome.entries}
        />
      )}
      {state.kind === 'failed' && <ErrorNotice error={state.error} />}
      {state.kind === 'verified' && (
        <>
          <VerifyResult outcome={state.outcome} sourceName={verified.source} checkpointName={verified.checkpoint} />
          <Timeline outcome={state.outcome} titles={titles} />
        </>
      )}
    </section>
  );
}

/** The progress bar of a verification: entries checked of the journal's total (indeterminate before the first count). */
function VerifyProgress({ done, total }: { readonly done: number; readonly total: number | null }) {
  const text = useText(AUDITOR_TEXT);
  const locale = useLocale();
  const label = total === null ? text.progressStarting : text.progressText(formatInteger(done, locale), formatInteger(total, locale));
  return (
    <div className="auditor__progress" data-testid="audit-progress">
      {total === null ? <progress aria-label={text.progressLabel} /> : <progress aria-label={text.progressLabel} value={done} max={Math.max(total, 1)} />}
      <span className="auditor__progress-text">{label}</span>
    </div>
  );
}
