/**
 * The answers of backup-drill (docs/answers/backup-drill.json): the wallet and the shares its holders
 * present, with their bags; and, since backup-drill@2, each overdue share that cannot be presented
 * this time, with the reason (issue 19, "Per-share proof": every other overdue share must be).
 */
import { fields, list, peopleAnswers, presentedShareAnswer, text, texts, wholeNumber, type FileForm } from './answer-parts.ts';

export function backupDrillAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    shares: list(presentedShareAnswer(form)),
    unreachable: list(fields({ share: wholeNumber(1, 255), reason: text({ max: 400 }) })).optional(),
  });
}
