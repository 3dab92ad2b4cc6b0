/** The answers of revoke-participant (docs/answers/revoke-participant.json): the key revoked, by its card or its id, and why. */
import { fields, KEY_ID, peopleAnswers, personName, text, type FileForm } from './answer-parts.ts';

export function revokeParticipantAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    revoke: fields({ publicKeyFile: form.file('public-key-file').optional(), keyid: text({ pattern: KEY_ID }).optional(), reason: text({ max: 400 }) }),
  });
}
