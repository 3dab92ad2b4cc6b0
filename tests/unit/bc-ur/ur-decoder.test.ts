/**
 * UrDecoder, scanned text to type and CBOR: (a) published URs (sources in reference-vectors.ts):
 * Hummingbird URTest testEncode (ur:bytes parts 1..20 of a 256-byte message), bc-ur C++
 * test_single_part_ur, Hummingbird testCbor, the BCR-2020-006 crypto-psbt vector; (b) independent
 * check: URs made by @ngraveio/bc-ur's UREncoder (devDependency, used only in tests) for messages
 * of 1, 100, 1000 and 5000 bytes and several fragment lengths, from pure parts only, from mixed
 * parts only, with parts dropped and shuffled by a seeded generator, upper case as in QR codes;
 * (c) our encoder (urParts, psbtUrParts) round-trips; (d) each refusal code, the text never in the
 * message, and a refused frame leaving the decoder as it was.
 */
import { UR, URDecoder, UREncoder } from '@ngraveio/bc-ur';
import { hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { BYTEWORDS, bytewordsMinimal } from '../../../common/bc-ur/bytewords.ts';
import { cborBytes } from '../../../common/bc-ur/cbor.ts';
import { cborExpectBytes, decodeCbor } from '../../../common/bc-ur/cbor-decode.ts';
import { CRYPTO_PSBT_UR_TYPE, cryptoPsbtCbor, psbtUrParts } from '../../../common/bc-ur/crypto-psbt.ts';
import { fountainPart, fountainPartCbor, fragmentMessage } from '../../../common/bc-ur/fountain-encoder.ts';
import { UrDecodeError } from '../../../common/bc-ur/ur-decode-error.ts';
import { UrDecoder, type UrReceiveOutcome } from '../../../common/bc-ur/ur-decoder.ts';
import { singlePartUr, urParts } from '../../../common/bc-ur/ur-encoder.ts';
import { Xoshiro256 } from '../../../common/bc-ur/xoshiro256.ts';
import { BCR_2020_006_CRYPTO_PSBT, HUMMINGBIRD_UR_CBOR, SINGLE_PART_UR_50, UR_PARTS_256 } from './reference-vectors.ts';
import { refusal, shuffledWith } from './decode-helpers.ts';

/** bc-ur test-utils make_message(len, "Wolf"). */
const makeMessage = (length: number) => Xoshiro256.fromBytes(utf8ToBytes('Wolf')).nextData(length);

/** Feeds frames until the decoder completes; returns it, the outcomes and how many frames it read. */
function decodeFrames(frames: Iterable<string>, types: readonly string[] = ['bytes']): { decoder: UrDecoder; outcomes: UrReceiveOutcome[] } {
  const decoder = new UrDecoder(types);
  const outcomes: UrReceiveOutcome[] = [];
  for (const frame of frames) {
    outcomes.push(decoder.receive(frame));
    if (decoder.isComplete) break;
  }
  return { decoder, outcomes };
}

/** The frames of `ur`, with `path` put in place of the seqNum-seqLen of a multipart one. */
const withPath = (ur: string, path: string) => ur.replace(/\/\d+-\d+\//u, `/${path}/`);

describe('(a) published URs', () => {
  const cbor256 = cborBytes(makeMessage(256));

  test('Hummingbird testEncode: the 9 pure parts of ur:bytes 256', () => {
    const { decoder, outcomes } = decodeFrames(UR_PARTS_256.slice(0, 9));
    expect(outcomes).toEqual(Array(9).fill('accepted'));
    expect(decoder.result()).toEqual({ type: 'bytes', cbor: cbor256 });
  });

  test('the mixed parts 10..20 recover 8 of the 9 fragments, as @ngraveio/bc-ur does; the pure parts complete them', () => {
    const decoder = new UrDecoder(['bytes']);
    const theirs = new URDecoder();
    for (const frame of UR_PARTS_256.slice(9)) {
      expect(decoder.receive(frame)).toBe('accepted');
      theirs.receivePart(frame);
      expect(decoder.progress.received / 9).toBeCloseTo(theirs.getProgress(), 10);
    }
    expect(decoder.progress).toMatchObject({ received: 8, expected: 9 });
    expect(decoder.isComplete).toBe(false);
    for (const frame of UR_PARTS_256.slice(0, 9)) if (!decoder.isComplete) decoder.receive(frame);
    expect(decoder.result().cbor).toEqual(cbor256);
  });

  test('all 20 upper case, in reverse order', () => {
    expect(decodeFrames([...UR_PARTS_256].reverse().map((f) => f.toUpperCase())).decoder.result().cbor).toEqual(cbor256);
  });

  test('bc-ur test_single_part_ur and Hummingbird testCbor', () => {
    expect(decodeFrames([SINGLE_PART_UR_50]).decoder.result()).toEqual({ type: 'bytes', cbor: cborBytes(makeMessage(50)) });
    expect(decodeFrames([HUMMINGBIRD_UR_CBOR.ur]).decoder.result()).toEqual({ type: 'bytes', cbor: hexToBytes(HUMMINGBIRD_UR_CBOR.cbor) });
  });

  test('BCR-2020-006 crypto-psbt, upper case with surrounding whitespace', () => {
    const decoder = new UrDecoder([CRYPTO_PSBT_UR_TYPE]);
    expect(decoder.receive(`  ${BCR_2020_006_CRYPTO_PSBT.ur.toUpperCase()}\r\n`)).toBe('accepted');
    const { type, cbor } = decoder.result();
    expect(type).toBe('crypto-psbt');
    expect(cbor).toEqual(hexToBytes(BCR_2020_006_CRYPTO_PSBT.cbor));
    expect(cborExpectBytes(decodeCbor(cbor), 'crypto-psbt')).toEqual(hexToBytes(BCR_2020_006_CRYPTO_PSBT.psbt));
  });
});

describe('(b) URs made by @ngraveio/bc-ur', () => {
  const sizes = [1, 100, 1000, 5000] as const;
  const fragmentLengths = [25, 100, 400] as const;
  const cases = sizes.flatMap((size) => fragmentLengths.map((length) => [size, length] as const));
  const multipartCases = cases.filter(([size, length]) => ngraveEncoder(makeMessage(size), length).seqLen > 1);

  /** @ngraveio/bc-ur's UREncoder for `message` as ur:bytes: its CBOR, seqLen, and its frames 1, 2, 3, … one per call. */
  function ngraveEncoder(message: Uint8Array, maxFragmentLength: number) {
    const ur = UR.fromBuffer(Buffer.from(message));
    const encoder = new UREncoder(ur, maxFragmentLength, 0, 10);
    return { cbor: Uint8Array.from(ur.cbor), seqLen: encoder.fragmentsLength, next: () => encoder.nextPart() };
  }

  /** The next `count` frames, made as they are read. */
  function* frames(next: () => string, count: number): Generator<string> {
    for (let i = 0; i < count; i++) yield next();
  }

  test.each(cases)('%i bytes, fragments <= %i: pure parts only, upper case', (size, maxFragmentLength) => {
    const message = makeMessage(size);
    const { cbor, seqLen, next } = ngraveEncoder(message, maxFragmentLength);
    const pure = [...frames(next, seqLen)];
    if (seqLen === 1) expect(pure[0]).toMatch(/^ur:bytes\/[a-z]+$/u);
    const { decoder, outcomes } = decodeFrames(pure.map((f) => f.toUpperCase()));
    expect(outcomes).toHaveLength(seqLen);
    expect(decoder.result()).toEqual({ type: 'bytes', cbor });
    expect(cborExpectBytes(decodeCbor(decoder.result().cbor), 'bytes')).toEqual(message);
    expect(decoder.progress).toEqual({ received: seqLen, expected: seqLen, percent: 100 });
  });

  test.each(multipartCases)('%i bytes, fragments <= %i: mixed parts only', (size, maxFragmentLength) => {
    const { cbor, seqLen, next } = ngraveEncoder(makeMessage(size), maxFragmentLength);
    for (let i = 0; i < seqLen; i++) next();
    const limit = 5 * seqLen + 20;
    const { decoder, outcomes } = decodeFrames(frames(next, limit));
    expect(decoder.isComplete).toBe(true);
    expect(outcomes.length).toBeLessThan(limit);
    expect(decoder.result().cbor).toEqual(cbor);
  });

  test.each(multipartCases)('%i bytes, fragments <= %i: a third of the frames dropped, the rest shuffled, some repeated', (size, maxFragmentLength) => {
    const { cbor, seqLen, next } = ngraveEncoder(makeMessage(size), maxFragmentLength);
    const rng = Xoshiro256.fromBytes(utf8ToBytes(`drop ${size} ${maxFragmentLength}`));
    const kept = [...frames(next, 3 * seqLen + 10)].filter(() => rng.nextInt(0, 2) !== 0);
    const seen = shuffledWith([...kept, ...kept.slice(0, 3)], `shuffle ${size} ${maxFragmentLength}`);
    const { decoder } = decodeFrames(seen);
    expect(decoder.isComplete).toBe(true);
    expect(decoder.result().cbor).toEqual(cbor);
  });
});

describe('(c) our own encoder round-trips', () => {
  test.each([
    [1, 100],
    [100, 30],
    [1000, 60],
    [5000, 200],
  ] as const)('urParts: %i bytes, fragments <= %i, all parts then again shuffled with mixed ones', (size, maxFragmentLength) => {
    const cbor = cborBytes(makeMessage(size));
    const parts = urParts('bytes', cbor, { maxFragmentLength });
    expect(decodeFrames(parts).decoder.result()).toEqual({ type: 'bytes', cbor });
    const withMixed = urParts('bytes', cbor, { maxFragmentLength, partCount: 3 * parts.length });
    expect(decodeFrames(shuffledWith(withMixed, `ours ${size}`)).decoder.result().cbor).toEqual(cbor);
  });

  test('psbtUrParts: a small PSBT (single part) and a 3000-byte one (multipart, mixed parts only)', () => {
    const small = hexToBytes(BCR_2020_006_CRYPTO_PSBT.psbt);
    const large = Uint8Array.from([...small.subarray(0, 5), ...makeMessage(2995)]);
    for (const psbt of [small, large]) {
      const frames = psbtUrParts(psbt, { extraParts: 60 });
      const seqLen = frames.length === 1 ? 0 : frames.length - 60;
      const { decoder } = decodeFrames(frames.slice(seqLen), [CRYPTO_PSBT_UR_TYPE]);
      expect(decoder.result()).toEqual({ type: CRYPTO_PSBT_UR_TYPE, cbor: cryptoPsbtCbor(psbt) });
    }
  });
});

describe('outcomes and progress', () => {
  test('accepted, duplicate, ignored; progress from nothing to complete', () => {
    const decoder = new UrDecoder(['bytes']);
    expect(decoder.type).toBeNull();
    expect(decoder.isComplete).toBe(false);
    expect(decoder.progress).toEqual({ received: 0, expected: null, percent: 0 });
    expect(decoder.receive(UR_PARTS_256[0]!)).toBe('accepted');
    expect(decoder.type).toBe('bytes');
    expect(decoder.progress).toMatchObject({ received: 1, expected: 9 });
    expect(decoder.progress.percent).toBeGreaterThan(0);
    expect(decoder.progress.percent).toBeLessThan(100);
    expect(decoder.receive(UR_PARTS_256[0]!.toUpperCase())).toBe('duplicate');
    for (const frame of UR_PARTS_256.slice(1, 8)) expect(decoder.receive(frame)).toBe('accepted');
    expect(decoder.progress).toMatchObject({ received: 8, expected: 9 });
    expect(decoder.progress.percent).toBeLessThanOrEqual(99);
    expect(decoder.isComplete).toBe(false);
    expect(decoder.receive(UR_PARTS_256[8]!)).toBe('accepted');
    expect(decoder.isComplete).toBe(true);
    expect(decoder.progress).toEqual({ received: 9, expected: 9, percent: 100 });
    expect(decoder.receive(UR_PARTS_256[12]!)).toBe('ignored');
    expect(decoder.receive(UR_PARTS_256[3]!)).toBe('ignored');
  });

  test('a single-part UR: accepted, then duplicate; progress 1 of 1', () => {
    const decoder = new UrDecoder(['bytes']);
    expect(decoder.receive(SINGLE_PART_UR_50)).toBe('accepted');
    expect(decoder.progress).toEqual({ received: 1, expected: 1, percent: 100 });
    expect(decoder.receive(SINGLE_PART_UR_50.toUpperCase())).toBe('duplicate');
  });

  test('the result is a copy', () => {
    const decoder = decodeFrames([SINGLE_PART_UR_50]).decoder;
    decoder.result().cbor.fill(0);
    expect(decoder.result().cbor).toEqual(cborBytes(makeMessage(50)));
  });

  test('result() before completion is a programming error, not a UrDecodeError', () => {
    const thrownBy = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const decoder = new UrDecoder(['bytes']);
    for (const frame of [null, UR_PARTS_256[0]!]) {
      if (frame) decoder.receive(frame);
      const error = thrownBy(() => decoder.result());
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(UrDecodeError);
      expect((error as Error).message).toMatch(/not complete/u);
    }
  });

  test('the constructor wants at least one lower-case UR type', () => {
    expect(() => new UrDecoder([])).toThrow(TypeError);
    expect(() => new UrDecoder(['Crypto-PSBT'])).toThrow(TypeError);
    expect(() => new UrDecoder(['crypto psbt'])).toThrow(TypeError);
  });
});

describe('(d) refusals', () => {
  /** Refuses `frame` with `code`, and the message does not repeat the scanned text. */
  function expectRefused(decoder: UrDecoder, frame: string, code: UrDecodeError['code']): UrDecodeError {
    const error = refusal(() => decoder.receive(frame));
    expect(error.code, error.message).toBe(code);
    const body = frame.slice(frame.lastIndexOf('/') + 1);
    if (body.length >= 12) expect(error.message).not.toContain(body.slice(0, 12));
    return error;
  }

  test('text that is not a UR: UR_MALFORMED "not a UR"', () => {
    const decoder = new UrDecoder(['bytes']);
    for (const text of [
      '',
      '   ',
      'https://example.com/ur:bytes/aeadaolazmjendeoti',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'cHNidP8BAHUCAAAAAS',
      'urn:bytes/x',
    ]) {
      expect(expectRefused(decoder, text, 'UR_MALFORMED').message).toMatch(/not a UR/u);
    }
    expect(expectRefused(decoder, `ur:bytes/${'\u00e9'}`, 'UR_MALFORMED').message).toMatch(/not a UR/u);
  });

  test('a malformed UR: UR_MALFORMED', () => {
    const decoder = new UrDecoder(['bytes']);
    const body = UR_PARTS_256[0]!.split('/')[2]!;
    for (const text of [
      'ur:',
      'ur:bytes',
      'ur:bytes/',
      `ur:/${body}`,
      `ur:by_tes/${body}`,
      `ur:bytes/1-9/${body}/x`,
      `ur:bytes/1/${body}`,
      `ur:bytes/-1-9/${body}`,
      `ur:bytes/1-99999999999/${body}`,
      `ur:bytes//${body}`,
      `ur:bytes/1-9/${body.slice(0, 10)}1${body.slice(11)}`,
      `ur:bytes/1-9/${body.slice(0, 10)} ${body.slice(11)}`,
    ]) {
      expectRefused(decoder, text, 'UR_MALFORMED');
    }
    expect(decoder.type).toBeNull();
  });

  test('Bytewords that are not words, or of odd length: UR_MALFORMED; a CBOR part that is not a part: UR_MALFORMED', () => {
    const decoder = new UrDecoder(['bytes']);
    expectRefused(decoder, `${UR_PARTS_256[0]!.slice(0, -2)}qq`, 'UR_MALFORMED');
    expectRefused(decoder, UR_PARTS_256[0]!.slice(0, -1), 'UR_MALFORMED');
    // A multipart path around a CBOR that is not [seqNum, seqLen, messageLen, checksum, data].
    expectRefused(decoder, `ur:bytes/1-1/${bytewordsMinimal(cborBytes(Uint8Array.of(1, 2, 3)))}`, 'UR_MALFORMED');
    // seqNum 0 in path and CBOR.
    const zero = fountainPartCbor({ seqNum: 0, seqLen: 9, messageLength: 256, checksum: 7, data: new Uint8Array(29) });
    expectRefused(decoder, `ur:bytes/0-9/${bytewordsMinimal(zero)}`, 'UR_MALFORMED');
  });

  test('a Bytewords checksum that does not match (a misread frame): UR_CHECKSUM', () => {
    const decoder = new UrDecoder(['bytes']);
    const frame = UR_PARTS_256[0]!;
    const at = frame.length - 20;
    const pair = frame.slice(at, at + 2);
    const other = BYTEWORDS.map((w) => w[0]! + w[3]!).find((p) => p !== pair)!;
    expectRefused(decoder, frame.slice(0, at) + other + frame.slice(at + 2), 'UR_CHECKSUM');
    expectRefused(decoder, SINGLE_PART_UR_50.slice(0, -2) + (SINGLE_PART_UR_50.endsWith('ae') ? 'ad' : 'ae'), 'UR_CHECKSUM');
  });

  test('a UR of a type not expected: UR_WRONG_TYPE, naming both', () => {
    const decoder = new UrDecoder(['crypto-psbt']);
    expect(expectRefused(decoder, UR_PARTS_256[0]!, 'UR_WRONG_TYPE').message).toBe('a UR of type bytes, expected crypto-psbt');
    expect(expectRefused(decoder, SINGLE_PART_UR_50.toUpperCase(), 'UR_WRONG_TYPE').message).toMatch(/type bytes/u);
    const longType = `ur:${'x'.repeat(500)}/${SINGLE_PART_UR_50.split('/')[1]}`;
    expect(expectRefused(decoder, longType, 'UR_WRONG_TYPE').message).not.toContain('x'.repeat(41));
    expect(decoder.type).toBeNull();
  });

  test('a UR of another expected type than the first: UR_INCONSISTENT', () => {
    const decoder = new UrDecoder(['bytes', 'crypto-psbt']);
    decoder.receive(UR_PARTS_256[0]!);
    expect(expectRefused(decoder, BCR_2020_006_CRYPTO_PSBT.ur, 'UR_INCONSISTENT').message).toBe('a UR of type crypto-psbt after URs of type bytes');
  });

  test('a path seqNum-seqLen that disagrees with the part CBOR: UR_INCONSISTENT', () => {
    const decoder = new UrDecoder(['bytes']);
    expectRefused(decoder, withPath(UR_PARTS_256[0]!, '2-9'), 'UR_INCONSISTENT');
    expectRefused(decoder, withPath(UR_PARTS_256[0]!, '1-8'), 'UR_INCONSISTENT');
    expect(expectRefused(decoder, withPath(UR_PARTS_256[11]!, '12-10'), 'UR_INCONSISTENT').message).toBe("the path says part 12-10, the part's CBOR says 12-9");
    expect(decoder.type).toBeNull();
  });

  test('single-part and multipart mixed, two different single-part URs: UR_INCONSISTENT', () => {
    const single = new UrDecoder(['bytes']);
    single.receive(SINGLE_PART_UR_50);
    expectRefused(single, UR_PARTS_256[0]!, 'UR_INCONSISTENT');
    expectRefused(single, HUMMINGBIRD_UR_CBOR.ur, 'UR_INCONSISTENT');
    expect(single.result().cbor).toEqual(cborBytes(makeMessage(50)));
    const multi = new UrDecoder(['bytes']);
    multi.receive(UR_PARTS_256[0]!);
    expectRefused(multi, SINGLE_PART_UR_50, 'UR_INCONSISTENT');
  });

  test('a part of another message of the same type: UR_INCONSISTENT', () => {
    const decoder = new UrDecoder(['bytes']);
    decoder.receive(UR_PARTS_256[0]!);
    const other = urParts('bytes', cborBytes(makeMessage(257)), { maxFragmentLength: 30 });
    expectRefused(decoder, other[1]!, 'UR_INCONSISTENT');
  });

  test('a reassembled message whose CRC-32 does not match: UR_CHECKSUM, and the decoder is spent', () => {
    const cbor = cborBytes(makeMessage(256));
    const fragmented = fragmentMessage(cbor, 30);
    const wrong = { ...fragmented, checksum: (fragmented.checksum ^ 1) >>> 0 };
    const frame = (n: number) => `ur:bytes/${n}-${fragmented.fragments.length}/${bytewordsMinimal(fountainPartCbor(fountainPart(wrong, n)))}`;
    const decoder = new UrDecoder(['bytes']);
    for (let n = 1; n < fragmented.fragments.length; n++) expect(decoder.receive(frame(n))).toBe('accepted');
    const error = expectRefused(decoder, frame(fragmented.fragments.length), 'UR_CHECKSUM');
    expect(decoder.isComplete).toBe(false);
    expect(refusal(() => decoder.receive(frame(20)))).toBe(error);
    expect(refusal(() => decoder.result())).toBe(error);
  });

  test('a single-fragment multipart message with a wrong CRC-32: the first part spends the decoder', () => {
    const fragmented = fragmentMessage(Uint8Array.of(0x43, 1, 2, 3), 100);
    const part = fountainPart({ ...fragmented, checksum: 5 }, 1);
    const decoder = new UrDecoder(['bytes']);
    const error = expectRefused(decoder, `ur:bytes/1-1/${bytewordsMinimal(fountainPartCbor(part))}`, 'UR_CHECKSUM');
    expect(refusal(() => decoder.result())).toBe(error);
  });

  test('refused frames leave the decoder as it was: decoding goes on to the message', () => {
    const decoder = new UrDecoder(['bytes']);
    const noise = [
      'https://example.com',
      BCR_2020_006_CRYPTO_PSBT.ur,
      withPath(UR_PARTS_256[2]!, '3-8'),
      `${UR_PARTS_256[4]!.slice(0, -2)}qq`,
      SINGLE_PART_UR_50,
    ];
    for (const [i, frame] of UR_PARTS_256.slice(0, 9).entries()) {
      expect(decoder.receive(frame)).toBe('accepted');
      const bad = noise[i % noise.length]!;
      expect(() => decoder.receive(bad)).toThrow(UrDecodeError);
    }
    expect(decoder.result().cbor).toEqual(cborBytes(makeMessage(256)));
  });

  test('singlePartUr of our encoder is read back, whatever its type among those expected', () => {
    const decoder = new UrDecoder(['crypto-account', 'crypto-psbt']);
    decoder.receive(singlePartUr('crypto-account', Uint8Array.of(0xa0)).toUpperCase());
    expect(decoder.result()).toEqual({ type: 'crypto-account', cbor: Uint8Array.of(0xa0) });
  });

  test('refuses what is not a string', () => {
    expect(() => new UrDecoder(['bytes']).receive(undefined as unknown as string)).toThrow(TypeError);
  });
});
