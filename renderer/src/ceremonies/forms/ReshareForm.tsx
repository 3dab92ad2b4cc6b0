/**
 * Preparing a reshare (procedure reshare; docs/cli.md "`reshare`"; ADR 0032): the officer and two
 * witnesses; the active wallet and the reason; a quorum of the current set presenting their shares
 * (a bag found broken or missing opens its incident, as in a drill); the new quorum and its holders,
 * each with the medium of their new share and its bag; every share of the current set to destroy
 * once the new set is handed over (ShareToDestroy.tsx, all of them); and what no ceremony can undo,
 * said before anyone signs. The answers are built in reshare-answers.ts.
 */
import { useState } from 'react';
import type { WalletSummary } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, NumberField, replacedAt, SelectField, StartButton, TextField } from '../fields.tsx';
import { sharesToDestroy, type ShareDestruction } from './destruction-answers.ts';
import { DESTRUCTION_TEXT } from './destruction-messages.ts';
import type { FormProps } from './form-props.ts';
import { HOLDERS_MAX, HOLDERS_MIN, HoldersPlanned, NEW_HOLDER, resizeHolders, type HolderDraft } from './HoldersPlanned.tsx';
import { reshareAnswers, reshareNeeds } from './reshare-answers.ts';
import { RESHARE_TEXT } from './reshare-messages.ts';
import { NEW_SHARE, SharesPresented, type ShareDraft } from './SharesPresented.tsx';
import { ShareToDestroy } from './ShareToDestroy.tsx';
import { WitnessesAndOfficer, type Presence } from './WitnessesAndOfficer.tsx';

export function ReshareForm({ inventory, busy, onStart }: FormProps<'reshare'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(RESHARE_TEXT);
  const destruction = useText(DESTRUCTION_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [wallet, setWallet] = useState<WalletSummary | null>(null);
  const [reason, setReason] = useState('');
  const [shares, setShares] = useState<ShareDraft[]>([NEW_SHARE, NEW_SHARE]);
  const [threshold, setThreshold] = useState(2);
  const [holders, setHolders] = useState<HolderDraft[]>([NEW_HOLDER, NEW_HOLDER, NEW_HOLDER]);
  const [destroy, setDestroy] = useState<ShareDestruction[]>([]);
  const [received, setReceived] = useState(false);
  const [destroyed, setDestroyed] = useState(false);
  const wallets = (inventory?.wallets ?? []).filter((w) => w.state === 'active');
  const draft = { presence, wallet, reason, shares, threshold, holders, destroy, received, destroyed };
  const missing = reshareNeeds(draft, { ...text, ...destruction, ...own });
  const nameOf = (keyid: string | null) => (keyid === null ? null : (inventory?.participants.find((p) => p.keyid === keyid)?.name ?? keyid));

  const chooseWallet = (id: string) => {
    const chosen = wallets.find((w) => w.id === id) ?? null;
    setWallet(chosen);
    // Every share of the current set is to be destroyed: each starts ticked.
    setDestroy(chosen ? sharesToDestroy(chosen).map((s) => ({ ...s, chosen: true })) : []);
  };

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        onStart(reshareAnswers(draft));
      }}
    >
      <WitnessesAndOfficer value={presence} onChange={setPresence} />
      <SelectField label={own.wallet} value={wallet?.id ?? ''} onChange={chooseWallet}>
        <option value="">{own.chooseWallet}</option>
        {wallets.map((w) => (
          <option key={w.id} value={w.id}>{`${w.id} — ${w.label} (${w.threshold}/${w.shareCount})`}</option>
        ))}
      </SelectField>
      <TextField label={own.reason} value={reason} onChange={setReason} testId="reshare-reason" />
      <p className="notice" data-testid="reshare-risk">
        {own.risk}
      </p>
      <h3>{own.oldSetSection}</h3>
      {wallet && <p className="hint">{own.oldSetHelp(wallet.threshold, wallet.shareCount)}</p>}
      <SharesPresented value={shares} onChange={setShares} />
      <h3>{own.newSetSection}</h3>
      <p className="hint">{own.newSetHelp}</p>
      <NumberField
        label={own.holderCount}
        value={holders.length}
        min={HOLDERS_MIN}
        max={HOLDERS_MAX}
        onChange={(n) => {
          setHolders((list) => resizeHolders(list, n));
          setThreshold((m) => Math.min(m, Math.max(HOLDERS_MIN, n)));
        }}
      />
      <NumberField label={own.threshold} value={threshold} min={2} max={holders.length} onChange={setThreshold} />
      <HoldersPlanned value={holders} onChange={setHolders} />
      {wallet && (
        <section data-testid="reshare-destroy">
          <h3>{own.destroySection}</h3>
          <p className="hint">{own.destroyHelp}</p>
          {destroy.map((d, i) => {
            const share = wallet.shares.find((s) => s.index === d.index)!;
            return (
              <ShareToDestroy
                key={d.index}
                share={share}
                count={wallet.shareCount}
                holderName={nameOf(share.holder)}
                value={d}
                onChange={(v) => setDestroy((list) => replacedAt(list, i, v))}
              />
            );
          })}
        </section>
      )}
      <CheckField label={own.confirmReceived} checked={received} onChange={setReceived} testId="confirm-received" />
      <CheckField label={own.confirmDestroyed} checked={destroyed} onChange={setDestroyed} testId="confirm-destroyed" />
      <StartButton ready={missing.length === 0} busy={busy} missing={missing} />
    </form>
  );
}
