/**
 * Checkpoints of the whole journal (docs/record-format.md, "Checkpoints"), in the shape of C2SP
 * tlog-checkpoint inside a C2SP signed note:
 *   custos-station/<station key id>\n<size>\n<base64 RFC 6962 root>\n\n— <name> <base64(sig)>\n…
 * Each signature is ECDSA secp256k1 (DER) over SHA-256 of the note text (the three lines and their
 * newlines), preceded in its base64 by the first 4 bytes of the signer's key id (the note key hash).
 * The station signs first ("station"), then each witness present cosigns ("witness-<key id, 16 hex>").
 * A witness keeps the last checkpoint it signed; `custos verify --checkpoint` uses it to catch a
 * rollback or a fork of the whole journal.
 */
import { createHash } from 'node:crypto';
import { CustosError } from '../custos-error.ts';
import type { Signer } from './signer.ts';

export interface CheckpointSignature {
  name: string;
  keyid4: string;
  sig: Uint8Array;
}

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
  text: string;
  signatures: CheckpointSignature[];
}

const DASH = '\u2014';

export function checkpointText(stationKeyId: string, size: number, root: Uint8Array): string {
  return `custos-station/${stationKeyId}\n${size}\n${Buffer.from(root).toString('base64')}\n`;
}

export function checkpointDigest(text: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(text, 'utf8').digest());
}

export function witnessName(keyid: string): string {
  return `witness-${keyid.slice(0, 16)}`;
}

export function signatureLine(name: string, keyid: string, sig: Uint8Array): string {
  const blob = Buffer.concat([Buffer.from(keyid.slice(0, 8), 'hex'), Buffer.from(sig)]);
  return `${DASH} ${name} ${blob.toString('base64')}\n`;
}

/** Signs a new checkpoint with the station and the witnesses present; returns the note text. */
export async function signCheckpoint(station: Signer, witnesses: Signer[], size: number, root: Uint8Array): Promise<string> {
  const text = checkpointText(station.keyid, size, root);
  const digest = checkpointDigest(text);
  let note = `${text}\n${signatureLine('station', station.keyid, await station.sign(digest))}`;
  for (const w of witnesses) note += signatureLine(witnessName(w.keyid), w.keyid, await w.sign(digest));
  return note;
}

/** Parses a checkpoint note; throws CHECKPOINT_MALFORMED. */
export function parseCheckpoint(note: string): Checkpoint {
  const bad = (why: string) => new CustosError('CHECKPOINT_MALFORMED', `This checkpoint is not readable: ${why}.`);
  const split = note.indexOf('\n\n');
  if (split < 0) throw bad('no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const lines = text.split('\n');
  if (lines.length !== 4 || lines[3] !== '') throw bad('the body must have exactly three lines');
  const [origin, sizeText, rootText] = lines as [string, string, string];
  if (!/^custos-station\/[0-9a-f]{64}$/u.test(origin)) throw bad('the first line must name a Custos station');
  if (!/^(0|[1-9]\d{0,15})$/u.test(sizeText)) throw bad('the size must be a whole number');
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootText) throw bad('the root must be 32 bytes in base64');
  const signatures: CheckpointSignature[] = [];
  for (const line of note.slice(split + 2).split('\n')) {
    if (line === '') continue;
    const m = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/u.exec(line);
    if (!m) throw bad('a signature line is malformed');
    const blob = Buffer.from(m[2]!, 'base64');
    if (blob.length < 12) throw bad('a signature is too short');
    signatures.push({ name: m[1]!, keyid4: blob.subarray(0, 4).toString('hex'), sig: new Uint8Array(blob.subarray(4)) });
  }
  if (!note.endsWith('\n')) throw bad('it must end with a newline');
  return { origin, size: Number(sizeText), root: new Uint8Array(root), text, signatures };
}
