/**
 * The guided ceremony's questions to the people present (ADR 0025; main/app/app-api.ts, SignRequest
 * and PassphrasePrompt): an entry about to be signed said in words in both languages, as the
 * printed transcript says it (reports/body-text.ts), with its signers by name and whether each must
 * still type their passphrase; and a passphrase the run needs, naming its person and the answers
 * field it fills.
 */
import type { EntryToSign } from '../../ceremonies/engine/station.ts';
import type { PassphraseAsked } from './ceremony-answers.ts';
import type { PassphrasePrompt, SignRequest } from './app-api.ts';
import { bodyText } from './reports/body-text.ts';

/** The sign request of `entry`; `names` gives participants' names by key id (the station's roster). */
export function signRequest(id: string, entry: EntryToSign, names: ReadonlyMap<string, string>): SignRequest {
  return {
    kind: 'prompt',
    id,
    prompt: 'sign',
    procedure: entry.procedure.id,
    step: entry.step,
    type: entry.type,
    signers: entry.signers.map((s) => ({ name: s.name, role: s.role, who: s.who ?? s.name, locked: s.locked })),
    summary: { en: bodyText(entry.body, { locale: 'en', names }), fr: bodyText(entry.body, { locale: 'fr', names }) },
  };
}

/** The prompt of a passphrase asked; `nameOf` gives a participant's name by their label, once a sign request named them. */
export function passphrasePrompt(id: string, asked: PassphraseAsked, nameOf: (who: string) => string | undefined): PassphrasePrompt {
  return {
    kind: 'prompt',
    id,
    prompt: 'passphrase',
    who: asked.who,
    name: asked.person ?? nameOf(asked.who) ?? asked.who,
    purpose: asked.purpose,
    field: `${asked.field}.${asked.name}`,
    minLength: asked.minLength ?? 0,
    attempt: asked.attempt,
    refused: asked.refused,
    tries: asked.tries,
  };
}
