/**
 * The regulatory clock of an incident (issue 19, "Regulatory clock"; ADR 0034): its classification
 * (major or not, from the criteria answered) and the deadlines of the reports a major incident owes
 * its authority, as DORA's reporting rules set them for MiCA crypto-asset service providers:
 * - the initial notification within 4 hours of the classification, and no later than 24 hours after
 *   the incident was detected;
 * - the intermediate report within 72 hours of the initial notification;
 * - the final report within one month of the intermediate report.
 * Each deadline is `made` (on time), `made-late`, `open` (not made, not yet due), `missed` (not made,
 * past due), or `waiting` (the report before it is not made yet, so its clock has not started).
 * Pure: the record gives the classification and the notifications, the caller gives the time.
 */
import { INCIDENT_REPORTS, type IncidentCriterion, type IncidentReportKind } from '../../common/answers/vocabulary.ts';

export interface Classification {
  major: boolean;
  /** Each criterion, answered. */
  criteria: { [C in IncidentCriterion]: boolean };
  /** When the incident was detected, and when it was classified (ISO 8601, UTC). */
  detectedAt: string;
  classifiedAt: string;
}

export interface Notification {
  report: IncidentReportKind;
  /** When the report was submitted (ISO 8601, UTC). */
  at: string;
  /** The authority notified, and the reference it gave. */
  authority: string;
  reference: string;
}

export interface ReportDeadline {
  report: IncidentReportKind;
  /** Null while its clock has not started (`waiting`). */
  due: string | null;
  madeAt: string | null;
  reference: string | null;
  state: 'made' | 'made-late' | 'open' | 'missed' | 'waiting';
}

const HOUR = 3_600_000;

/** One calendar month after `iso` (the same day of the next month, or its last day). */
function oneMonthAfter(iso: string): string {
  const d = new Date(iso);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString();
}

/** The deadlines of a major incident's reports at `now`; none for an incident not classified major. */
export function reportDeadlines(classification: Classification | null, notifications: readonly Notification[], now: Date): ReportDeadline[] {
  if (!classification?.major) return [];
  const made = (report: IncidentReportKind) => notifications.filter((n) => n.report === report).sort((a, b) => a.at.localeCompare(b.at))[0];
  const deadlines: ReportDeadline[] = [];
  let previous: string | null = null;
  for (const report of INCIDENT_REPORTS) {
    let due: string | null;
    if (report === 'initial') {
      due = new Date(Math.min(Date.parse(classification.classifiedAt) + 4 * HOUR, Date.parse(classification.detectedAt) + 24 * HOUR)).toISOString();
    } else if (previous === null) due = null;
    else due = report === 'intermediate' ? new Date(Date.parse(previous) + 72 * HOUR).toISOString() : oneMonthAfter(previous);
    const n = made(report);
    const state: ReportDeadline['state'] =
      n !== undefined
        ? due !== null && Date.parse(n.at) > Date.parse(due)
          ? 'made-late'
          : 'made'
        : due === null
          ? 'waiting'
          : now.getTime() > Date.parse(due)
            ? 'missed'
            : 'open';
    deadlines.push({ report, due, madeAt: n?.at ?? null, reference: n?.reference ?? null, state });
    previous = n?.at ?? null;
  }
  return deadlines;
}
