/**
 * Headless enrolment (procedure enrol-participant): the officer names the participant and their
 * roles from their public key card; the participant proves they hold the key by signing, with a
 * witness; officer and witness close. The key counts from the close on.
 * Answers: station, participants, officer, witness, enrol {publicKeyFile, roles, present}.
 */
import { CustosError } from '../../custos-error.ts';
import { enrolParticipant } from '../../procedures/enrol-participant.ts';
import { coreSigner } from '../../record/signer.ts';
import type { Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { readPublicKeyFile } from '../public-key-file.ts';
import { ceremonyId, guarded, openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { naming } from '../sealed-file-errors.ts';

export async function runEnrol(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('enrol-participant');
  const card = readPublicKeyFile(a.enrol.publicKeyFile);
  const roles = a.enrol.roles;
  const media = CheckpointMedia.plan(a.witnessCheckpoints, [a.witness], dir, answers.checkpointLater);
  const station = await openStation(dir, env, answers);
  const id = ceremonyId('enrol-participant', station);
  try {
    if (station.rules.roster.participants.has(card.keyid)) {
      throw new CustosError('PARTICIPANT_ALREADY_ENROLLED', `${card.name}’s key is already on the roster. Nothing was recorded.`, { keyid: card.keyid });
    }
    const [officer] = await present(station, answers, id, [a.officer], 'officer');
    const [witness] = await present(station, answers, id, [a.witness], 'witness');
    const subjectName = a.enrol.present;
    const material = await answers.keyReady(subjectName, card.name);
    const unlocked = await naming(`the key of ${subjectName} (participants.${subjectName})`, subjectName, () =>
      station.client.call('unlockSigningKey', { ceremonyId: id, ...material }),
    );
    if (unlocked.keyId !== card.keyid) {
      throw new CustosError('SUBJECT_KEY_MISMATCH', `The key ${subjectName} unlocked is not the one on the public key card. Nothing was recorded.`, {
        who: subjectName,
      });
    }
    const subject = coreSigner(station.client, unlocked);
    const run = await CeremonyRun.open(
      station,
      enrolParticipant,
      id,
      {
        participant: { keyid: card.keyid, publicKey: card.publicKey, name: card.name, roles },
      },
      [{ signer: officer!, role: 'officer' }],
      { drillOnline: env.drillOnline },
    );
    return await guarded(run, officer!, witness!, async () => {
      await run.step('prove-key', { keyid: card.keyid }, [
        { signer: subject, role: 'subject' },
        { signer: witness!, role: 'witness' },
      ]);
      const note = await run.close(
        [
          { signer: officer!, role: 'officer' },
          { signer: witness!, role: 'witness' },
        ],
        [witness!],
      );
      return {
        procedure: 'enrol-participant',
        ceremony: id,
        size: station.writer.store.state.size,
        checkpoint: note,
        outputs: await media.keep(note),
        facts: { enrolled: card.name, keyid: card.keyid, roles: roles.join(', ') },
      };
    });
  } finally {
    await station.client.call('endCeremony', { ceremonyId: id });
    await station.close();
  }
}
