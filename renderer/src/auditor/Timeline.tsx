/**
 * The timeline of a verified record: its entries in journal order, grouped by ceremony (procedure
 * title, ceremony id, how it ended), each entry with its index, step, type, station time (UTC), its
 * signers by name and the short code read aloud at the ceremony. An entry with a finding is marked
 * (class `timeline-entry--finding`, `data-finding` = its codes, and the codes in the row), so a
 * finding's link lands on a visible, highlighted row. A long journal shows its ceremonies folded,
 * except those with a finding. Spec: docs/desktop-app.md, "The screens" (Auditor: the timeline,
 * each finding highlighted at its entry); main/app/auditor-verify.ts.
 */
import { useMemo, useState } from 'react';
import type { FindingView, TimelineEntry, VerifyOutcome } from '../../../main/app/app-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { formatDate, formatInteger, shortHex } from '../../../common/i18n/locale-format.ts';
import { AUDITOR_TEXT, type AuditorText } from './auditor-messages.ts';
import { entryAnchor, findingsByIndex, groupTimeline, type CeremonyGroup, type ProcedureTitles } from './timeline-model.ts';

/** Above this many entries, ceremonies without a finding start folded. */
const FOLD_ABOVE = 400;

export function Timeline({ outcome, titles }: { readonly outcome: VerifyOutcome; readonly titles: ProcedureTitles }) {
  const text = useText(AUDITOR_TEXT);
  const locale = useLocale();
  const findings = useMemo(() => findingsByIndex(outcome.findings), [outcome.findings]);
  const groups = useMemo(() => groupTimeline(outcome.timeline, findings), [outcome.timeline, findings]);
  const fold = outcome.timeline.length > FOLD_ABOVE;
  return (
    <section className="auditor__section timeline" aria-labelledby="timeline-heading" data-testid="timeline">
      <h3 id="timeline-heading">{text.timelineHeading}</h3>
      <p className="muted">{text.timelineIntro}</p>
      {outcome.timelineTruncated && (
        <p className="timeline__truncated" role="note" data-testid="timeline-truncated">
          <span aria-hidden="true">⚠ </span>
          {text.timelineTruncated(formatInteger(outcome.timeline.length, locale), formatInteger(outcome.entries, locale))}
        </p>
      )}
      {groups.length === 0 && <p className="muted">{text.noEntries}</p>}
      {groups.map((group) => (
        <TimelineGroup key={group.key} group={group} findings={findings} titles={titles} startOpen={!fold || group.findings > 0} />
      ))}
    </section>
  );
}

function TimelineGroup(props: {
  readonly group: CeremonyGroup;
  readonly findings: ReadonlyMap<number, readonly FindingView[]>;
  readonly titles: ProcedureTitles;
  readonly startOpen: boolean;
}) {
  const { group, findings, titles, startOpen } = props;
  const text = useText(AUDITOR_TEXT);
  const [open, setOpen] = useState(startOpen);
  const headingId = `timeline-group-${group.key}`;
  const title = group.ceremony === '' ? text.unreadableGroup : (titles.procedure(group.procedure) ?? text.unknownProcedure(group.procedure));
  return (
    <section
      className={`timeline-group${group.errors > 0 ? ' timeline-group--finding' : group.findings > 0 ? ' timeline-group--warning' : ''}`}
      aria-labelledby={headingId}
      data-testid={`timeline-ceremony-${group.ceremony || 'unreadable'}`}
      data-ceremony={group.ceremony}
    >
      <header className="timeline-group__header">
        <h4 id={headingId}>
          {title} {group.ceremony !== '' && <code className="timeline-group__id">{group.ceremony}</code>}
        </h4>
        <span className={`state-tag ${group.ending === 'closed' ? 'state-tag--ok' : group.ending === 'open' ? 'state-tag--warn' : 'state-tag--bad'}`}>
          {text.ending(group.ending)}
        </span>
        <span className="muted">{text.groupEntries(group.entries.length)}</span>
        {group.findings > 0 && (
          <strong className={group.errors > 0 ? 'status-bad' : 'status-warn'} data-testid="timeline-group-findings" data-errors={group.errors}>
            <span aria-hidden="true">{group.errors > 0 ? '✗ ' : '⚠ '}</span>
            {group.errors > 0 ? text.groupFindings(group.findings) : text.groupWarnings(group.findings)}
          </strong>
        )}
        <button type="button" className="link-button timeline-group__toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? text.hideEntries : text.showEntries(group.entries.length)}
        </button>
      </header>
      {open && (
        <table className="data-table timeline-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col" className="num">
                {text.index}
              </th>
              <th scope="col">{text.step}</th>
              <th scope="col">{text.type}</th>
              <th scope="col">{text.time}</th>
              <th scope="col">{text.signers}</th>
              <th scope="col">{text.shortCode}</th>
            </tr>
          </thead>
          <tbody>
            {group.entries.map((entry) => (
              <EntryRow key={entry.index} entry={entry} findings={findings.get(entry.index) ?? []} titles={titles} text={text} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function EntryRow(props: {
  readonly entry: TimelineEntry;
  readonly findings: readonly FindingView[];
  readonly titles: ProcedureTitles;
  readonly text: AuditorText;
}) {
  const { entry, findings, titles, text } = props;
  const locale = useLocale();
  const codes = [...new Set(findings.map((f) => f.code))];
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.length > 0 ? 'warning' : null;
  const stepTitle = titles.step(entry.procedure, entry.step) ?? (entry.step === '' ? null : text.stepName(entry.step));
  return (
    <tr
      id={entryAnchor(entry.index)}
      tabIndex={-1}
      className={`timeline-entry${worst === null ? '' : ` timeline-entry--finding timeline-entry--${worst}`}`}
      data-testid={`timeline-entry-${entry.index}`}
      data-finding={codes.length > 0 ? codes.join(' ') : undefined}
      data-type={entry.type}
    >
      <th scope="row" className="num">
        {formatInteger(entry.index, locale)}
      </th>
      <td>
        {stepTitle !== null && stepTitle !== entry.step && <span className="timeline-entry__step">{stepTitle}</span>}{' '}
        {entry.step !== '' && <code className="muted">{entry.step}</code>}
        {codes.length > 0 && (
          <div className="timeline-entry__findings">
            <span aria-hidden="true">{worst === 'error' ? '✗ ' : '⚠ '}</span>
            {codes.map((code) => (
              <code key={code} className="timeline-entry__code">
                {code}
              </code>
            ))}
          </div>
        )}
      </td>
      <td>{text.entryType(entry.type)}</td>
      <td className="nowrap">{formatDate(entry.time, locale)}</td>
      <td>
        {entry.signers.length === 0
          ? text.noSigner
          : entry.signers.map((signer, i) => (
              <span key={`${signer.keyid}-${i}`} className="timeline-entry__signer" title={signer.keyid}>
                {i === 0 && signer.name === 'station' ? text.station : (signer.name ?? text.unknownSigner(shortHex(signer.keyid)))}
              </span>
            ))}
      </td>
      <td>
        <code className="timeline-entry__short-code">{entry.code}</code>
      </td>
    </tr>
  );
}
