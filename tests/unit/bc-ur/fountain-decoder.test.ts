/**
 * The fountain decoder: (a) the published parts of bc-ur C++ test_fountain_encoder_cbor (20 parts of
 * a 256-byte message, sources in reference-vectors.ts) decode back to the message, from the pure
 * parts and from the mixed parts alone, and the decoding run of URKit FountainCodesTests
 * testDecoder (32767 bytes, fragments of at most 1000, parts from 101) completes; (b) independent
 * check: parts made by @ngraveio/bc-ur's UREncoder (devDependency, used only in tests) decode, from
 * pure parts only, from mixed parts only, and with parts dropped and shuffled by a seeded generator,
 * for several message and fragment sizes; (c) parts of our own encoder, in any order; (d) each
 * refusal, with its code, leaving the decoder usable.
 */
import { UR, UREncoder } from '@ngraveio/bc-ur';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { bytewordsDecodeMinimal } from '../../../common/bc-ur/bytewords-decode.ts';
import { cborArray, cborBytes, cborUnsigned } from '../../../common/bc-ur/cbor.ts';
import { FountainDecoder, MAX_MESSAGE_LENGTH, MAX_SEQ_LEN, fountainPartFromCbor } from '../../../common/bc-ur/fountain-decoder.ts';
import { type FountainPart, fountainPart, fountainPartCbor, fragmentMessage } from '../../../common/bc-ur/fountain-encoder.ts';
import { UrDecodeError } from '../../../common/bc-ur/ur-decode-error.ts';
import { Xoshiro256 } from '../../../common/bc-ur/xoshiro256.ts';
import { FOUNTAIN_256, FOUNTAIN_256_CBOR } from './reference-vectors.ts';
import { refusal, shuffledWith } from './decode-helpers.ts';

/** bc-ur test-utils make_message(len, "Wolf"). */
const makeMessage = (length: number) => Xoshiro256.fromBytes(utf8ToBytes('Wolf')).nextData(length);

/** Feeds parts until the decoder completes; returns the decoder and how many parts it took. */
function decodeParts(parts: Iterable<FountainPart>): { decoder: FountainDecoder; used: number } {
  const decoder = new FountainDecoder();
  let used = 0;
  for (const part of parts) {
    decoder.receive(part);
    used++;
    if (decoder.isComplete) break;
  }
  return { decoder, used };
}

describe('(a) published vectors', () => {
  const message = makeMessage(256);
  const parts = FOUNTAIN_256_CBOR.map((hex) => fountainPartFromCbor(hexToBytes(hex)));

  test('test_fountain_encoder_cbor parts read back to their fields', () => {
    for (const [i, part] of parts.entries()) {
      expect({ ...part, data: bytesToHex(part.data) }).toEqual({
        seqNum: i + 1,
        seqLen: FOUNTAIN_256.seqLen,
        messageLength: FOUNTAIN_256.messageLength,
        checksum: FOUNTAIN_256.checksum,
        data: FOUNTAIN_256.data[i],
      });
    }
  });

  test('the 9 pure parts decode to make_message(256), complete exactly at the ninth', () => {
    const decoder = new FountainDecoder();
    expect(decoder.expectedPartCount).toBeNull();
    expect(decoder.estimatedPercentComplete).toBe(0);
    for (const [i, part] of parts.slice(0, 9).entries()) {
      expect(decoder.isComplete).toBe(false);
      expect(decoder.receive(part)).toBe(true);
      expect(decoder.receivedPartCount).toBe(i + 1);
      expect(decoder.expectedPartCount).toBe(9);
      if (i < 8) expect(decoder.estimatedPercentComplete).toBeLessThan(1);
    }
    expect(decoder.isComplete).toBe(true);
    expect(decoder.estimatedPercentComplete).toBe(1);
    expect(decoder.result()).toEqual(message);
  });

  test('the mixed parts 10..20 alone decode to the same message', () => {
    const { decoder, used } = decodeParts(parts.slice(9));
    expect(decoder.isComplete).toBe(true);
    expect(used).toBe(10);
    expect(decoder.result()).toEqual(message);
  });

  test('the 20 parts in reverse order, and the pure parts with the first four missing', () => {
    expect(decodeParts([...parts].reverse()).decoder.result()).toEqual(message);
    expect(decodeParts([...parts.slice(4)]).decoder.result()).toEqual(message);
  });

  test('URKit testDecoder: 32767 bytes, fragments <= 1000, parts from 101 on (mixed only)', () => {
    const big = makeMessage(32767);
    const fragmented = fragmentMessage(big, 1000);
    const decoder = new FountainDecoder();
    let seqNum = 101;
    while (!decoder.isComplete && seqNum < 101 + 10 * fragmented.fragments.length) decoder.receive(fountainPart(fragmented, seqNum++));
    expect(decoder.isComplete).toBe(true);
    expect(decoder.result()).toEqual(big);
  });
});

/** The fountain parts of `message` as @ngraveio/bc-ur's UREncoder makes them (its CBOR read back from the UR body). */
function ngraveParts(message: Uint8Array, maxFragmentLength: number, count: number): { cbor: Uint8Array; parts: FountainPart[] } {
  const ur = UR.fromBuffer(Buffer.from(message));
  const encoder = new UREncoder(ur, maxFragmentLength, 0, 10);
  const parts = Array.from({ length: count }, () => {
    const match = /^ur:bytes\/\d+-\d+\/([a-z]+)$/u.exec(encoder.nextPart());
    if (!match) throw new Error('@ngraveio/bc-ur made a single-part UR');
    return fountainPartFromCbor(bytewordsDecodeMinimal(match[1]!));
  });
  return { cbor: Uint8Array.from(ur.cbor), parts };
}

describe('(b) parts made by @ngraveio/bc-ur', () => {
  const cases = [
    [100, 10],
    [100, 30],
    [1000, 30],
    [1000, 100],
    [5000, 50],
    [5000, 200],
    [5000, 1000],
  ] as const;

  test.each(cases)('%i bytes, fragments <= %i: pure parts only', (size, maxFragmentLength) => {
    const message = makeMessage(size);
    const seqLen = new UREncoder(UR.fromBuffer(Buffer.from(message)), maxFragmentLength, 0, 10).fragmentsLength;
    expect(seqLen).toBeGreaterThan(1);
    const { cbor, parts } = ngraveParts(message, maxFragmentLength, seqLen);
    const { decoder, used } = decodeParts(parts);
    expect(used).toBe(seqLen);
    expect(decoder.result()).toEqual(cbor);
    expect(cbor).toEqual(cborBytes(message));
  });

  test.each(cases)('%i bytes, fragments <= %i: mixed parts only (the first seqLen skipped)', (size, maxFragmentLength) => {
    const message = makeMessage(size);
    const seqLen = new UREncoder(UR.fromBuffer(Buffer.from(message)), maxFragmentLength, 0, 10).fragmentsLength;
    const { cbor, parts } = ngraveParts(message, maxFragmentLength, 5 * seqLen + 20);
    const { decoder, used } = decodeParts(parts.slice(seqLen));
    expect(decoder.isComplete).toBe(true);
    expect(used).toBeLessThan(parts.length - seqLen);
    expect(decoder.result()).toEqual(cbor);
  });

  test.each(cases)('%i bytes, fragments <= %i: a third of the parts dropped, the rest shuffled', (size, maxFragmentLength) => {
    const message = makeMessage(size);
    const seqLen = new UREncoder(UR.fromBuffer(Buffer.from(message)), maxFragmentLength, 0, 10).fragmentsLength;
    const { cbor, parts } = ngraveParts(message, maxFragmentLength, 4 * seqLen + 10);
    const rng = Xoshiro256.fromBytes(utf8ToBytes(`drop ${size} ${maxFragmentLength}`));
    const kept = parts.filter(() => rng.nextInt(0, 2) !== 0);
    const { decoder } = decodeParts(shuffledWith(kept, `shuffle ${size} ${maxFragmentLength}`));
    expect(decoder.isComplete).toBe(true);
    expect(decoder.result()).toEqual(cbor);
  });
});

describe('(c) parts of our own encoder', () => {
  test.each([
    [1000, 30],
    [5000, 200],
    [2048, 10],
  ] as const)('%i bytes, fragments <= %i: seeded shuffles of the first 3 × seqLen parts', (size, maxFragmentLength) => {
    const message = makeMessage(size);
    const fragmented = fragmentMessage(message, maxFragmentLength);
    const parts = Array.from({ length: 3 * fragmented.fragments.length }, (_, i) => fountainPart(fragmented, i + 1));
    for (const seed of ['one', 'two', 'three']) {
      const { decoder } = decodeParts(shuffledWith(parts, seed));
      expect(decoder.result(), seed).toEqual(message);
    }
  });

  test('the CBOR of each part reads back to the same part', () => {
    const fragmented = fragmentMessage(makeMessage(700), 64);
    for (const seqNum of [1, 5, 11, 12, 40, 0xffffffff]) {
      const part = fountainPart(fragmented, seqNum);
      expect(fountainPartFromCbor(fountainPartCbor(part))).toEqual(part);
    }
  });

  test('a message of one fragment (seqLen 1)', () => {
    const message = Uint8Array.of(1, 2, 3);
    const fragmented = fragmentMessage(message, 100);
    expect(fragmented.fragments).toHaveLength(1);
    expect(decodeParts([fountainPart(fragmented, 7)]).decoder.result()).toEqual(message);
  });
});

describe('(d) refusals', () => {
  const fragmented = fragmentMessage(makeMessage(256), 30);
  const part = (seqNum: number) => fountainPart(fragmented, seqNum);

  test('duplicates and parts after completion are not processed', () => {
    const decoder = new FountainDecoder();
    expect(decoder.receive(part(3))).toBe(true);
    expect(decoder.receive(part(3))).toBe(false);
    expect(decoder.receivedPartCount).toBe(1);
    for (let n = 1; n <= 9; n++) decoder.receive(part(n));
    expect(decoder.isComplete).toBe(true);
    expect(decoder.receive(part(25))).toBe(false);
    expect(decoder.result()).toEqual(makeMessage(256));
  });

  test('seqNum 0, seqLen 0, out-of-range fields, no data: UR_MALFORMED', () => {
    const good = part(1);
    const cases: FountainPart[] = [
      { ...good, seqNum: 0 },
      { ...good, seqLen: 0 },
      { ...good, seqNum: 2 ** 32 },
      { ...good, seqNum: 1.5 },
      { ...good, checksum: -1 },
      { ...good, checksum: 2 ** 32 },
      { ...good, messageLength: 0 },
      { ...good, data: new Uint8Array(0) },
      { seqNum: 1, seqLen: MAX_SEQ_LEN + 1, messageLength: MAX_SEQ_LEN + 1, checksum: 0, data: new Uint8Array(1) },
      { seqNum: 1, seqLen: 1, messageLength: MAX_MESSAGE_LENGTH + 1, checksum: 0, data: new Uint8Array(MAX_MESSAGE_LENGTH + 1) },
    ];
    for (const bad of cases)
      expect(refusal(() => new FountainDecoder().receive(bad)).code, JSON.stringify({ ...bad, data: bad.data.length })).toBe('UR_MALFORMED');
  });

  test('the largest accepted: seqLen 10000 and a 10 MiB message', () => {
    expect(new FountainDecoder().receive({ seqNum: 1, seqLen: MAX_SEQ_LEN, messageLength: MAX_SEQ_LEN, checksum: 0, data: new Uint8Array(1) })).toBe(true);
    expect(MAX_MESSAGE_LENGTH).toBe(10 * 1024 * 1024);
    const decoder = new FountainDecoder();
    expect(decoder.receive({ seqNum: 1, seqLen: 2, messageLength: MAX_MESSAGE_LENGTH, checksum: 0, data: new Uint8Array(MAX_MESSAGE_LENGTH / 2) })).toBe(true);
  });

  test('a fragment length that cannot hold messageLen in seqLen fragments: UR_MALFORMED', () => {
    // 256 bytes in fragments of 29: 9 fragments, not 8 or 10; fragments of 10 bytes: 26.
    expect(refusal(() => new FountainDecoder().receive({ ...part(1), seqLen: 8 })).message).toMatch(/cannot hold/u);
    expect(refusal(() => new FountainDecoder().receive({ ...part(1), seqLen: 10 })).code).toBe('UR_MALFORMED');
    expect(refusal(() => new FountainDecoder().receive({ ...part(1), data: new Uint8Array(10) })).code).toBe('UR_MALFORMED');
  });

  test('a part that differs from the first in seqLen, messageLen, checksum or fragment length: UR_INCONSISTENT, state kept', () => {
    const decoder = new FountainDecoder();
    decoder.receive(part(1));
    const inconsistent: [FountainPart, RegExp][] = [
      // Each is a valid part on its own (ceil(messageLen / fragment length) = seqLen).
      [{ ...part(2), seqLen: 10, data: new Uint8Array(26) }, /seqLen 10 differs from the first part's 9/u],
      [{ ...part(2), messageLength: 255 }, /messageLen 255/u],
      [{ ...part(2), checksum: 1 }, /checksum 1/u],
      [{ ...part(2), data: new Uint8Array(30) }, /fragment length 30/u],
    ];
    for (const [bad, message] of inconsistent) {
      const error = refusal(() => decoder.receive(bad));
      expect(error.code).toBe('UR_INCONSISTENT');
      expect(error.message).toMatch(message);
    }
    expect(decoder.receivedPartCount).toBe(1);
    for (let n = 2; n <= 9; n++) decoder.receive(part(n));
    expect(decoder.result()).toEqual(makeMessage(256));
  });

  test('a message whose CRC-32 is not the checksum of the parts: UR_CHECKSUM, and the decoder is spent', () => {
    const wrong = { ...fragmented, checksum: (fragmented.checksum + 1) >>> 0 };
    const decoder = new FountainDecoder();
    for (let n = 1; n <= 8; n++) decoder.receive(fountainPart(wrong, n));
    const error = refusal(() => decoder.receive(fountainPart(wrong, 9)));
    expect(error.code).toBe('UR_CHECKSUM');
    expect(decoder.isComplete).toBe(false);
    expect(refusal(() => decoder.receive(fountainPart(wrong, 10)))).toBe(error);
    expect(refusal(() => decoder.result())).toBe(error);
  });

  test('result() before the message is complete is a programming error, not a UrDecodeError', () => {
    const decoder = new FountainDecoder();
    decoder.receive(part(1));
    expect(() => decoder.result()).toThrow(/not complete/u);
    let thrown: unknown;
    try {
      decoder.result();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).not.toBeInstanceOf(UrDecodeError);
  });
});

describe('(d) fountainPartFromCbor refusals: UR_MALFORMED', () => {
  const data = cborBytes(new Uint8Array(29));
  const header = (seqNum: number, seqLen: number, messageLength: number, checksum: number) => [
    cborUnsigned(seqNum),
    cborUnsigned(seqLen),
    cborUnsigned(messageLength),
    cborUnsigned(checksum),
  ];

  test.each([
    ['not an array', cborBytes(new Uint8Array(5))],
    ['4 items', cborArray(header(1, 9, 256, 7))],
    ['6 items', cborArray([...header(1, 9, 256, 7), data, data])],
    ['seqNum 0', cborArray([...header(0, 9, 256, 7), data])],
    ['seqLen 0', cborArray([...header(1, 0, 256, 7), data])],
    ['seqLen above 10000', cborArray([...header(1, 10_001, 290_029, 7), data])],
    ['messageLen above 10 MiB', cborArray([...header(1, 1, MAX_MESSAGE_LENGTH + 1, 7), data])],
    ['checksum above 2^32-1', cborArray([...header(1, 9, 256, 2 ** 32), data])],
    ['data not a byte string', cborArray([...header(1, 9, 256, 7), cborUnsigned(29)])],
    ['empty data', cborArray([...header(1, 9, 256, 7), cborBytes(new Uint8Array(0))])],
    ['fragment length inconsistent', cborArray([...header(1, 8, 256, 7), data])],
    ['trailing bytes', Uint8Array.from([...cborArray([...header(1, 9, 256, 7), data]), 0])],
    ['a negative seqNum', Uint8Array.from([0x85, 0x20, ...cborUnsigned(9), ...cborUnsigned(256), ...cborUnsigned(7), ...data])],
  ] as const)('%s', (_name, cbor) => {
    expect(refusal(() => fountainPartFromCbor(cbor)).code).toBe('UR_MALFORMED');
  });

  test('a well-formed part is accepted (the cases above differ from it in one thing each)', () => {
    expect(fountainPartFromCbor(cborArray([...header(1, 9, 256, 7), data]))).toEqual({
      seqNum: 1,
      seqLen: 9,
      messageLength: 256,
      checksum: 7,
      data: new Uint8Array(29),
    });
  });
});
