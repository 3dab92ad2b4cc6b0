/**
 * bytewordsDecodeMinimal against published vectors (sources in reference-vectors.ts): URKit
 * BytewordsTests test1/test2 (bc-ur C++ test_bytewords_1/2 after the wordlist fix, the 100-byte
 * vector in minimal form), BCR-2020-012 "Example/Test Vector" and "Brutal Encoding", Hummingbird
 * BytewordsTest, BCR-2020-005 "Bytewords Example"; round trips with bytewordsEncode for
 * pseudo-random lengths and bytes (a seeded generator, so that a failure reproduces); and each
 * refusal with its code.
 */
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { BYTEWORDS, bytewordsEncode, bytewordsMinimal } from '../../../common/bc-ur/bytewords.ts';
import { bytewordsDecodeMinimal } from '../../../common/bc-ur/bytewords-decode.ts';
import { Xoshiro256 } from '../../../common/bc-ur/xoshiro256.ts';
import { BCR_2020_005_HELLO, BCR_2020_012, BYTEWORDS_1, BYTEWORDS_2, HUMMINGBIRD_BYTEWORDS } from './reference-vectors.ts';
import { refusal } from './decode-helpers.ts';

const MINIMAL_PAIRS = new Set(BYTEWORDS.map((w) => w[0]! + w[3]!));

describe('published vectors decode', () => {
  test('URKit test1 (bc-ur test_bytewords_1): [0, 1, 2, 128, 255]', () => {
    expect(Array.from(bytewordsDecodeMinimal(BYTEWORDS_1.minimal))).toEqual(BYTEWORDS_1.input);
  });

  test('URKit test2 (bc-ur test_bytewords_2): the 100-byte vector, minimal', () => {
    const decoded = bytewordsDecodeMinimal(BYTEWORDS_2.minimal);
    expect(decoded).toHaveLength(100);
    expect(Array.from(decoded)).toEqual(BYTEWORDS_2.input);
  });

  test('BCR-2020-012 Example/Test Vector and Brutal Encoding', () => {
    expect(bytesToHex(bytewordsDecodeMinimal(BCR_2020_012.minimal))).toBe(BCR_2020_012.body);
    expect(bytesToHex(bytewordsDecodeMinimal(BCR_2020_012.brutalMinimal))).toBe(BCR_2020_012.brutalPayload);
  });

  test('Hummingbird BytewordsTest and BCR-2020-005 Bytewords Example', () => {
    expect(bytesToHex(bytewordsDecodeMinimal(HUMMINGBIRD_BYTEWORDS.minimal))).toBe(HUMMINGBIRD_BYTEWORDS.body);
    expect(bytesToHex(bytewordsDecodeMinimal(BCR_2020_005_HELLO.minimal))).toBe(BCR_2020_005_HELLO.cbor);
  });

  test('upper case and mixed case, as a QR code carries them', () => {
    expect(Array.from(bytewordsDecodeMinimal(BYTEWORDS_2.minimal.toUpperCase()))).toEqual(BYTEWORDS_2.input);
    const mixed = Array.from(BYTEWORDS_1.minimal, (c, i) => (i % 3 === 0 ? c.toUpperCase() : c)).join('');
    expect(Array.from(bytewordsDecodeMinimal(mixed))).toEqual(BYTEWORDS_1.input);
  });
});

describe('round trips with bytewordsEncode', () => {
  test('every byte value', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytewordsDecodeMinimal(bytewordsMinimal(all))).toEqual(all);
  });

  test('200 pseudo-random messages of 1 to 600 bytes', () => {
    const rng = Xoshiro256.fromBytes(utf8ToBytes('bytewords-decode round trips'));
    for (let i = 0; i < 200; i++) {
      const bytes = rng.nextData(rng.nextInt(1, 600));
      expect(bytewordsDecodeMinimal(bytewordsEncode(bytes, 'minimal')), `message ${i}`).toEqual(bytes);
    }
  });
});

describe('refusals', () => {
  test('a checksum that does not match: UR_CHECKSUM', () => {
    const text = BYTEWORDS_2.minimal;
    // The last pair (part of the checksum) replaced by another byteword.
    const lastPair = text.slice(-2) === 'ae' ? 'ad' : 'ae';
    expect(refusal(() => bytewordsDecodeMinimal(text.slice(0, -2) + lastPair)).code).toBe('UR_CHECKSUM');
    // A body byte changed, the checksum kept.
    const firstPair = text.slice(0, 2) === 'ae' ? 'ad' : 'ae';
    expect(refusal(() => bytewordsDecodeMinimal(firstPair + text.slice(2))).code).toBe('UR_CHECKSUM');
  });

  test('a pair that is no byteword: UR_MALFORMED, naming its position', () => {
    expect(MINIMAL_PAIRS.has('xq')).toBe(false);
    const text = `${BYTEWORDS_1.minimal.slice(0, 4)}xq${BYTEWORDS_1.minimal.slice(6)}`;
    const error = refusal(() => bytewordsDecodeMinimal(text));
    expect(error.code).toBe('UR_MALFORMED');
    expect(error.message).toMatch(/byte 2\b/u);
  });

  test('an odd number of letters, text too short, characters that are not letters: UR_MALFORMED', () => {
    expect(refusal(() => bytewordsDecodeMinimal(BYTEWORDS_1.minimal.slice(1))).code).toBe('UR_MALFORMED');
    expect(refusal(() => bytewordsDecodeMinimal('')).code).toBe('UR_MALFORMED');
    // Four bytes: the checksum of an empty body (CRC-32 0), valid but no body.
    expect(bytewordsMinimal(new Uint8Array(0))).toBe('aeaeaeae');
    expect(refusal(() => bytewordsDecodeMinimal('aeaeaeae')).code).toBe('UR_MALFORMED');
    expect(refusal(() => bytewordsDecodeMinimal(`${BYTEWORDS_1.minimal.slice(0, 4)} ${BYTEWORDS_1.minimal.slice(4)}`)).code).toBe('UR_MALFORMED');
    expect(refusal(() => bytewordsDecodeMinimal(`${BYTEWORDS_1.minimal.slice(0, 4)}1${BYTEWORDS_1.minimal.slice(5)}`)).code).toBe('UR_MALFORMED');
    // U+212A KELVIN SIGN lower-cases to an ASCII "k": still not a letter of the alphabet.
    expect(refusal(() => bytewordsDecodeMinimal(`\u212Ae${BYTEWORDS_1.minimal.slice(2)}`)).code).toBe('UR_MALFORMED');
  });

  test('the shortest accepted: one body byte and its checksum', () => {
    const one = bytewordsMinimal(Uint8Array.of(0x42));
    expect(one).toHaveLength(10);
    expect(Array.from(bytewordsDecodeMinimal(one))).toEqual([0x42]);
  });

  test('error messages do not repeat the text', () => {
    const text = `${BYTEWORDS_2.minimal.slice(0, -2)}zz`;
    const error = refusal(() => bytewordsDecodeMinimal(text));
    expect(error.message).not.toContain(BYTEWORDS_2.minimal.slice(0, 16));
  });

  test('refuses what is not a string', () => {
    expect(() => bytewordsDecodeMinimal(42 as unknown as string)).toThrow(TypeError);
  });
});
