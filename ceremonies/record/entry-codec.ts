/**
 * From a stored line to a checked entry and back: the envelope (dsse.ts), the payload bytes it
 * carries, the payload parsed as canonical JSON and shape-checked (entry-payload.ts), and the
 * line's hash that the next entry's `prev` names. docs/record-format.md, "Stored line".
 */
import { createHash } from 'node:crypto';
import { CustosError } from '../custos-error.ts';
import { canonicalBytes, parseCanonical } from './canonical-json.ts';
import { ENTRY_PAYLOAD_TYPE, decodeBase64, parseEnvelope, signingDigest, type Envelope } from './dsse.ts';
import { checkPayload, type EntryPayload } from './entry-payload.ts';

export interface DecodedEntry {
  envelope: Envelope;
  payloadBytes: Uint8Array;
  payload: EntryPayload;
  /** SHA-256 of the stored line (without its newline), hex. */
  lineHash: string;
}

export function lineHash(line: Uint8Array): string {
  return createHash('sha256').update(line).digest('hex');
}

/** Decodes the envelope and payload of a stored line; throws CustosError with the first problem. */
export function decodeEntry(line: Uint8Array): DecodedEntry {
  const envelope = parseEnvelope(line);
  if (envelope.payloadType !== ENTRY_PAYLOAD_TYPE) {
    throw new CustosError('PAYLOAD_TYPE_INVALID', `The entry's payload type is not "${ENTRY_PAYLOAD_TYPE}".`);
  }
  const payloadBytes = decodeBase64(envelope.payload, 'The payload');
  const payload = checkPayload(parseCanonical(payloadBytes, 'The entry payload'));
  return { envelope, payloadBytes, payload, lineHash: lineHash(line) };
}

export function entryDigest(entry: DecodedEntry): Uint8Array {
  return signingDigest(entry.envelope.payloadType, entry.payloadBytes);
}

/** The stored line for a payload and its signatures (station first). */
export function encodeLine(payloadBytes: Uint8Array, signatures: { keyid: string; sig: Uint8Array }[]): Uint8Array {
  return canonicalBytes({
    payload: Buffer.from(payloadBytes).toString('base64'),
    payloadType: ENTRY_PAYLOAD_TYPE,
    signatures: signatures.map((s) => ({ keyid: s.keyid, sig: Buffer.from(s.sig).toString('base64') })),
  });
}

/** The station key declared by the station-setup entry that opens every journal. */
export function declaredStationKey(payload: EntryPayload): { keyid: string; publicKey: Uint8Array } | null {
  const station = payload.body.station as { keyid?: unknown; publicKey?: unknown } | undefined;
  if (payload.index !== 0 || !station || typeof station.keyid !== 'string' || typeof station.publicKey !== 'string') return null;
  return { keyid: station.keyid, publicKey: new Uint8Array(Buffer.from(station.publicKey, 'hex')) };
}
