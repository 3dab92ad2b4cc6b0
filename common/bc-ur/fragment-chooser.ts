/**
 * Which fragments of a message each multipart UR part carries. Spec: BCR-2024-001 "Multipart UR"
 * (formerly BCR-2020-005 "UR Encoding"): parts 1..seqLen are the pure fragments, in order; every
 * later part XORs a pseudo-random subset chosen by `chooseFragments`: a Xoshiro256** generator
 * seeded with SHA-256(seqNum || checksum) (both 32-bit big-endian) first picks a degree d with
 * probability proportional to 1/d (`chooseDegree`, alias sampler), then Fisher-Yates-shuffles the
 * indexes 0..seqLen-1 (`shuffled`) and keeps the first d. Encoder and decoder must make the same
 * choice, so the order of every draw follows the reference implementations exactly.
 */
import { concatBytes } from './cbor.ts';
import { uint32BigEndian } from './crc32.ts';
import { RandomSampler } from './random-sampler.ts';
import { Xoshiro256 } from './xoshiro256.ts';

/** A degree in [1, seqLen], weighted 1/d (BCR-2024-001 `chooseDegree`). */
export function chooseDegree(seqLen: number, rng: Xoshiro256): number {
  const weights = Array.from({ length: seqLen }, (_, i) => 1 / (i + 1));
  return new RandomSampler(weights).next(() => rng.nextDouble()) + 1;
}

/** The items in the order a Fisher-Yates shuffle driven by `rng` draws them (BCR-2024-001 `shuffled`). */
export function shuffled<T>(items: readonly T[], rng: Xoshiro256): T[] {
  const remaining = [...items];
  const result: T[] = [];
  while (remaining.length > 0) {
    const index = rng.nextInt(0, remaining.length - 1);
    result.push(remaining.splice(index, 1)[0]!);
  }
  return result;
}

/** The generator of part `seqNum` of a message with CRC-32 `checksum`. */
function partGenerator(seqNum: number, checksum: number): Xoshiro256 {
  return Xoshiro256.fromBytes(concatBytes(uint32BigEndian(seqNum), uint32BigEndian(checksum)));
}

/**
 * The zero-based indexes of the fragments XORed into part `seqNum` (1-based), ascending.
 * Parts 1..seqLen carry fragment seqNum-1 alone.
 */
export function chooseFragments(seqNum: number, seqLen: number, checksum: number): number[] {
  if (!Number.isInteger(seqNum) || seqNum < 1 || seqNum > 0xffffffff) {
    throw new RangeError(`seqNum: expected an integer in [1, 2^32-1], got ${seqNum}`);
  }
  if (!Number.isInteger(seqLen) || seqLen < 1) throw new RangeError(`seqLen: expected a positive integer, got ${seqLen}`);
  if (seqNum <= seqLen) return [seqNum - 1];
  const rng = partGenerator(seqNum, checksum);
  const degree = chooseDegree(seqLen, rng);
  const indexes = Array.from({ length: seqLen }, (_, i) => i);
  return shuffled(indexes, rng)
    .slice(0, degree)
    .sort((a, b) => a - b);
}
