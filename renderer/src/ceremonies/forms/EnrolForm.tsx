/**
 * Preparing an enrolment (procedure enrol-participant; docs/cli.md answers): an officer and a witness
 * add a person to the station's roster from their public key card, with their roles; the person is
 * present and signs with their own key to prove they hold it.
 */
import type { Role } from '../../../../common/answers/vocabulary.ts';
import { useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer, witnessReady } from '../Attestation.tsx';
import { ROLE_TEXT } from '../../../../common/i18n/role-words.ts';
import { stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, ChooseField, chosenAnswer, StartButton, toggled } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { ROSTER_TEXT } from './roster-messages.ts';

const ROLES = ['officer', 'holder', 'witness', 'approver', 'auditor'] as const;

export function EnrolForm({ busy, onStart }: FormProps<'enrol-participant'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(ROSTER_TEXT);
  const roleNames = useText(ROLE_TEXT);
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witness, setWitness] = useState(EMPTY_ATTESTATION);
  const [subject, setSubject] = useState(EMPTY_ATTESTATION);
  const [card, setCard] = useState<Chosen | null>(null);
  const [roles, setRoles] = useState<Role[]>([]);
  const missing = stillNeeded([
    [attestationReady(officer), text.needKey(text.roleOfficer)],
    [witnessReady(witness), text.needKey(own.witness)],
    [card !== null, own.publicKeyCard],
    [roles.length > 0, own.roles],
    [attestationReady(subject), text.needKey(own.newPerson)],
  ]);
  const ready = missing.length === 0;

  const start = () =>
    onStart({
      station: {},
      participants: { officer: participantAnswer(officer), witness: participantAnswer(witness), subject: participantAnswer(subject) },
      officer: 'officer',
      witness: 'witness',
      witnessCheckpoints: checkpointAnswers([['witness', witness]]),
      enrol: { publicKeyFile: chosenAnswer(card), roles, present: 'subject' },
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
      <h3>{own.publicKeyCard}</h3>
      <ChooseField kind="public-key-file" button={own.chooseCard} chosenText={(n) => n} emptyText="—" value={card} onChange={setCard} />
      <fieldset className="chains">
        <legend>{own.roles}</legend>
        {ROLES.map((role) => (
          <CheckField key={role} label={roleNames[role]} checked={roles.includes(role)} onChange={(on) => setRoles((l) => toggled(l, role, on))} />
        ))}
      </fieldset>
      <Attestation role={own.newPerson} testId="attest-subject" value={subject} onChange={setSubject} />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
