/**
 * Checks a checkpoint against the journal verified (docs/record-format.md, "Checkpoints"): the
 * station's signature; the witnesses' cosignatures (roster witnesses, distinct, at least as many as
 * the closing procedure requires); and the size and root. A stored checkpoint ahead of the journal
 * means entries were cut off the end; a witness's retained checkpoint ahead of it is a rollback; a
 * different root at the same size is a fork (a rewritten history).
 */
import { checkpointDigest, parseCheckpoint, witnessName } from '../record/checkpoint.ts';
import type { SignatureVerifier } from '../record/signature-verifier.ts';
import type { CeremonyRules } from './ceremony-rules.ts';
import type { Findings } from './findings.ts';

export type CheckpointOrigin = 'stored' | 'retained';

export function checkCheckpoint(
  note: string, origin: CheckpointOrigin, label: string, journalSize: number, roots: Map<number, Uint8Array>,
  rules: CeremonyRules, verifier: SignatureVerifier, findings: Findings,
): number {
  const where = origin === 'stored' ? `Stored checkpoint ${label}` : `The retained checkpoint ${label}`;
  let checkpoint;
  try {
    checkpoint = parseCheckpoint(note);
  } catch (error) {
    findings.error('CHECKPOINT_MALFORMED', `${where}: ${(error as Error).message}`);
    return 0;
  }
  let signatures = 0;
  const station = rules.roster.station;
  if (!station || checkpoint.origin !== `custos-station/${station.keyid}`) {
    findings.error('CHECKPOINT_FOREIGN_STATION', `${where} belongs to another station.`);
    return signatures;
  }
  const digest = checkpointDigest(checkpoint.text);
  const stationSig = checkpoint.signatures.find((s) => s.name === 'station' && s.keyid4 === station.keyid.slice(0, 8));
  signatures += stationSig ? 1 : 0;
  if (!stationSig || !verifier.verify(digest, station.publicKey, stationSig.sig)) {
    findings.error('CHECKPOINT_SIGNATURE_INVALID', `${where} is not validly signed by the station.`, null);
    return signatures;
  }
  const witnesses = new Set<string>();
  for (const s of checkpoint.signatures) {
    if (!s.name.startsWith('witness-')) continue;
    signatures++;
    const participant = [...rules.roster.participants.values()].find((p) => witnessName(p.keyid) === s.name && p.keyid.startsWith(s.keyid4));
    const active = participant && rules.roster.activeAt(participant.keyid, Math.max(0, checkpoint.size - 1));
    if (!participant || !active || !participant.roles.includes('witness') || !verifier.verify(digest, participant.publicKey, s.sig)) {
      findings.error('CHECKPOINT_COSIGNATURE_INVALID', `${where} carries a cosignature that is not a valid signature of a rostered witness.`);
      continue;
    }
    witnesses.add(participant.keyid);
  }
  const required = rules.closeWitnesses.get(checkpoint.size - 1)?.required ?? 0;
  if (witnesses.size < required) {
    findings.error('CHECKPOINT_WITNESS_QUORUM', `${where} needs ${required} witness cosignature(s); it has ${witnesses.size}.`, checkpoint.size - 1);
  }
  if (checkpoint.size > journalSize) {
    if (origin === 'stored') {
      findings.error('JOURNAL_TRUNCATED', `${where} covers ${checkpoint.size} entries, but the journal has only ${journalSize}: entries were removed from the end.`, journalSize);
    } else {
      findings.error('CHECKPOINT_ROLLBACK', `${where} covers ${checkpoint.size} entries, but the journal has only ${journalSize}: the journal was rolled back.`, journalSize);
    }
    return signatures;
  }
  const root = roots.get(checkpoint.size);
  if (!root || Buffer.compare(Buffer.from(root), Buffer.from(checkpoint.root)) !== 0) {
    findings.error(
      origin === 'stored' ? 'CHECKPOINT_ROOT_MISMATCH' : 'CHECKPOINT_FORK',
      `${where} does not match the journal's first ${checkpoint.size} entries: ${origin === 'stored' ? 'they were altered' : 'the history was rewritten (a fork)'}.`,
      checkpoint.size - 1,
    );
  }
  return signatures;
}

/** The sizes a set of checkpoint notes needs roots for (unparseable notes are skipped here). */
export function checkpointSizes(notes: string[]): Set<number> {
  const sizes = new Set<number>();
  for (const note of notes) {
    try {
      sizes.add(parseCheckpoint(note).size);
    } catch {
      // reported when checked
    }
  }
  return sizes;
}
