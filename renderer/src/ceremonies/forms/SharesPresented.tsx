/**
 * The shares a quorum of holders presents (backup drill, reshare, proof of control, restitution,
 * rotation; docs/cli.md `shares`): each holder attests with their key, then gives their share — the
 * words of their paper card, typed, or their sealed share file and its passphrase — and the state
 * of the bag it came out of (intact, replaced by a new bag, broken or missing, with a photo's
 * SHA-256). The crypto core proves each share against the record.
 */
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, participantAnswer, type AttestationValue } from '../Attestation.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, MediumField, SelectField, TextField, chosenAnswer, patchedAt } from '../fields.tsx';
import { ShareWordsEntry } from '../ShareWordsEntry.tsx';

export interface ShareDraft {
  readonly person: AttestationValue;
  readonly media: 'paper' | 'file';
  readonly words: string;
  readonly file: Chosen | null;
  readonly bagSerial: string;
  readonly bagState: BagState;
  readonly newBagSerial: string;
  /** SHA-256 of a photo of the seal, kept on a separate medium (optional). */
  readonly photoSha256: string;
}

type BagState = 'intact' | 'replaced' | 'broken' | 'missing';
const BAG_STATES: readonly BagState[] = ['intact', 'replaced', 'broken', 'missing'];

export const NEW_SHARE: ShareDraft = {
  person: EMPTY_ATTESTATION,
  media: 'paper',
  words: '',
  file: null,
  bagSerial: '',
  bagState: 'intact',
  newBagSerial: '',
  photoSha256: '',
};

/** The answers' participants and shares of the drafts (holders labelled holder1…). */
export function sharesAnswers(drafts: readonly ShareDraft[]) {
  return {
    participants: Object.fromEntries(drafts.map((d, i) => [`holder${i + 1}`, participantAnswer(d.person)])),
    shares: drafts.map((d, i) => ({
      holder: `holder${i + 1}`,
      ...(d.media === 'paper' ? { words: d.words } : { file: chosenAnswer(d.file) }),
      bag: {
        state: d.bagState,
        ...(d.bagState === 'missing' && d.bagSerial.trim() === '' ? {} : { serial: d.bagSerial }),
        ...(d.bagState === 'replaced' || (d.bagState !== 'intact' && d.newBagSerial.trim() !== '') ? { newSerial: d.newBagSerial.trim() } : {}),
        ...(d.photoSha256.trim() !== '' ? { photoSha256: d.photoSha256.trim().toLowerCase() } : {}),
      },
    })),
  };
}

/**
 * A bag may be found intact, replaced, broken or missing; a broken or missing one is presented all
 * the same, the ceremony opens its incident, and the medium may be put in a new bag now.
 */
export function SharesPresented(props: { readonly value: readonly ShareDraft[]; readonly onChange: (v: ShareDraft[]) => void }) {
  const text = useText(CEREMONY_TEXT);
  const change = (i: number, c: Partial<ShareDraft>) => props.onChange(patchedAt(props.value, i, c));
  return (
    <section>
      <h3>{text.sharesSection}</h3>
      {props.value.map((d, i) => (
        <div key={i} className="holder-plan" data-testid={`share-${i + 1}`}>
          <Attestation role={text.roleHolder(i + 1)} testId={`attest-holder-${i + 1}`} value={d.person} onChange={(v) => change(i, { person: v })} />
          <MediumField value={d.media} onChange={(media) => change(i, { media })} />
          {d.media === 'paper' ? (
            <ShareWordsEntry label={text.shareWordsTyped} value={d.words} onChange={(v) => change(i, { words: v })} testId={`share-words-${i + 1}`} />
          ) : (
            <>
              <ChooseField
                kind="share-file"
                button={text.chooseShareFile}
                chosenText={(n) => `${text.shareFile}: ${n}`}
                emptyText="—"
                value={d.file}
                onChange={(v) => change(i, { file: v })}
              />
              <p className="hint">{text.sharePassphraseLater}</p>
            </>
          )}
          <TextField label={text.bagSerial} value={d.bagSerial} onChange={(v) => change(i, { bagSerial: v })} testId={`share-bag-${i + 1}`} />
          <SelectField
            label={text.bagState}
            value={d.bagState}
            onChange={(v) => change(i, { bagState: BAG_STATES.find((b) => b === v) ?? 'intact' })}
            testId={`share-bag-state-${i + 1}`}
          >
            <option value="intact">{text.bagIntact}</option>
            <option value="replaced">{text.bagReplaced}</option>
            <option value="broken">{text.bagBroken}</option>
            <option value="missing">{text.bagMissing}</option>
          </SelectField>
          {d.bagState === 'replaced' && <TextField label={text.newBagSerial} value={d.newBagSerial} onChange={(v) => change(i, { newBagSerial: v })} />}
          {(d.bagState === 'broken' || d.bagState === 'missing') && (
            <>
              <p className="hint">{text.sealIncidentHint}</p>
              <TextField label={text.rebagSerial} value={d.newBagSerial} onChange={(v) => change(i, { newBagSerial: v })} testId={`share-rebag-${i + 1}`} />
              <TextField label={text.sealPhoto} value={d.photoSha256} onChange={(v) => change(i, { photoSha256: v })} testId={`share-seal-photo-${i + 1}`} />
            </>
          )}
          {props.value.length > 1 && (
            <button type="button" onClick={() => props.onChange(props.value.filter((_, k) => k !== i))}>
              {text.removeShare}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => props.onChange([...props.value, NEW_SHARE])} disabled={props.value.length >= 16}>
        {text.addShare}
      </button>
    </section>
  );
}
