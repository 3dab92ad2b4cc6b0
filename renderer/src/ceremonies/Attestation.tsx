/**
 * A participant's attestation (issue 5, "Ceremony runner"): the person chooses their own key file in
 * the station's dialog and types their passphrase; the key unlocks in the crypto core when the
 * ceremony opens, and signs each step the person takes part in. The passphrase field is never
 * remembered by the page: autocomplete is off, and the value lives only in this form's state.
 */
import { useId } from 'react';
import { custosApi } from '../custos-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { type AttestationValue } from './answer-parts.ts';
import { CEREMONY_TEXT } from './ceremony-messages.ts';

export { EMPTY_ATTESTATION, attestationReady, participantAnswer, type AttestationValue } from './answer-parts.ts';


export function Attestation(props: { readonly role: string; readonly testId: string; readonly value: AttestationValue; readonly onChange: (v: AttestationValue) => void }) {
  const text = useText(CEREMONY_TEXT);
  const id = useId();
  const chooseKey = () => {
    void custosApi().choose('key-file').then((chosen) => chosen && props.onChange({ ...props.value, token: chosen.token, fileName: chosen.name }));
  };
  return (
    <fieldset className="attestation" data-testid={props.testId}>
      <legend>{text.attestationTitle(props.role)}</legend>
      <p className="hint">{text.attestationHelp}</p>
      <div className="row">
        <button type="button" onClick={chooseKey}>{text.chooseKey}</button>
        <span className="chosen">{props.value.token ? text.keyChosen(props.value.fileName) : text.noKey}</span>
      </div>
      <label htmlFor={`${id}-pass`}>{text.passphrase}</label>
      <input
        id={`${id}-pass`} type="password" autoComplete="off" spellCheck={false} value={props.value.passphrase}
        onChange={(e) => props.onChange({ ...props.value, passphrase: e.target.value })}
      />
    </fieldset>
  );
}
