/** The answers of change-holder (docs/answers/change-holder.json): the share presented by its holder, the new holder, and their confirmation. */
import { confirmation, group, fields, list, newHolderAnswer, peopleAnswers, presentedShareAnswer, text, texts, type FileForm } from './answer-parts.ts';

export function changeHolderAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    reason: text({ max: 400 }),
    share: presentedShareAnswer(form).extend({ previousFiles: list(form.file('share-file')).optional() }),
    to: newHolderAnswer(form),
    confirm: group({ holderReceivedShare: confirmation() }),
  });
}
