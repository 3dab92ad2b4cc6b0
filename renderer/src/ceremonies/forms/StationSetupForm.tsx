/**
 * Preparing a station setup (procedure station-setup; docs/cli.md answers) in an empty folder: the
 * roster from each participant's public key card with their roles, the officer and two witnesses
 * present with their key files. The new station passphrase is chosen by the officer when the
 * ceremony starts (the guided ceremony's passphrase prompt, typed twice); the station key is
 * created only once every present key has unlocked.
 */
import type { Role } from '../../../../common/answers/vocabulary.ts';
import { useState } from 'react';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { EMPTY_ATTESTATION } from '../Attestation.tsx';
import { presenceNeeds, stillNeeded } from '../answer-parts.ts';
import { CEREMONY_TEXT } from '../ceremony-messages.ts';
import { ROLE_TEXT } from '../../../../common/i18n/role-words.ts';
import { CheckField, ChooseField, chosenAnswer, patchedAt, StartButton, toggled } from '../fields.tsx';
import type { FormProps } from './form-props.ts';
import { SETUP_TEXT } from './setup-messages.ts';
import { WitnessesAndOfficer, presenceAnswers, presenceReady, type Presence } from './WitnessesAndOfficer.tsx';

const ROLES = ['officer', 'holder', 'witness', 'approver', 'auditor'] as const;

interface CardDraft {
  readonly card: Chosen | null;
  readonly roles: readonly Role[];
}

export function StationSetupForm({ busy, onStart }: FormProps<'station-setup'>) {
  const text = useText(CEREMONY_TEXT);
  const own = useText(SETUP_TEXT);
  const roleNames = useText(ROLE_TEXT);
  const [presence, setPresence] = useState<Presence>({ officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] });
  const [cards, setCards] = useState<CardDraft[]>([{ card: null, roles: [] }]);
  const change = (i: number, c: Partial<CardDraft>) => setCards((l) => patchedAt(l, i, c));
  const missing = stillNeeded([...presenceNeeds(presence, text), [cards.every((c) => c.card !== null && c.roles.length > 0), own.roster]]);
  const ready = missing.length === 0 && presenceReady(presence);

  const start = () =>
    onStart({
      station: {},
      ...presenceAnswers(presence),
      roster: cards.map((c) => ({ publicKeyFile: chosenAnswer(c.card), roles: [...c.roles] })),
    });

  return (
    <form
      className="ceremony-form"
      onSubmit={(e) => {
        e.preventDefault();
        start();
      }}
    >
      <p className="hint">{own.passphraseLater}</p>
      <h3>{own.roster}</h3>
      {cards.map((c, i) => (
        <div key={i} className="holder-plan" data-testid={`roster-${i + 1}`}>
          <ChooseField
            kind="public-key-file"
            button={own.chooseCard}
            chosenText={(n) => n}
            emptyText="—"
            value={c.card}
            onChange={(v) => change(i, { card: v })}
          />
          <div className="row">
            {ROLES.map((role) => (
              <CheckField
                key={role}
                label={roleNames[role]}
                checked={c.roles.includes(role)}
                onChange={(on) => change(i, { roles: toggled(c.roles, role, on) })}
              />
            ))}
          </div>
          {cards.length > 1 && (
            <button type="button" onClick={() => setCards((l) => l.filter((_, k) => k !== i))}>
              {own.remove}
            </button>
          )}
        </div>
      ))}
      <button type="button" onClick={() => setCards((l) => [...l, { card: null, roles: [] }])}>
        {own.addCard}
      </button>
      <WitnessesAndOfficer value={presence} onChange={setPresence} />
      <StartButton ready={ready} busy={busy} missing={missing} />
    </form>
  );
}
