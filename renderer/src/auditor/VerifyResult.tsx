/**
 * A verification's verdict and findings: the VALID / INVALID banner (in words and with a symbol,
 * not colour alone), what was verified (entries, ceremonies, signatures, the journal's Merkle
 * root), and the findings in journal order — severity, code, what it means (in French, filled with
 * the finding's details: finding-message.ts), the entry (a link to its row in the timeline) and the
 * ceremony. Spec: docs/desktop-app.md, "The screens" (Auditor: each finding highlighted at its
 * entry); docs/cli.md, "custos verify" (each finding names ceremony, entry index, code, message).
 */
import type { FindingView, VerifyOutcome } from '../../../main/app/app-api.ts';
import { verdictExplanation, verdictOf } from '../../../common/findings/verdict.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { formatInteger } from '../../../common/i18n/locale-format.ts';
import { revealElement } from '../inventory/reveal.ts';
import { AUDITOR_TEXT } from './auditor-messages.ts';
import { localFindingMessage } from '../../../common/findings/finding-message.ts';
import { entryAnchor } from './timeline-model.ts';

/** The verdict's words as a sentence of their own (the banner's word stands before them). */
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Findings in journal order; those without an entry (checkpoints) last, errors before warnings. */
function ordered(findings: readonly FindingView[]): FindingView[] {
  const rank = (f: FindingView) => f.index ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort((a, b) => rank(a) - rank(b) || Number(a.severity === 'warning') - Number(b.severity === 'warning'));
}

export function VerifyResult({
  outcome,
  sourceName,
  checkpointName,
}: {
  readonly outcome: VerifyOutcome;
  readonly sourceName: string;
  readonly checkpointName: string | null;
}) {
  const text = useText(AUDITOR_TEXT);
  const locale = useLocale();
  const verdict = verdictOf(outcome.findings);
  const findings = ordered(outcome.findings);
  return (
    <>
      <div className={`verdict ${outcome.ok ? 'verdict--valid' : 'verdict--invalid'}`} role="status" data-testid="verify-verdict" data-ok={String(outcome.ok)}>
        <p className="verdict__word">
          <span aria-hidden="true">{outcome.ok ? '✓ ' : '✗ '}</span>
          <span data-testid="verify-verdict-word">{outcome.ok ? text.valid : text.invalid}</span>
        </p>
        <p className="verdict__explain" data-testid="verify-headline">
          {sentence(verdictExplanation(verdict, locale))}
          {!outcome.ok && <> {text.invalidHint}</>}
        </p>
        <p className="verdict__source">
          {text.verifiedSource(sourceName)}
          {checkpointName !== null && <> — {text.withCheckpoint(checkpointName)}</>}
        </p>
        {outcome.checkpointKept !== null && (
          <p className="verdict__checkpoint" data-testid="verify-checkpoint" data-matched={String(outcome.checkpointKept.matched)}>
            <span aria-hidden="true">{outcome.checkpointKept.matched ? '✓ ' : '✗ '}</span>
            {outcome.checkpointKept.matched && outcome.checkpointKept.size !== null
              ? text.checkpointMatched(formatInteger(outcome.checkpointKept.size, locale), outcome.checkpointKept.witnesses.join(text.and))
              : outcome.checkpointKept.witnesses.length === 0
                ? text.checkpointNotCosigned
                : text.checkpointNotMatched}
          </p>
        )}
      </div>

      <dl className="verify-counts" aria-label={text.countsLabel} data-testid="verify-counts">
        <div>
          <dt>{text.entries}</dt>
          <dd data-testid="verify-entries">{formatInteger(outcome.entries, locale)}</dd>
        </div>
        <div>
          <dt>{text.ceremonies}</dt>
          <dd data-testid="verify-ceremonies">{formatInteger(outcome.ceremonies, locale)}</dd>
        </div>
        <div>
          <dt>{text.signatures}</dt>
          <dd data-testid="verify-signatures">{formatInteger(outcome.signatures, locale)}</dd>
        </div>
        <div className="verify-counts__root">
          <dt>{text.root}</dt>
          <dd>
            <code data-testid="verify-root">{outcome.root}</code>
          </dd>
        </div>
      </dl>

      <section className="auditor__section" aria-labelledby="findings-heading" data-testid="findings">
        <h3 id="findings-heading">
          {text.findingsHeading} <span className="muted">({formatInteger(findings.length, locale)})</span>
        </h3>
        {findings.length === 0 ? (
          <p className="muted" data-testid="findings-none">
            {text.noFindings}
          </p>
        ) : (
          <table className="data-table findings-table">
            <thead>
              <tr>
                <th scope="col">{text.severity}</th>
                <th scope="col">{text.code}</th>
                <th scope="col">{text.message}</th>
                <th scope="col">{text.entry}</th>
                <th scope="col">{text.ceremony}</th>
              </tr>
            </thead>
            <tbody>
              {findings.map((finding, i) => (
                <tr
                  key={`${finding.code}-${finding.index ?? 'none'}-${i}`}
                  className={`finding finding--${finding.severity}`}
                  data-testid={`finding-${i}`}
                  data-code={finding.code}
                  data-index={finding.index ?? ''}
                  data-severity={finding.severity}
                >
                  <td>
                    <span className={`state-tag ${finding.severity === 'error' ? 'state-tag--bad' : 'state-tag--warn'}`}>
                      <span aria-hidden="true">{finding.severity === 'error' ? '✗ ' : '⚠ '}</span>
                      {text.severityName(finding.severity)}
                    </span>
                  </td>
                  <td>
                    <code>{finding.code}</code>
                  </td>
                  <td className="wide finding__message">{localFindingMessage(finding, locale)}</td>
                  <td>
                    {finding.index === null ? (
                      <span className="muted">{text.wholeRecord}</span>
                    ) : (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => revealElement(entryAnchor(finding.index ?? 0))}
                        aria-label={text.entryLinkLabel(formatInteger(finding.index, locale))}
                        data-testid={`finding-link-${i}`}
                      >
                        {text.entryLink(formatInteger(finding.index, locale))}
                      </button>
                    )}
                  </td>
                  <td>{finding.ceremony === null ? '—' : <code>{finding.ceremony}</code>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
