/**
 * The completion a holder gets while typing a share word (renderer/src/ceremonies/share-word-completion.ts):
 * each of the 2,048 BIP39 English words is reached from its first four letters, checked against the
 * same list the crypto core parses with (@scure/bip39); a short word that begins others is itself
 * when ended there; a prefix several words share completes to nothing yet; a typing mistake is
 * "unknown" at its box.
 */
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { describe, expect, test } from 'vitest';
import { completeShareWord } from '../../../renderer/src/ceremonies/share-word-completion.ts';

describe('completing share words', () => {
  test('every word of the list from its first four letters (or itself when shorter), in any case', () => {
    expect(wordlist).toHaveLength(2048);
    for (const word of wordlist) {
      expect(completeShareWord(word.slice(0, 4))).toEqual({ kind: 'word', word });
      expect(completeShareWord(` ${word.toUpperCase()} `)).toEqual({ kind: 'word', word });
    }
  });

  test('a prefix several words share waits; a short word that begins others is itself', () => {
    expect(completeShareWord('ab')).toEqual({ kind: 'several' });
    expect(completeShareWord('act')).toEqual({ kind: 'word', word: 'act' });
    expect(completeShareWord('zoo')).toEqual({ kind: 'word', word: 'zoo' });
  });

  test('letters no word has, or a word run on, are unknown; nothing typed is empty', () => {
    expect(completeShareWord('qx')).toEqual({ kind: 'unknown' });
    expect(completeShareWord('abandonx')).toEqual({ kind: 'unknown' });
    expect(completeShareWord('abanx')).toEqual({ kind: 'unknown' });
    expect(completeShareWord('   ')).toEqual({ kind: 'empty' });
  });
});
