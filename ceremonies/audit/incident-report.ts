/**
 * Incident reports (R5): one incident with its full register fields and history, or the periodic
 * report of a period (incidents recorded, open or closed in it; the reports made to the authority in
 * it, and the deadlines it missed: issue 19, "Regulatory clock"), for the regulator and the board.
 * Built from the replay projection only, so the report says exactly what the record says.
 */
import type { IncidentReportKind } from '../../common/answers/vocabulary.ts';
import type { IncidentReport, Projection } from './replay.ts';

export interface PeriodicIncidentReport {
  kind: 'custos-incident-report';
  station: string | null;
  period: { from: string; to: string };
  generatedAt: string;
  totals: { recorded: number; closed: number; stillOpen: number; significant: number };
  incidents: IncidentReport[];
  /** The reports made to the authority in the period (incident@2), and whether each was late. */
  notificationsMade: { incident: string; report: IncidentReportKind; at: string; authority: string; reference: string; late: boolean }[];
  /** The report deadlines that fell in the period (up to the report's making) without the report made by then. */
  deadlinesMissed: { incident: string; report: IncidentReportKind; due: string; madeAt: string | null }[];
}

const day = (iso: string | null) => (iso ?? '').slice(0, 10);

export function periodicIncidentReport(projection: Projection, from: string, to: string, now = new Date()): PeriodicIncidentReport {
  const inPeriod = projection.incidents.filter((i) => {
    const recorded = day(i.recordedAt);
    const closed = day(i.closedAt);
    return (recorded >= from && recorded <= to) || (closed !== '' && closed >= from && closed <= to) || (recorded <= to && i.status !== 'closed');
  });
  return {
    kind: 'custos-incident-report',
    station: projection.station,
    period: { from, to },
    generatedAt: now.toISOString(),
    totals: {
      recorded: inPeriod.filter((i) => day(i.recordedAt) >= from && day(i.recordedAt) <= to).length,
      closed: inPeriod.filter((i) => i.status === 'closed' && day(i.closedAt) >= from && day(i.closedAt) <= to).length,
      stillOpen: inPeriod.filter((i) => i.status !== 'closed').length,
      significant: inPeriod.filter((i) => i.significant).length,
    },
    incidents: inPeriod,
    notificationsMade: projection.incidents.flatMap((i) =>
      i.notifications
        .filter((n) => day(n.at) >= from && day(n.at) <= to)
        .map((n) => ({ ...n, incident: i.id, late: i.deadlines.some((d) => d.report === n.report && d.state === 'made-late') })),
    ),
    deadlinesMissed: projection.incidents.flatMap((i) =>
      i.deadlines
        .filter((d) => (d.state === 'missed' || d.state === 'made-late') && d.due !== null && day(d.due) >= from && day(d.due) <= to)
        .map((d) => ({ incident: i.id, report: d.report, due: d.due!, madeAt: d.madeAt })),
    ),
  };
}
