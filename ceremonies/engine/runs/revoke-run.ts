/**
 * Headless revocation (procedure revoke-participant): an officer and a witness revoke a key, with a
 * reason; from the close on, that key's signatures are refused. The last officer cannot be revoked.
 * Answers: station, participants, officer, witness, revoke {keyid | publicKeyFile, reason}.
 */
import { CustosError } from '../../custos-error.ts';
import { revokeParticipant } from '../../procedures/revoke-participant.ts';
import type { Answers } from '../answers.ts';
import { need } from '../typed-answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { readPublicKeyFile } from '../public-key-file.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';

export async function runRevoke(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('revoke-participant');
  const card = a.revoke.publicKeyFile;
  // By the key's public card, or else by its id.
  const keyid = card !== undefined ? readPublicKeyFile(card).keyid : need(a.revoke, 'keyid');
  const reason = a.revoke.reason;
  const media = CheckpointMedia.plan(a.witnessCheckpoints, [a.witness], dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('revoke-participant', station);
  try {
    const roster = station.rules.roster;
    const target = roster.participants.get(keyid);
    if (!target) throw new CustosError('PARTICIPANT_NOT_FOUND', 'No participant on the roster has this key. Nothing was recorded.', { keyid });
    if (target.revokedAt !== null)
      throw new CustosError('PARTICIPANT_ALREADY_REVOKED', `${target.name}’s key is already revoked. Nothing was recorded.`, { keyid });
    const officers = [...roster.participants.values()].filter((p) => p.revokedAt === null && p.roles.includes('officer'));
    if (target.roles.includes('officer') && officers.length === 1) {
      throw new CustosError('LAST_OFFICER', `${target.name} is the last officer: enrol another officer before revoking this key. Nothing was recorded.`, {
        keyid,
      });
    }
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const [witness] = await present(station, answers, id, [a.witness], 'witness');
    const run = await CeremonyRun.open(station, revokeParticipant, id, { keyid, reason }, [{ signer: officer!, role: 'officer' }], {
      drillOnline: env.drillOnline,
    });
    return await guarded(run, officer!, witness!, async () => {
      const note = await run.close(
        [
          { signer: officer!, role: 'officer' },
          { signer: witness!, role: 'witness' },
        ],
        [witness!],
      );
      return {
        procedure: 'revoke-participant',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { revoked: target.name, keyid },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
