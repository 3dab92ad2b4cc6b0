/**
 * Headless station setup (procedure station-setup): declares the roster from the participants'
 * public key cards, unlocks the officer's and the witnesses' keys, and only then creates the station
 * key (sealed in the data directory to the station passphrase); two or more witnesses confirm the
 * roster, and the ceremony closes with the checkpoint they keep.
 * Answers: station {passphrase}, participants {name: {keyFile, passphrase}}, roster [{publicKeyFile,
 * roles}], officer, witnesses [names], policy? {approvers (2 to 16, default 2)}, witnessCheckpoints
 * {name: file}.
 */
import { createHash } from 'node:crypto';
import { CustosError } from '../../custos-error.ts';
import type { Role } from '../../procedures/definition.ts';
import { stationSetup } from '../../procedures/station-setup.ts';
import { APPROVERS_RANGE, DEFAULT_POLICY, readPolicy } from '../../procedures/station-policy.ts';
import { coreSigner } from '../../record/signer.ts';
import { SYSTEM, checkAirGap } from '../air-gap.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import type { Present } from '../participant-keys.ts';
import { readPublicKeyFile } from '../public-key-file.ts';
import { guarded, witnessNames, stationOptions, type RunEnvironment, type RunResult } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { Station } from '../station.ts';
import { naming } from '../sealed-file-errors.ts';

const CEREMONY = 'station-setup-0';

export async function runStationSetup(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('station-setup');
  const roster = a.roster.map((member) => {
    const card = readPublicKeyFile(member.publicKeyFile);
    return { keyid: card.keyid, publicKey: card.publicKey, name: card.name, roles: member.roles };
  });
  if (new Set(roster.map((r) => r.keyid)).size !== roster.length) throw invalid('roster', 'names the same key twice');
  const witnessLabels = witnessNames(a.witnesses);
  const media = CheckpointMedia.plan(a.witnessCheckpoints, witnessLabels, dir, answers.checkpointLater);
  const policy = a.policy === undefined ? DEFAULT_POLICY : readPolicy(a.policy);
  if (!policy) {
    throw new CustosError(
      'POLICY_INVALID',
      `The station policy must be {"approvers": n} with n from ${APPROVERS_RANGE.min} to ${APPROVERS_RANGE.max}. Nothing was recorded.`,
      {
        field: 'policy',
      },
    );
  }
  // The new station passphrase: at least 12 characters, and on a terminal typed twice (a new secret).
  await answers.ready({ field: 'station', name: 'passphrase', who: 'station', purpose: 'new-station', minLength: 12 });
  answers.secret('station', 'passphrase', 12);
  CeremonyRun.requireOffline({ airGap: () => checkAirGap(env.airGap ?? SYSTEM) }, env.drillOnline);

  const unlock = async (name: string, role: Role): Promise<Present> => {
    const material = await answers.keyReady(name);
    const key = await naming(`the key of ${name} (participants.${name})`, name, () =>
      env.client.call('unlockSigningKey', { ceremonyId: CEREMONY, ...material }),
    );
    const entry = roster.find((r) => r.keyid === key.keyId);
    if (!entry) throw new CustosError('SIGNER_UNKNOWN', `The key of ${name} is not in the roster being declared. Nothing was recorded.`, { who: name });
    if (!entry.roles.includes(role)) throw new CustosError('ROLE_NOT_HELD', `${name} is not declared as ${role}. Nothing was recorded.`, { who: name, role });
    return { ...coreSigner(env.client, key), name: entry.name, roles: entry.roles };
  };
  let station: Station | undefined;
  try {
    const officer = await unlock(a.officer, 'officer');
    const witnesses: Present[] = [];
    for (const name of witnessLabels) witnesses.push(await unlock(name, 'witness'));
    if (new Set(witnesses.map((w) => w.keyid)).size !== witnesses.length) throw invalid('witnesses', 'names the same person twice');
    station = await Station.create(dir, stationOptions(env, answers));
    const run = await CeremonyRun.open(
      station,
      stationSetup,
      CEREMONY,
      {
        station: { keyid: station.signer.keyid, publicKey: Buffer.from(station.signer.publicKey).toString('hex') },
        roster,
        policy: { ...policy },
      },
      [{ signer: officer, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    const asWitness = witnesses.map((w) => ({ signer: w, role: 'witness' as const }));
    return await guarded(run, officer, witnesses[0]!, async () => {
      await run.step('confirm-roster', { rosterHash: createHash('sha256').update(JSON.stringify(roster)).digest('hex') }, asWitness);
      const note = await run.close([{ signer: officer, role: 'officer' }, ...asWitness], witnesses);
      return {
        procedure: 'station-setup',
        ceremony: CEREMONY,
        size: station!.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { station: station!.signer.keyid, participants: roster.length },
      };
    });
  } finally {
    await env.client.call('endCeremony', { ceremonyId: CEREMONY });
    if (station) {
      await station.close().catch(() => undefined);
      Station.discardUnused(dir);
    }
  }
}
