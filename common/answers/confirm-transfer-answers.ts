/** The answers of confirm-transfer (docs/answers/confirm-transfer.json): the transfer confirmed, by txid or signed file, and where it was mined. */
import { fields, judgedByRun, KEY_ID, peopleAnswers, personName, text, wholeNumber, type FileForm } from './answer-parts.ts';

export function confirmTransferAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    wallet: text(),
    txid: text({ pattern: KEY_ID }).optional(),
    transactionFile: form.file('transaction-file').optional(),
    blockHeight: wholeNumber(0, 100_000_000),
    confirmations: wholeNumber(1, 1_000_000),
    retireWallet: judgedByRun<boolean>('`true` to retire the wallet with this transfer, `false` not to').optional(),
  });
}
