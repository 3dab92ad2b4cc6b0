/**
 * A participant's attestation (docs/desktop-app.md, "The screens": Ceremonies): the person chooses
 * their own key file in the station's dialog. Their passphrase is not asked here: the guided
 * ceremony asks it at their first signature (ADR 0025), and the key signs each step the person
 * takes part in. A witness who cosigns the close chooses where their checkpoint is written at the
 * close (CheckpointAsked.tsx).
 */
import { custosApi } from '../custos-api.ts';
import { useText } from '../i18n/locale-context.tsx';
import { type AttestationValue } from './answer-parts.ts';
import { CEREMONY_TEXT } from './ceremony-messages.ts';
import { isRefused, useRefusedPerson } from './refused-person.tsx';

export { EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer, witnessReady, type AttestationValue } from './answer-parts.ts';

export function Attestation(props: {
  readonly role: string;
  readonly testId: string;
  readonly value: AttestationValue;
  readonly onChange: (v: AttestationValue) => void;
}) {
  const text = useText(CEREMONY_TEXT);
  const refused = isRefused(props.testId, useRefusedPerson());
  const chooseKey = () => {
    void custosApi()
      .choose('key-file')
      .then((chosen) => chosen && props.onChange({ ...props.value, token: chosen.token, fileName: chosen.name }));
  };
  return (
    <fieldset className={refused ? 'attestation attestation--refused' : 'attestation'} data-testid={props.testId} data-refused={refused}>
      <legend>{text.attestationTitle(props.role)}</legend>
      {refused && (
        <p className="notice notice--error" data-testid="refused-here">
          {text.refusedHere(props.role)}
        </p>
      )}
      <div className="row">
        <button type="button" onClick={chooseKey}>
          {text.chooseKey}
        </button>
        <span className="chosen">{props.value.token ? text.keyChosen(props.value.fileName) : text.noKey}</span>
      </div>
    </fieldset>
  );
}
