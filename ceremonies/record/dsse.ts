/**
 * DSSE envelopes (https://github.com/secure-systems-lab/dsse, "Protocol" and "Envelope"): the
 * signatures are over PAE(payloadType, payload) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body,
 * lengths as ASCII decimal. Custos signs SHA-256(PAE) with ECDSA secp256k1 (DER), which is
 * ECDSA-SHA256 over the PAE bytes: `openssl dgst -sha256 -verify` checks it. The stored line is the
 * JCS form of the envelope {payload (base64), payloadType, signatures [{keyid, sig (base64)}]}.
 * A line in the exact shape Custos writes is read directly; any other line goes through the general
 * canonical-JSON reader, which names its problem.
 */
import { isAscii } from 'node:buffer';
import { hash } from 'node:crypto';
import { CustosError } from '../custos-error.ts';
import { parseCanonical } from './canonical-json.ts';

export const ENTRY_PAYLOAD_TYPE = 'application/vnd.custos.entry+json; version=1';

interface EnvelopeSignature {
  keyid: string;
  sig: string;
}

export interface Envelope {
  payload: string;
  payloadType: string;
  signatures: EnvelopeSignature[];
}

function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const typeLength = Buffer.byteLength(payloadType);
  const head = `DSSEv1 ${typeLength} ${payloadType} ${payload.length} `;
  const headLength = Buffer.byteLength(head);
  const out = Buffer.allocUnsafe(headLength + payload.length);
  out.write(head, 0, headLength, 'utf8');
  out.set(payload, headLength);
  return out;
}

/** The 32-byte digest every signature of the entry is made over. */
export function signingDigest(payloadType: string, payload: Uint8Array): Uint8Array {
  const digest = hash('sha256', pae(payloadType, payload), 'buffer');
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

const KEYID = /^[0-9a-f]{64}$/u;

export function decodeBase64(text: string, what: string): Uint8Array {
  const bytes = base64OrNull(text);
  if (!bytes) throw new CustosError('ENVELOPE_INVALID', `${what} is not canonical base64.`);
  return new Uint8Array(bytes);
}

/**
 * The bytes of canonical base64 text, else null. The round trip rejects foreign characters,
 * padding errors and non-zero unused bits alike, so each byte string has exactly one accepted
 * encoding (and accepted text holds only the base64 alphabet and `=`).
 */
function base64OrNull(text: string): Buffer | null {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : null;
}

/** A stored line in the shape Custos writes, with its base64 fields decoded. */
export interface WrittenLine {
  envelope: Envelope;
  payloadBytes: Uint8Array;
  /** The DER bytes of each signature, in order. */
  signatureDer: Uint8Array[];
}

const HEAD = '{"payload":"';
const MIDDLE = `","payloadType":${JSON.stringify(ENTRY_PAYLOAD_TYPE)},"signatures":[`;
const KEYID_AT = '{"keyid":"'.length;
const SIG_AT = KEYID_AT + 64 + '","sig":"'.length;

/**
 * Reads a line written exactly as Custos writes it: `{"payload":"…","payloadType":"<entry type>",
 * "signatures":[{"keyid":"<64 hex>","sig":"…"},…]}` with at least one signature and every base64
 * field canonical. Such a line is canonical JSON (its strings hold only the base64 alphabet and hex,
 * which JCS writes as they are), names no key twice and has the envelope's shape, so the general
 * reader would accept it with the same values. Anything else gives null, and the general reader
 * decides (and names the problem).
 */
export function readWrittenLine(line: Uint8Array): WrittenLine | null {
  // Every character of that shape is ASCII: a line with any other byte is for the general reader.
  const bytes = Buffer.from(line.buffer, line.byteOffset, line.byteLength);
  if (!isAscii(bytes)) return null;
  const text = bytes.toString('latin1');
  if (!text.startsWith(HEAD)) return null;
  const payloadEnd = text.indexOf('"', HEAD.length);
  if (payloadEnd < 0 || !text.startsWith(MIDDLE, payloadEnd)) return null;
  const payload = text.slice(HEAD.length, payloadEnd);
  const payloadBytes = base64OrNull(payload);
  if (!payloadBytes) return null;
  const signatures: EnvelopeSignature[] = [];
  const signatureDer: Uint8Array[] = [];
  let at = payloadEnd + MIDDLE.length;
  for (;;) {
    if (!text.startsWith('{"keyid":"', at) || !text.startsWith('","sig":"', at + KEYID_AT + 64)) return null;
    const keyid = text.slice(at + KEYID_AT, at + KEYID_AT + 64);
    const sigEnd = text.indexOf('"', at + SIG_AT);
    if (!KEYID.test(keyid) || sigEnd < 0) return null;
    const sig = text.slice(at + SIG_AT, sigEnd);
    const der = base64OrNull(sig);
    if (!der) return null;
    signatures.push({ keyid, sig });
    signatureDer.push(der);
    if (text.startsWith('},', sigEnd + 1)) at = sigEnd + 3;
    else if (text.length === sigEnd + 4 && text.endsWith('}]}')) break;
    else return null;
  }
  // A view of the decoded bytes, not a copy: nothing writes to them.
  const payloadView = new Uint8Array(payloadBytes.buffer, payloadBytes.byteOffset, payloadBytes.byteLength);
  return { envelope: { payload, payloadType: ENTRY_PAYLOAD_TYPE, signatures }, payloadBytes: payloadView, signatureDer };
}

/** Parses one stored line into an envelope, through the general canonical-JSON reader. */
export function parseAnyEnvelope(line: Uint8Array): Envelope {
  const value = parseCanonical(line, 'The stored line') as Record<string, unknown>;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new CustosError('ENVELOPE_INVALID', 'The stored line is not an envelope.');
  }
  const keys = Object.keys(value).sort().join(',');
  if (keys !== 'payload,payloadType,signatures') {
    throw new CustosError('ENVELOPE_INVALID', 'The envelope must have exactly payload, payloadType and signatures.');
  }
  const { payload, payloadType, signatures } = value;
  if (typeof payload !== 'string' || typeof payloadType !== 'string' || !Array.isArray(signatures) || signatures.length === 0) {
    throw new CustosError('ENVELOPE_INVALID', 'The envelope fields have the wrong types, or it has no signature.');
  }
  for (const s of signatures as unknown[]) {
    const sig = s as Record<string, unknown>;
    if (
      !sig ||
      typeof sig !== 'object' ||
      Object.keys(sig).sort().join(',') !== 'keyid,sig' ||
      typeof sig.keyid !== 'string' ||
      !KEYID.test(sig.keyid) ||
      typeof sig.sig !== 'string'
    ) {
      throw new CustosError('ENVELOPE_INVALID', 'A signature must have exactly a 64-hex keyid and a base64 sig.');
    }
  }
  return { payload, payloadType, signatures: signatures as EnvelopeSignature[] };
}
