/**
 * At the close of a guided ceremony (ADR 0025; main/app/app-api.ts, CheckpointPrompt): a witness who
 * cosigned the checkpoint chooses, in the station's save dialog, the file on their own medium where
 * it is written (docs/threat-model.md: every witness leaves with it). Closing the dialog leaves the
 * question asked.
 */
import type { CheckpointPrompt } from '../../../main/app/app-api.ts';
import { custosApi } from '../custos-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { CEREMONY_TEXT } from './ceremony-messages.ts';
import { GUIDED_TEXT } from './guided-messages.ts';

export function CheckpointAsked(props: { readonly prompt: CheckpointPrompt; readonly onAnswer: (token: string) => void }) {
  const text = useText(CEREMONY_TEXT);
  const guided = useText(GUIDED_TEXT);
  const choose = () => {
    void custosApi()
      .choose('save-file')
      .then((chosen) => chosen && props.onAnswer(chosen.token));
  };
  return (
    <section className="passphrase-asked" data-testid="checkpoint-prompt" data-who={props.prompt.who} data-name={props.prompt.name} aria-live="polite">
      <h3>{guided.checkpointTitle(props.prompt.name)}</h3>
      <p>{text.checkpointHelp}</p>
      <button type="button" className="primary" onClick={choose}>
        {text.chooseCheckpoint}
      </button>
    </section>
  );
}
