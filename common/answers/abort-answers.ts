/** The answers of `custos abort` and of the desktop app's "Abort the open ceremony": who aborts, why, and which ceremony. */
import { fields, peopleAnswers, personName, text, type FileForm } from './answer-parts.ts';

export function abortAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    reason: text({ max: 400 }),
    ceremony: text({ pattern: /^[a-z0-9-]{1,80}$/u }).optional(),
  });
}
