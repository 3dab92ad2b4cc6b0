/**
 * What every headless run shares (docs/cli.md, "custos run"): the environment (crypto core, clock,
 * air-gap sources, app root, drill override), opening the station from the answers, resolving the
 * participants present by name with their roles checked against the roster, writing the checkpoint
 * each witness keeps (checkpoint-media.ts), and the rule that a failure after a ceremony opened aborts it with its reason.
 */
import { readEvidencePlan } from './evidence-plan.ts';
import type { CryptoClient } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import { procedureRef, type Role } from '../procedures/definition.ts';
import type { Appended } from '../record/record-writer.ts';
import { SYSTEM, checkAirGap, type AirGapSources } from './air-gap.ts';
import { invalid, type Answers } from './answers.ts';
import { CeremonyRun } from './ceremony-run.ts';
import { NOT_RESUMABLE, Resumption } from './resumption.ts';
import { presentByCard, requireDistinct, requireRole, unlockParticipant, type Present } from './participant-keys.ts';
import { retryingPassphrase } from './sealed-file-errors.ts';
import { Station, type StationOptions } from './station.ts';

export interface RunEnvironment {
  client: CryptoClient;
  appRoot: string;
  clock?: () => Date;
  airGap?: AirGapSources;
  drillOnline?: string;
  /** Told of each entry appended (the desktop app's ceremony runner). */
  onAppended?: (entry: Appended) => void;
  /** The signal that asked the run to stop, if any (the CLI's Ctrl-C): the ceremony is then aborted with it. */
  stopRequested?: () => string | null;
  /** Shown each entry before it is signed (a terminal asks "yes"): StationOptions.confirmEntry. */
  confirmEntry?: StationOptions['confirmEntry'];
  /** custos run --resume: go on with the ceremony an interrupted run left open, matching what it recorded (resumption.ts). */
  resume?: boolean;
  /** Told what the people should know before the ceremony goes on: a close left without its checkpoint (in the English words given). */
  notice?: (what: 'checkpoint-owed', text: string) => void;
  /** A person at a screen (the desktop app): lets paper shares be shown to their holders. */
  screen?: CeremonyScreen;
}

/** A share on paper, shown to its holder alone; they write it down, then type it back to prove it. */
interface ShareWordsShown {
  holder: string;
  index: number;
  of: number;
  bagSerial: string;
  words: string[];
  qr: string;
  /** 1 the first time; more when the words typed back did not prove the share. */
  attempt: number;
}

export interface CeremonyScreen {
  /** Shows the words to their holder and resolves with the words the holder typed back. */
  showShareWords(share: ShareWordsShown): Promise<string>;
}

export interface RunResult {
  procedure: string;
  ceremony: string;
  /** Journal size after the run, and the checkpoint note the witnesses keep. */
  size: number;
  checkpoint: string;
  /** Files written for people (share files, witness checkpoints, signed transactions). */
  outputs: string[];
  /** Public facts worth showing (wallet id, fingerprint, txid…). */
  facts: { [key: string]: string | number };
  /** Set when the ceremony stays open, waiting for something from outside (what, in words). */
  waiting?: string;
}

export function stationOptions(env: RunEnvironment, answers: Answers) {
  return {
    client: env.client,
    passphrase: answers.passphrase('station'),
    clock: env.clock,
    airGap: env.airGap,
    appRoot: env.appRoot,
    onAppended: env.onAppended,
    stopRequested: env.stopRequested,
    confirmEntry: env.confirmEntry,
    holdBackOpen: env.resume === true,
  };
}

/**
 * Opens the station, after checking the air gap: no key is unlocked on a connected machine. Unless
 * the run takes up the open ceremony (`resuming`: a rotation's second sitting, an abort), a ceremony
 * left open is refused right away, before anyone's key is unlocked (CEREMONY_WAITING says how to abort it).
 */
export async function openStation(dir: string, env: RunEnvironment, answers: Answers, options: { resuming?: boolean } = {}): Promise<Station> {
  CeremonyRun.requireOffline({ airGap: () => checkAirGap(env.airGap ?? SYSTEM) }, env.drillOnline);
  // The evidence files are read before anything else: one that cannot be changes nothing.
  const evidence = readEvidencePlan(answers);
  const station = await retryingPassphrase(answers, { field: 'station', name: 'passphrase', who: 'station', purpose: 'station' }, () =>
    Station.open(dir, stationOptions(env, answers)),
  );
  station.evidence = evidence;
  if (env.resume && !options.resuming) {
    // custos run --resume: the run goes on with the ceremony an interrupted run left open (resumption.ts).
    const open = station.rules.inProgress;
    if (!open?.procedure) {
      await station.close();
      throw new CustosError(
        'NO_CEREMONY_OPEN',
        'No ceremony is open on this station: there is nothing to resume. Run it without --resume. Nothing was recorded.',
        {},
      );
    }
    if (NOT_RESUMABLE.has(open.procedure.id)) {
      await station.close();
      throw new CustosError(
        'CEREMONY_NOT_RESUMABLE',
        `Ceremony ${open.id} (${open.procedure.id}) cannot be resumed: a ${open.procedure.id} makes something new each time it runs (a wallet, a sealed share), so what it recorded cannot be done again identically. Nothing was recorded; the ceremony is still open: abort it with an officer and a witness (custos abort ${dir} --reason "…"), then run it again.`,
        {
          ceremony: open.id,
          procedure: open.procedure.id,
          dir,
        },
      );
    }
    station.resumption = Resumption.of(dir, open.id, procedureRef(open.procedure), (entry) => station.replayHeld(entry.index));
    return station;
  }
  // Not a resume after all (a rotation's second sitting, an abort): the inventory takes every entry.
  station.releaseHeld();
  if (!options.resuming) {
    try {
      CeremonyRun.requireNoneWaiting(station);
    } catch (error) {
      await station.close();
      throw error;
    }
  }
  if (station.writer.checkpointOwed) {
    env.notice?.(
      'checkpoint-owed',
      `the last ceremony closed, but the station stopped before its checkpoint was written (verify reports CLOSE_NOT_CHECKPOINTED): this run's checkpoint covers it, or witnesses can cosign one with "custos checkpoint ${dir}".`,
    );
  }
  return station;
}

/** The ceremony id: the procedure and the journal position it opens at (unique per station). */
export function ceremonyId(procedure: string, station: Station): string {
  const resuming = station.resumption;
  if (resuming) {
    // --resume goes on with the ceremony left open, which must be of this procedure.
    if (!resuming.procedureId.startsWith(`${procedure}@`)) {
      throw new CustosError(
        'CEREMONY_RESUME_OTHER',
        `The ceremony left open is ${resuming.ceremony} (${resuming.procedureId.split('@')[0]}), not a ${procedure}: resume it with that procedure, or abort it (custos abort). Nothing was recorded.`,
        {
          ceremony: resuming.ceremony,
          procedure: resuming.procedureId.split('@')[0]!,
        },
      );
    }
    return resuming.ceremony;
  }
  return `${procedure}-${station.writer.store.state.size}`;
}

/**
 * The named participants for `ceremony`, each checked to hold `role`: unlocked now, or, in the guided
 * ceremony, identified by their key file's card and unlocked at their first signature (ADR 0025).
 */
export async function present(station: Station, answers: Answers, ceremony: string, names: string[], role: Role): Promise<Present[]> {
  const people: Present[] = [];
  for (const name of names) {
    const retry = <T>(open: () => Promise<T>) =>
      retryingPassphrase(answers, { field: `participants.${name}`, name: 'passphrase', who: name, purpose: 'key' }, open);
    const later = answers.unlocksAtSignature
      ? await presentByCard(station.client, ceremony, answers.keyFile(name), station.rules, name, (unlock) => retry(() => unlock(answers.key(name).passphrase)))
      : null;
    const person = later ?? (await retry(() => unlockParticipant(station.client, ceremony, answers.key(name), station.rules, name)));
    people.push(requireRole(person, role, name));
  }
  requireDistinct(people, `${role}s`);
  return people;
}

/** The witnesses present (answers.witnesses): at least two different ones (the close and its checkpoint need two). */
export function witnessNames(names: readonly string[]): string[] {
  if (new Set(names).size < 2) throw invalid('witnesses', 'must name at least two different witnesses');
  return [...names];
}

/**
 * Runs the body of an opened ceremony; on failure, aborts it with the reason and rethrows. A failure
 * after the close (a witness's medium that cannot be written) is rethrown as it is: the ceremony stays closed.
 */
export async function guarded<T>(run: CeremonyRun, officer: Present, witness: Present, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    // A resume that does not match what was recorded leaves the ceremony as it was: open, for the people to decide.
    if (run.closed || (error instanceof CustosError && error.code === 'CEREMONY_RESUME_MISMATCH')) {
      if (!run.closed) await run.end();
      throw error;
    }
    const reason = error instanceof CustosError ? `${error.code}: ${error.message}` : 'an unexpected failure';
    try {
      await run.abort(reason.slice(0, 400), officer, witness);
    } catch {
      await run.end();
    }
    throw error;
  }
}
