/**
 * Participant and station signing keys (issue 2, part 2 §5): RFC 6979 + low-S signatures over
 * 32-byte digests, DER encoding, SPKI key ids. Cross-checked with two independent implementations:
 * node:crypto (OpenSSL) and libsecp256k1 (tiny-secp256k1, WASM).
 */
import { createPublicKey, createHash, verify as opensslVerify } from 'node:crypto';
import fc from 'fast-check';
import * as ecc from 'tiny-secp256k1';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { compactToDer, derToCompact } from '../../../crypto/der-signature.ts';
import { CryptoError } from '../../../crypto/protocol.ts';
import { keyId, parsePublicKey, publicKeyOf, signDigest, spkiDer, verifyDigest } from '../../../crypto/signing-key.ts';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const secretArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((k) => ecc.isPrivate(k));
const digestArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('cross-checked against OpenSSL and libsecp256k1', () => {
  test('signatures are RFC 6979 low-S, byte-identical to libsecp256k1', () => {
    fc.assert(
      fc.property(secretArb, digestArb, (secret, digest) => {
        const publicKey = publicKeyOf(secret);
        const der = signDigest(secret, digest);
        // libsecp256k1 signs with RFC 6979 and low-S too: the same bytes.
        expect(bytesToHex(derToCompact(der))).toBe(bytesToHex(ecc.sign(digest, secret)));
        expect(ecc.verify(digest, publicKey, derToCompact(der), true)).toBe(true);
        expect(verifyDigest(publicKey, digest, der)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  test('a signature over SHA-256(message) verifies with OpenSSL ECDSA-SHA256 over the message', () => {
    fc.assert(
      fc.property(secretArb, fc.uint8Array({ maxLength: 300 }), (secret, message) => {
        const digest = createHash('sha256').update(message).digest();
        const der = signDigest(secret, new Uint8Array(digest));
        const key = createPublicKey({ key: Buffer.from(spkiDer(publicKeyOf(secret))), format: 'der', type: 'spki' });
        expect(opensslVerify('sha256', message, key, der)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('the key id is SHA-256 of the SPKI DER that OpenSSL exports', () => {
    fc.assert(
      fc.property(secretArb, (secret) => {
        const publicKey = publicKeyOf(secret);
        const openssl = createPublicKey({ key: Buffer.from(spkiDer(publicKey)), format: 'der', type: 'spki' });
        expect(openssl.asymmetricKeyDetails?.namedCurve).toBe('secp256k1');
        expect(bytesToHex(openssl.export({ format: 'der', type: 'spki' }))).toBe(bytesToHex(spkiDer(publicKey)));
        expect(keyId(publicKey)).toBe(createHash('sha256').update(spkiDer(publicKey)).digest('hex'));
      }),
      { numRuns: 10 },
    );
  });
});

describe('strictness', () => {
  const secret = hexToBytes('c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721');
  const digest = createHash('sha256').update('sample').digest();
  const publicKey = publicKeyOf(secret);

  test('high-S (the malleated twin of a valid signature) is refused', () => {
    const compact = derToCompact(signDigest(secret, digest));
    const s = BigInt('0x' + bytesToHex(compact.subarray(32)));
    const high = compact.slice();
    high.set(hexToBytes((N - s).toString(16).padStart(64, '0')), 32);
    expect(ecc.verify(digest, publicKey, high, false)).toBe(true); // valid ECDSA…
    expect(verifyDigest(publicKey, digest, compactToDer(high))).toBe(false); // …refused by Custos
  });

  test('non-strict DER is refused with SIGNATURE_MALFORMED', () => {
    const der = signDigest(secret, digest);
    const padded = Uint8Array.of(0x30, der[1]! + 1, 0x02, der[3]! + 1, 0x00, ...der.subarray(4));
    const trailing = Uint8Array.of(...der, 0x00);
    for (const bad of [padded, trailing, der.subarray(0, der.length - 1), new Uint8Array(70)]) {
      expect(() => verifyDigest(publicKey, digest, bad)).toThrow(CryptoError);
    }
  });

  test('DER round-trips every compact signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (compact) => {
        expect(derToCompact(compactToDer(compact))).toEqual(compact);
      }),
      { numRuns: 300 },
    );
  });

  test('public keys must be compressed points on the curve', () => {
    expect(() => parsePublicKey('04' + '11'.repeat(64))).toThrow(/compressed/);
    expect(() => parsePublicKey('02' + 'ff'.repeat(32))).toThrow(/not a point/);
    expect(bytesToHex(parsePublicKey(bytesToHex(publicKey)))).toBe(bytesToHex(publicKey));
  });
});
