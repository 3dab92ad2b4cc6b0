/**
 * Incident reports (R5): one incident with its full register fields and history, or the periodic
 * report of a period (incidents recorded, open or closed in it), for the regulator and the board.
 * Built from the replay projection only, so the report says exactly what the record says.
 */
import type { IncidentView } from '../inventory/incidents.ts';
import type { Projection } from './replay.ts';

export interface PeriodicIncidentReport {
  kind: 'custos-incident-report';
  station: string | null;
  period: { from: string; to: string };
  generatedAt: string;
  totals: { recorded: number; closed: number; stillOpen: number; significant: number };
  incidents: IncidentView[];
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
  };
}
