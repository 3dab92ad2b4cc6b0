/** The answers of destruction (docs/answers/destruction.json): the basis, each share destroyed and how, and the attestation. */
import {
  confirmation,
  group,
  BAG_SERIAL,
  DATE,
  fields,
  list,
  oneOf,
  peopleAnswers,
  personName,
  text,
  texts,
  wholeNumber,
  type FileForm,
} from './answer-parts.ts';

export function destructionAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    basis: oneOf(['retired', 'zero-balance', 'aborted'] as const),
    shares: list(
      fields({
        index: wholeNumber(1, 16),
        holder: personName.optional(),
        method: oneOf(['shred', 'wipe'] as const),
        mediaId: text({ max: 80 }),
        bagSerial: text({ pattern: BAG_SERIAL }),
        files: list(form.file('share-file')).optional(),
      }),
    ),
    zeroBalance: fields({ approvers: texts(), asOf: text({ pattern: DATE }), source: text({ max: 200 }) }).optional(),
    confirm: group({ sharesDestroyed: confirmation() }),
  });
}
