/**
 * A participant's attestation (docs/desktop-app.md, "The screens": Ceremonies): the person chooses
 * their own key file in the station's dialog. Their passphrase is not asked here: the guided
 * ceremony asks it at their first signature (ADR 0025), and the key signs each step the person
 * takes part in. A witness who cosigns the close also chooses, in the station's save dialog, the
 * file on their own medium where their checkpoint is written (docs/threat-model.md: every witness
 * leaves with it).
 */
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
