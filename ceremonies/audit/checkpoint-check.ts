/**
 * Checks checkpoints against the journal verified (docs/record-format.md, "Checkpoints"): the
 * station's signature; the witnesses' cosignatures (roster witnesses, distinct, at least as many as
 * the closing procedure requires); and the size and root. A stored checkpoint ahead of the journal
 * means entries were cut off the end; a witness's retained checkpoint ahead of it is a rollback; a
 * different root at the same size is a fork (a rewritten history). The signatures of all the
 * checkpoints are verified first, together, on the signature pool; the checks then run in order.
 */
import { checkpointDigest, parseCheckpoint, witnessName, type Checkpoint, type CheckpointSignature } from '../record/checkpoint.ts';
import type { CeremonyRules } from './ceremony-rules.ts';
import type { Findings } from './findings.ts';
import type { Participant } from './roster.ts';
import type { SignaturePool } from './signature-pool.ts';

type CheckpointOrigin = 'stored' | 'retained';

/**
 * What a checkpoint a witness kept (`--checkpoint`) showed, for the report's plain words: it
 * matched when it raised no finding (the journal's first `size` entries are the ones it covers)
 * and at least one rostered witness's cosignature on it verified; the witnesses are those. A
 * checkpoint only the station key signed never "matches": whoever holds that key could have made it
 * over a rewritten history.
 */
export interface RetainedCheckpoint {
  label: string;
  /** The entries it covers; null when it cannot be read. */
  size: number | null;
  matched: boolean;
  witnesses: string[];
}

export interface CheckpointToCheck {
  note: string;
  origin: CheckpointOrigin;
  label: string;
}

/** The station's signature line of a checkpoint: the first one named `station` with its key hash. */
function stationSignature(checkpoint: Checkpoint, stationKeyId: string): number {
  return checkpoint.signatures.findIndex((s) => s.name === 'station' && s.keyid4 === stationKeyId.slice(0, 8));
}

/** Roster participants by the `witness-…` name their key gives, in roster order (built once per check). */
type WitnessNames = Map<string, Participant[]>;

function witnessNames(rules: CeremonyRules): WitnessNames {
  const names: WitnessNames = new Map();
  for (const p of rules.roster.participants.values()) {
    const name = witnessName(p.keyid);
    const list = names.get(name);
    if (list) list.push(p);
    else names.set(name, [p]);
  }
  return names;
}

/** The roster witness a `witness-…` line names, if active at the checkpoint's last entry. */
function activeWitness(rules: CeremonyRules, names: WitnessNames, checkpoint: Checkpoint, s: CheckpointSignature): Participant | undefined {
  // The first participant in roster order whose key gives that name and starts with the key hash.
  const participant = names.get(s.name)?.find((p) => p.keyid.startsWith(s.keyid4));
  const active = participant && rules.roster.activeAt(participant.keyid, Math.max(0, checkpoint.size - 1));
  return participant && active && participant.roles.includes('witness') ? participant : undefined;
}

/** Which signature lines of each checkpoint verified, filled in as the pool answers. */
export type CheckpointResults = Map<number, boolean>[];

/**
 * Queues the checkpoints' signatures on the pool; their results are in once the pool is drained.
 * Only the signatures the checks look at are verified: the station's, and those of active roster
 * witnesses.
 */
export function queueCheckpointSignatures(parsed: (Checkpoint | Error)[], rules: CeremonyRules, pool: SignaturePool): CheckpointResults {
  const station = rules.roster.station;
  const valid: CheckpointResults = parsed.map(() => new Map<number, boolean>());
  const names = witnessNames(rules);
  for (const [i, checkpoint] of parsed.entries()) {
    if (checkpoint instanceof Error || !station || checkpoint.origin !== `custos-station/${station.keyid}`) continue;
    const digest = checkpointDigest(checkpoint.text);
    for (const [j, s] of checkpoint.signatures.entries()) {
      const publicKey =
        j === stationSignature(checkpoint, station.keyid)
          ? station.publicKey
          : s.name.startsWith('witness-')
            ? activeWitness(rules, names, checkpoint, s)?.publicKey
            : undefined;
      if (!publicKey) continue;
      const now = pool.addDer(digest, publicKey, s.sig, (ok) => valid[i]!.set(j, ok));
      if (now !== undefined) valid[i]!.set(j, now);
    }
  }
  return valid;
}

/**
 * Judges each checkpoint in turn, once the pool has answered for its signatures (the pool is
 * drained), and returns how many checkpoint signatures were checked and what each retained
 * checkpoint showed. Then every closed ceremony
 * must be covered by a sound checkpoint (station signature, root, and at least one witness's
 * cosignature) at or after its close: a close no witness ever cosigned could have been rolled back
 * or rewritten by the station key alone, so it is an error (CLOSE_NOT_CHECKPOINTED).
 */
export function judgeCheckpoints(
  checkpoints: CheckpointToCheck[],
  parsed: (Checkpoint | Error)[],
  valid: CheckpointResults,
  journalSize: number,
  roots: Map<number, Uint8Array>,
  rules: CeremonyRules,
  findings: Findings,
): { signatures: number; retained: RetainedCheckpoint[] } {
  const names = witnessNames(rules);
  let signatures = 0;
  const retained: RetainedCheckpoint[] = [];
  /** The largest size a sound, witness-cosigned checkpoint covers. */
  let covered = 0;
  for (const [i, { origin, label }] of checkpoints.entries()) {
    const before = findings.list.length;
    const judged = judge(parsed[i]!, valid[i]!, origin, label, journalSize, roots, rules, names, findings);
    signatures += judged.signatures;
    const sound = findings.list.length === before;
    if (sound && judged.witnesses.length > 0) covered = Math.max(covered, (parsed[i] as Checkpoint).size);
    if (origin === 'retained') {
      const checkpoint = parsed[i]!;
      retained.push({
        label,
        size: checkpoint instanceof Error ? null : checkpoint.size,
        matched: sound && judged.witnesses.length > 0,
        witnesses: judged.witnesses,
      });
    }
  }
  for (const c of rules.ceremonies) {
    if (c.state === 'closed' && c.endedAt !== null && c.endedAt >= covered) {
      findings.error(
        'CLOSE_NOT_CHECKPOINTED',
        `Ceremony ${c.id} closed, but no checkpoint cosigned by a witness covers its close: a witness's checkpoint is what shows it was not rolled back or rewritten. If the station stopped between the close and its checkpoint, the next ceremony's checkpoint covers it, or witnesses cosign one now with "custos checkpoint".`,
        c.endedAt,
        c.id,
        {
          ceremony: c.id,
        },
      );
    }
  }
  return { signatures, retained };
}

/** The findings for one checkpoint, given which of its signature lines verified. */
function judge(
  checkpoint: Checkpoint | Error,
  valid: Map<number, boolean>,
  origin: CheckpointOrigin,
  label: string,
  journalSize: number,
  roots: Map<number, Uint8Array>,
  rules: CeremonyRules,
  names: WitnessNames,
  findings: Findings,
): { signatures: number; witnesses: string[] } {
  const where = origin === 'stored' ? `Stored checkpoint ${label}` : `The retained checkpoint ${label}`;
  const none = { signatures: 0, witnesses: [] };
  if (checkpoint instanceof Error) {
    findings.error('CHECKPOINT_MALFORMED', `${where}: ${checkpoint.message}`, null, null, { checkpoint: label, origin });
    return none;
  }
  let signatures = 0;
  const station = rules.roster.station;
  if (!station || checkpoint.origin !== `custos-station/${station.keyid}`) {
    findings.error('CHECKPOINT_FOREIGN_STATION', `${where} belongs to another station.`, null, null, { checkpoint: label, origin });
    return none;
  }
  const stationAt = stationSignature(checkpoint, station.keyid);
  signatures += stationAt >= 0 ? 1 : 0;
  if (stationAt < 0 || valid.get(stationAt) !== true) {
    findings.error('CHECKPOINT_SIGNATURE_INVALID', `${where} is not validly signed by the station.`, null, null, { checkpoint: label, origin });
    return { signatures, witnesses: [] };
  }
  const witnesses = new Map<string, string>();
  for (const [j, s] of checkpoint.signatures.entries()) {
    if (!s.name.startsWith('witness-')) continue;
    signatures++;
    const participant = activeWitness(rules, names, checkpoint, s);
    if (!participant || valid.get(j) !== true) {
      findings.error('CHECKPOINT_COSIGNATURE_INVALID', `${where} carries a cosignature that is not a valid signature of a rostered witness.`, null, null, {
        checkpoint: label,
        origin,
        witness: s.name,
      });
      continue;
    }
    witnesses.set(participant.keyid, participant.name);
  }
  const required = rules.closeWitnesses.get(checkpoint.size - 1)?.required ?? 0;
  if (witnesses.size < required) {
    findings.error('CHECKPOINT_WITNESS_QUORUM', `${where} needs ${required} witness cosignature(s); it has ${witnesses.size}.`, checkpoint.size - 1, null, {
      checkpoint: label,
      origin,
      min: required,
      count: witnesses.size,
    });
  }
  if (checkpoint.size > journalSize) {
    if (origin === 'stored') {
      findings.error(
        'JOURNAL_TRUNCATED',
        `${where} covers ${checkpoint.size} entries, but the journal has only ${journalSize}: entries were removed from the end.`,
        journalSize,
        null,
        {
          checkpoint: label,
          origin,
          size: checkpoint.size,
          entries: journalSize,
        },
      );
    } else {
      findings.error(
        'CHECKPOINT_ROLLBACK',
        `${where} covers ${checkpoint.size} entries, but the journal has only ${journalSize}: the journal was rolled back.`,
        journalSize,
        null,
        {
          checkpoint: label,
          origin,
          size: checkpoint.size,
          entries: journalSize,
        },
      );
    }
    return { signatures, witnesses: [...witnesses.values()] };
  }
  const root = roots.get(checkpoint.size);
  if (!root || Buffer.compare(Buffer.from(root), Buffer.from(checkpoint.root)) !== 0) {
    findings.error(
      origin === 'stored' ? 'CHECKPOINT_ROOT_MISMATCH' : 'CHECKPOINT_FORK',
      `${where} does not match the journal's first ${checkpoint.size} entries: ${origin === 'stored' ? 'they were altered' : 'the history was rewritten (a fork)'}.`,
      checkpoint.size - 1,
      null,
      { checkpoint: label, origin, size: checkpoint.size },
    );
  }
  return { signatures, witnesses: [...witnesses.values()] };
}

/** Each checkpoint parsed, or the error that says why it cannot be (reported when it is checked). */
export function parseCheckpoints(checkpoints: CheckpointToCheck[]): (Checkpoint | Error)[] {
  return checkpoints.map(({ note }) => {
    try {
      return parseCheckpoint(note);
    } catch (error) {
      return error as Error;
    }
  });
}

/** The sizes the parsed checkpoints need roots for (unparseable ones are skipped here). */
export function checkpointSizes(parsed: (Checkpoint | Error)[]): Set<number> {
  const sizes = new Set<number>();
  for (const checkpoint of parsed) if (!(checkpoint instanceof Error)) sizes.add(checkpoint.size);
  return sizes;
}
