/**
 * The pseudo-random machinery of the fountain encoder against the bc-ur C++ reference tests
 * (test/test.cpp; sources in reference-vectors.ts): Xoshiro256** outputs (test_rng_1..3), the
 * alias sampler (test_random_sampler), the Fisher-Yates shuffle (test_shuffle), the degree choice
 * (test_choose_degree), the fragment choice of parts 1..30 (test_choose_fragments) and next_data
 * (test_xor). Plus an independent check of the generator against the xoshiro256** algorithm
 * written out with 32-bit halves (no BigInt), so a shared mistake would have to be made twice.
 */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, test } from 'vitest';
import { crc32, uint32BigEndian } from '../../../common/bc-ur/crc32.ts';
import { chooseDegree, chooseFragments, shuffled } from '../../../common/bc-ur/fragment-chooser.ts';
import { RandomSampler } from '../../../common/bc-ur/random-sampler.ts';
import { Xoshiro256 } from '../../../common/bc-ur/xoshiro256.ts';
import { CHOSEN_FRAGMENTS, DEGREES, RNG_1, RNG_2, RNG_3, SAMPLER_SAMPLES, SAMPLER_WEIGHTS, SHUFFLES, XOR } from './reference-vectors.ts';

const wolf = () => Xoshiro256.fromBytes(utf8ToBytes('Wolf'));

describe('Xoshiro256**', () => {
  test('test_rng_1: seeded with SHA-256("Wolf"), next() % 100', () => {
    const rng = wolf();
    expect(Array.from({ length: 100 }, () => Number(rng.next() % 100n))).toEqual(RNG_1);
  });

  test('test_rng_2: seeded with SHA-256 of crc32("Wolf") in 4 big-endian bytes', () => {
    const rng = Xoshiro256.fromBytes(uint32BigEndian(crc32(utf8ToBytes('Wolf'))));
    expect(Array.from({ length: 100 }, () => Number(rng.next() % 100n))).toEqual(RNG_2);
  });

  test('test_rng_3: nextInt(1, 10)', () => {
    const rng = wolf();
    expect(Array.from({ length: 100 }, () => rng.nextInt(1, 10))).toEqual(RNG_3);
  });

  test('test_xor: nextData(10) twice and their XOR', () => {
    const rng = wolf();
    const data1 = rng.nextData(10);
    const data2 = rng.nextData(10);
    expect(bytesToHex(data1)).toBe(XOR.data1);
    expect(bytesToHex(data2)).toBe(XOR.data2);
    expect(bytesToHex(data1.map((b, i) => b ^ data2[i]!))).toBe(XOR.xor);
  });

  test('agrees with xoshiro256** written independently with 32-bit halves', () => {
    // State as 8 big-endian 32-bit words: [hi0, lo0, hi1, lo1, ...], from the same SHA-256 seed.
    const digest = sha256(utf8ToBytes('independent'));
    const v = new DataView(digest.buffer, digest.byteOffset, 32);
    const s = Array.from({ length: 8 }, (_, i) => v.getUint32(i * 4, false));
    const mul = (hi: number, lo: number, m: number): [number, number] => {
      const l = lo * m;
      const carry = Math.floor(l / 2 ** 32);
      return [((Math.imul(hi, m) >>> 0) + carry) >>> 0, l >>> 0];
    };
    const rotl = (hi: number, lo: number, k: number): [number, number] =>
      k < 32 ? [((hi << k) | (lo >>> (32 - k))) >>> 0, ((lo << k) | (hi >>> (32 - k))) >>> 0] : rotl(lo, hi, k - 32);
    const next = (): bigint => {
      const [h5, l5] = mul(s[2]!, s[3]!, 5);
      const [hr, lr] = rotl(h5, l5, 7);
      const [h9, l9] = mul(hr, lr, 9);
      const th = ((s[2]! << 17) | (s[3]! >>> 15)) >>> 0;
      const tl = (s[3]! << 17) >>> 0;
      for (const [a, b] of [
        [4, 0],
        [6, 2],
        [2, 4],
        [0, 6],
      ] as const) {
        s[a] = (s[a]! ^ s[b]!) >>> 0;
        s[a + 1] = (s[a + 1]! ^ s[b + 1]!) >>> 0;
      }
      s[4] = (s[4]! ^ th) >>> 0;
      s[5] = (s[5]! ^ tl) >>> 0;
      [s[6], s[7]] = rotl(s[6]!, s[7]!, 45);
      return (BigInt(h9) << 32n) | BigInt(l9);
    };
    const rng = Xoshiro256.fromBytes(utf8ToBytes('independent'));
    for (let i = 0; i < 1000; i++) expect(rng.next()).toBe(next());
  });

  test('a different seed gives a different stream', () => {
    const a = wolf();
    const b = Xoshiro256.fromBytes(utf8ToBytes('Wolf '));
    expect(a.next()).not.toBe(b.next());
  });
});

describe('fountain choices', () => {
  test('test_random_sampler: weights 1, 2, 4, 8, 500 samples', () => {
    const sampler = new RandomSampler(SAMPLER_WEIGHTS);
    const rng = wolf();
    expect(Array.from({ length: 500 }, () => sampler.next(() => rng.nextDouble()))).toEqual(SAMPLER_SAMPLES);
  });

  test('test_shuffle: ten shuffles of 1..10 from one generator', () => {
    const rng = wolf();
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(Array.from({ length: 10 }, () => shuffled(values, rng))).toEqual(SHUFFLES);
  });

  test('test_choose_degree: 11 fragments, generators "Wolf-1" .. "Wolf-200"', () => {
    const degrees = Array.from({ length: 200 }, (_, i) => chooseDegree(11, Xoshiro256.fromBytes(utf8ToBytes(`Wolf-${i + 1}`))));
    expect(degrees).toEqual(DEGREES);
  });

  test('test_choose_fragments: make_message(1024), 11 fragments, parts 1..30', () => {
    const message = wolf().nextData(1024);
    const checksum = crc32(message);
    const chosen = Array.from({ length: 30 }, (_, i) => chooseFragments(i + 1, 11, checksum));
    expect(chosen).toEqual(CHOSEN_FRAGMENTS);
  });

  test('refuses part number 0 and a zero-length sequence', () => {
    expect(() => chooseFragments(0, 3, 1)).toThrow(/seqNum/u);
    expect(() => chooseFragments(1, 0, 1)).toThrow(/seqLen/u);
    expect(() => new RandomSampler([])).toThrow(/weights/u);
    expect(() => new RandomSampler([0, 0])).toThrow(/weights/u);
  });
});
