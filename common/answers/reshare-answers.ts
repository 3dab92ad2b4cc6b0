/**
 * The answers of reshare (docs/answers/reshare.json): the wallet, the reason, the shares of the old
 * set presented to rebuild it (with their bags), the new quorum and its holders, every share of the
 * old set and how it is destroyed, and the holders' confirmation (issue 19, "Reshare"; ADR 0032).
 */
import {
  confirmation,
  fields,
  group,
  list,
  newHolderAnswer,
  peopleAnswers,
  presentedShareAnswer,
  shareToDestroyAnswer,
  text,
  texts,
  wholeNumber,
  type FileForm,
} from './answer-parts.ts';

export function reshareAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    reason: text({ max: 400 }),
    shares: list(presentedShareAnswer(form)),
    threshold: wholeNumber(2, 16),
    holders: list(newHolderAnswer(form)),
    destroy: list(shareToDestroyAnswer(form)),
    confirm: group({ holdersReceivedShares: confirmation(), oldSharesDestroyed: confirmation() }),
  });
}
