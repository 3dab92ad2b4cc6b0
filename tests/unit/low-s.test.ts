/**
 * The verifier's low-S test (ceremonies/record/signature-verifier.ts) agrees with a BigInt reference
 * on random and edge values: 0 and s > n/2 are refused, 1 and n/2 accepted.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { isLowS } from '../../ceremonies/record/signature-verifier.ts';

const HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;
const withS = (s: bigint) => Uint8Array.from([...new Uint8Array(32), ...Buffer.from(s.toString(16).padStart(64, '0'), 'hex')]);

test('edges', () => {
  expect(isLowS(withS(0n))).toBe(false);
  expect(isLowS(withS(1n))).toBe(true);
  expect(isLowS(withS(HALF_N))).toBe(true);
  expect(isLowS(withS(HALF_N + 1n))).toBe(false);
  expect(isLowS(withS(2n ** 256n - 1n))).toBe(false);
});

test('matches a BigInt reference', () => {
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 2n ** 256n - 1n }), (s) => {
      expect(isLowS(withS(s))).toBe(s > 0n && s <= HALF_N);
    }),
    { numRuns: 2000 },
  );
});
