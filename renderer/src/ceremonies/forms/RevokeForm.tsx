/**
 * Preparing a revocation (procedure revoke-participant; docs/cli.md answers): an officer and a witness
 * revoke a participant's key, with a reason; from the close on, that key's signatures are refused.
 */
import { useState } from 'react';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer, witnessReady } from '../Attestation.tsx';
import { stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { SelectField, StartButton, TextField } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { ROSTER_TEXT } from './roster-messages.ts';

export function RevokeForm({ inventory, busy, onStart }: FormProps<'revoke-participant'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(ROSTER_TEXT);
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witness, setWitness] = useState(EMPTY_ATTESTATION);
  const [keyid, setKeyid] = useState('');
  const [reason, setReason] = useState('');
  const people = (inventory?.participants ?? []).filter((p) => p.state === 'active');
  const missing = stillNeeded([
    [attestationReady(officer), text.needKey(text.roleOfficer)],
    [witnessReady(witness), text.needKey(own.witness)],
    [keyid.length > 0, own.revokeWho],
    [reason.trim().length > 0, own.reason],
  ]);
  const ready = missing.length === 0;

  const start = () =>
    onStart({
      station: {},
      participants: { officer: participantAnswer(officer), witness: participantAnswer(witness) },
      officer: 'officer',
      witness: 'witness',
      witnessCheckpoints: checkpointAnswers([['witness', witness]]),
      revoke: { keyid, reason },
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
      <SelectField label={own.revokeWho} value={keyid} onChange={setKeyid}>
        <option value="">{own.choosePerson}</option>
        {people.map((p) => (
          <option key={p.keyid} value={p.keyid}>{`${p.name} (${p.keyid.slice(0, 16)}…)`}</option>
        ))}
      </SelectField>
      <TextField label={own.reason} value={reason} onChange={setReason} testId="revoke-reason" />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
