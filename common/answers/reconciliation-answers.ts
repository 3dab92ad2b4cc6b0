/** The answers of reconciliation (docs/answers/reconciliation.json): the coordinator's balances file, the deposits declared, the address gap. */
import { fields, list, peopleAnswers, personName, text, wholeNumberOr, type FileForm } from './answer-parts.ts';

export function reconciliationAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    balances: fields({ file: form.file('balances-file'), asOf: text({ pattern: /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/u }) }),
    addressGap: wholeNumberOr(1, 5000, 200),
    credits: list(
      fields({
        wallet: text(),
        chain: text(),
        /** On an ethereum account: `ETH` (the default) or the symbol of a listed token. */
        asset: text({ pattern: /^[A-Za-z0-9.$-]{1,12}$/u }).optional(),
        amount: text({ max: 60 }),
        reference: text({ max: 120 }),
      }),
    ).optional(),
  });
}
