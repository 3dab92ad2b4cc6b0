/**
 * From a stored line to a checked entry and back: the envelope (dsse.ts), the payload bytes it
 * carries, the payload parsed as canonical JSON and shape-checked (entry-payload.ts), and the
 * line's hash that the next entry's `prev` names. docs/record-format.md, "Stored line".
 */
import { hash } from 'node:crypto';
import { CustosError } from '../custos-error.ts';
import { parseCanonical } from './canonical-json.ts';
import { ENTRY_PAYLOAD_TYPE, decodeBase64, parseAnyEnvelope, readWrittenLine, signingDigest, type Envelope } from './dsse.ts';
import { checkPayload, type EntryPayload } from './entry-payload.ts';

export interface DecodedEntry {
  envelope: Envelope;
  payloadBytes: Uint8Array;
  payload: EntryPayload;
  /** SHA-256 of the stored line (without its newline), hex. */
  lineHash: string;
  /**
   * The DER bytes of each signature, when every `sig` is canonical base64 (as Custos writes them);
   * otherwise absent, and readers decode each `sig` themselves.
   */
  signatureDer?: Uint8Array[];
}

export function lineHash(line: Uint8Array): string {
  return hash('sha256', line, 'hex');
}

/** Decodes the envelope and payload of a stored line; throws CustosError with the first problem. */
export function decodeEntry(line: Uint8Array): DecodedEntry {
  const written = readWrittenLine(line);
  if (written) {
    const payload = checkPayload(parseCanonical(written.payloadBytes, 'The entry payload'));
    return { envelope: written.envelope, payloadBytes: written.payloadBytes, payload, lineHash: lineHash(line), signatureDer: written.signatureDer };
  }
  const envelope = parseAnyEnvelope(line);
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

const encoder = new TextEncoder();

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * The stored line for a payload and its signatures (station first): the JCS form of the envelope,
 * written directly (members in sorted order; JSON.stringify escapes strings exactly as JCS does).
 */
export function encodeLine(payloadBytes: Uint8Array, signatures: { keyid: string; sig: Uint8Array }[]): Uint8Array {
  const sigs = signatures.map((s) => `{"keyid":${JSON.stringify(s.keyid)},"sig":"${base64(s.sig)}"}`).join(',');
  return encoder.encode(`{"payload":"${base64(payloadBytes)}","payloadType":${JSON.stringify(ENTRY_PAYLOAD_TYPE)},"signatures":[${sigs}]}`);
}

/** The station key declared by the station-setup entry that opens every journal. */
export function declaredStationKey(payload: EntryPayload): { keyid: string; publicKey: Uint8Array } | null {
  const station = payload.body.station as { keyid?: unknown; publicKey?: unknown } | undefined;
  if (payload.index !== 0 || !station || typeof station.keyid !== 'string' || typeof station.publicKey !== 'string') return null;
  return { keyid: station.keyid, publicKey: new Uint8Array(Buffer.from(station.publicKey, 'hex')) };
}
