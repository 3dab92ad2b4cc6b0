/**
 * Preparing a confirm-transfer (procedure confirm-transfer; docs/cli.md answers): a sweep or
 * restitution the station signed, seen confirmed on chain by the coordinator's watch-only wallet, is
 * recorded with its block height and confirmations; a confirmed sweep retires the compromised
 * wallet, and the final restitution may retire the client wallet. An Ethereum transfer's fee is
 * known only once mined: the officer gives the fee it paid, in wei (confirm-transfer@2).
 */
import { useState } from 'react';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer, witnessReady } from '../Attestation.tsx';
import { stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, NumberField, SelectField, StartButton, TextField } from '../fields.tsx';
import { CONFIRM_TEXT } from './confirm-messages.ts';
import type { FormProps } from './form-props.ts';

export function ConfirmTransferForm({ inventory, busy, onStart }: FormProps<'confirm-transfer'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(CONFIRM_TEXT);
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witness, setWitness] = useState(EMPTY_ATTESTATION);
  const [choice, setChoice] = useState('');
  const [blockHeight, setBlockHeight] = useState(0);
  const [confirmations, setConfirmations] = useState(6);
  const [retire, setRetire] = useState(false);
  const [feePaid, setFeePaid] = useState('');
  const pending = (inventory?.wallets ?? []).flatMap((w) => w.transfers.filter((t) => t.state === 'signed').map((t) => ({ wallet: w.id, transfer: t })));
  const chosen = pending.find((p) => `${p.wallet}/${p.transfer.txid}` === choice);
  const missing = stillNeeded([
    [attestationReady(officer), text.needKey(text.roleOfficer)],
    [witnessReady(witness), text.needKey(own.witness)],
    [chosen !== undefined, own.transfer],
    [blockHeight > 0, own.blockHeight],
    [chosen?.transfer.chain !== 'ethereum' || /^(0|[1-9]\d{0,40})$/u.test(feePaid.trim()), own.feePaid],
  ]);
  const ready = missing.length === 0;

  const start = () =>
    chosen &&
    onStart({
      station: {},
      participants: { officer: participantAnswer(officer), witness: participantAnswer(witness) },
      officer: 'officer',
      witness: 'witness',
      witnessCheckpoints: checkpointAnswers([['witness', witness]]),
      wallet: chosen.wallet,
      txid: chosen.transfer.txid,
      blockHeight,
      confirmations,
      ...(chosen.transfer.kind === 'restitution' ? { retireWallet: retire } : {}),
      ...(chosen.transfer.chain === 'ethereum' ? { feePaid: feePaid.trim() } : {}),
    });

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <Attestation role={text.roleOfficer} testId="attest-officer" value={officer} onChange={setOfficer} />
      <Attestation role={own.witness} testId="attest-witness-1" value={witness} onChange={setWitness} />
      {pending.length === 0 ? (
        <p>{own.none}</p>
      ) : (
        <SelectField label={own.transfer} value={choice} onChange={setChoice}>
          <option value="">{own.chooseTransfer}</option>
          {pending.map((p) => (
            <option key={`${p.wallet}/${p.transfer.txid}`} value={`${p.wallet}/${p.transfer.txid}`}>
              {own.transferLine(p.transfer.kind === 'sweep' ? own.sweep : own.restitution, p.wallet, p.transfer.txid)}
            </option>
          ))}
        </SelectField>
      )}
      <NumberField label={own.blockHeight} value={blockHeight} min={0} max={100_000_000} onChange={setBlockHeight} />
      <NumberField label={own.confirmations} value={confirmations} min={1} max={1_000_000} onChange={setConfirmations} />
      {chosen?.transfer.chain === 'ethereum' && (
        <>
          <TextField label={own.feePaid} value={feePaid} onChange={setFeePaid} testId="fee-paid" />
          <p className="hint">{own.feePaidHelp}</p>
        </>
      )}
      {chosen?.transfer.kind === 'restitution' && <CheckField label={own.retire} checked={retire} onChange={setRetire} />}
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
