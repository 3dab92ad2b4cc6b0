/**
 * Headless incident record (procedure incident): opens a new incident with every register field,
 * updates one (only the fields given change), or closes it. Dates are YYYY-MM-DD.
 * Answers: station, participants, officer, witness, incident {id, action: open | update | close,
 * significant?, wallets?: [ids], fields {occurredAt, discoveredAt, nature, origin, toolsAndStaff,
 * impact, correctiveAction, targetDate, closedAt?, status?}, classification? {criteria {<each criterion>:
 * true | false}, detectedAt, classifiedAt}, notifications? [{report, at, authority, reference}]}
 * (incident@2: the regulatory clock; the engine computes `major` from the criteria).
 */
import { CustosError } from '../../custos-error.ts';
import { INCIDENT_REPORTS } from '../../../common/answers/vocabulary.ts';
import { INCIDENT_FIELDS } from '../../inventory/incidents.ts';
import { isMajor } from '../../../common/incidents/major-incident.ts';
import type { Classification, Notification } from '../../inventory/regulatory-clock.ts';
import { incident } from '../../procedures/incident.ts';
import type { JsonValue } from '../../record/entry-payload.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';

const REQUIRED_TO_OPEN = ['occurredAt', 'discoveredAt', 'nature', 'origin', 'toolsAndStaff', 'impact', 'correctiveAction', 'targetDate'];

/**
 * Refuses, nothing recorded, a notification of an incident not classified, one made before the
 * incident was detected or after now, a report already recorded or given twice, and a report whose
 * previous one (initial, then intermediate) is not recorded before it.
 */
function checkNotifications(
  id: string,
  given: readonly Notification[],
  classification: Classification | null,
  recorded: readonly Notification[],
  now: string,
): void {
  const refuse = (report: string, why: string) =>
    new CustosError('INCIDENT_NOTIFICATION_INVALID', `The ${report} report of incident ${id} ${why}. Nothing was recorded.`, { report });
  const all = [...recorded];
  for (const n of given) {
    if (!classification) throw refuse(n.report, 'is given, but the incident is not classified: give its classification first');
    if (n.at < classification.detectedAt) throw refuse(n.report, 'is dated before the incident was detected');
    if (n.at > now) throw refuse(n.report, 'is dated in the future');
    if (all.some((r) => r.report === n.report)) throw refuse(n.report, 'is already recorded');
    const before = INCIDENT_REPORTS[INCIDENT_REPORTS.indexOf(n.report) - 1];
    if (before && !all.some((r) => r.report === before && r.at <= n.at)) throw refuse(n.report, `comes before the ${before} report`);
    all.push(n);
  }
}

export async function runIncident(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('incident');
  const id = a.incident.id;
  const action = a.incident.action;
  const fields: { [key: string]: JsonValue } = {};
  for (const f of INCIDENT_FIELDS) {
    const value = a.incident.fields[f];
    if (value !== undefined) fields[f] = value;
  }
  if (action === 'open')
    for (const f of REQUIRED_TO_OPEN) if (fields[f] === undefined) throw invalid(`incident.fields.${f}`, 'is required to open an incident');
  if (action === 'open' && fields.discoveredAt! < fields.occurredAt!) throw invalid('incident.fields.discoveredAt', 'comes before the incident itself');
  const wallets = a.incident.wallets ?? [];
  const significant = a.incident.significant === true;
  const given = a.incident.classification;
  const classification: Classification | null = given ? { major: isMajor(given.criteria), ...given } : null;
  if (given && given.classifiedAt < given.detectedAt) throw invalid('incident.classification.classifiedAt', 'comes before the incident was detected');
  const notifications: Notification[] = a.incident.notifications ?? [];

  const media = CheckpointMedia.plan(a.witnessCheckpoints, [a.witness], dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const ceremony = ceremonyId('incident', station);
  try {
    const existing = station.incidents.byId.get(id);
    if (action === 'open' && existing)
      throw new CustosError('INCIDENT_EXISTS', `Incident ${id} is already in the register. Nothing was recorded.`, { incident: id });
    if (action !== 'open' && !existing)
      throw new CustosError('INCIDENT_NOT_FOUND', `Incident ${id} is not in the register. Nothing was recorded.`, { incident: id });
    if (action !== 'open' && existing?.status === 'closed')
      throw new CustosError('INCIDENT_CLOSED', `Incident ${id} is closed. Nothing was recorded.`, { incident: id });
    for (const w of wallets)
      if (!station.wallets.byId.has(w)) throw new CustosError('WALLET_NOT_FOUND', `No wallet named ${w} is recorded. Nothing was recorded.`, { wallet: w });
    const now = station.clock().toISOString();
    if (given && given.classifiedAt > now) throw invalid('incident.classification.classifiedAt', 'is in the future');
    checkNotifications(id, notifications, classification ?? existing?.classification ?? null, existing?.notifications ?? [], now);
    const [officer] = await present(station, answers, ceremony, [a.officer], 'officer');
    const [witness] = await present(station, answers, ceremony, [a.witness], 'witness');
    const run = await CeremonyRun.open(
      station,
      incident,
      ceremony,
      {
        incident: id,
        action,
        fields,
        wallets,
        significant,
        classification: classification as unknown as JsonValue,
        notifications: notifications as unknown as JsonValue,
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    return await guarded(run, officer!, witness!, async () => {
      const note = await run.close(
        [
          { signer: officer!, role: 'officer' },
          { signer: witness!, role: 'witness' },
        ],
        [witness!],
      );
      return {
        procedure: 'incident',
        ceremony,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { incident: id, action },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: ceremony });
    await station.close();
  }
}
