/**
 * Completing a share word as a holder types it from their card (docs/share-format.md, "Words and
 * QR": 39 words of the BIP39 English list, and a word is known by its first four letters). Pure:
 * what a typed prefix completes to — the one list word it can only be, or none yet (several words
 * begin with it), or nothing on the list (a typing mistake, said at that word's box).
 */
import { wordlist } from '@scure/bip39/wordlists/english.js';

/** The words of a share (crypto/share-words.ts WORD_COUNT: 424 bits of envelope, 11 a word). */
export const SHARE_WORD_COUNT = 39;

const BY_PREFIX = new Map(wordlist.map((w) => [w.slice(0, 4), w]));

export type Completion =
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'several' }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'empty' };

/** What `typed` completes to on the BIP39 English list (case and spaces ignored). */
export function completeShareWord(typed: string): Completion {
  const prefix = typed.trim().toLowerCase();
  if (prefix === '') return { kind: 'empty' };
  if (prefix.length >= 4) {
    const word = BY_PREFIX.get(prefix.slice(0, 4));
    return word !== undefined && word.startsWith(prefix) ? { kind: 'word', word } : { kind: 'unknown' };
  }
  // A short word that begins others ("act": action, actor…) is itself when the holder ends it there.
  if (wordlist.includes(prefix)) return { kind: 'word', word: prefix };
  const candidates = wordlist.filter((w) => w.startsWith(prefix));
  if (candidates.length === 0) return { kind: 'unknown' };
  return candidates.length === 1 ? { kind: 'word', word: candidates[0]! } : { kind: 'several' };
}
