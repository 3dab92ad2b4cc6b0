/** The answers of destruction (docs/answers/destruction.json): the basis, each share destroyed and how, and the attestation. */
import { confirmation, group, DATE, fields, list, oneOf, peopleAnswers, shareToDestroyAnswer, text, texts, type FileForm } from './answer-parts.ts';

export function destructionAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    basis: oneOf(['retired', 'zero-balance', 'aborted'] as const),
    shares: list(shareToDestroyAnswer(form)),
    zeroBalance: fields({ approvers: texts(), asOf: text({ pattern: DATE }), source: text({ max: 200 }) }).optional(),
    confirm: group({ sharesDestroyed: confirmation() }),
  });
}
