/**
 * Property tests (fast-check) of split and combine (issue 2, "Done when"): the round trip for every
 * quorum 2 ≤ m ≤ n ≤ 16 with any subset of at least m shares, and each way of getting it wrong refused
 * with its own code: corruption (checksum), a forged share with a valid checksum (fingerprint
 * check after combining), mixed sets, duplicates, shortfall, and a foreign wallet.
 */
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, test } from 'vitest';
import { CryptoError, type CryptoErrorCode } from '../../../crypto/protocol.ts';
import { combineEnvelopes, splitEntropy } from '../../../crypto/shamir-shares.ts';
import { masterFingerprint } from '../../../crypto/wallet-accounts.ts';

async function refusal(promise: Promise<unknown>): Promise<CryptoErrorCode | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
}

/** Rewrites the checksum so a deliberately altered envelope passes the checksum test. */
function reseal(envelope: Uint8Array): Uint8Array {
  const out = envelope.slice();
  out.set(sha256(out.subarray(0, 49)).subarray(0, 4), 49);
  return out;
}

const entropyArb = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('round trip', () => {
  const quorums: [number, number][] = [];
  for (let n = 2; n <= 16; n++) for (let m = 2; m <= n; m++) quorums.push([m, n]);

  test.each(quorums)('%i-of-%i: any subset of at least m shares rebuilds the wallet', async (m, n) => {
    await fc.assert(
      fc.asyncProperty(entropyArb, fc.integer(), async (entropy, pick) => {
        const fingerprint = masterFingerprint(entropy);
        const { shares } = await splitEntropy(entropy, fingerprint, m, n);
        const rng = fc.sample(fc.shuffledSubarray(shares, { minLength: m, maxLength: n }), { numRuns: 1, seed: pick })[0]!;
        const rebuilt = await combineEnvelopes(
          rng.map((s) => s.envelope),
          fingerprint,
        );
        expect(rebuilt).toEqual(entropy);
      }),
      { numRuns: 2 },
    );
  });
});

describe('refusals', () => {
  const setup = fc
    .tuple(entropyArb, fc.integer({ min: 2, max: 16 }))
    .chain(([entropy, n]) => fc.tuple(fc.constant(entropy), fc.constant(n), fc.integer({ min: 2, max: n })));

  test('a corrupted byte anywhere is refused by the checksum', async () => {
    await fc.assert(
      fc.asyncProperty(setup, fc.nat(), fc.integer({ min: 1, max: 255 }), async ([entropy, n, m], at, flip) => {
        const fp = masterFingerprint(entropy);
        const { shares } = await splitEntropy(entropy, fp, m, n);
        const bad = shares[0]!.envelope.slice();
        bad[at % bad.length]! ^= flip;
        const code = await refusal(combineEnvelopes([bad, ...shares.slice(1, m).map((s) => s.envelope)], fp));
        expect(code).toBe('SHARE_CHECKSUM');
      }),
      { numRuns: 40 },
    );
  });

  test('a forged share (valid checksum, altered share bytes) never yields a key', async () => {
    await fc.assert(
      fc.asyncProperty(setup, fc.integer({ min: 16, max: 47 }), fc.integer({ min: 1, max: 255 }), async ([entropy, n, m], at, flip) => {
        const fp = masterFingerprint(entropy);
        const { shares } = await splitEntropy(entropy, fp, m, n);
        const forged = shares[0]!.envelope.slice();
        forged[at]! ^= flip;
        const code = await refusal(combineEnvelopes([reseal(forged), ...shares.slice(1, m).map((s) => s.envelope)], fp));
        expect(code).toBe('SHARES_FINGERPRINT_MISMATCH');
      }),
      { numRuns: 40 },
    );
  });

  test('shares of two splits of the same wallet are refused as mixed sets', async () => {
    await fc.assert(
      fc.asyncProperty(setup, async ([entropy, n, m]) => {
        const fp = masterFingerprint(entropy);
        const one = await splitEntropy(entropy, fp, m, n);
        const two = await splitEntropy(entropy, fp, m, n);
        const mixed = [...one.shares.slice(0, m - 1), two.shares[m - 1]!].map((s) => s.envelope);
        expect(await refusal(combineEnvelopes(mixed, fp))).toBe('SHARES_MIXED_SETS');
      }),
      { numRuns: 25 },
    );
  });

  test('a share given twice is refused as a duplicate', async () => {
    await fc.assert(
      fc.asyncProperty(setup, async ([entropy, n, m]) => {
        const fp = masterFingerprint(entropy);
        const { shares } = await splitEntropy(entropy, fp, m, n);
        const twice = [...shares.slice(0, m).map((s) => s.envelope), shares[0]!.envelope];
        expect(await refusal(combineEnvelopes(twice, fp))).toBe('SHARES_DUPLICATE');
      }),
      { numRuns: 25 },
    );
  });

  test('fewer than m shares are refused before anything is combined', async () => {
    await fc.assert(
      fc.asyncProperty(setup, async ([entropy, n, m]) => {
        const fp = masterFingerprint(entropy);
        const { shares } = await splitEntropy(entropy, fp, m, n);
        expect(
          await refusal(
            combineEnvelopes(
              shares.slice(0, m - 1).map((s) => s.envelope),
              fp,
            ),
          ),
        ).toBe('SHARES_TOO_FEW');
      }),
      { numRuns: 25 },
    );
  });

  test('shares of another wallet are refused by fingerprint', async () => {
    await fc.assert(
      fc.asyncProperty(setup, entropyArb, async ([entropy, n, m], other) => {
        fc.pre(Buffer.compare(Buffer.from(entropy), Buffer.from(other)) !== 0);
        const fp = masterFingerprint(entropy);
        const { shares } = await splitEntropy(other, masterFingerprint(other), m, n);
        expect(
          await refusal(
            combineEnvelopes(
              shares.slice(0, m).map((s) => s.envelope),
              fp,
            ),
          ),
        ).toBe('SHARES_FINGERPRINT_MISMATCH');
      }),
      { numRuns: 15 },
    );
  });
});
