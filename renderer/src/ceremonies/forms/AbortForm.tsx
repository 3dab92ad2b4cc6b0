/**
 * Aborting the ceremony left open on the station (docs/cli.md, "custos abort"): a run that was
 * interrupted before its close (the window closed, the power went), or a rotation waiting for its
 * sweep. An officer and a witness sign the abort with its reason; the answers name the open
 * ceremony, so that the abort cannot land on another one.
 */
import { useState } from 'react';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, participantAnswer } from '../Attestation.tsx';
import { stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { StartButton, TextField } from '../fields.tsx';
import { ABORT_TEXT } from './abort-messages.ts';
import type { FormProps } from './form-props.ts';

const REASON_MAX = 400;

export function AbortForm({ inventory, busy, onStart }: FormProps<'abort'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(ABORT_TEXT);
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witness, setWitness] = useState(EMPTY_ATTESTATION);
  const [reason, setReason] = useState('');
  const open = inventory?.openCeremony ?? null;
  const missing = stillNeeded([
    [attestationReady(officer), text.needKey(text.roleOfficer)],
    [attestationReady(witness), text.needKey(own.witness)],
    [reason.trim().length > 0 && reason.length <= REASON_MAX, own.reason],
  ]);
  const ready = missing.length === 0 && open !== null;

  const start = () =>
    onStart({
      station: {},
      participants: { officer: participantAnswer(officer), witness: participantAnswer(witness) },
      officer: 'officer',
      witness: 'witness',
      reason: reason.trim(),
      ceremony: open?.id ?? '',
    });

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <p data-testid="abort-which">{open === null ? own.nothingOpen : own.which(open.id, open.procedureId.split('@')[0]!)}</p>
      <Attestation role={text.roleOfficer} testId="attest-officer" value={officer} onChange={setOfficer} />
      <Attestation role={own.witness} testId="attest-witness-1" value={witness} onChange={setWitness} />
      <TextField label={own.reason} value={reason} onChange={setReason} testId="abort-reason" />
      <StartButton ready={ready} busy={busy} label={own.start} missing={missing} />
    </form>
  );
}
