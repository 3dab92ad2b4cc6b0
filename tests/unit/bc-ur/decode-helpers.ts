/**
 * What the decoder tests of common/bc-ur/ share: the UrDecodeError a call throws, and a seeded
 * shuffle of parts (seeded, so that a failure reproduces).
 */
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { UrDecodeError } from '../../../common/bc-ur/ur-decode-error.ts';
import { Xoshiro256 } from '../../../common/bc-ur/xoshiro256.ts';

/** The UrDecodeError `run` throws; any other outcome fails the test. */
export function refusal(run: () => unknown): UrDecodeError {
  try {
    run();
  } catch (error) {
    if (error instanceof UrDecodeError) return error;
    throw error;
  }
  throw new Error('expected a UrDecodeError, nothing was thrown');
}

/** A seeded Fisher-Yates shuffle. */
export function shuffledWith<T>(items: readonly T[], seed: string): T[] {
  const rng = Xoshiro256.fromBytes(utf8ToBytes(seed));
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.nextInt(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
