/**
 * The auditor's verifier (ceremonies/record/signature-verifier.ts), in both builds, cross-checked
 * against @noble/secp256k1, the signer (issue 3, point 5): signatures noble makes verify; changed
 * digests, keys and signatures are refused by both sides alike; high-S and loose DER are refused.
 * expandKey gives noble's uncompressed point (or null for a non-key), and a check with the
 * expanded key agrees with a check with the compressed key, valid or not.
 */
import * as secp from '@noble/secp256k1';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compactToDer, derToCompact as coreDerToCompact } from '../../crypto/der-signature.ts';
import { publicKeyOf, signDigest, verifyDigest } from '../../crypto/signing-key.ts';
import { derToCompact, loadVerifier, type VerifierName } from '../../ceremonies/record/signature-verifier.ts';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const secretArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((k) => secp.utils.isValidSecretKey(k));
const digestArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
const hex = (bytes: Uint8Array | null) => (bytes === null ? null : Buffer.from(bytes).toString('hex'));

/** noble's answer for any (digest, key, DER) triple: false where it refuses or throws. */
function nobleSays(digest: Uint8Array, publicKey: Uint8Array, der: Uint8Array): boolean {
  try {
    return verifyDigest(publicKey, digest, der);
  } catch {
    return false;
  }
}

const builds: VerifierName[] = ['libsecp256k1-native', 'libsecp256k1-wasm'];

describe.each(builds)('%s', (name) => {
  const verifier = loadVerifier(name);

  test('reports its own name', () => {
    expect(verifier.name).toBe(name);
  });

  test('agrees with noble on its signatures and on every kind of change to them', () => {
    fc.assert(
      fc.property(secretArb, digestArb, fc.nat(), (secret, digest, pick) => {
        const publicKey = publicKeyOf(secret);
        const der = signDigest(secret, digest);
        expect(verifier.verify(digest, publicKey, der)).toBe(true);
        const otherDigest = Uint8Array.from(digest);
        otherDigest[pick % 32]! ^= 1 << (pick % 8);
        const otherDer = Uint8Array.from(der);
        otherDer[pick % der.length]! ^= 1 << (pick % 8);
        const otherKey = Uint8Array.from(publicKey);
        otherKey[1 + (pick % 32)]! ^= 1 << (pick % 8);
        for (const [d, k, s] of [
          [otherDigest, publicKey, der],
          [digest, publicKey, otherDer],
          [digest, otherKey, der],
        ] as const) {
          expect(verifier.verify(d, k, s)).toBe(nobleSays(d, k, s));
          expect(verifier.verify(d, k, s)).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });

  test('refuses the high-S twin and loose DER of a valid signature', () => {
    const secret = secp.utils.randomSecretKey();
    const digest = new Uint8Array(32).fill(7);
    const publicKey = publicKeyOf(secret);
    const compact = coreDerToCompact(signDigest(secret, digest));
    const s = BigInt(`0x${hex(compact.subarray(32))}`);
    const high = Uint8Array.from([...compact.subarray(0, 32), ...Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex')]);
    expect(verifier.verify(digest, publicKey, compactToDer(high))).toBe(false);
    // The same r and s with a needless leading zero on r: not strict DER.
    const der = compactToDer(compact);
    const rLength = der[3]!;
    const loose = Uint8Array.from([0x30, der[1]! + 1, 0x02, rLength + 1, 0x00, ...der.subarray(4)]);
    expect(derToCompact(loose)).toBeNull();
    expect(verifier.verify(digest, publicKey, loose)).toBe(false);
  });

  test('expandKey gives the uncompressed point noble gives, and null for what is not a key', () => {
    fc.assert(
      fc.property(secretArb, (secret) => {
        const compressed = publicKeyOf(secret);
        expect(hex(verifier.expandKey(compressed))).toBe(hex(secp.getPublicKey(secret, false)));
      }),
      { numRuns: 40 },
    );
    // x = 5: 5³ + 7 = 132 is not a square modulo p, so no point has it.
    const offCurve = Uint8Array.from([0x02, ...new Uint8Array(31), 5]);
    expect(secp.utils.isValidPublicKey(offCurve, true)).toBe(false);
    expect(verifier.expandKey(offCurve)).toBeNull();
    expect(verifier.expandKey(Uint8Array.from([0x05, ...new Uint8Array(32).fill(1)]))).toBeNull();
    expect(verifier.expandKey(secp.getPublicKey(secp.utils.randomSecretKey(), false))).toBeNull();
  });

  test('a check with the expanded key agrees with one with the compressed key, valid or not', () => {
    fc.assert(
      fc.property(secretArb, digestArb, fc.boolean(), (secret, digest, spoil) => {
        const compressed = publicKeyOf(secret);
        const expanded = verifier.expandKey(compressed)!;
        const compact = Uint8Array.from(derToCompact(signDigest(secret, digest))!);
        if (spoil) compact[5]! ^= 0x10;
        const withCompressed = verifier.verifyCompact(digest, compressed, compact);
        expect(verifier.verifyCompact(digest, expanded, compact)).toBe(withCompressed);
        expect(withCompressed).toBe(!spoil);
      }),
      { numRuns: 40 },
    );
  });
});
