/**
 * A paper share shown to its holder (docs/desktop-app.md, "Paper shares"): one holder at a time;
 * the words stay masked until the holder reveals them; they are never put on the clipboard (copy
 * and cut are blocked on the card, and selection is off); once the holder says they are written
 * down, the words leave the page and the holder types them back from the card to prove it. When
 * this component unmounts, nothing of the words is left in the DOM or in its state. While the words
 * are revealed, the card can be printed: the page sends only the job and the prompt's id, and main
 * prints the words it holds through its dedicated sandboxed print window (AppApi.printShareCard).
 */
import { useState } from 'react';
import type { AppError, ShareWordsPrompt as Prompt } from '../../../main/app/app-api.ts';
import { asAppError } from '../app-error.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { custosApi } from '../custos-api.ts';
import { useLocale, useText } from '../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from './ceremony-messages.ts';
import { ShareWordsEntry } from './ShareWordsEntry.tsx';

type Phase = 'masked' | 'revealed' | 'typing';
type Printing = { readonly kind: 'idle' | 'printing' | 'printed' | 'cancelled' } | { readonly kind: 'failed'; readonly error: AppError };

export function ShareWordsPrompt(props: {
  readonly job: string;
  readonly prompt: Prompt;
  readonly holderName: string;
  readonly onAnswer: (words: string) => void;
}) {
  const text = useText(CEREMONY_TEXT);
  const locale = useLocale();
  const [phase, setPhase] = useState<Phase>('masked');
  const [typed, setTyped] = useState('');
  const [printing, setPrinting] = useState<Printing>({ kind: 'idle' });
  const { prompt } = props;
  const blockClipboard = (e: React.ClipboardEvent) => e.preventDefault();

  const print = () => {
    setPrinting({ kind: 'printing' });
    custosApi()
      .printShareCard(props.job, prompt.id, locale)
      .then(
        () => setPrinting({ kind: 'printed' }),
        (e: unknown) => {
          const error = asAppError(e);
          setPrinting(error.code === 'PRINT_CANCELLED' ? { kind: 'cancelled' } : { kind: 'failed', error });
        },
      );
  };

  return (
    <section className="share-card" data-testid="share-words-prompt" aria-live="polite">
      <h3>{text.wordsFor(props.holderName, prompt.index, prompt.of)}</h3>
      <p className="share-card__privacy">{text.wordsPrivacy(props.holderName)}</p>
      <p>{text.wordsBag(prompt.bagSerial)}</p>
      {prompt.attempt > 1 && (
        <p className="notice notice--error" role="alert">
          {text.retry(prompt.attempt - 1)}
        </p>
      )}
      {phase === 'masked' && (
        <button type="button" className="primary" onClick={() => setPhase('revealed')}>
          {text.reveal}
        </button>
      )}
      {phase === 'revealed' && (
        <div className="share-card__secret" data-testid="share-words" onCopy={blockClipboard} onCut={blockClipboard} onContextMenu={(e) => e.preventDefault()}>
          {/* BIP39 words are English words, in every locale: said so for screen readers. */}
          <ol className="share-card__words" lang="en">
            {prompt.words.map((word, i) => (
              <li key={i}>{word}</li>
            ))}
          </ol>
          <QrCode text={prompt.qr} errorCorrection="M" label={text.wordsFor(props.holderName, prompt.index, prompt.of)} />
          <div className="row">
            <button type="button" onClick={() => setPhase('masked')}>
              {text.hide}
            </button>
            <button type="button" data-testid="print-share-card" onClick={print} disabled={printing.kind === 'printing'}>
              {printing.kind === 'printing' ? text.printing : text.print}
            </button>
            <button type="button" className="primary" onClick={() => setPhase('typing')}>
              {text.wordsWritten}
            </button>
          </div>
          {printing.kind === 'printed' && (
            <p className="notice notice--ok" data-testid="share-card-printed">
              {text.printed}
            </p>
          )}
          {printing.kind === 'cancelled' && (
            <p className="hint" data-testid="share-card-not-printed">
              {text.printNotDone}
            </p>
          )}
          {printing.kind === 'failed' && <ErrorNotice error={printing.error} />}
        </div>
      )}
      {phase === 'typing' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const words = typed;
            setTyped('');
            props.onAnswer(words);
          }}
        >
          <p>{text.typeBack}</p>
          <ShareWordsEntry label={text.typeBackLabel} value={typed} onChange={setTyped} testId="share-words-typed" />
          <button type="submit" className="primary" disabled={typed.trim().length === 0}>
            {text.prove}
          </button>
        </form>
      )}
    </section>
  );
}
