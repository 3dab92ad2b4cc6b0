/**
 * DSSE envelopes (https://github.com/secure-systems-lab/dsse, "Protocol" and "Envelope"): the
 * signatures are over PAE(payloadType, payload) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body,
 * lengths as ASCII decimal. Custos signs SHA-256(PAE) with ECDSA secp256k1 (DER), which is
 * ECDSA-SHA256 over the PAE bytes: `openssl dgst -sha256 -verify` checks it. The stored line is the
 * JCS form of the envelope {payload (base64), payloadType, signatures [{keyid, sig (base64)}]}.
 */
import { createHash } from 'node:crypto';
import { CustosError } from '../custos-error.ts';
import { parseCanonical } from './canonical-json.ts';

export const ENTRY_PAYLOAD_TYPE = 'application/vnd.custos.entry+json; version=1';

export interface EnvelopeSignature {
  keyid: string;
  sig: string;
}

export interface Envelope {
  payload: string;
  payloadType: string;
  signatures: EnvelopeSignature[];
}

const encoder = new TextEncoder();

export function pae(payloadType: string, payload: Uint8Array): Uint8Array {
  const type = encoder.encode(payloadType);
  const head = encoder.encode(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

/** The 32-byte digest every signature of the entry is made over. */
export function signingDigest(payloadType: string, payload: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(pae(payloadType, payload)).digest());
}

const KEYID = /^[0-9a-f]{64}$/u;

export function decodeBase64(text: string, what: string): Uint8Array {
  // Canonical only: the round trip rejects foreign characters, padding errors and non-zero unused
  // bits alike, so each byte string has exactly one accepted encoding.
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) throw new CustosError('ENVELOPE_INVALID', `${what} is not canonical base64.`);
  return new Uint8Array(bytes);
}

/** Parses one stored line into an envelope; the line must be canonical JSON of the right shape. */
export function parseEnvelope(line: Uint8Array): Envelope {
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
    if (!sig || typeof sig !== 'object' || Object.keys(sig).sort().join(',') !== 'keyid,sig'
      || typeof sig.keyid !== 'string' || !KEYID.test(sig.keyid) || typeof sig.sig !== 'string') {
      throw new CustosError('ENVELOPE_INVALID', 'A signature must have exactly a 64-hex keyid and a base64 sig.');
    }
  }
  return { payload, payloadType, signatures: signatures as EnvelopeSignature[] };
}
