/**
 * Second sitting of a compromise rotation (procedure compromise-rotation; docs/cli.md
 * `compromise-rotation`, "Second sitting"; ADR 0012): the rotation waiting on the station is named
 * (which compromised wallet, replaced by which), then either the old wallet's holders present a
 * quorum of its shares and the coordinator's sweep PSBT is chosen, its outputs shown in plain words
 * before anyone signs, with the network and the folder for the signed transaction; or the officer
 * aborts the waiting rotation with a reason (`{"abort": {"reason"}}`, station, participants and
 * officer only). When the old wallet has an Ethereum account, the sweep's Ethereum leg
 * (compromise-rotation@2): the network and one coordinator's transfer request per asset (the ether,
 * each token); a sweep needs a PSBT, requests, or both. The answers name no wallet: the engine
 * resumes the rotation that waits.
 */
import { BITCOIN_NETWORKS, ETHEREUM_NETWORKS, oneOfValues, type BitcoinNetwork, type EthereumNetwork } from '../../../../common/answers/vocabulary.ts';
import { useId, useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, participantAnswer } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ChooseField, chosenAnswer, replacedAt, SelectField, StartButton } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { PsbtPreview } from './PsbtPreview.tsx';
import { QrScan } from './QrScan.tsx';
import { ROTATION_TEXT } from './rotation-messages.ts';
import { sweepNetworks, type WaitingRotation } from './rotation-model.ts';
import { NEW_SHARE, SharesPresented, sharesAnswers, type ShareDraft } from './SharesPresented.tsx';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

const REASON_MAX = 400;

export function RotationSecondSitting(props: FormProps<'compromise-rotation-sweep'> & { readonly waiting: WaitingRotation }) {
  const { waiting, busy, onStart } = props;
  const text = useText(CEREMONY_TEXT);
  const own = useText(ROTATION_TEXT);
  const id = useId();
  const old = waiting.replaced ?? undefined;
  const networks = sweepNetworks(old);
  const [mode, setMode] = useState<'sweep' | 'abort'>('sweep');
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [shares, setShares] = useState<ShareDraft[]>(() => Array.from({ length: Math.max(2, old?.threshold ?? 2) }, () => NEW_SHARE));
  const [network, setNetwork] = useState<BitcoinNetwork>(networks[0] ?? 'bitcoin');
  const [psbt, setPsbt] = useState<Chosen | null>(null);
  const hasEthereum = old?.chains.includes('ethereum') ?? false;
  const [ethNetwork, setEthNetwork] = useState<EthereumNetwork>('mainnet');
  const [requests, setRequests] = useState<(Chosen | null)[]>([]);
  const chosenRequests = requests.filter((r): r is Chosen => r !== null);
  const [folder, setFolder] = useState<Chosen | null>(null);
  const [reason, setReason] = useState('');

  const oldName = waiting.replaced?.id ?? waiting.ceremony.wallet ?? own.unknownWallet;
  const sweepMissing = stillNeeded([
    ...presenceNeeds(presence, text),
    [shares.length > 0, text.needShares],
    [psbt !== null || chosenRequests.length > 0, hasEthereum ? own.needSweepFile : text.needPsbt],
    ...requests.map((r, i): readonly [boolean, string] => [r !== null, own.needRequest(i + 1)]),
    [folder !== null, text.needOutputFolder],
  ]);
  const sweepReady = sweepMissing.length === 0 && presenceReady(presence) && (psbt === null || networks.includes(network));
  const abortWitness = presence.witnesses[0]!;
  const abortMissing = stillNeeded([
    [attestationReady(presence.officer), text.needKey(text.roleOfficer)],
    [attestationReady(abortWitness), text.needKey(text.roleWitness(1))],
    [reason.trim().length > 0 && reason.length <= REASON_MAX, own.abortReason],
  ]);

  const start = () => {
    if (mode === 'abort') {
      // An officer and a witness abort it (ADR 0017).
      onStart({
        station: {},
        participants: { officer: participantAnswer(presence.officer), witness: participantAnswer(abortWitness) },
        officer: 'officer',
        witness: 'witness',
        abort: { reason: reason.trim() },
      });
      return;
    }
    const people = presenceAnswers(presence);
    const holders = sharesAnswers(shares);
    onStart({
      station: {},
      officer: people.officer,
      witnesses: people.witnesses,
      witnessCheckpoints: people.witnessCheckpoints,
      participants: { ...people.participants, ...holders.participants },
      shares: holders.shares,
      sweep: {
        ...(psbt ? { psbtFile: chosenAnswer(psbt), network } : {}),
        ...(chosenRequests.length ? { ethereum: { network: ethNetwork, requestFiles: chosenRequests.map((r) => chosenAnswer(r)) } } : {}),
        outputDir: chosenAnswer(folder),
      },
    });
  };

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
      data-testid="rotation-second-sitting"
    >
      <div className="holder-plan" data-testid="rotation-waiting">
        <strong>{own.waitingTitle}</strong>
        <p>{own.waitingText(waiting.ceremony.id)}</p>
        <p data-testid="rotation-waiting-wallets">
          {own.waitingWallets(oldName, waiting.replacement?.id ?? waiting.ceremony.replacement ?? own.unknownReplacement)}
        </p>
      </div>
      <fieldset className="chains">
        <legend>{own.sittingChoice}</legend>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'sweep'} onChange={() => setMode('sweep')} />
          {own.doSweep}
        </label>
        <label className="check">
          <input type="radio" name={`${id}-mode`} checked={mode === 'abort'} onChange={() => setMode('abort')} />
          {own.doAbort}
        </label>
      </fieldset>
      {mode === 'abort' ? (
        <>
          <Attestation role={text.roleOfficer} testId="attest-officer" value={presence.officer} onChange={(officer) => setPresence({ ...presence, officer })} />
          <Attestation
            role={text.roleWitness(1)}
            testId="attest-witness-1"
            value={abortWitness}
            onChange={(witness) => setPresence({ ...presence, witnesses: replacedAt(presence.witnesses, 0, witness) })}
          />
          <div className="field">
            <label htmlFor={`${id}-reason`}>{own.abortReason}</label>
            <textarea
              id={`${id}-reason`}
              data-testid="abort-reason"
              rows={3}
              maxLength={REASON_MAX}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
          <p className="hint">{own.abortEffect}</p>
          <StartButton ready={abortMissing.length === 0} busy={busy} label={own.abortStart} missing={abortMissing} />
        </>
      ) : (
        <>
          <WitnessesAndOfficer value={presence} onChange={setPresence} />
          {old && <p className="hint">{own.oldShares(old.threshold, old.shareCount, old.id)}</p>}
          <SharesPresented value={shares} onChange={setShares} />
          <h3>{own.sweepSection}</h3>
          {networks.length === 0 && <p className="notice notice--error">{own.noNetwork}</p>}
          <SelectField label={text.network} value={network} onChange={(v) => setNetwork(oneOfValues(BITCOIN_NETWORKS, v) ?? network)}>
            {networks.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
          <h4>{text.psbtFile}</h4>
          <PsbtPreview network={network} value={psbt} onChange={setPsbt} note={own.sweepNote} />
          {hasEthereum && (
            <section data-testid="sweep-ethereum">
              <h4>{own.ethereumLeg}</h4>
              <p className="hint">{own.ethereumLegHelp}</p>
              <SelectField
                label={own.ethereumNetwork}
                value={ethNetwork}
                onChange={(v) => setEthNetwork(oneOfValues(ETHEREUM_NETWORKS, v) ?? ethNetwork)}
                testId="sweep-ethereum-network"
              >
                {ETHEREUM_NETWORKS.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </SelectField>
              {requests.map((r, i) => (
                <div key={i} className="field" data-testid={`sweep-request-${i + 1}`}>
                  <ChooseField
                    kind="eth-request-file"
                    button={text.chooseRequest}
                    chosenText={text.requestChosen}
                    emptyText={text.noRequest}
                    value={r}
                    onChange={(v) => setRequests((list) => replacedAt(list, i, v))}
                  />
                  <QrScan kind="eth-request-file" onChange={(v) => setRequests((list) => replacedAt(list, i, v))} />
                  <button type="button" onClick={() => setRequests((list) => list.filter((_, k) => k !== i))}>
                    {own.removeRequest}
                  </button>
                </div>
              ))}
              <button type="button" data-testid="add-sweep-request" onClick={() => setRequests((list) => [...list, null])}>
                {own.addRequest}
              </button>
            </section>
          )}
          <h4>{text.outputFolder}</h4>
          <ChooseField kind="folder" button={text.chooseFolder} chosenText={text.folderChosen} emptyText={text.noFolder} value={folder} onChange={setFolder} />
          <StartButton ready={sweepReady} busy={busy} label={own.resume} missing={sweepMissing} />
        </>
      )}
    </form>
  );
}
