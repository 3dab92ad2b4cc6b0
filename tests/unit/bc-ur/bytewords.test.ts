/**
 * CRC-32, Bytewords and the CBOR wrapping of the BC-UR encoder against published vectors
 * (sources in reference-vectors.ts): bc-ur C++ test_crc32; URKit BytewordsTests test1/test2 (the
 * reference vectors after the October 2020 wordlist fix); Hummingbird BytewordsTest; BCR-2020-012
 * "Example/Test Vector" and "Brutal Encoding"; BCR-2020-005 "Bytewords Example".
 */
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { BYTEWORDS, bytewordsEncode, bytewordsMinimal } from '../../../common/bc-ur/bytewords.ts';
import { cborArray, cborBytes, cborUnsigned } from '../../../common/bc-ur/cbor.ts';
import { crc32, crc32Bytes } from '../../../common/bc-ur/crc32.ts';
import { BCR_2020_005_HELLO, BCR_2020_012, BYTEWORDS_1, BYTEWORDS_2, CRC32_VECTORS, HUMMINGBIRD_BYTEWORDS } from './reference-vectors.ts';

describe('CRC-32', () => {
  test.each(CRC32_VECTORS)('crc32(%j) = %s (bc-ur test_crc32)', (input, hex) => {
    expect(bytesToHex(crc32Bytes(utf8ToBytes(input)))).toBe(hex);
    expect(crc32(utf8ToBytes(input))).toBe(Number.parseInt(hex, 16));
  });

  test('BCR-2020-012 checksums of the example body and the brutal payload', () => {
    expect(bytesToHex(crc32Bytes(hexToBytes(BCR_2020_012.body)))).toBe(BCR_2020_012.crc32);
    expect(bytesToHex(crc32Bytes(hexToBytes(BCR_2020_012.brutalPayload)))).toBe(BCR_2020_012.brutalCrc32);
  });

  test('the empty input and the standard check value "123456789" = cbf43926', () => {
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(utf8ToBytes('123456789'))).toBe(0xcbf43926);
  });
});

describe('Bytewords', () => {
  test('the word list: 256 distinct four-letter words, unique first+last letters, sorted', () => {
    expect(BYTEWORDS).toHaveLength(256);
    expect(BYTEWORDS.every((w) => /^[a-z]{4}$/u.test(w))).toBe(true);
    expect(new Set(BYTEWORDS.map((w) => w[0]! + w[3]!)).size).toBe(256);
    expect([...BYTEWORDS].sort()).toEqual(BYTEWORDS);
    expect([BYTEWORDS[0], BYTEWORDS[0x85], BYTEWORDS[0x87], BYTEWORDS[0xfb], BYTEWORDS[255]]).toEqual(['able', 'limp', 'list', 'zero', 'zoom']);
  });

  test('URKit test1 (bc-ur test_bytewords_1): [0, 1, 2, 128, 255] in the three styles', () => {
    const input = Uint8Array.from(BYTEWORDS_1.input);
    expect(bytewordsEncode(input, 'standard')).toBe(BYTEWORDS_1.standard);
    expect(bytewordsEncode(input, 'uri')).toBe(BYTEWORDS_1.uri);
    expect(bytewordsEncode(input, 'minimal')).toBe(BYTEWORDS_1.minimal);
  });

  test('URKit test2 (bc-ur test_bytewords_2): 100 bytes, standard and minimal', () => {
    const input = Uint8Array.from(BYTEWORDS_2.input);
    expect(bytewordsEncode(input, 'standard')).toBe(BYTEWORDS_2.standard);
    expect(bytewordsMinimal(input)).toBe(BYTEWORDS_2.minimal);
  });

  test('BCR-2020-012 Example/Test Vector (seed, tag 40300)', () => {
    const body = hexToBytes(BCR_2020_012.body);
    expect(bytewordsEncode(body, 'standard')).toBe(BCR_2020_012.standard);
    expect(bytewordsEncode(body, 'uri')).toBe(BCR_2020_012.uri);
    expect(bytewordsMinimal(body)).toBe(BCR_2020_012.minimal);
  });

  test('BCR-2020-012 Brutal Encoding', () => {
    const payload = hexToBytes(BCR_2020_012.brutalPayload);
    expect(bytewordsEncode(payload, 'standard')).toBe(BCR_2020_012.brutalStandard);
    expect(bytewordsMinimal(payload)).toBe(BCR_2020_012.brutalMinimal);
  });

  test('Hummingbird BytewordsTest: the crypto-seed body of tag 300', () => {
    const body = hexToBytes(HUMMINGBIRD_BYTEWORDS.body);
    expect(bytewordsEncode(body, 'standard')).toBe(HUMMINGBIRD_BYTEWORDS.standard);
    expect(bytewordsMinimal(body)).toBe(HUMMINGBIRD_BYTEWORDS.minimal);
  });

  test('BCR-2020-005 Bytewords Example: "Hello, world" as CBOR', () => {
    expect(bytewordsMinimal(hexToBytes(BCR_2020_005_HELLO.cbor))).toBe(BCR_2020_005_HELLO.minimal);
  });

  test('a changed byte changes the words and the checksum words', () => {
    const input = Uint8Array.from(BYTEWORDS_1.input);
    input[2] = 3;
    const encoded = bytewordsMinimal(input);
    expect(encoded).not.toBe(BYTEWORDS_1.minimal);
    expect(encoded.slice(-8)).not.toBe(BYTEWORDS_1.minimal.slice(-8));
  });

  test('refuses what is not bytes, and an unknown style', () => {
    expect(() => bytewordsMinimal([1, 2] as unknown as Uint8Array)).toThrow(/bytes/u);
    expect(() => bytewordsEncode(new Uint8Array(1), 'spaced' as never)).toThrow(/style/u);
  });
});

describe('CBOR (RFC 8949 shortest form)', () => {
  test('unsigned integers at each length boundary', () => {
    const cases: [number, string][] = [
      [0, '00'],
      [23, '17'],
      [24, '1818'],
      [255, '18ff'],
      [256, '190100'],
      [65535, '19ffff'],
      [65536, '1a00010000'],
      [23570951, '1a0167aa07'],
      [0xffffffff, '1affffffff'],
      [2 ** 32, '1b0000000100000000'],
    ];
    for (const [value, hex] of cases) expect(bytesToHex(cborUnsigned(value)), String(value)).toBe(hex);
  });

  test('byte strings and arrays', () => {
    expect(bytesToHex(cborBytes(new Uint8Array(0)))).toBe('40');
    expect(bytesToHex(cborBytes(new Uint8Array(23)))).toBe(`57${'00'.repeat(23)}`);
    expect(bytesToHex(cborBytes(new Uint8Array(24))).slice(0, 4)).toBe('5818');
    expect(bytesToHex(cborBytes(new Uint8Array(300))).slice(0, 6)).toBe('59012c');
    expect(bytesToHex(cborArray([cborUnsigned(1), cborBytes(Uint8Array.of(7))]))).toBe('82014107');
  });

  test('refuses negative and fractional integers', () => {
    expect(() => cborUnsigned(-1)).toThrow(RangeError);
    expect(() => cborUnsigned(1.5)).toThrow(RangeError);
  });
});
