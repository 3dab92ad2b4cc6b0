/**
 * A participant's attestation (docs/desktop-app.md, "The screens": Ceremonies): the person chooses
 * their own key file in the station's dialog and types their passphrase; the key unlocks in the
 * crypto core when the ceremony opens, and signs each step the person takes part in. The passphrase
 * field is never remembered by the page: autocomplete is off, and the value lives only in this
 * form's state. A witness who cosigns the close also chooses, in the station's save dialog, the
 * file on their own medium where their checkpoint is written (docs/threat-model.md: every witness
 * leaves with it).
 */
import { useId } from 'react';
import { custosApi } from '../custos-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { type AttestationValue } from './answer-parts.ts';
import { CEREMONY_TEXT } from './ceremony-messages.ts';

export { EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer, witnessReady, type AttestationValue } from './answer-parts.ts';

/** `keepsCheckpoint`: a witness who cosigns the close also chooses the file on their medium for the checkpoint. */
export function Attestation(props: {
  readonly role: string;
  readonly testId: string;
  readonly value: AttestationValue;
  readonly onChange: (v: AttestationValue) => void;
  readonly keepsCheckpoint?: boolean;
}) {
  const text = useText(CEREMONY_TEXT);
  const id = useId();
  const chooseKey = () => {
    void custosApi()
      .choose('key-file')
      .then((chosen) => chosen && props.onChange({ ...props.value, token: chosen.token, fileName: chosen.name }));
  };
  const chooseCheckpoint = () => {
    void custosApi()
      .choose('save-file')
      .then((chosen) => chosen && props.onChange({ ...props.value, checkpoint: chosen }));
  };
  return (
    <fieldset className="attestation" data-testid={props.testId}>
      <legend>{text.attestationTitle(props.role)}</legend>
      <p className="hint">{text.attestationHelp}</p>
      <div className="row">
        <button type="button" onClick={chooseKey}>
          {text.chooseKey}
        </button>
        <span className="chosen">{props.value.token ? text.keyChosen(props.value.fileName) : text.noKey}</span>
      </div>
      <label htmlFor={`${id}-pass`}>{text.passphrase}</label>
      <input
        id={`${id}-pass`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={props.value.passphrase}
        onChange={(e) => props.onChange({ ...props.value, passphrase: e.target.value })}
      />
      {props.keepsCheckpoint === true && (
        <>
          <p className="hint">{text.checkpointHelp}</p>
          <div className="row">
            <button type="button" onClick={chooseCheckpoint}>
              {text.chooseCheckpoint}
            </button>
            <span className="chosen">{props.value.checkpoint ? text.checkpointChosen(props.value.checkpoint.name) : text.noCheckpoint}</span>
          </div>
        </>
      )}
    </fieldset>
  );
}
