/**
 * `custos report incident` and `custos report incidents` for people, in English or French
 * (docs/cli.md, "custos report"; issue 17, "Plain-language outputs": it printed camelCase keys and
 * `null`): each field of the register under the label the printed incident report gives it
 * (main/app/reports/report-text.ts), dates in the reader's language, statuses and actions in words,
 * "—" where the register has nothing; the period's totals and a headed table of its incidents.
 * `--json` is the machine contract and is not this.
 */
import type { PeriodicIncidentReport } from '../../ceremonies/audit/incident-report.ts';
import type { IncidentReport } from '../../ceremonies/audit/replay.ts';
import { formatDate, formatDay, formatInteger } from '../../common/i18n/locale-format.ts';
import type { Locale } from '../../common/i18n/locale.ts';
import { REPORT_TEXT, term } from '../app/reports/report-text.ts';
import { textTable } from './text-table.ts';

const orDash = (value: string | null) => (value === null || value === '' ? '—' : value);

/** One incident: a title line, every field of the register, then its history. */
export function incidentText(i: IncidentReport, locale: Locale): string {
  const t = REPORT_TEXT[locale];
  const colon = locale === 'fr' ? ' : ' : ': ';
  const status = term(locale, 'incidentStatus', i.status);
  const fields: [string, string][] = [
    [t.status, status],
    [t.significant, i.significant ? t.yes : t.no],
    [t.occurredAt, formatDay(i.occurredAt, locale)],
    [t.discoveredAt, formatDay(i.discoveredAt, locale)],
    [t.nature, orDash(i.nature)],
    [t.origin, orDash(i.origin)],
    [t.toolsAndStaff, orDash(i.toolsAndStaff)],
    [t.impact, orDash(i.impact)],
    [t.correctiveAction, orDash(i.correctiveAction)],
    [t.targetDate, formatDay(i.targetDate, locale)],
    [t.closedAt, formatDay(i.closedAt, locale)],
    [t.walletsConcerned, i.wallets.join(', ') || '—'],
    [t.recordedAt, formatDate(i.recordedAt, locale)],
    [t.classification, i.classification === null ? t.notClassified : i.classification.major ? t.major : t.notMajor],
    ...(i.classification === null
      ? []
      : ([
          [t.detectedAt, formatDate(i.classification.detectedAt, locale)],
          [t.classifiedAt, formatDate(i.classification.classifiedAt, locale)],
        ] as [string, string][])),
  ];
  const width = Math.max(...fields.map(([label]) => [...label].length)) + 2;
  let out = `${t.incident} ${i.id}${colon}${status}${i.significant ? ` — ${t.significant.toLowerCase()}` : ''}\n\n`;
  for (const [label, value] of fields) out += `  ${label}${' '.repeat(width - [...label].length)}${value}\n`;
  if (i.deadlines.length > 0) {
    out += `\n${t.reportsOwed}\n`;
    out += textTable(
      [t.report, t.due, t.madeAt, t.reference, t.state],
      i.deadlines.map((d) => [
        term(locale, 'incidentReport', d.report),
        d.due === null ? '—' : formatDate(d.due, locale),
        d.madeAt === null ? '—' : formatDate(d.madeAt, locale),
        orDash(d.reference),
        term(locale, 'deadlineState', d.state),
      ]),
    );
  }
  out += `\n${t.history}\n`;
  out +=
    i.history.length === 0
      ? `  ${t.none}\n`
      : textTable(
          [t.ceremony, t.action, t.when],
          i.history.map((h) => [h.ceremony, term(locale, 'incidentAction', h.action), formatDate(h.at, locale)]),
        );
  return out;
}

/** The register over a period: its totals, then one row per incident. */
export function incidentsText(report: PeriodicIncidentReport, locale: Locale): string {
  const t = REPORT_TEXT[locale];
  const colon = locale === 'fr' ? ' : ' : ': ';
  const n = (value: number) => formatInteger(value, locale);
  let out = `${t.incidentsTitle}${colon}${t.periodValue(formatDay(report.period.from, locale), formatDay(report.period.to, locale))}\n\n`;
  const totals: [string, number][] = [
    [t.recordedInPeriod, report.totals.recorded],
    [t.closedInPeriod, report.totals.closed],
    [t.stillOpen, report.totals.stillOpen],
    [t.significantCount, report.totals.significant],
  ];
  const width = Math.max(...totals.map(([label]) => [...label].length)) + 2;
  for (const [label, value] of totals) out += `  ${label}${' '.repeat(width - [...label].length)}${n(value)}\n`;
  out += '\n';
  out +=
    report.incidents.length === 0
      ? `  ${t.noIncident}\n`
      : textTable(
          [t.incident, t.status, t.significant, t.occurredAt, t.nature],
          report.incidents.map((i) => [
            i.id,
            term(locale, 'incidentStatus', i.status),
            i.significant ? t.yes : t.no,
            formatDay(i.occurredAt, locale),
            orDash(i.nature),
          ]),
        );
  out += `\n${t.notificationsMade}\n`;
  out +=
    report.notificationsMade.length === 0
      ? `  ${t.none}\n`
      : textTable(
          [t.incident, t.report, t.madeAt, t.reference, t.late],
          report.notificationsMade.map((n) => [
            n.incident,
            term(locale, 'incidentReport', n.report),
            formatDate(n.at, locale),
            `${n.authority} ${n.reference}`,
            n.late ? t.yes : t.no,
          ]),
        );
  out += `\n${t.deadlinesMissed}\n`;
  out +=
    report.deadlinesMissed.length === 0
      ? `  ${t.none}\n`
      : textTable(
          [t.incident, t.report, t.due, t.madeAt],
          report.deadlinesMissed.map((d) => [
            d.incident,
            term(locale, 'incidentReport', d.report),
            formatDate(d.due, locale),
            d.madeAt === null ? '—' : formatDate(d.madeAt, locale),
          ]),
        );
  return out;
}
