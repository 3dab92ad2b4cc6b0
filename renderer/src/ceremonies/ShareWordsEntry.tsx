/**
 * A share's 39 words typed word by word (issue 17: "share words entered word by word with the BIP39
 * list's completion, never a single text line"): one numbered box a word, so a holder keeps their
 * place on the card. As they type, the box shows the list word their letters can only be; a space,
 * Enter or Tab takes it and moves to the next box; Backspace in an empty box goes back one. A word
 * that is on no list is said at its box, by its number (never read out elsewhere). Copy, cut and
 * paste are refused: share words never pass through the clipboard. The value is the words joined
 * by single spaces, as the engine's parser reads them (crypto/share-words.ts).
 */
import { useRef } from 'react';
import { useText } from '../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from './ceremony-messages.ts';
import { SHARE_WORD_COUNT, completeShareWord } from './share-word-completion.ts';

/** The words of `value`, one per box (missing ones empty). */
function wordsOf(value: string): string[] {
  const words = value.split(' ');
  return Array.from({ length: SHARE_WORD_COUNT }, (_, i) => words[i] ?? '');
}

export function ShareWordsEntry(props: { readonly label: string; readonly value: string; readonly onChange: (v: string) => void; readonly testId: string }) {
  const text = useText(CEREMONY_TEXT);
  const boxes = useRef<(HTMLInputElement | null)[]>([]);
  const words = wordsOf(props.value);
  const set = (i: number, word: string) => {
    const next = [...words];
    next[i] = word;
    props.onChange(next.join(' ').trimEnd());
  };
  const focus = (i: number) => boxes.current[Math.max(0, Math.min(SHARE_WORD_COUNT - 1, i))]?.focus();
  const refuse = (e: React.ClipboardEvent) => e.preventDefault();
  const done = words.filter((w) => completeShareWord(w).kind === 'word').length;
  return (
    <fieldset className="share-words-entry" data-testid={props.testId} onCopy={refuse} onCut={refuse} onPaste={refuse}>
      <legend>{props.label}</legend>
      <p className="hint" aria-live="polite" data-testid={`${props.testId}-count`}>
        {text.wordsTypedCount(done, SHARE_WORD_COUNT)}
      </p>
      <ol className="share-words-entry__grid">
        {words.map((word, i) => {
          const completion = completeShareWord(word);
          const hintId = `${props.testId}-hint-${i + 1}`;
          return (
            <li key={i}>
              <input
                ref={(el) => {
                  boxes.current[i] = el;
                }}
                data-testid={`${props.testId}-word-${i + 1}`}
                aria-label={text.wordBox(i + 1, SHARE_WORD_COUNT)}
                aria-describedby={hintId}
                aria-invalid={completion.kind === 'unknown'}
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                value={word}
                onChange={(e) => {
                  const typed = e.target.value.toLowerCase();
                  // A space ends the word: its completion is taken and the next box gets the focus.
                  const ended = /\s$/u.test(typed);
                  const completion = completeShareWord(typed);
                  set(i, ended && completion.kind === 'word' ? completion.word : typed.replace(/\s+/gu, ''));
                  if (ended && completion.kind === 'word') focus(i + 1);
                }}
                onKeyDown={(e) => {
                  const completes = completion.kind === 'word' && completion.word !== word;
                  if (e.key === 'Tab' && !e.shiftKey) {
                    if (completes) set(i, completion.word);
                  } else if (e.key === 'Enter') {
                    if (completes) set(i, completion.word);
                    if (completes || i < SHARE_WORD_COUNT - 1) e.preventDefault();
                    if (i < SHARE_WORD_COUNT - 1) focus(i + 1);
                  } else if (e.key === 'Backspace' && word === '' && i > 0) {
                    e.preventDefault();
                    focus(i - 1);
                  }
                }}
              />
              <span
                id={hintId}
                lang={completion.kind === 'word' ? 'en' : undefined}
                className={`share-words-entry__hint${completion.kind === 'unknown' ? ' share-words-entry__hint--bad' : ''}`}
              >
                {completion.kind === 'word' && completion.word !== word ? completion.word : completion.kind === 'unknown' ? text.wordNotOnList : ''}
              </span>
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
