/**
 * A paper share shown to its holder (issue 5, "Secret discipline"): one holder at a time; the words
 * stay masked until the holder reveals them; they are never put on the clipboard (copy and cut are
 * blocked on the card, and selection is off); once the holder says they are written down, the words
 * leave the page and the holder types them back from the card to prove it. When this component
 * unmounts, nothing of the words is left in the DOM or in its state.
 */
import { useId, useState } from 'react';
import type { ShareWordsPrompt as Prompt } from '../../../main/app/app-api.ts';
import { QrCode } from '../components/QrCode.tsx';
import { useText } from '../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from './ceremony-messages.ts';

type Phase = 'masked' | 'revealed' | 'typing';

export function ShareWordsPrompt(props: { readonly prompt: Prompt; readonly holderName: string; readonly onAnswer: (words: string) => void }) {
  const text = useText(CEREMONY_TEXT);
  const id = useId();
  const [phase, setPhase] = useState<Phase>('masked');
  const [typed, setTyped] = useState('');
  const { prompt } = props;
  const blockClipboard = (e: React.ClipboardEvent) => e.preventDefault();

  return (
    <section className="share-card" data-testid="share-words-prompt" aria-live="polite">
      <h3>{text.wordsFor(props.holderName, prompt.index, prompt.of)}</h3>
      <p className="share-card__privacy">{text.wordsPrivacy(props.holderName)}</p>
      <p>{text.wordsBag(prompt.bagSerial)}</p>
      {prompt.attempt > 1 && <p className="notice notice--error" role="alert">{text.retry(prompt.attempt - 1)}</p>}
      {phase === 'masked' && <button type="button" className="primary" onClick={() => setPhase('revealed')}>{text.reveal}</button>}
      {phase === 'revealed' && (
        <div className="share-card__secret" data-testid="share-words" onCopy={blockClipboard} onCut={blockClipboard} onContextMenu={(e) => e.preventDefault()}>
          <ol className="share-card__words">
            {prompt.words.map((word, i) => <li key={i}>{word}</li>)}
          </ol>
          <QrCode text={prompt.qr} errorCorrection="M" label={text.wordsFor(props.holderName, prompt.index, prompt.of)} />
          <div className="row">
            <button type="button" onClick={() => setPhase('masked')}>{text.hide}</button>
            <button type="button" className="primary" onClick={() => setPhase('typing')}>{text.wordsWritten}</button>
          </div>
        </div>
      )}
      {phase === 'typing' && (
        <form onSubmit={(e) => { e.preventDefault(); const words = typed; setTyped(''); props.onAnswer(words); }}>
          <p>{text.typeBack}</p>
          <label htmlFor={`${id}-typed`}>{text.typeBackLabel}</label>
          <textarea id={`${id}-typed`} data-testid="share-words-typed" rows={4} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="primary" disabled={typed.trim().length === 0}>{text.prove}</button>
        </form>
      )}
    </section>
  );
}
