/**
 * Preparing a change of holder (procedure change-holder; docs/cli.md `change-holder`): the active
 * wallet and its shares today, the reason, the outgoing holder attesting and presenting the share —
 * their sealed file and its passphrase, or the words of their paper card — with its bag (intact or
 * replaced), the copies of the share file to overwrite (optional, share files only), then the
 * incoming holder attesting (role holder), the new share passphrase they choose, typed twice, the
 * folder of their medium, the serial of their new bag, and the confirmation that they have it.
 * The incoming share is always a sealed file (`to.media: ["file"]`).
 */
import { useId, useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, participantAnswer } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, ChooseField, chosenAnswer, MediumField, replacedAt, SelectField, StartButton, TextField } from '../fields.tsx';
import { CHANGE_HOLDER_TEXT } from './change-holder-messages.ts';
import type { FormProps } from './form-props.ts';
import { heldShares, shorten } from './rotation-model.ts';
import { NEW_SHARE, sharesAnswers, type ShareDraft } from './SharesPresented.tsx';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

const REASON_MAX = 400;

export function ChangeHolderForm({ inventory, busy, onStart }: FormProps<'change-holder'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(CHANGE_HOLDER_TEXT);
  const id = useId();
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [walletId, setWalletId] = useState('');
  const [reason, setReason] = useState('');
  const [share, setShare] = useState<ShareDraft>({ ...NEW_SHARE, media: 'file' });
  const [previous, setPrevious] = useState<(Chosen | null)[]>([]);
  const [incoming, setIncoming] = useState(EMPTY_ATTESTATION);
  const [folder, setFolder] = useState<Chosen | null>(null);
  const [bagSerial, setBagSerial] = useState('');
  const [confirmed, setConfirmed] = useState(false);

  const wallets = (inventory?.wallets ?? []).filter((w) => w.state === 'active');
  const wallet = wallets.find((w) => w.id === walletId);
  const change = (c: Partial<ShareDraft>) => setShare((s) => ({ ...s, ...c }));
  const shareReady =
    attestationReady(share.person) && share.bagSerial.length > 0 && (share.media === 'paper' ? share.words.trim().length > 0 : share.file !== null);
  const missing = stillNeeded([
    ...presenceNeeds(presence, text),
    [wallet !== undefined, own.wallet],
    [reason.trim().length > 0 && reason.length <= REASON_MAX, own.reason],
    [shareReady, own.outgoingSection],
    [attestationReady(incoming), text.needKey(own.roleIncoming)],
    [folder !== null, own.incomingFolder],
    [bagSerial.length > 0, own.incomingBag],
    [confirmed, text.needConfirmation],
  ]);
  const ready = missing.length === 0 && presenceReady(presence);
  const files = share.media === 'file' ? previous.filter((p): p is Chosen => p !== null) : [];

  const start = () => {
    const people = presenceAnswers(presence);
    const outgoing = sharesAnswers([share]);
    onStart({
      station: {},
      officer: people.officer,
      witnesses: people.witnesses,
      witnessCheckpoints: people.witnessCheckpoints,
      participants: { ...people.participants, ...outgoing.participants, incoming: participantAnswer(incoming) },
      wallet: walletId,
      reason: reason.trim(),
      share: { ...outgoing.shares[0]!, ...(files.length ? { previousFiles: files.map((f) => chosenAnswer(f)) } : {}) },
      to: { name: 'incoming', media: ['file'], outputDir: chosenAnswer(folder), bagSerial },
      confirm: { holderReceivedShare: confirmed },
    });
  };

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
      data-testid="change-holder-form"
    >
      <WitnessesAndOfficer value={presence} onChange={setPresence} />
      <h3>{text.walletSection}</h3>
      {wallets.length === 0 ? (
        <p>{own.noWallet}</p>
      ) : (
        <SelectField label={own.wallet} value={walletId} onChange={setWalletId}>
          <option value="">{own.chooseWallet}</option>
          {wallets.map((w) => (
            <option key={w.id} value={w.id}>{`${w.id} — ${shorten(w.label, 60)} (${w.threshold}/${w.shareCount})`}</option>
          ))}
        </SelectField>
      )}
      {wallet && (
        <>
          <p>{own.sharesOf}</p>
          <ul data-testid="wallet-shares">
            {heldShares(inventory, wallet).map((s) => (
              <li key={s.index}>{own.shareLine(s.index, s.holderName, s.bagSerial ?? '—')}</li>
            ))}
          </ul>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-reason`}>{own.reason}</label>
        <textarea id={`${id}-reason`} data-testid="change-reason" rows={2} maxLength={REASON_MAX} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>

      <h3>{own.outgoingSection}</h3>
      <div className="holder-plan" data-testid="outgoing">
        <Attestation role={own.roleOutgoing} testId="attest-outgoing" value={share.person} onChange={(v) => change({ person: v })} />
        <MediumField value={share.media} onChange={(media) => change({ media })} fileFirst />
        {share.media === 'paper' ? (
          <TextField label={text.shareWordsTyped} value={share.words} onChange={(v) => change({ words: v })} secret testId="outgoing-words" />
        ) : (
          <>
            <ChooseField
              kind="share-file"
              button={text.chooseShareFile}
              chosenText={(n) => `${text.shareFile}: ${n}`}
              emptyText="—"
              value={share.file}
              onChange={(v) => change({ file: v })}
            />
            <p className="hint">{text.sharePassphraseLater}</p>
          </>
        )}
        <TextField label={text.bagSerial} value={share.bagSerial} onChange={(v) => change({ bagSerial: v })} testId="outgoing-bag" />
        <SelectField
          label={text.bagState}
          value={share.bagState}
          onChange={(v) => change({ bagState: v === 'replaced' || v === 'broken' || v === 'missing' ? v : 'intact' })}
          testId="outgoing-bag-state"
        >
          <option value="intact">{text.bagIntact}</option>
          <option value="replaced">{text.bagReplaced}</option>
          <option value="broken">{text.bagBroken}</option>
          <option value="missing">{text.bagMissing}</option>
        </SelectField>
        {share.bagState === 'replaced' && <TextField label={text.newBagSerial} value={share.newBagSerial} onChange={(v) => change({ newBagSerial: v })} />}
        {(share.bagState === 'broken' || share.bagState === 'missing') && (
          <>
            {/* The ceremony opens the seal's incident (change-holder@2); the share then goes into the incoming holder's new bag. */}
            <p className="hint">{text.sealIncidentHint}</p>
            <TextField label={text.sealPhoto} value={share.photoSha256} onChange={(v) => change({ photoSha256: v })} testId="outgoing-seal-photo" />
          </>
        )}
        {share.media === 'file' && (
          <fieldset className="chains" data-testid="previous-files">
            <legend>{own.previousFiles}</legend>
            {previous.map((p, i) => (
              <div key={i} className="row">
                <ChooseField
                  kind="share-file"
                  button={text.chooseShareFile}
                  chosenText={own.previousChosen}
                  emptyText="—"
                  value={p}
                  onChange={(v) => setPrevious((l) => replacedAt(l, i, v))}
                />
                <button type="button" onClick={() => setPrevious((l) => l.filter((_, k) => k !== i))}>
                  {text.removeShare}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setPrevious((l) => [...l, null])} disabled={previous.length >= 8}>
              {own.addPreviousFile}
            </button>
          </fieldset>
        )}
      </div>

      <h3>{own.incomingSection}</h3>
      <div className="holder-plan" data-testid="incoming">
        <p className="hint">{own.incomingRule}</p>
        <Attestation role={own.roleIncoming} testId="attest-incoming" value={incoming} onChange={setIncoming} />
        <p className="hint">{own.incomingMedium}</p>
        <p className="hint">{text.newSharePassphraseLater}</p>
        <h4>{own.incomingFolder}</h4>
        <ChooseField kind="folder" button={text.chooseFolder} chosenText={text.folderChosen} emptyText={text.noFolder} value={folder} onChange={setFolder} />
        <TextField label={own.incomingBag} value={bagSerial} onChange={setBagSerial} testId="incoming-bag" />
      </div>
      <CheckField label={own.confirm} checked={confirmed} onChange={setConfirmed} testId="confirm-received" />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
