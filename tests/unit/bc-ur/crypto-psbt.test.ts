/**
 * psbtUrParts: the `crypto-psbt` frames of a PSBT. Checked against the BCR-2020-006 crypto-psbt
 * test vector, then against an independent implementation, @ngraveio/bc-ur (devDependency, used
 * only here): it must decode our frames back to the exact PSBT bytes for a small (single-part),
 * a ~500-byte and a ~5 KB PSBT, in order, out of order, from mixed parts only (after the pure ones),
 * and as an animated loop read from any frame with frames missed; and its encoder must produce the
 * same strings as ours. PSBTs are built with bitcoinjs-lib (tests/support/psbt-builder.ts).
 */
import { HDKey } from '@scure/bip32';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { UR, URDecoder, UREncoder } from '@ngraveio/bc-ur';
import { describe, expect, test } from 'vitest';
import { CRYPTO_PSBT_UR_TYPE, DEFAULT_PSBT_MAX_FRAGMENT_LENGTH, cryptoPsbtCbor, psbtUrParts } from '../../../common/bc-ur/crypto-psbt.ts';
import { buildPsbt, foreignAddress } from '../../support/psbt-builder.ts';
import { BCR_2020_006_CRYPTO_PSBT } from './reference-vectors.ts';

/** An unsigned P2WPKH PSBT with previous transactions, of at least `target` bytes. */
function psbtOfAtLeast(target: number): Uint8Array {
  const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(7));
  const account = master.derive("m/84'/0'/0'");
  const fingerprint = master.fingerprint.toString(16).padStart(8, '0');
  for (let inputs = 1; inputs <= 100; inputs++) {
    const psbt = buildPsbt({
      xpub: account.publicExtendedKey,
      fingerprint,
      network: 'bitcoin',
      inputs: Array.from({ length: inputs }, (_, i) => [0, i, 100_000n] as [0, number, bigint]),
      payments: [{ address: foreignAddress('bitcoin'), amount: 60_000n * BigInt(inputs) }],
      change: [1, 0, 30_000n * BigInt(inputs)],
      withPreviousTx: true,
    });
    if (psbt.length >= target) return psbt;
  }
  throw new Error(`no PSBT of ${target} bytes`);
}

const SMALL = hexToBytes(BCR_2020_006_CRYPTO_PSBT.psbt);
const MEDIUM = psbtOfAtLeast(500);
const LARGE = psbtOfAtLeast(5000);

/** Feeds frames to @ngraveio/bc-ur until it completes; returns the PSBT it decoded. */
function decodeWithNgrave(frames: Iterable<string>): { psbt: Uint8Array; used: number } {
  const decoder = new URDecoder();
  let used = 0;
  for (const frame of frames) {
    decoder.receivePart(frame);
    used++;
    if (decoder.isComplete()) break;
  }
  expect(decoder.isError(), decoder.resultError()).toBe(false);
  expect(decoder.isSuccess()).toBe(true);
  const ur = decoder.resultUR();
  expect(ur.type).toBe(CRYPTO_PSBT_UR_TYPE);
  return { psbt: Uint8Array.from(ur.decodeCBOR()), used };
}

/** A fixed pseudo-random permutation (a small LCG, independent of the code under test). */
function permuted<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const seqLenOf = (frame: string) => Number(/^UR:CRYPTO-PSBT\/\d+-(\d+)\//u.exec(frame)?.[1]);

describe('crypto-psbt, BCR-2020-006 test vector', () => {
  test('the CBOR is the PSBT as one byte string', () => {
    expect(bytesToHex(cryptoPsbtCbor(SMALL))).toBe(BCR_2020_006_CRYPTO_PSBT.cbor);
  });

  test('a small PSBT is one single-part UR, the vector in upper case', () => {
    const frames = psbtUrParts(SMALL);
    expect(frames).toEqual([BCR_2020_006_CRYPTO_PSBT.ur.toUpperCase()]);
    expect(frames[0]!.toLowerCase()).toBe(BCR_2020_006_CRYPTO_PSBT.ur);
  });
});

describe('frames', () => {
  test('sizes of the test PSBTs', () => {
    expect(SMALL.length).toBe(167);
    expect(MEDIUM.length).toBeGreaterThanOrEqual(500);
    expect(MEDIUM.length).toBeLessThan(800);
    expect(LARGE.length).toBeGreaterThanOrEqual(5000);
    expect(LARGE.length).toBeLessThan(5400);
  });

  test('every frame is upper case, in the QR alphanumeric set', () => {
    for (const frame of [...psbtUrParts(SMALL), ...psbtUrParts(MEDIUM), ...psbtUrParts(LARGE)]) {
      expect(frame).toMatch(/^UR:CRYPTO-PSBT\/([0-9]+-[0-9]+\/)?[A-Z]+$/u);
    }
  });

  test('by default: fragments of at most 200 bytes, seqLen pure parts then seqLen mixed parts', () => {
    const frames = psbtUrParts(LARGE);
    const cborLength = cryptoPsbtCbor(LARGE).length;
    const seqLen = seqLenOf(frames[0]!);
    expect(seqLen).toBe(Math.ceil(cborLength / DEFAULT_PSBT_MAX_FRAGMENT_LENGTH));
    expect(frames).toHaveLength(2 * seqLen);
    expect(frames.map((f) => /^UR:CRYPTO-PSBT\/(\d+)-/u.exec(f)?.[1])).toEqual(Array.from({ length: 2 * seqLen }, (_, i) => String(i + 1)));
  });

  test('maxFragmentLength and extraParts', () => {
    const frames = psbtUrParts(MEDIUM, { maxFragmentLength: 100, extraParts: 3 });
    const seqLen = seqLenOf(frames[0]!);
    expect(seqLen).toBe(Math.ceil(cryptoPsbtCbor(MEDIUM).length / 100));
    expect(frames).toHaveLength(seqLen + 3);
    expect(psbtUrParts(MEDIUM, { extraParts: 0 })).toHaveLength(seqLenOf(psbtUrParts(MEDIUM)[0]!));
    expect(psbtUrParts(SMALL, { extraParts: 5 })).toHaveLength(1);
    expect(psbtUrParts(MEDIUM, { maxFragmentLength: 2000 })).toHaveLength(1);
  });

  test('refuses what is not a PSBT, and impossible options', () => {
    expect(() => psbtUrParts(Uint8Array.of(1, 2, 3))).toThrow(/psbt: not a PSBT/u);
    expect(() => psbtUrParts('70736274ff' as unknown as Uint8Array)).toThrow(/psbt/u);
    expect(() => psbtUrParts(SMALL, { maxFragmentLength: 9 })).toThrow(/maxFragmentLength/u);
    expect(() => psbtUrParts(SMALL, { extraParts: -1 })).toThrow(/extraParts/u);
    expect(() => psbtUrParts(SMALL, { extraParts: 1.5 })).toThrow(/extraParts/u);
  });
});

describe('@ngraveio/bc-ur reads our frames back to the exact PSBT', () => {
  const cases = [
    ['small, single-part', SMALL],
    ['~500 B', MEDIUM],
    ['~5 KB', LARGE],
  ] as const;

  test.each(cases)('%s: frames in order', (_name, psbt) => {
    expect(decodeWithNgrave(psbtUrParts(psbt)).psbt).toEqual(psbt);
  });

  test.each(cases)('%s: frames out of order', (_name, psbt) => {
    const frames = psbtUrParts(psbt);
    for (const seed of [1, 2, 3]) expect(decodeWithNgrave(permuted(frames, seed)).psbt).toEqual(psbt);
    expect(decodeWithNgrave([...frames].reverse()).psbt).toEqual(psbt);
  });

  test.each(cases.slice(1))('%s: mixed parts only, none of the pure ones', (_name, psbt) => {
    const frames = psbtUrParts(psbt, { extraParts: 200 });
    const seqLen = seqLenOf(frames[0]!);
    const mixedOnly = frames.slice(seqLen);
    const { psbt: decoded, used } = decodeWithNgrave(mixedOnly);
    expect(decoded).toEqual(psbt);
    expect(used).toBeLessThan(mixedOnly.length);
  });

  test.each(cases.slice(1))('%s: an animated loop read from any frame, every fourth frame missed', (_name, psbt) => {
    const frames = psbtUrParts(psbt);
    for (const start of [0, 1, Math.floor(frames.length / 2), frames.length - 1]) {
      const seen = function* () {
        for (let shown = 0; shown < 3 * frames.length; shown++) {
          if (shown % 4 !== 3) yield frames[(start + shown) % frames.length]!;
        }
      };
      expect(decodeWithNgrave(seen()).psbt, `start at frame ${start}`).toEqual(psbt);
    }
  });

  test('a damaged frame is refused, not decoded into other bytes', () => {
    const frames = psbtUrParts(MEDIUM);
    const damaged = frames[0]!.slice(0, 40) + (frames[0]![40] === 'A' ? 'B' : 'A') + frames[0]!.slice(41);
    expect(() => {
      const decoder = new URDecoder();
      decoder.receivePart(damaged);
    }).toThrow();
  });
});

describe('@ngraveio/bc-ur encodes the same frames', () => {
  test.each([
    ['~500 B', MEDIUM, 200],
    ['~5 KB', LARGE, 200],
    ['~5 KB, 120-byte fragments', LARGE, 120],
  ] as const)('%s', (_name, psbt, maxFragmentLength) => {
    const ours = psbtUrParts(psbt, { maxFragmentLength });
    const encoder = new UREncoder(new UR(Buffer.from(cryptoPsbtCbor(psbt)), CRYPTO_PSBT_UR_TYPE), maxFragmentLength, 0, 10);
    const theirs = ours.map(() => encoder.nextPart().toUpperCase());
    expect(ours).toEqual(theirs);
  });
});
