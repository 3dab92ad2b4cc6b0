/**
 * Preparing an incident entry (procedure incident; docs/cli.md answers): open, update or close an
 * incident of the register — its dates, nature, origin, tools and staff, impact, corrective action
 * and target date, whether it is significant, and the wallets it concerns; its regulatory
 * classification and the reports made to the authority (IncidentClock.tsx) — signed by the officer
 * and a witness.
 */
import { useId, useState } from 'react';
import { useText } from '../../i18n/locale-context.tsx';
import { Attestation, EMPTY_ATTESTATION, attestationReady, checkpointAnswers, participantAnswer, witnessReady } from '../Attestation.tsx';
import { stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { CheckField, SelectField, StartButton, TextField, toggled } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { INCIDENT_TEXT } from './incident-messages.ts';
import { IncidentClock, NEW_CLOCK, clockAnswers, clockNeeds } from './IncidentClock.tsx';

const FIELDS = ['nature', 'origin', 'toolsAndStaff', 'impact', 'correctiveAction'] as const;
const DATES = ['occurredAt', 'discoveredAt', 'targetDate'] as const;

export function IncidentForm({ inventory, busy, onStart }: FormProps<'incident'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(INCIDENT_TEXT);
  const id = useId();
  const [officer, setOfficer] = useState(EMPTY_ATTESTATION);
  const [witness, setWitness] = useState(EMPTY_ATTESTATION);
  const [incidentId, setIncidentId] = useState('');
  const [action, setAction] = useState<'open' | 'update' | 'close'>('open');
  const [significant, setSignificant] = useState(false);
  const [wallets, setWallets] = useState<string[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [clock, setClock] = useState(NEW_CLOCK);
  const missing = stillNeeded([
    [attestationReady(officer), text.needKey(text.roleOfficer)],
    [witnessReady(witness), text.needKey(own.witness)],
    [incidentId.length > 0, own.id],
    ...clockNeeds(clock, own),
  ]);
  const ready = missing.length === 0;

  const start = () =>
    onStart({
      station: {},
      participants: { officer: participantAnswer(officer), witness: participantAnswer(witness) },
      officer: 'officer',
      witness: 'witness',
      witnessCheckpoints: checkpointAnswers([['witness', witness]]),
      incident: {
        id: incidentId,
        action,
        significant,
        ...(wallets.length ? { wallets } : {}),
        fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim().length > 0)),
        ...clockAnswers(clock),
      },
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
      <h3>{own.register}</h3>
      <TextField label={own.id} value={incidentId} onChange={setIncidentId} testId="incident-id" />
      <SelectField label={own.action} value={action} onChange={(v) => setAction(v === 'close' ? 'close' : v === 'update' ? 'update' : 'open')}>
        <option value="open">{own.actionOpen}</option>
        <option value="update">{own.actionUpdate}</option>
        <option value="close">{own.actionClose}</option>
      </SelectField>
      <CheckField label={own.significant} checked={significant} onChange={setSignificant} />
      <fieldset className="chains">
        <legend>{own.wallets}</legend>
        {(inventory?.wallets ?? []).map((w) => (
          <CheckField key={w.id} label={w.id} checked={wallets.includes(w.id)} onChange={(on) => setWallets((l) => toggled(l, w.id, on))} />
        ))}
      </fieldset>
      {[...DATES, ...(action === 'close' ? (['closedAt'] as const) : [])].map((name) => (
        <div key={name} className="field">
          <label htmlFor={`${id}-${name}`}>{own[name]}</label>
          <input id={`${id}-${name}`} type="date" value={fields[name] ?? ''} onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))} />
        </div>
      ))}
      {FIELDS.map((name) => (
        <div key={name} className="field">
          <label htmlFor={`${id}-${name}`}>{own[name]}</label>
          <textarea id={`${id}-${name}`} rows={2} value={fields[name] ?? ''} onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))} />
        </div>
      ))}
      <IncidentClock value={clock} onChange={setClock} />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
