/**
 * A passphrase the guided ceremony needs from one person, when it needs it (ADR 0025;
 * main/app/app-api.ts, PassphrasePrompt): the station key's, a participant's key asked again after a
 * wrong one, a share presented, or a new share's or station's (typed twice, checked here for length
 * and equality). A refused one says whose it was and which attempt this is, and marks the field.
 */
import { useId, useState } from 'react';
import type { PassphrasePrompt } from '../../../main/app/app-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { GUIDED_TEXT } from './guided-messages.ts';

export function PassphraseAsked(props: { readonly prompt: PassphrasePrompt; readonly onAnswer: (passphrase: string) => void }) {
  const text = useText(GUIDED_TEXT);
  const id = useId();
  const [value, setValue] = useState('');
  const [again, setAgain] = useState('');
  const { prompt } = props;
  const isNew = prompt.purpose === 'new-share' || prompt.purpose === 'new-station';
  const tooShort = isNew && value.length > 0 && [...value.normalize('NFKC')].length < prompt.minLength;
  const mismatch = isNew && again.length > 0 && again !== value;
  const ready = value.length > 0 && !tooShort && (!isNew || again === value);
  const [title, help] =
    prompt.purpose === 'station'
      ? [text.stationTitle, text.stationHelp]
      : prompt.purpose === 'key'
        ? [text.keyTitle(prompt.name), text.keyHelp(prompt.name)]
        : prompt.purpose === 'share'
          ? [text.shareTitle(prompt.name), text.shareHelp(prompt.name)]
          : prompt.purpose === 'new-share'
            ? [text.newShareTitle(prompt.name), text.newShareHelp(prompt.name, prompt.minLength)]
            : [text.newStationTitle, text.newStationHelp(prompt.minLength)];
  const refused = prompt.refused !== null;

  return (
    <form
      className="passphrase-asked"
      data-testid="passphrase-prompt"
      data-who={prompt.who}
      data-name={prompt.name}
      data-purpose={prompt.purpose}
      data-field={prompt.field}
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const typed = value;
        setValue('');
        setAgain('');
        props.onAnswer(typed);
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <p>{help}</p>
      {refused && (
        <p className="notice notice--error" role="alert" data-testid="passphrase-refused">
          {text.refused(prompt.name, prompt.attempt, prompt.tries)}
        </p>
      )}
      <SecretField
        id={`${id}-value`}
        testId="passphrase-field"
        label={text.passphrase(prompt.name)}
        invalid={refused || tooShort}
        value={value}
        onChange={setValue}
        hint={tooShort ? text.tooShort(prompt.minLength) : null}
      />
      {isNew && (
        <SecretField
          id={`${id}-again`}
          testId="passphrase-again"
          label={text.again}
          invalid={mismatch}
          value={again}
          onChange={setAgain}
          hint={mismatch ? text.mismatch : null}
        />
      )}
      <button type="submit" className="primary" disabled={!ready}>
        {text.continue}
      </button>
    </form>
  );
}

/** A passphrase field: never remembered by the page, marked invalid (and framed red) when refused, with a hint under it. */
function SecretField(props: {
  readonly id: string;
  readonly testId: string;
  readonly label: string;
  readonly invalid: boolean;
  readonly value: string;
  readonly onChange: (v: string) => void;
  readonly hint: string | null;
}) {
  return (
    <div className={props.invalid ? 'field field--invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        data-testid={props.testId}
        type="password"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={props.invalid}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {props.hint !== null && <p className="hint">{props.hint}</p>}
    </div>
  );
}
