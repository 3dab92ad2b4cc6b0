/**
 * The printable incident report of a period: ceremonies/audit/incident-report.ts
 * `periodicIncidentReport` (the same report as `custos report incidents --from --to`) as an A4
 * document in English or French — the period, the totals, then each incident with every field of
 * the register (dates of occurrence and discovery, nature, origin, tools and staff, impact,
 * corrective action, target date, closing date, status, wallets concerned) and its history. Every
 * value escaped (html.ts). Spec: docs/desktop-app.md, "The screens" (Reports: incident report);
 * docs/compliance.md, R5 (the register, docs/procedures.md "incident").
 */
import type { PeriodicIncidentReport } from '../../../ceremonies/audit/incident-report.ts';
import type { IncidentReport } from '../../../ceremonies/audit/replay.ts';
import { escapeHtml, facts, formatDay, formatInstant, printDocument, reportHeader, table } from './html.ts';
import { REPORT_TEXT, term, type PrintLocale } from './report-text.ts';

function incidentBlock(i: IncidentReport, locale: PrintLocale): string {
  const t = REPORT_TEXT[locale];
  const pairs: [string, string][] = [
    [t.status, term(locale, 'incidentStatus', i.status)],
    [t.significant, i.significant ? t.yes : t.no],
    [t.occurredAt, formatDay(i.occurredAt, locale)],
    [t.discoveredAt, formatDay(i.discoveredAt, locale)],
    [t.nature, i.nature ?? '—'],
    [t.origin, i.origin ?? '—'],
    [t.toolsAndStaff, i.toolsAndStaff ?? '—'],
    [t.impact, i.impact ?? '—'],
    [t.correctiveAction, i.correctiveAction ?? '—'],
    [t.targetDate, formatDay(i.targetDate, locale)],
    [t.closedAt, formatDay(i.closedAt, locale)],
    [t.walletsConcerned, i.wallets.join(', ') || '—'],
    [t.recordedAt, formatInstant(i.recordedAt, locale)],
    [t.classification, i.classification === null ? t.notClassified : i.classification.major ? t.major : t.notMajor],
  ];
  const owed =
    i.deadlines.length === 0
      ? ''
      : `<h5>${escapeHtml(t.reportsOwed)}</h5>${table(
          [t.report, t.due, t.madeAt, t.reference, t.state],
          i.deadlines.map((d) => [
            term(locale, 'incidentReport', d.report),
            d.due === null ? '—' : formatInstant(d.due, locale),
            d.madeAt === null ? '—' : formatInstant(d.madeAt, locale),
            d.reference ?? '—',
            term(locale, 'deadlineState', d.state),
          ]),
          t.none,
        )}`;
  const history = table(
    [t.ceremony, t.action, t.when],
    i.history.map((h) => [h.ceremony, term(locale, 'incidentAction', h.action), formatInstant(h.at, locale)]),
    t.none,
  );
  return `<section class="block incident" data-incident="${escapeHtml(i.id)}"><h3>${escapeHtml(t.incident)} ${escapeHtml(i.id)}</h3>${facts(pairs)}${owed}<h5>${escapeHtml(t.history)}</h5>${history}</section>`;
}

/** The incident report of a period, with `entries` (the projection's) in its header. */
export function incidentReportHtml(report: PeriodicIncidentReport, entries: number, locale: PrintLocale, now: Date): string {
  const t = REPORT_TEXT[locale];
  const period = t.periodValue(formatDay(report.period.from, locale), formatDay(report.period.to, locale));
  const totals = facts([
    [t.recordedInPeriod, String(report.totals.recorded)],
    [t.closedInPeriod, String(report.totals.closed)],
    [t.stillOpen, String(report.totals.stillOpen)],
    [t.significantCount, String(report.totals.significant)],
  ]);
  const body = [
    reportHeader(locale, { title: t.incidentsTitle, station: report.station, generatedAt: now, entries, more: [[t.period, period]] }),
    `<h2>${escapeHtml(t.totals)}</h2>`,
    totals,
    `<h2>${escapeHtml(t.notificationsMade)}</h2>`,
    table(
      [t.incident, t.report, t.madeAt, t.reference, t.late],
      report.notificationsMade.map((n) => [
        n.incident,
        term(locale, 'incidentReport', n.report),
        formatInstant(n.at, locale),
        `${n.authority} ${n.reference}`,
        n.late ? t.yes : t.no,
      ]),
      t.none,
    ),
    `<h2>${escapeHtml(t.deadlinesMissed)}</h2>`,
    table(
      [t.incident, t.report, t.due, t.madeAt],
      report.deadlinesMissed.map((d) => [
        d.incident,
        term(locale, 'incidentReport', d.report),
        formatInstant(d.due, locale),
        d.madeAt === null ? '—' : formatInstant(d.madeAt, locale),
      ]),
      t.none,
    ),
    report.incidents.length === 0 ? `<p class="muted">${escapeHtml(t.noIncident)}</p>` : report.incidents.map((i) => incidentBlock(i, locale)).join('\n'),
  ].join('\n');
  return printDocument(locale, `${t.incidentsTitle} — ${period}`, body);
}
