/**
 * Preparing a create-wallet ceremony (procedure create-wallet; docs/cli.md answers): who is present
 * (officer, two witnesses, the holders, each with their own key), the wallet (client or house, never
 * both: R7), its chains and quorum m-of-n, and for each holder the medium of their share — a paper
 * card whose words are shown to them alone on this screen, or a file sealed to their passphrase — and
 * the serial of the tamper-evident bag it goes into.
 */
import type { Chain } from '../../../../common/answers/vocabulary.ts';
import { useState } from 'react';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer, witnessReady } from '../Attestation.tsx';
import { stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, NumberField, replacedAt, SelectField, StartButton, TextField, toggled } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { HOLDERS_MAX, HOLDERS_MIN, HoldersPlanned, NEW_HOLDER, holdersAnswers, holdersReady, resizeHolders, type HolderDraft } from './HoldersPlanned.tsx';

const CHAINS = ['bitcoin', 'testnet', 'regtest', 'ethereum'] as const;

export function CreateWalletForm({ busy, onStart }: FormProps<'create-wallet'>) {
  const text = useText(CEREMONY_TEXT);
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witnesses, setWitnesses] = useState([EMPTY_ATTESTATION, EMPTY_ATTESTATION]);
  const [walletId, setWalletId] = useState('');
  const [walletClass, setWalletClass] = useState<'client' | 'house'>('client');
  const [clientRef, setClientRef] = useState('');
  const [label, setLabel] = useState('');
  const [chains, setChains] = useState<Chain[]>(['bitcoin']);
  const [threshold, setThreshold] = useState(2);
  const [drillDays, setDrillDays] = useState(180);
  const [holders, setHolders] = useState<HolderDraft[]>([NEW_HOLDER, NEW_HOLDER, NEW_HOLDER]);
  const [confirmed, setConfirmed] = useState(false);

  const missing = stillNeeded([
    [attestationReady(officer), text.needKey(text.roleOfficer)],
    ...witnesses.map((w, i): readonly [boolean, string] => [witnessReady(w), text.needKey(text.roleWitness(i + 1))]),
    [walletId.length > 0, text.needWalletId],
    [walletClass !== 'client' || clientRef.length > 0, text.needClientRef],
    [label.length > 0, text.needLabel],
    [chains.length > 0, text.needChains],
    ...holders.flatMap((h, i): (readonly [boolean, string])[] => [
      [attestationReady(h.person), text.needHolderKey(i + 1)],
      [h.media !== 'file' || h.folder !== null, text.needHolderFolder(i + 1)],
    ]),
    [confirmed, text.needConfirmation],
  ]);
  const ready = missing.length === 0 && holdersReady(holders);

  const start = () => {
    const planned = holdersAnswers(holders);
    onStart({
      station: {},
      participants: Object.fromEntries([
        ['officer', participantAnswer(officer)],
        ...witnesses.map((w, i) => [`witness${i + 1}`, participantAnswer(w)]),
        ...Object.entries(planned.participants),
      ]),
      officer: 'officer',
      witnesses: witnesses.map((_, i) => `witness${i + 1}`),
      witnessCheckpoints: checkpointAnswers(witnesses.map((w, i) => [`witness${i + 1}`, w] as const)),
      wallet: { id: walletId, class: walletClass, ...(walletClass === 'client' ? { clientRef } : {}), label },
      chains,
      threshold,
      drillIntervalDays: drillDays,
      holders: planned.holders,
      confirm: { holdersReceivedShares: confirmed },
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
      <Attestation role={text.roleOfficer} testId="attest-officer" value={officer} onChange={setOfficer} />
      <h3>{text.witnessesSection}</h3>
      {witnesses.map((w, i) => (
        <Attestation
          key={i}
          role={text.roleWitness(i + 1)}
          testId={`attest-witness-${i + 1}`}
          value={w}
          onChange={(v) => setWitnesses((l) => replacedAt(l, i, v))}
        />
      ))}
      <h3>{text.walletSection}</h3>
      <TextField label={text.walletId} value={walletId} onChange={setWalletId} testId="wallet-id" />
      <SelectField label={text.walletClass} value={walletClass} onChange={(v) => setWalletClass(v === 'house' ? 'house' : 'client')}>
        <option value="client">{text.classClient}</option>
        <option value="house">{text.classHouse}</option>
      </SelectField>
      {walletClass === 'client' && <TextField label={text.clientRef} value={clientRef} onChange={setClientRef} testId="client-ref" />}
      <TextField label={text.walletLabel} value={label} onChange={setLabel} testId="wallet-label" />
      <fieldset className="chains">
        <legend>{text.chains}</legend>
        {CHAINS.map((chain) => (
          <CheckField key={chain} label={chain} checked={chains.includes(chain)} onChange={(on) => setChains((l) => toggled(l, chain, on))} />
        ))}
      </fieldset>
      <NumberField
        label={text.holderCount}
        value={holders.length}
        min={HOLDERS_MIN}
        max={HOLDERS_MAX}
        onChange={(n) => setHolders((list) => resizeHolders(list, n))}
      />
      <NumberField label={text.threshold} value={threshold} min={2} max={holders.length} onChange={setThreshold} />
      <NumberField label={text.drillInterval} value={drillDays} min={7} max={730} onChange={setDrillDays} />
      <HoldersPlanned value={holders} onChange={setHolders} />
      <CheckField label={text.confirmHandOver} checked={confirmed} onChange={setConfirmed} testId="confirm-hand-over" />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
