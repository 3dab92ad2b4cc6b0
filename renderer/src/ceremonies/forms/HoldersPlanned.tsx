/**
 * The holders of a wallet being created (create-wallet, and a compromise rotation's replacement,
 * made "as create-wallet"; docs/cli.md `holders`): each holder attests with their own key, and for
 * each share the medium — a paper card whose words are shown to the holder alone on this screen, or
 * a file sealed to the holder's passphrase in a folder of their medium — and the serial of the
 * tamper-evident bag it goes into. The answers name the holders holder1…holderN, in share order.
 */
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, participantAnswer, type AttestationValue } from '../Attestation.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, MediumField, TextField, chosenAnswer, patchedAt } from '../fields.tsx';

export interface HolderDraft {
  readonly person: AttestationValue;
  readonly media: 'paper' | 'file';
  readonly bagSerial: string;
  readonly folder: Chosen | null;
}

export const NEW_HOLDER: HolderDraft = { person: EMPTY_ATTESTATION, media: 'paper', bagSerial: '', folder: null };

/** Fewest and most holders of a wallet (docs/cli.md create-wallet). */
export const HOLDERS_MIN = 2;
export const HOLDERS_MAX = 16;

/** The list grown with new holders or cut to `n`, within 2 to 16. */
export function resizeHolders(list: readonly HolderDraft[], n: number): HolderDraft[] {
  const count = Math.max(HOLDERS_MIN, Math.min(HOLDERS_MAX, n));
  return count > list.length ? [...list, ...Array.from({ length: count - list.length }, () => NEW_HOLDER)] : list.slice(0, count);
}

export function holdersReady(list: readonly HolderDraft[]): boolean {
  return list.every((h) => attestationReady(h.person));
}

/** The answers' participants (holder1…) and `holders` of the drafts. */
export function holdersAnswers(list: readonly HolderDraft[]) {
  return {
    participants: Object.fromEntries(list.map((h, i) => [`holder${i + 1}`, participantAnswer(h.person)])),
    holders: list.map((h, i) => ({
      name: `holder${i + 1}`,
      media: [h.media],
      bagSerial: h.bagSerial,
      ...(h.media === 'file' ? { outputDir: chosenAnswer(h.folder) } : {}),
    })),
  };
}

export function HoldersPlanned(props: { readonly value: readonly HolderDraft[]; readonly onChange: (v: HolderDraft[]) => void }) {
  const text = useText(CEREMONY_TEXT);
  const change = (i: number, c: Partial<HolderDraft>) => props.onChange(patchedAt(props.value, i, c));
  return (
    <>
      <h3>{text.holdersSection}</h3>
      {props.value.map((h, i) => (
        <div key={i} className="holder-plan" data-testid={`holder-${i + 1}`}>
          <Attestation role={text.roleHolder(i + 1)} testId={`attest-holder-${i + 1}`} value={h.person} onChange={(v) => change(i, { person: v })} />
          <MediumField value={h.media} onChange={(media) => change(i, { media })} />
          <TextField label={text.bagSerial} value={h.bagSerial} onChange={(v) => change(i, { bagSerial: v })} testId={`bag-serial-${i + 1}`} />
          {h.media === 'file' && (
            <>
              <p className="hint">{text.newSharePassphraseLater}</p>
              <ChooseField
                kind="folder"
                button={text.chooseFolder}
                chosenText={text.folderChosen}
                emptyText={text.noFolder}
                value={h.folder}
                onChange={(v) => change(i, { folder: v })}
              />
            </>
          )}
        </div>
      ))}
    </>
  );
}
