/**
 * decodeCbor against RFC 8949 Appendix A "Examples of Encoded CBOR Data Items" (every example of a
 * kind the decoder supports: integers, byte and text strings, arrays, maps, tags, false, true,
 * null), the examples it must refuse (floats, undefined, other simple values, indefinite lengths),
 * and the other refusals: trailing bytes, lengths beyond the input, nesting deeper than 32,
 * non-shortest arguments, duplicate map keys, invalid UTF-8. Then the typed helpers.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { cborArray, cborBytes, cborMap, cborTag, cborUnsigned } from '../../../common/bc-ur/cbor.ts';
import {
  type CborItem,
  cborExpectArray,
  cborExpectBytes,
  cborExpectMap,
  cborExpectTag,
  cborExpectUnsigned,
  cborMapGet,
  decodeCbor,
} from '../../../common/bc-ur/cbor-decode.ts';
import { refusal } from './decode-helpers.ts';

/** A decoded item as plain values: bytes as {h: hex}, tags as {tag, item}, maps as {map: entries}. */
type Plain = number | bigint | string | boolean | null | { h: string } | { tag: number | bigint; item: Plain } | { map: [Plain, Plain][] } | Plain[];

function plain(item: CborItem): Plain {
  switch (item.kind) {
    case 'unsigned':
    case 'negative':
    case 'text':
    case 'boolean':
      return item.value;
    case 'null':
      return null;
    case 'bytes':
      return { h: bytesToHex(item.value) };
    case 'array':
      return item.items.map(plain);
    case 'map':
      return { map: item.entries.map(([k, v]) => [plain(k), plain(v)]) };
    case 'tag':
      return { tag: item.tag, item: plain(item.item) };
  }
}

const decode = (hex: string) => plain(decodeCbor(hexToBytes(hex)));

const refusedCode = (hex: string) => refusal(() => decodeCbor(hexToBytes(hex))).code;

describe('RFC 8949 Appendix A, supported kinds', () => {
  test.each([
    ['00', 0],
    ['01', 1],
    ['0a', 10],
    ['17', 23],
    ['1818', 24],
    ['1819', 25],
    ['1864', 100],
    ['1903e8', 1000],
    ['1a000f4240', 1000000],
    ['1b000000e8d4a51000', 1000000000000],
    ['1bffffffffffffffff', 18446744073709551615n],
    ['3bffffffffffffffff', -18446744073709551616n],
    ['20', -1],
    ['29', -10],
    ['3863', -100],
    ['3903e7', -1000],
  ] as const)('integer %s = %s', (hex, value) => {
    expect(decode(hex)).toBe(value);
  });

  test('integers are numbers when safe, bigints beyond', () => {
    expect(decode('1b001fffffffffffff')).toBe(Number.MAX_SAFE_INTEGER);
    expect(decode('1b0020000000000000')).toBe(2n ** 53n);
    expect(decode('3b001ffffffffffffe')).toBe(Number.MIN_SAFE_INTEGER);
    expect(decode('3b001fffffffffffff')).toBe(-(2n ** 53n));
  });

  test('bignums are tags 2 and 3 around byte strings', () => {
    expect(decode('c249010000000000000000')).toEqual({ tag: 2, item: { h: '010000000000000000' } });
    expect(decode('c349010000000000000000')).toEqual({ tag: 3, item: { h: '010000000000000000' } });
  });

  test('false, true, null', () => {
    expect(decode('f4')).toBe(false);
    expect(decode('f5')).toBe(true);
    expect(decode('f6')).toBe(null);
  });

  test('tags', () => {
    expect(decode('c074323031332d30332d32315432303a30343a30305a')).toEqual({ tag: 0, item: '2013-03-21T20:04:00Z' });
    expect(decode('c11a514b67b0')).toEqual({ tag: 1, item: 1363896240 });
    expect(decode('d74401020304')).toEqual({ tag: 23, item: { h: '01020304' } });
    expect(decode('d818456449455446')).toEqual({ tag: 24, item: { h: '6449455446' } });
    expect(decode('d82076687474703a2f2f7777772e6578616d706c652e636f6d')).toEqual({ tag: 32, item: 'http://www.example.com' });
  });

  test('byte strings', () => {
    expect(decode('40')).toEqual({ h: '' });
    expect(decode('4401020304')).toEqual({ h: '01020304' });
  });

  test('text strings', () => {
    expect(decode('60')).toBe('');
    expect(decode('6161')).toBe('a');
    expect(decode('6449455446')).toBe('IETF');
    expect(decode('62225c')).toBe('"\\');
    expect(decode('62c3bc')).toBe('\u00fc');
    expect(decode('63e6b0b4')).toBe('\u6c34');
    expect(decode('64f0908591')).toBe('\ud800\udd51');
  });

  test('arrays', () => {
    expect(decode('80')).toEqual([]);
    expect(decode('83010203')).toEqual([1, 2, 3]);
    expect(decode('8301820203820405')).toEqual([1, [2, 3], [4, 5]]);
    expect(decode('98190102030405060708090a0b0c0d0e0f101112131415161718181819')).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  test('maps', () => {
    expect(decode('a0')).toEqual({ map: [] });
    expect(decode('a201020304')).toEqual({
      map: [
        [1, 2],
        [3, 4],
      ],
    });
    expect(decode('a26161016162820203')).toEqual({
      map: [
        ['a', 1],
        ['b', [2, 3]],
      ],
    });
    expect(decode('826161a161626163')).toEqual(['a', { map: [['b', 'c']] }]);
    expect(decode('a56161614161626142616361436164614461656145')).toEqual({
      map: [
        ['a', 'A'],
        ['b', 'B'],
        ['c', 'C'],
        ['d', 'D'],
        ['e', 'E'],
      ],
    });
  });

  test('a text string keeps a leading byte order mark', () => {
    expect(decode('63efbbbf')).toBe('\ufeff');
  });

  test('what cbor.ts encodes decodes back', () => {
    const encoded = cborTag(
      303,
      cborMap([
        [3, cborBytes(Uint8Array.of(2, 3))],
        [6, cborArray([cborUnsigned(84), cborUnsigned(2 ** 32)])],
      ]),
    );
    expect(plain(decodeCbor(encoded))).toEqual({
      tag: 303,
      item: {
        map: [
          [3, { h: '0203' }],
          [6, [84, 2 ** 32]],
        ],
      },
    });
  });
});

describe('RFC 8949 Appendix A, refused kinds: UR_MALFORMED', () => {
  test.each([
    'f90000',
    'f98000',
    'f93c00',
    'fb3ff199999999999a',
    'f93e00',
    'f97bff',
    'fa47c35000',
    'fa7f7fffff',
    'fb7e37e43c8800759c',
    'f90001',
    'f90400',
    'f9c400',
    'fbc010666666666666',
    'f97c00',
    'f97e00',
    'f9fc00',
    'fa7f800000',
    'fa7fc00000',
    'faff800000',
    'fb7ff0000000000000',
    'fb7ff8000000000000',
    'fbfff0000000000000',
    'c1fb41d452d9ec200000',
  ])('float %s', (hex) => {
    const error = refusal(() => decodeCbor(hexToBytes(hex)));
    expect(error.code).toBe('UR_MALFORMED');
    expect(error.message).toMatch(/floating-point/u);
  });

  test.each(['f7', 'f0', 'f8ff'])('undefined and other simple values: %s', (hex) => {
    expect(refusedCode(hex)).toBe('UR_MALFORMED');
  });

  test.each([
    '5f42010243030405ff',
    '7f657374726561646d696e67ff',
    '9fff',
    '9f018202039f0405ffff',
    '9f01820203820405ff',
    '83018202039f0405ff',
    '83019f0203ff820405',
    '9f0102030405060708090a0b0c0d0e0f101112131415161718181819ff',
    'bf61610161629f0203ffff',
    '826161bf61626163ff',
    'bf6346756ef563416d7421ff',
  ])('indefinite length %s', (hex) => {
    const error = refusal(() => decodeCbor(hexToBytes(hex)));
    expect(error.code).toBe('UR_MALFORMED');
    expect(error.message).toMatch(/indefinite/u);
  });
});

describe('other refusals: UR_MALFORMED', () => {
  test('trailing bytes, and an empty input', () => {
    expect(refusal(() => decodeCbor(hexToBytes('0000'))).message).toMatch(/1 bytes after/u);
    expect(refusedCode('83010203ff')).toBe('UR_MALFORMED');
    expect(refusedCode('')).toBe('UR_MALFORMED');
  });

  test('lengths and counts beyond the input, without allocating them', () => {
    expect(refusedCode('4501020304')).toBe('UR_MALFORMED');
    expect(refusedCode('64494554')).toBe('UR_MALFORMED');
    expect(refusedCode('5bffffffffffffffff')).toBe('UR_MALFORMED');
    expect(refusedCode('7bffffffffffffffff00')).toBe('UR_MALFORMED');
    expect(refusedCode('9bffffffffffffffff')).toBe('UR_MALFORMED');
    expect(refusedCode('9a7fffffff00')).toBe('UR_MALFORMED');
    expect(refusedCode('bbffffffffffffffff')).toBe('UR_MALFORMED');
    // A map of 2 entries needs at least 4 bytes after its head: refused from its head.
    expect(refusal(() => decodeCbor(hexToBytes('a2010203'))).message).toMatch(/map declares more than the 3 bytes left/u);
    expect(refusal(() => decodeCbor(hexToBytes('5bffffffffffffffff'))).message).toMatch(/byte string declares more than the 0 bytes left/u);
    expect(refusedCode('8301')).toBe('UR_MALFORMED');
    expect(refusedCode('19ff')).toBe('UR_MALFORMED');
  });

  test('32 nested arrays are read, 33 are refused; tags count as nesting', () => {
    const nested = (depth: number) => `${'81'.repeat(depth - 1)}80`;
    let item = decodeCbor(hexToBytes(nested(32)));
    for (let i = 1; i < 32; i++) item = cborExpectArray(item, 'nested', 1)[0]!;
    expect(cborExpectArray(item, 'innermost', 0)).toEqual([]);
    expect(refusal(() => decodeCbor(hexToBytes(nested(33)))).message).toMatch(/more than 32 nested/u);
    expect(refusedCode(`${'c1'.repeat(33)}00`)).toBe('UR_MALFORMED');
    expect(decodeCbor(hexToBytes(`${'c1'.repeat(32)}00`)).kind).toBe('tag');
    expect(refusedCode(`${'81'.repeat(100_000)}80`)).toBe('UR_MALFORMED');
  });

  test('arguments longer than needed (RFC 8949 §4.2.1 preferred serialization)', () => {
    for (const hex of ['1800', '1817', '190017', '1900ff', '1a0000ffff', '1b00000000ffffffff', '3817', '5800', '7800', '9800', 'b800', 'd800f6']) {
      expect(refusedCode(hex), hex).toBe('UR_MALFORMED');
    }
    expect(decode('1818')).toBe(24);
    expect(decode('190100')).toBe(256);
  });

  test('reserved additional information 28-30', () => {
    for (const hex of ['1c', '3d', '5e', 'fc']) expect(refusedCode(hex), hex).toBe('UR_MALFORMED');
  });

  test('duplicate map keys (RFC 8949 §5.6)', () => {
    expect(refusal(() => decodeCbor(hexToBytes('a201020103'))).message).toMatch(/duplicate key/u);
    expect(refusedCode('a2616101616102')).toBe('UR_MALFORMED');
    // Keys that differ are fine, whatever their order.
    expect(decode('a203040102')).toEqual({
      map: [
        [3, 4],
        [1, 2],
      ],
    });
  });

  test('invalid UTF-8: a lone continuation byte, an overlong form, an encoded surrogate', () => {
    for (const hex of ['6180', '62c0af', '63eda080']) expect(refusedCode(hex), hex).toBe('UR_MALFORMED');
  });

  test('a break byte outside an indefinite-length item', () => {
    expect(refusedCode('ff')).toBe('UR_MALFORMED');
    expect(refusedCode('82ff00')).toBe('UR_MALFORMED');
  });

  test('refuses what is not bytes', () => {
    expect(() => decodeCbor('00' as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe('typed helpers', () => {
  // {1: [1, 2, 3], 2: h'0102', 3: 255}
  const item = decodeCbor(hexToBytes('a30183010203024201020318ff'));

  test('cborExpectArray, cborExpectBytes, cborExpectUnsigned, cborExpectMap, cborMapGet', () => {
    const map = cborExpectMap(item, 'test map');
    expect(cborExpectArray(cborMapGet(map, 1)!, 'one', 3).map((i) => cborExpectUnsigned(i, 'n'))).toEqual([1, 2, 3]);
    expect(cborExpectBytes(cborMapGet(map, 2)!, 'two')).toEqual(Uint8Array.of(1, 2));
    expect(cborExpectUnsigned(cborMapGet(map, 3)!, 'three', 255)).toBe(255);
    expect(cborMapGet(map, 4)).toBeUndefined();
  });

  test('cborMapGet finds negative keys, and only integer keys', () => {
    const map = cborExpectMap(decodeCbor(hexToBytes('a3200161610201f5')), 'map');
    expect(plain(cborMapGet(map, -1)!)).toBe(1);
    expect(plain(cborMapGet(map, 1)!)).toBe(true);
    expect(cborMapGet(map, 0)).toBeUndefined();
    expect(() => cborMapGet(map, 1.5)).toThrow(RangeError);
  });

  test('cborExpectTag', () => {
    expect(plain(cborExpectTag(decodeCbor(hexToBytes('c11a514b67b0')), 1, 'time'))).toBe(1363896240);
    expect(refusal(() => cborExpectTag(decodeCbor(hexToBytes('c11a514b67b0')), 2, 'bignum')).message).toBe('bignum: expected tag 2, got tag 1');
  });

  test('refusals name what was expected and what was found', () => {
    const map = cborExpectMap(item, 'test map');
    expect(refusal(() => cborExpectArray(item, 'part')).message).toBe('part: expected an array, got a map');
    expect(refusal(() => cborExpectArray(cborMapGet(map, 1)!, 'part', 5)).message).toBe('part: expected an array of 5 items, got 3');
    expect(refusal(() => cborExpectBytes(cborMapGet(map, 3)!, 'data')).message).toBe('data: expected a byte string, got an unsigned integer');
    expect(refusal(() => cborExpectUnsigned(cborMapGet(map, 3)!, 'seqLen', 254)).message).toBe('seqLen: expected at most 254, got 255');
    expect(refusal(() => cborExpectUnsigned(decodeCbor(hexToBytes('1bffffffffffffffff')), 'n')).code).toBe('UR_MALFORMED');
    expect(refusal(() => cborExpectUnsigned(decodeCbor(hexToBytes('20')), 'n')).message).toBe('n: expected an unsigned integer, got a negative integer');
    expect(refusal(() => cborExpectMap(decodeCbor(hexToBytes('f6')), 'm')).message).toBe('m: expected a map, got null');
  });
});
