/**
 * Paper form of a share (docs/share-format.md, "Words and QR"): the 53-byte envelope as 39 words of
 * the BIP39 English list (11 bits a word, 424 bits then 5 zero padding bits; the envelope's own
 * checksum protects the words), and a QR payload "CUSTOS-SHARE1:" + RFC 4648 base32 without padding
 * (QR alphanumeric mode). The parser ignores case, extra spaces, commas and line numbers, accepts the
 * first four letters of a word, and names the position of a word it does not know: never the word.
 */
import { base32 } from '@scure/base';
import { ENGLISH } from './mnemonic-seed.ts';
import { ENVELOPE_LENGTH } from './share-envelope.ts';
import { CryptoError } from './protocol.ts';

export const WORD_COUNT = Math.ceil((ENVELOPE_LENGTH * 8) / 11);
export const QR_PREFIX = 'CUSTOS-SHARE1:';
const INDEX = new Map(ENGLISH.map((w, i) => [w, i]));
const BY_PREFIX = new Map(ENGLISH.map((w, i) => [w.slice(0, 4), i]));

export function envelopeToWords(envelope: Uint8Array): string[] {
  const words: string[] = [];
  for (let w = 0; w < WORD_COUNT; w++) {
    let v = 0;
    for (let b = 0; b < 11; b++) {
      const bit = w * 11 + b;
      const value = bit < envelope.length * 8 ? (envelope[bit >> 3]! >> (7 - (bit & 7))) & 1 : 0;
      v = (v << 1) | value;
    }
    words.push(ENGLISH[v]!);
  }
  return words;
}

function lookUp(token: string): number | undefined {
  const exact = INDEX.get(token);
  if (exact !== undefined) return exact;
  if (token.length < 4) return undefined;
  const i = BY_PREFIX.get(token.slice(0, 4));
  return i !== undefined && ENGLISH[i]!.startsWith(token) ? i : undefined;
}

/** Splits what a holder typed into word tokens, dropping "1." or "12)" style numbering. */
function tokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .split(/[\s,;]+/u)
    .filter((t) => t.length > 0 && !/^\d+[.):]?$/u.test(t));
}

/** Words back to envelope bytes. The caller decodes (and so checks) the envelope, and wipes it. */
export function wordsToEnvelope(text: string): Uint8Array {
  const list = tokens(text);
  if (list.length !== WORD_COUNT) {
    throw new CryptoError('SHARE_WORD_COUNT', `A share has ${WORD_COUNT} words; ${list.length} were given.`, {
      expected: WORD_COUNT,
      given: list.length,
    });
  }
  const out = new Uint8Array(ENVELOPE_LENGTH);
  let padding = 0;
  list.forEach((token, w) => {
    const v = lookUp(token);
    if (v === undefined) {
      out.fill(0);
      throw new CryptoError('SHARE_WORD_UNKNOWN', `Word ${w + 1} is not a word of the share word list.`, { position: w + 1 });
    }
    for (let b = 0; b < 11; b++) {
      const bit = w * 11 + b;
      const value = (v >> (10 - b)) & 1;
      if (bit < ENVELOPE_LENGTH * 8) out[bit >> 3]! |= value << (7 - (bit & 7));
      else padding |= value;
    }
  });
  if (padding !== 0) {
    out.fill(0);
    throw new CryptoError('SHARE_PADDING', `Word ${WORD_COUNT} is wrong: its last bits must be zero.`, { position: WORD_COUNT });
  }
  return out;
}

export function envelopeToQr(envelope: Uint8Array): string {
  return QR_PREFIX + base32.encode(envelope).replace(/=+$/u, '');
}

export function qrToEnvelope(payload: string): Uint8Array {
  const text = payload.trim().toUpperCase();
  if (!text.startsWith(QR_PREFIX)) throw new CryptoError('SHARE_MALFORMED', 'This QR code is not a Custos share.');
  const body = text.slice(QR_PREFIX.length);
  try {
    return base32.decode(body + '='.repeat((8 - (body.length % 8)) % 8));
  } catch {
    throw new CryptoError('SHARE_MALFORMED', 'This QR code is damaged.');
  }
}
