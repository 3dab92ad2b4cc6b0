/** The answers of create-wallet (docs/answers/create-wallet.json): the wallet, its holders and quorum, and the holders' confirmation. */
import { confirmation, group, fields, peopleAnswers, texts, walletPlanAnswers, type FileForm } from './answer-parts.ts';

export function createWalletAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    ...walletPlanAnswers(form),
    confirm: group({ holdersReceivedShares: confirmation() }),
    /** Where to write the new wallet's watch-only export for the coordinator (create-wallet@2); none when left out. */
    watchOnlyFile: form.file('save-file').optional(),
  });
}
