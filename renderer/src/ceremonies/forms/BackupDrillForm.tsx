/**
 * Preparing a backup drill (procedure backup-drill; docs/cli.md answers): the wallet, the officer and
 * witnesses, and at least m holders presenting their shares; the core proves each and rebuilds the
 * wallet, which must give back the recorded fingerprint.
 */
import { useState } from 'react';
import { useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { SelectField, StartButton } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { NEW_SHARE, SharesPresented, sharesAnswers, type ShareDraft } from './SharesPresented.tsx';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

export function BackupDrillForm({ inventory, busy, onStart }: FormProps<'backup-drill'>) {
  const text = useText(CEREMONY_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [wallet, setWallet] = useState('');
  const [shares, setShares] = useState<ShareDraft[]>([NEW_SHARE, NEW_SHARE]);
  const wallets = (inventory?.wallets ?? []).filter((w) => w.state === 'active' || w.state === 'distributed');
  const missing = stillNeeded([...presenceNeeds(presence, text), [wallet.length > 0, text.needWallet], [shares.length > 0, text.needShares]]);
  const ready = missing.length === 0 && presenceReady(presence);

  const start = () => {
    const holders = sharesAnswers(shares);
    const people = presenceAnswers(presence);
    onStart({
      station: {},
      ...people,
      participants: { ...people.participants, ...holders.participants },
      wallet,
      shares: holders.shares,
    });
  };

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <WitnessesAndOfficer value={presence} onChange={setPresence} />
      <SelectField label={text.drillWallet} value={wallet} onChange={setWallet}>
        <option value="">{text.chooseWallet}</option>
        {wallets.map((w) => (
          <option key={w.id} value={w.id}>{`${w.id} — ${w.label} (${w.threshold}/${w.shareCount})`}</option>
        ))}
      </SelectField>
      <SharesPresented value={shares} onChange={setShares} />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
