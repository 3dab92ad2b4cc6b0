/**
 * Share media (issue 2, part 2 §4; docs/share-format.md): envelope ↔ 39 words ↔ QR payload round
 * trips, the parser's tolerance (case, spacing, numbering, four-letter prefixes) and its refusals
 * (named position, never the word), and the sealed file: round trip, every header byte and the
 * ciphertext authenticated, parameter limits.
 */
import fc from 'fast-check';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, test } from 'vitest';
import { CryptoError, type CryptoErrorCode } from '../../../crypto/protocol.ts';
import { HEADER_LENGTH, MAGIC, SealedKind, open, seal } from '../../../crypto/sealed-file.ts';
import { ENVELOPE_LENGTH, decodeEnvelope, encodeEnvelope } from '../../../crypto/share-envelope.ts';
import { QR_PREFIX, WORD_COUNT, envelopeToQr, envelopeToWords, qrToEnvelope, wordsToEnvelope } from '../../../crypto/share-words.ts';

function codeOf(fn: () => unknown): CryptoErrorCode | 'accepted' {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
}

const envelopeArb = fc
  .record({
    setId: fc.uint8Array({ minLength: 8, maxLength: 8 }),
    fingerprint: fc.uint8Array({ minLength: 4, maxLength: 4 }),
    n: fc.integer({ min: 2, max: 16 }),
    share: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    x: fc.integer({ min: 1, max: 255 }),
    pick: fc.nat(),
  })
  .map(({ setId, fingerprint, n, share, x, pick }) => {
    const threshold = 2 + (pick % (n - 1));
    const index = 1 + (pick % n);
    return encodeEnvelope({ setId, fingerprint, threshold, shareCount: n, index, share: Uint8Array.of(...share, x) });
  });

describe('words and QR', () => {
  test('39 words and the QR payload round-trip every envelope', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        const words = envelopeToWords(envelope);
        expect(words).toHaveLength(WORD_COUNT);
        expect(wordsToEnvelope(words.join(' '))).toEqual(envelope);
        const qr = envelopeToQr(envelope);
        expect(qr).toMatch(/^[0-9A-Z $%*+\-./:]+$/u); // QR alphanumeric mode
        expect(qr.startsWith(QR_PREFIX)).toBe(true);
        expect(qrToEnvelope(qr)).toEqual(envelope);
        expect(decodeEnvelope(envelope).share).toHaveLength(33);
      }),
      { numRuns: 200 },
    );
  });

  test('tolerates case, spacing, commas, numbering and four-letter prefixes', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        const words = envelopeToWords(envelope);
        const messy = words
          .map((w, i) => (i % 3 === 0 ? w.toUpperCase() : i % 3 === 1 ? w.slice(0, Math.max(4, Math.min(w.length, 4))) : w))
          .map((w, i) => `${i + 1}. ${w}`)
          .join(i(words.length));
        expect(wordsToEnvelope(`  ${messy}\n`)).toEqual(envelope);
      }),
      { numRuns: 50 },
    );
    function i(_: number) {
      return ' ,\n  ';
    }
  });

  test('an unknown word is refused by position, and the word is not repeated', () => {
    fc.assert(
      fc.property(envelopeArb, fc.integer({ min: 0, max: WORD_COUNT - 1 }), (envelope, at) => {
        const words = envelopeToWords(envelope);
        words[at] = 'xylophonist';
        try {
          wordsToEnvelope(words.join(' '));
          expect.unreachable();
        } catch (error) {
          const e = error as CryptoError;
          expect(e.code).toBe('SHARE_WORD_UNKNOWN');
          expect(e.details).toEqual({ position: at + 1 });
          expect(e.message).toBe(`Word ${at + 1} is not a word of the share word list.`);
          expect(JSON.stringify(e.details) + e.message).not.toContain('xylo');
        }
      }),
      { numRuns: 40 },
    );
  });

  test('wrong word counts, a swapped pair and bad padding are refused with their codes', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        const words = envelopeToWords(envelope);
        expect(codeOf(() => wordsToEnvelope(words.slice(1).join(' ')))).toBe('SHARE_WORD_COUNT');
        expect(codeOf(() => wordsToEnvelope([...words, 'abandon'].join(' ')))).toBe('SHARE_WORD_COUNT');
        const swapped = words.slice();
        const a = swapped.findIndex((w, k) => k < WORD_COUNT - 1 && w !== words[k + 1]);
        fc.pre(a >= 0);
        [swapped[a], swapped[a + 1]] = [swapped[a + 1]!, swapped[a]!];
        expect(codeOf(() => decodeEnvelope(wordsToEnvelope(swapped.join(' '))))).toBe('SHARE_CHECKSUM');
      }),
      { numRuns: 40 },
    );
    const words = envelopeToWords(new Uint8Array(ENVELOPE_LENGTH));
    words[WORD_COUNT - 1] = 'zoo'; // index 2047: low 5 bits set
    expect(codeOf(() => wordsToEnvelope(words.join(' ')))).toBe('SHARE_PADDING');
  });

  test('an envelope of an unknown version with a valid checksum is refused as unknown version', () => {
    const envelope = encodeEnvelope({
      setId: new Uint8Array(8),
      fingerprint: new Uint8Array(4),
      threshold: 2,
      shareCount: 3,
      index: 1,
      share: Uint8Array.of(...new Uint8Array(32), 9),
    });
    envelope[0] = 2;
    envelope.set(sha256(envelope.subarray(0, 49)).subarray(0, 4), 49);
    expect(codeOf(() => decodeEnvelope(envelope))).toBe('SHARE_VERSION_UNKNOWN');
  });

  test('QR payloads that are not Custos shares are refused', () => {
    expect(codeOf(() => qrToEnvelope('bitcoin:bc1q...'))).toBe('SHARE_MALFORMED');
    expect(codeOf(() => qrToEnvelope(`${QR_PREFIX}11111111`))).toBe('SHARE_MALFORMED');
  });
});

describe('sealed file', () => {
  const fast = { logN: 15, r: 8, p: 1 };
  const passphrase = 'a long enough passphrase';
  const secret = Uint8Array.from({ length: 53 }, (_, i) => i);
  const file = seal(SealedKind.share, secret, passphrase, fast);

  test('round-trips and starts with the documented header', () => {
    expect(open(SealedKind.share, file, passphrase)).toEqual(secret);
    expect(file.subarray(0, 8)).toEqual(MAGIC);
    expect([...file.subarray(8, 13)]).toEqual([1, 1, 15, 8, 1]);
    expect(file.length).toBe(HEADER_LENGTH + secret.length + 16);
  });

  test('passphrases are compared after NFKC normalisation', () => {
    const composed = seal(SealedKind.share, secret, 'clé très secrète', fast);
    expect(open(SealedKind.share, composed, 'cle\u0301 tre\u0300s secre\u0300te')).toEqual(secret);
  });

  test('every byte of salt, nonce, ciphertext and tag is authenticated', () => {
    // The salt feeds the key derivation: each of its bytes is flipped through open(), one derivation each.
    for (let at = 13; at < 29; at++) {
      const bad = file.slice();
      bad[at]! ^= 0x01;
      expect(
        codeOf(() => open(SealedKind.share, bad, passphrase)),
        `salt byte ${at}`,
      ).toBe('SEALED_FILE_DECRYPT');
    }
    // Nonce, ciphertext and tag do not: the key is derived once (independently, with the documented
    // parameters), and every one of their bytes, flipped, fails the XChaCha20-Poly1305 tag over the
    // header as associated data; one byte of each region also goes through open() end to end.
    const key = scrypt(new TextEncoder().encode(passphrase.normalize('NFKC')), file.subarray(13, 29), { N: 2 ** 15, r: 8, p: 1, dkLen: 32 });
    const decrypt = (f: Uint8Array) => xchacha20poly1305(key, f.subarray(29, 53), f.subarray(0, HEADER_LENGTH)).decrypt(f.subarray(HEADER_LENGTH));
    expect(decrypt(file)).toEqual(secret);
    for (let at = 29; at < file.length; at++) {
      const bad = file.slice();
      bad[at]! ^= 0x01;
      expect(() => decrypt(bad), `byte ${at}`).toThrow();
    }
    for (const at of [29, HEADER_LENGTH, file.length - 1]) {
      const bad = file.slice();
      bad[at]! ^= 0x01;
      expect(
        codeOf(() => open(SealedKind.share, bad, passphrase)),
        `byte ${at}`,
      ).toBe('SEALED_FILE_DECRYPT');
    }
  });

  test('header fields are checked with their own codes', () => {
    const with_ = (at: number, value: number) => {
      const f = file.slice();
      f[at] = value;
      return f;
    };
    expect(codeOf(() => open(SealedKind.share, with_(0, 0x41), passphrase))).toBe('SEALED_FILE_MALFORMED');
    expect(codeOf(() => open(SealedKind.share, with_(8, 2), passphrase))).toBe('SEALED_FILE_VERSION');
    expect(codeOf(() => open(SealedKind.signingKey, file, passphrase))).toBe('SEALED_FILE_KIND');
    expect(codeOf(() => open(SealedKind.share, with_(10, 14), passphrase))).toBe('SEALED_FILE_PARAMS');
    expect(codeOf(() => open(SealedKind.share, with_(10, 21), passphrase))).toBe('SEALED_FILE_PARAMS');
    expect(codeOf(() => open(SealedKind.share, with_(11, 16), passphrase))).toBe('SEALED_FILE_PARAMS');
    expect(codeOf(() => open(SealedKind.share, with_(10, 16), passphrase))).toBe('SEALED_FILE_DECRYPT');
    expect(codeOf(() => open(SealedKind.share, file.subarray(0, 60), passphrase))).toBe('SEALED_FILE_MALFORMED');
    // A copy cut short by one byte, or with one byte added, is malformed, not a "wrong passphrase"
    // (issue 15): the length is checked before the key derivation, even with a wrong passphrase.
    expect(file.length).toBe(122);
    expect(codeOf(() => open(SealedKind.share, file.subarray(0, file.length - 1), 'a wrong passphrase!'))).toBe('SEALED_FILE_MALFORMED');
    expect(codeOf(() => open(SealedKind.share, Uint8Array.of(...file, 0), 'a wrong passphrase!'))).toBe('SEALED_FILE_MALFORMED');
    expect(codeOf(() => open(SealedKind.share, file, 'a wrong passphrase!'))).toBe('SEALED_FILE_DECRYPT');
    expect(codeOf(() => seal(SealedKind.share, secret, 'too short', fast))).toBe('PASSPHRASE_TOO_SHORT');
  });
});
