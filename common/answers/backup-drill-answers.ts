/** The answers of backup-drill (docs/answers/backup-drill.json): the wallet and the shares its holders present, with their bags. */
import { fields, list, peopleAnswers, presentedShareAnswer, text, texts, type FileForm } from './answer-parts.ts';

export function backupDrillAnswers<I>(form: FileForm<I>) {
  return fields({ ...peopleAnswers(form), witnesses: texts(), wallet: text(), shares: list(presentedShareAnswer(form)) });
}
