/**
 * Preparing a proof of control (procedure proof-of-control; docs/cli.md "`proof-of-control`";
 * docs/proof-of-control.md; ADR 0033): the officer and two witnesses; the wallet, the chain and the
 * address to prove (one of its recorded receive addresses, or another typed as the auditor wrote
 * it); who asks; the auditor's challenge file; a quorum of holders presenting their shares (a bag
 * found broken or missing opens its incident, as in a drill); and the folder the proof is written to.
 */
import { useState } from 'react';
import type { Chosen, WalletSummary } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, SelectField, StartButton, TextField, chosenAnswer } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { PROOF_TEXT } from './proof-messages.ts';
import { NEW_SHARE, SharesPresented, sharesAnswers, type ShareDraft } from './SharesPresented.tsx';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

/** The address chosen: a recorded receive address by its index, or one typed. */
const TYPED = 'typed';

export function ProofOfControlForm({ inventory, busy, onStart }: FormProps<'proof-of-control'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(PROOF_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [wallet, setWallet] = useState<WalletSummary | null>(null);
  const [chain, setChain] = useState('');
  const [choice, setChoice] = useState('');
  const [typed, setTyped] = useState('');
  const [requestedBy, setRequestedBy] = useState('');
  const [challenge, setChallenge] = useState<Chosen | null>(null);
  const [shares, setShares] = useState<ShareDraft[]>([NEW_SHARE, NEW_SHARE]);
  const [output, setOutput] = useState<Chosen | null>(null);
  const wallets = (inventory?.wallets ?? []).filter((w) => ['active', 'compromised', 'retired'].includes(w.state));
  const account = wallet?.accounts.find((a) => a.chain === chain);
  const missing = stillNeeded([
    ...presenceNeeds(presence, text),
    [wallet !== null, text.needWallet],
    [account !== undefined, own.needChain],
    [choice !== '' && (choice !== TYPED || typed.trim().length > 0), own.needAddress],
    [requestedBy.trim().length > 0 && requestedBy.length <= 200, own.needRequestedBy],
    [challenge !== null, own.needChallenge],
    [shares.length >= (wallet?.threshold ?? 2), text.needShares],
    [output !== null, own.needOutput],
  ]);
  const ready = missing.length === 0 && presenceReady(presence);

  const start = () => {
    const people = presenceAnswers(presence);
    const holders = sharesAnswers(shares);
    onStart({
      station: {},
      ...people,
      participants: { ...people.participants, ...holders.participants },
      wallet: wallet?.id ?? '',
      chain: chain as 'bitcoin',
      ...(choice === TYPED ? { address: typed.trim() } : { addressIndex: Number(choice) }),
      requestedBy: requestedBy.trim(),
      challengeFile: chosenAnswer(challenge),
      shares: holders.shares,
      outputDir: chosenAnswer(output),
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
      <SelectField
        label={own.wallet}
        value={wallet?.id ?? ''}
        onChange={(id) => {
          const chosen = wallets.find((w) => w.id === id) ?? null;
          setWallet(chosen);
          setChain(chosen?.accounts[0]?.chain ?? '');
          setChoice('');
        }}
      >
        <option value="">{own.chooseWallet}</option>
        {wallets.map((w) => (
          <option key={w.id} value={w.id}>{`${w.id} — ${w.label}`}</option>
        ))}
      </SelectField>
      {wallet && (
        <>
          <SelectField
            label={own.chain}
            value={chain}
            onChange={(c) => {
              setChain(c);
              setChoice('');
            }}
          >
            {wallet.accounts.map((a) => (
              <option key={a.chain} value={a.chain}>
                {a.chain}
              </option>
            ))}
          </SelectField>
          <SelectField label={own.address} value={choice} onChange={setChoice} testId="proof-address">
            <option value="">—</option>
            {(account?.addresses ?? []).map((address, i) => (
              <option key={address} value={String(i)}>
                {own.addressLine(i, address)}
              </option>
            ))}
            <option value={TYPED}>{own.otherAddress}</option>
          </SelectField>
          {choice === TYPED && <TextField label={own.typedAddress} value={typed} onChange={setTyped} testId="proof-typed-address" />}
          {chain && <p className="hint">{own.method(chain)}</p>}
        </>
      )}
      <TextField label={own.requestedBy} value={requestedBy} onChange={setRequestedBy} testId="proof-requested-by" />
      <h3>{own.challengeSection}</h3>
      <p className="hint">{own.challengeHelp}</p>
      <ChooseField
        kind="challenge-file"
        button={own.chooseChallenge}
        chosenText={own.challengeChosen}
        emptyText={own.noChallenge}
        value={challenge}
        onChange={setChallenge}
      />
      <SharesPresented value={shares} onChange={setShares} />
      <h3>{own.outputSection}</h3>
      <ChooseField kind="folder" button={text.chooseFolder} chosenText={own.outputChosen} emptyText={text.noFolder} value={output} onChange={setOutput} />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
