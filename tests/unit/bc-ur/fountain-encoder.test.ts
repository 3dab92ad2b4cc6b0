/**
 * The fountain encoder and UR strings against published vectors (sources in reference-vectors.ts):
 * bc-ur C++ test_find_fragment_length, test_partition_and_join, test_fountain_encoder (20 parts of
 * a 256-byte message, fragments of at most 30 bytes: 9 pure, then mixed), test_fountain_encoder_cbor,
 * test_single_part_ur; Hummingbird URTest testEncode (the same 20 parts as ur:bytes strings, current
 * wordlist) and testCbor.
 */
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { cborBytes } from '../../../common/bc-ur/cbor.ts';
import { findNominalFragmentLength, fountainPart, fountainPartCbor, fragmentMessage, partitionMessage } from '../../../common/bc-ur/fountain-encoder.ts';
import { isUrType, singlePartUr, urParts } from '../../../common/bc-ur/ur-encoder.ts';
import { Xoshiro256 } from '../../../common/bc-ur/xoshiro256.ts';
import {
  FOUNTAIN_256,
  FOUNTAIN_256_CBOR,
  FRAGMENT_LENGTHS,
  HUMMINGBIRD_UR_CBOR,
  PARTITION_1024,
  SINGLE_PART_UR_50,
  UR_PARTS_256,
} from './reference-vectors.ts';

/** bc-ur test-utils make_message(len, "Wolf"). */
const makeMessage = (length: number) => Xoshiro256.fromBytes(utf8ToBytes('Wolf')).nextData(length);

describe('fragments', () => {
  test.each(FRAGMENT_LENGTHS)('test_find_fragment_length(%i, %i, %i) = %i', (length, min, max, expected) => {
    expect(findNominalFragmentLength(length, min, max)).toBe(expected);
  });

  test('test_partition_and_join: 1024 bytes in fragments of 10..100 bytes', () => {
    const message = makeMessage(1024);
    const fragmentLength = findNominalFragmentLength(message.length, 10, 100);
    const fragments = partitionMessage(message, fragmentLength);
    expect(fragments.map(bytesToHex)).toEqual(PARTITION_1024);
    const joined = new Uint8Array(fragments.length * fragmentLength);
    fragments.forEach((f, i) => joined.set(f, i * fragmentLength));
    expect(joined.subarray(0, message.length)).toEqual(message);
  });

  test('a message shorter than the minimum fragment is one fragment', () => {
    expect(findNominalFragmentLength(3, 10, 100)).toBe(3);
    expect(fragmentMessage(Uint8Array.of(1, 2, 3), 100).fragments).toHaveLength(1);
  });

  test('refuses bounds that cannot hold and an empty message', () => {
    expect(() => findNominalFragmentLength(100, 20, 10)).toThrow(/maxFragmentLength/u);
    expect(() => findNominalFragmentLength(100, 0, 10)).toThrow(/minFragmentLength/u);
    expect(() => fragmentMessage(new Uint8Array(0), 100)).toThrow(/message/u);
  });
});

describe('fountain parts', () => {
  const message = fragmentMessage(makeMessage(256), 30);
  const parts = Array.from({ length: 20 }, (_, i) => fountainPart(message, i + 1));

  test('test_fountain_encoder: seqNum, seqLen, messageLen, checksum and data of parts 1..20', () => {
    for (const [i, part] of parts.entries()) {
      expect({ ...part, data: bytesToHex(part.data) }, `part ${i + 1}`).toEqual({
        seqNum: i + 1,
        seqLen: FOUNTAIN_256.seqLen,
        messageLength: FOUNTAIN_256.messageLength,
        checksum: FOUNTAIN_256.checksum,
        data: FOUNTAIN_256.data[i],
      });
    }
  });

  test('test_fountain_encoder_cbor: the same parts as CBOR [seqNum, seqLen, messageLen, checksum, data]', () => {
    expect(parts.map((p) => bytesToHex(fountainPartCbor(p)))).toEqual(FOUNTAIN_256_CBOR);
  });

  test('pure parts are the fragments in order; the last is zero-padded', () => {
    expect(parts.slice(0, 9).map((p) => p.data)).toEqual(message.fragments);
    expect(message.fragments[8]!.subarray(256 - 8 * 29)).toEqual(new Uint8Array(9 * 29 - 256));
  });

  test('a part is the same whatever order it is asked for in', () => {
    expect(bytesToHex(fountainPart(message, 17).data)).toBe(FOUNTAIN_256.data[16]);
  });
});

describe('UR strings', () => {
  test('test_single_part_ur: a 50-byte message is one ur:bytes', () => {
    const cbor = cborBytes(makeMessage(50));
    expect(singlePartUr('bytes', cbor)).toBe(SINGLE_PART_UR_50);
    expect(urParts('bytes', cbor, { maxFragmentLength: 100 })).toEqual([SINGLE_PART_UR_50]);
  });

  test('Hummingbird testCbor: 16 bytes as ur:bytes', () => {
    expect(singlePartUr('bytes', hexToBytes(HUMMINGBIRD_UR_CBOR.cbor))).toBe(HUMMINGBIRD_UR_CBOR.ur);
  });

  test('Hummingbird testEncode: ur:bytes parts 1..20 of a 256-byte message, fragments <= 30', () => {
    const cbor = cborBytes(makeMessage(256));
    expect(urParts('bytes', cbor, { maxFragmentLength: 30, minFragmentLength: 10, partCount: 20 })).toEqual(UR_PARTS_256);
  });

  test('by default, only the pure parts', () => {
    const cbor = cborBytes(makeMessage(256));
    expect(urParts('bytes', cbor, { maxFragmentLength: 30 })).toEqual(UR_PARTS_256.slice(0, 9));
  });

  test('UR types: lower-case letters, digits and hyphens', () => {
    expect(isUrType('crypto-psbt')).toBe(true);
    expect(isUrType('Crypto-PSBT')).toBe(false);
    expect(isUrType('crypto psbt')).toBe(false);
    expect(() => singlePartUr('bad/type', Uint8Array.of(0))).toThrow(/type/u);
  });
});
