/**
 * ECDSA signature encoding as X9.62 / RFC 3279 DER: SEQUENCE { INTEGER r, INTEGER s }, minimal
 * integers, strict parsing (no trailing bytes, no negative or padded integers), so that every
 * signature has exactly one accepted byte form and OpenSSL reads it (`openssl dgst -verify`).
 */
import { CryptoError } from './protocol.ts';

function integer(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = bytes.subarray(start);
  const pad = body[0]! & 0x80 ? 1 : 0;
  const out = new Uint8Array(2 + pad + body.length);
  out[0] = 0x02;
  out[1] = pad + body.length;
  out.set(body, 2 + pad);
  return out;
}

/** 64-byte compact r||s to DER. */
export function compactToDer(compact: Uint8Array): Uint8Array {
  if (compact.length !== 64) throw new CryptoError('SIGNATURE_MALFORMED', 'A compact signature is 64 bytes.');
  const r = integer(compact.subarray(0, 32));
  const s = integer(compact.subarray(32));
  const out = new Uint8Array(2 + r.length + s.length);
  out[0] = 0x30;
  out[1] = r.length + s.length;
  out.set(r, 2);
  out.set(s, 2 + r.length);
  return out;
}

function readInteger(der: Uint8Array, at: number): { value: Uint8Array; next: number } {
  const bad = () => new CryptoError('SIGNATURE_MALFORMED', 'The signature is not strict DER.');
  if (der[at] !== 0x02) throw bad();
  const length = der[at + 1];
  if (length === undefined || length === 0 || length > 33 || at + 2 + length > der.length) throw bad();
  const body = der.subarray(at + 2, at + 2 + length);
  if (body[0]! & 0x80) throw bad();
  if (length > 1 && body[0] === 0 && !(body[1]! & 0x80)) throw bad();
  const value = body[0] === 0 && length > 1 ? body.subarray(1) : body;
  if (value.length > 32) throw bad();
  return { value, next: at + 2 + length };
}

/** Strict DER to 64-byte compact r||s. */
export function derToCompact(der: Uint8Array): Uint8Array {
  if (!(der instanceof Uint8Array) || der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2) {
    throw new CryptoError('SIGNATURE_MALFORMED', 'The signature is not strict DER.');
  }
  const r = readInteger(der, 2);
  const s = readInteger(der, r.next);
  if (s.next !== der.length) throw new CryptoError('SIGNATURE_MALFORMED', 'The signature is not strict DER.');
  const out = new Uint8Array(64);
  out.set(r.value, 32 - r.value.length);
  out.set(s.value, 64 - s.value.length);
  return out;
}
