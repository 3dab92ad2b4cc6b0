/**
 * Preparing a restitution (procedure restitution@2; R6, R9; docs/cli.md answers): a client's assets go
 * back by transfer, never by handing over a key. The request, the exact destination and amount that
 * two different approvers sign, on a network of the wallet: on Bitcoin the coordinator's PSBT (its
 * outputs shown here in plain words before anyone signs), on Ethereum the asset (ether or a token of
 * the station's list) and the coordinator's transfer request (what it moves is read to the signers
 * at the step that imports it); the crypto core reviews either again against the rebuilt wallet.
 * Then the folder for the signed transaction, and a quorum of shares.
 */
import { BITCOIN_NETWORKS, ETHEREUM_CHAIN_IDS, ETHEREUM_NETWORKS, oneOfValues } from '../../../../common/answers/vocabulary.ts';
import { useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, participantAnswer } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, chosenAnswer, replacedAt, SelectField, StartButton, TextField } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { PsbtPreview } from './PsbtPreview.tsx';
import { QrScan } from './QrScan.tsx';
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
  const [networkChoice, setNetwork] = useState<string>('bitcoin');
  const [assetChoice, setAsset] = useState('ETH');
  const [psbt, setPsbt] = useState<Chosen | null>(null);
  const [request, setRequest] = useState<Chosen | null>(null);
  const [folder, setFolder] = useState<Chosen | null>(null);
  const [shares, setShares] = useState<ShareDraft[]>([NEW_SHARE, NEW_SHARE]);
  const wallets = (inventory?.wallets ?? []).filter((w) => w.class === 'client' && w.state === 'active');
  // The networks of the wallet chosen (every one until a wallet is chosen): its Bitcoin chains, and the Ethereum networks if it has an ethereum account.
  const chains = wallets.find((w) => w.id === wallet)?.chains ?? [...BITCOIN_NETWORKS, 'ethereum'];
  const bitcoinNetworks = BITCOIN_NETWORKS.filter((n) => chains.includes(n));
  const ethereumNetworks = chains.includes('ethereum') ? ETHEREUM_NETWORKS : [];
  // A network the wallet chosen has not falls back to its first one.
  const offered: readonly string[] = [...bitcoinNetworks, ...ethereumNetworks];
  const network = offered.includes(networkChoice) ? networkChoice : (offered[0] ?? 'bitcoin');
  const ethereum = oneOfValues(ETHEREUM_NETWORKS, network);
  const tokens = ethereum ? (inventory?.tokens ?? []).filter((t) => t.chainId === ETHEREUM_CHAIN_IDS[ethereum]) : [];
  const asset = tokens.some((t) => t.symbol === assetChoice) ? assetChoice : 'ETH';

  const missing = stillNeeded([
    ...presenceNeeds(presence, text),
    ...approvers.map((a, i): readonly [boolean, string] => [attestationReady(a), text.needApproverKey(i + 1)]),
    [wallet.length > 0, text.needWallet],
    [reference.length > 0, text.needReference],
    [address.length > 0, text.needDestination],
    [amount.length > 0, text.needAmount],
    ethereum ? [request !== null, text.needRequest] : [psbt !== null, text.needPsbt],
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
      destination: { address, amount, network: ethereum ?? oneOfValues(BITCOIN_NETWORKS, network) ?? 'bitcoin', ...(ethereum ? { asset } : {}) },
      ...(ethereum ? { requestFile: chosenAnswer(request) } : { psbtFile: chosenAnswer(psbt) }),
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
      <SelectField label={text.network} value={network} onChange={setNetwork} testId="destination-network">
        {bitcoinNetworks.length > 0 && (
          <optgroup label={text.bitcoinNetworks}>
            {bitcoinNetworks.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </optgroup>
        )}
        {ethereumNetworks.length > 0 && (
          <optgroup label={text.ethereumNetworks}>
            {ethereumNetworks.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      {ethereum ? (
        <>
          <SelectField label={text.asset} value={asset} onChange={setAsset} testId="destination-asset">
            <option value="ETH">{text.assetEther}</option>
            {tokens.map((t) => (
              <option key={t.contract} value={t.symbol}>{`${t.symbol} — ${t.contract}`}</option>
            ))}
          </SelectField>
          <h4>{text.requestFile}</h4>
          <ChooseField
            kind="eth-request-file"
            button={text.chooseRequest}
            chosenText={text.requestChosen}
            emptyText={text.noRequest}
            value={request}
            onChange={setRequest}
          />
          <QrScan kind="eth-request-file" onChange={setRequest} />
          <p className="hint">{text.requestHelp}</p>
        </>
      ) : (
        <>
          <h4>{text.psbtFile}</h4>
          <PsbtPreview network={network} value={psbt} onChange={setPsbt} />
        </>
      )}
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
