/**
 * Preparing a restitution (procedure restitution; R6, R9; docs/cli.md answers): a client's assets go
 * back by transfer, never by handing over a key. The request, the exact destination and amount that
 * two different approvers sign, the coordinator's PSBT (its outputs shown here in plain words before
 * anyone signs; the crypto core reviews it again against the rebuilt wallet), the folder for the
 * signed transaction, and a quorum of shares.
 */
import { BITCOIN_NETWORKS, oneOfValues, type BitcoinNetwork } from '../../../../common/answers/vocabulary.ts';
import { useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, participantAnswer } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, chosenAnswer, replacedAt, SelectField, StartButton, TextField } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { PsbtPreview } from './PsbtPreview.tsx';
import { NEW_SHARE, SharesPresented, sharesAnswers, type ShareDraft } from './SharesPresented.tsx';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

export function RestitutionForm({ inventory, busy, onStart }: FormProps<'restitution'>) {
  const text = useText(CEREMONY_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [approvers, setApprovers] = useState([EMPTY_ATTESTATION, EMPTY_ATTESTATION]);
  const [wallet, setWallet] = useState('');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [address, setAddress] = useState('');
  const [amount, setAmount] = useState('');
  const [network, setNetwork] = useState<BitcoinNetwork>('bitcoin');
  const [psbt, setPsbt] = useState<Chosen | null>(null);
  const [folder, setFolder] = useState<Chosen | null>(null);
  const [shares, setShares] = useState<ShareDraft[]>([NEW_SHARE, NEW_SHARE]);
  const wallets = (inventory?.wallets ?? []).filter((w) => w.class === 'client' && w.state === 'active');

  const missing = stillNeeded([
    ...presenceNeeds(presence, text),
    ...approvers.map((a, i): readonly [boolean, string] => [attestationReady(a), text.needApproverKey(i + 1)]),
    [wallet.length > 0, text.needWallet],
    [reference.length > 0, text.needReference],
    [address.length > 0, text.needDestination],
    [amount.length > 0, text.needAmount],
    [psbt !== null, text.needPsbt],
    [folder !== null, text.needOutputFolder],
  ]);
  const ready = missing.length === 0 && presenceReady(presence);

  const start = () => {
    const people = presenceAnswers(presence);
    const holders = sharesAnswers(shares);
    onStart({
      station: {},
      officer: people.officer,
      witnesses: people.witnesses,
      witnessCheckpoints: people.witnessCheckpoints,
      participants: {
        ...people.participants,
        ...holders.participants,
        ...Object.fromEntries(approvers.map((a, i) => [`approver${i + 1}`, participantAnswer(a)])),
      },
      approvers: approvers.map((_, i) => `approver${i + 1}`),
      wallet,
      request: { reference, ...(reason ? { reason } : {}) },
      destination: { address, amount, network },
      psbtFile: chosenAnswer(psbt),
      outputDir: chosenAnswer(folder),
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
      <h3>{text.restitutionSection}</h3>
      <SelectField label={text.restitutionWallet} value={wallet} onChange={setWallet}>
        <option value="">{text.chooseWallet}</option>
        {wallets.map((w) => (
          <option key={w.id} value={w.id}>{`${w.id} — ${w.ownerRef ?? ''} ${w.label}`}</option>
        ))}
      </SelectField>
      <TextField label={text.reference} value={reference} onChange={setReference} testId="request-reference" />
      <TextField label={text.reason} value={reason} onChange={setReason} />
      <TextField label={text.destination} value={address} onChange={setAddress} testId="destination-address" />
      <TextField label={text.amount} value={amount} onChange={setAmount} testId="destination-amount" />
      <SelectField label={text.network} value={network} onChange={(v) => setNetwork(oneOfValues(BITCOIN_NETWORKS, v) ?? network)}>
        <option value="bitcoin">bitcoin</option>
        <option value="testnet">testnet</option>
        <option value="regtest">regtest</option>
      </SelectField>
      <h4>{text.psbtFile}</h4>
      <PsbtPreview network={network} value={psbt} onChange={setPsbt} />
      <h4>{text.outputFolder}</h4>
      <ChooseField kind="folder" button={text.chooseFolder} chosenText={text.folderChosen} emptyText={text.noFolder} value={folder} onChange={setFolder} />
      <h3>{text.approversSection}</h3>
      {approvers.map((a, i) => (
        <Attestation
          key={i}
          role={text.roleApprover(i + 1)}
          testId={`attest-approver-${i + 1}`}
          value={a}
          onChange={(v) => setApprovers((l) => replacedAt(l, i, v))}
        />
      ))}
      <SharesPresented value={shares} onChange={setShares} />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
