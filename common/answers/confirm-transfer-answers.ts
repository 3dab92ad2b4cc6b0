/** The answers of confirm-transfer (docs/answers/confirm-transfer.json): the transfer confirmed, by txid or signed file, and where it was mined. */
import { fields, judgedByRun, peopleAnswers, personName, text, wholeNumber, type FileForm } from './answer-parts.ts';

const TXID = /^(0x)?[0-9a-f]{64}$/u;

export function confirmTransferAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    wallet: text(),
    /** A Bitcoin txid (64 hex digits), or an Ethereum transaction hash (0x and 64 hex digits). */
    txid: text({ pattern: TXID }).optional(),
    transactionFile: form.file('transaction-file').optional(),
    blockHeight: wholeNumber(0, 100_000_000),
    confirmations: wholeNumber(1, 1_000_000),
    /** An Ethereum transfer's fee as mined (gas used × price paid), in wei, as decimal text; not for Bitcoin, whose fee is the one signed. */
    feePaid: text({ pattern: /^(0|[1-9]\d{0,40})$/u }).optional(),
    retireWallet: judgedByRun<boolean>('`true` to retire the wallet with this transfer, `false` not to').optional(),
  });
}
