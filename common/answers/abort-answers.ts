/** The answers of `custos abort` and of the desktop app's "Abort the open ceremony": who aborts, why, and which ceremony. */
import { fields, peopleAnswers, personName, text, type FileForm } from './answer-parts.ts';

export function abortAnswers<I>(form: FileForm<I>) {
  // An abort entry records its reason alone: it names no evidence.
  const { evidence: _evidence, ...people } = peopleAnswers(form);
  return fields({
    ...people,
    witness: personName,
    reason: text({ max: 400 }),
    ceremony: text({ pattern: /^[a-z0-9-]{1,80}$/u }).optional(),
  });
}
