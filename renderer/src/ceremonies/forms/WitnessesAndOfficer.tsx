/**
 * The officer and the two witnesses every ceremony needs (the close and its checkpoint need two),
 * each by their key file; each witness who cosigns the close chooses where their checkpoint is
 * written at the close (CheckpointAsked.tsx; docs/cli.md, witnessCheckpoints).
 */
import { useText } from '../../i18n/locale-context.tsx';
import type { Presence } from '../answer-parts.ts';
import { Attestation, attestationReady, checkpointAnswers, participantAnswer, witnessReady } from '../Attestation.tsx';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { replacedAt } from '../fields.tsx';

export type { Presence } from '../answer-parts.ts';

const witnessLabel = (i: number) => `witness${i + 1}`;

export function presenceReady(p: Presence): boolean {
  return attestationReady(p.officer) && p.witnesses.every(witnessReady);
}

export function presenceAnswers(p: Presence) {
  return {
    participants: Object.fromEntries([['officer', participantAnswer(p.officer)], ...p.witnesses.map((w, i) => [witnessLabel(i), participantAnswer(w)])]),
    officer: 'officer',
    witnesses: p.witnesses.map((_, i) => witnessLabel(i)),
    witnessCheckpoints: checkpointAnswers(p.witnesses.map((w, i) => [witnessLabel(i), w] as const)),
  };
}

export function WitnessesAndOfficer(props: { readonly value: Presence; readonly onChange: (v: Presence) => void }) {
  const text = useText(CEREMONY_TEXT);
  return (
    <>
      <Attestation
        role={text.roleOfficer}
        testId="attest-officer"
        value={props.value.officer}
        onChange={(officer) => props.onChange({ ...props.value, officer })}
      />
      <h3>{text.witnessesSection}</h3>
      {props.value.witnesses.map((w, i) => (
        <Attestation
          key={i}
          role={text.roleWitness(i + 1)}
          testId={`attest-witness-${i + 1}`}
          value={w}
          onChange={(v) => props.onChange({ ...props.value, witnesses: replacedAt(props.value.witnesses, i, v) })}
        />
      ))}
    </>
  );
}
