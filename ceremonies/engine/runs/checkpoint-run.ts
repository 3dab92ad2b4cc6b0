/**
 * A checkpoint cosigned now, outside any ceremony (docs/cli.md, "custos checkpoint"; docs/record-format.md,
 * "Checkpoints"): the station and the witnesses present sign the journal's size and root as it
 * stands, the station keeps it, and each witness leaves with it on their own medium. It appends
 * nothing to the journal. Its use: a station that stopped between a ceremony's close and that
 * close's checkpoint (a power loss, a SIGKILL) has a close no witness cosigned, which verify reports
 * (CLOSE_NOT_CHECKPOINTED) until a checkpoint covers it; this is that checkpoint, made with the
 * witnesses present, without waiting for the next ceremony. A ceremony still open is ended first
 * (custos abort). Answers: station, participants, witnesses (one or more; as many as the last close
 * needed when the journal ends on a close), witnessCheckpoints.
 */
import { invalid, type Answers } from '../answers.ts';
import { CheckpointMedia } from '../checkpoint-media.ts';
import { openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';

export async function runCheckpoint(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('checkpoint');
  const names = a.witnesses;
  if (names.length === 0) throw invalid('witnesses', 'must name at least one witness, who cosigns the checkpoint and keeps it');
  const media = CheckpointMedia.plan(a.witnessCheckpoints, names, dir, answers.checkpointLater);
  // The close this checkpoint may cover is no news to the people making it.
  const station = await openStation(dir, { ...env, notice: undefined }, answers);
  const size = station.writer.store.state.size;
  const session = `checkpoint-${size}`;
  try {
    // A checkpoint that ends on a close carries that close's witness quorum, as the close's own would.
    const required = station.rules.closeWitnesses.get(size - 1)?.required ?? 1;
    if (new Set(names).size < required) {
      throw invalid(
        'witnesses',
        `must name at least ${required} different witnesses: the last ceremony closed with that many, and its checkpoint needs as many cosignatures`,
      );
    }
    const witnesses = await present(station, answers, session, names, 'witness');
    const { note } = await station.writer.checkpoint(witnesses);
    return {
      procedure: 'checkpoint',
      ceremony: session,
      size,
      checkpoint: note,
      outputs: await media.keep(note),
      facts: { cosignedBy: witnesses.map((w) => w.name).join(', ') },
    };
  } finally {
    await station.client.call('endCeremony', { ceremonyId: session });
    await station.close();
  }
}
