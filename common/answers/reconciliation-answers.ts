/** The answers of reconciliation (docs/answers/reconciliation.json): the coordinator's balances file, the deposits declared, the address gap. */
import { fields, list, peopleAnswers, personName, text, wholeNumberOr, type FileForm } from './answer-parts.ts';

export function reconciliationAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    balances: fields({ file: form.file('balances-file'), asOf: text({ pattern: /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/u }) }),
    addressGap: wholeNumberOr(1, 5000, 200),
    credits: list(fields({ wallet: text(), chain: text(), amount: text({ max: 40 }), reference: text({ max: 120 }) })).optional(),
  });
}
