/**
 * Xoshiro256** 1.0, the pseudo-random generator that lets a UR fountain encoder and any decoder
 * agree on which fragments a mixed part carries. Spec: BCR-2024-001 "Multipart UR" (formerly the
 * multipart section of BCR-2020-005): `(seqNum || checksum) -> SHA-256 -> Xoshiro256`, the 32-byte
 * digest read as four big-endian 64-bit words of state; the generator itself is Blackman and
 * Vigna's xoshiro256starstar.c (public domain). Not a cryptographic generator, and not used as one:
 * it only has to be reproducible bit for bit. `nextDouble` and `nextInt` follow the reference
 * implementations (bc-ur C++, URKit): next() / 2^64, and floor(nextDouble() * (high - low + 1)) + low.
 */
import { sha256 } from '@noble/hashes/sha2.js';

const MASK64 = (1n << 64n) - 1n;
const TWO_TO_64 = 2 ** 64;

function rotl(x: bigint, k: bigint): bigint {
  return ((x << k) | (x >> (64n - k))) & MASK64;
}

export class Xoshiro256 {
  private readonly state: bigint[];

  private constructor(state: readonly bigint[]) {
    this.state = [...state];
  }

  /** A generator whose state is `seed` (32 bytes) read as four big-endian 64-bit words. */
  static fromState(seed: Uint8Array): Xoshiro256 {
    if (!(seed instanceof Uint8Array) || seed.length !== 32) throw new RangeError('seed: expected 32 bytes');
    const view = new DataView(seed.buffer, seed.byteOffset, seed.byteLength);
    return new Xoshiro256([0, 8, 16, 24].map((offset) => view.getBigUint64(offset, false)));
  }

  /** A generator seeded with SHA-256(`bytes`), as every UR generator is. */
  static fromBytes(bytes: Uint8Array): Xoshiro256 {
    if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes: expected a Uint8Array');
    return Xoshiro256.fromState(sha256(bytes));
  }

  /** The next 64-bit output. */
  next(): bigint {
    const s = this.state as [bigint, bigint, bigint, bigint];
    const result = (rotl((s[1] * 5n) & MASK64, 7n) * 9n) & MASK64;
    const t = (s[1] << 17n) & MASK64;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45n);
    return result;
  }

  /** A double in [0, 1]: next() / 2^64, rounded as the reference implementations round it. */
  nextDouble(): number {
    return Number(this.next()) / TWO_TO_64;
  }

  /** An integer in [low, high] (both included). */
  nextInt(low: number, high: number): number {
    return Math.floor(this.nextDouble() * (high - low + 1)) + low;
  }

  /** A byte value: nextInt(0, 255) truncated to 8 bits, as the reference's uint8_t cast does. */
  nextByte(): number {
    return this.nextInt(0, 255) & 0xff;
  }

  /** `count` bytes, each from nextByte(). */
  nextData(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.nextByte();
    return out;
  }
}
