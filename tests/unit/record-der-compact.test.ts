/**
 * derToCompact copies the integers byte by byte (ADR 0011); it must accept and refuse exactly what
 * the subarray version before it did (strict DER, BIP66 rules), with the same 64 bytes, on valid
 * signatures, on every one-byte change of them, and on random bytes.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { derToCompact } from '../../ceremonies/record/signature-verifier.ts';

/** The implementation before, kept as the reference. */
function reference(der: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(64);
  if (der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (der[at] !== 0x02) return null;
    const len = der[at + 1] ?? 0;
    if (len === 0 || len > 33 || at + 2 + len > der.length) return null;
    const body = der.subarray(at + 2, at + 2 + len);
    if (body[0]! & 0x80) return null;
    if (len > 1 && body[0] === 0 && !(body[1]! & 0x80)) return null;
    const value = body[0] === 0 && len > 1 ? body.subarray(1) : body;
    if (value.length > 32) return null;
    out.set(value, part * 32 + 32 - value.length);
    at += 2 + len;
  }
  return at === der.length ? out : null;
}

function der(r: Uint8Array, s: Uint8Array): Uint8Array {
  const int = (x: Uint8Array) => {
    let i = 0;
    while (i < x.length - 1 && x[i] === 0) i++;
    const body = x[i]! & 0x80 ? [0, ...x.subarray(i)] : [...x.subarray(i)];
    return [0x02, body.length, ...body];
  };
  const content = [...int(r), ...int(s)];
  return Uint8Array.from([0x30, content.length, ...content]);
}

const same = (input: Uint8Array) => {
  const want = reference(input);
  const got = derToCompact(input, new Uint8Array(64).fill(0xee));
  expect(got === null ? null : Buffer.from(got).toString('hex')).toBe(want === null ? null : Buffer.from(want).toString('hex'));
};

test('valid encodings and every one-byte change of them', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.nat(40), (r, s, zeros) => {
      r.fill(0, 0, Math.min(zeros, 31));
      const valid = der(r, s);
      same(valid);
      expect(derToCompact(valid)).not.toBeNull();
      for (let i = 0; i < valid.length; i++) {
        for (const value of [0x00, 0x01, 0x02, 0x20, 0x21, 0x30, 0x7f, 0x80, 0xff, valid[i]! ^ 0x01]) {
          const changed = Uint8Array.from(valid);
          changed[i] = value;
          same(changed);
        }
      }
      same(valid.subarray(0, valid.length - 1));
      same(Uint8Array.from([...valid, 0]));
    }),
    { numRuns: 300 },
  );
});

test('random bytes', () => {
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 0, maxLength: 80 }), (bytes) => same(bytes)),
    { numRuns: 5000 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ minLength: 6, maxLength: 70 }), (bytes) => same(Uint8Array.from([0x30, bytes.length, ...bytes]))),
    { numRuns: 5000 },
  );
});
