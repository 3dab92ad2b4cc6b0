/**
 * Aborting the ceremony that is open on a station, whatever its procedure (docs/cli.md,
 * "custos abort"): a run killed between its open and its close (SIGKILL, power loss), or a rotation
 * waiting for its sweep. An officer and a witness sign the abort with its reason (ABORT_STEP); what
 * the abort leaves in the inventory is each procedure's own (docs/procedures.md, "If it is aborted").
 * Answers: station, participants, officer, witness, reason, ceremony? (the id the people read on
 * screen; when given, it must be the one open, so that no one aborts a ceremony they did not mean).
 */
import { CustosError } from '../../custos-error.ts';
import { invalid, type Answers } from '../answers.ts';
import { CeremonyRun } from '../ceremony-run.ts';
import { requireDistinct } from '../participant-keys.ts';
import { openStation, present, type RunEnvironment, type RunResult } from '../run-context.ts';
import type { Station } from '../station.ts';

/** The reason of an abort (answers.<field>): the text the people present agree on, recorded as it is. */
export function abortReason(reason: string, field: string): string {
  if (!reason.trim()) throw invalid(field, 'must say why the ceremony is aborted');
  return reason.trim();
}

/** Who aborts: the labels of the officer and the witness present. */
export interface Aborters {
  readonly officer: string;
  readonly witness: string;
}

/** Aborts the open ceremony of `station` with `reason`, signed by the officer and the witness the answers name. */
export async function abortOpenCeremony(station: Station, answers: Answers, people: Aborters, reason: string, expected?: string): Promise<RunResult> {
  const run = CeremonyRun.takeOver(station);
  if (expected !== undefined && expected !== run.id) {
    throw new CustosError(
      'ABORT_WRONG_CEREMONY',
      `The ceremony open on this station is ${run.id} (${run.procedure.id}), not ${expected}. Nothing was recorded.`,
      {
        open: run.id,
        expected,
      },
    );
  }
  try {
    const [officer] = await present(station, answers, run.id, [people.officer], 'officer');
    const [witness] = await present(station, answers, run.id, [people.witness], 'witness');
    requireDistinct([officer!, witness!], 'officer and witness');
    await run.abort(reason, officer!, witness!, true);
  } finally {
    await run.end();
  }
  return {
    procedure: run.procedure.id,
    ceremony: run.id,
    size: station.writer.store.state.size,
    checkpoint: '',
    outputs: [],
    facts: { aborted: reason },
  };
}

export async function runAbort(dir: string, answers: Answers, env: RunEnvironment): Promise<RunResult> {
  const a = answers.typed('abort');
  const reason = abortReason(a.reason, 'reason');
  const expected = a.ceremony;
  const station = await openStation(dir, env, answers, { resuming: true });
  try {
    return await abortOpenCeremony(station, answers, a, reason, expected);
  } finally {
    await station.close();
  }
}
