/** The answers of restitution (docs/answers/restitution.json): the client's request, the approved destination and amount, the PSBT, the approvers and the shares. */
import { BITCOIN_NETWORKS } from './vocabulary.ts';
import { fields, list, oneOf, peopleAnswers, presentedShareAnswer, text, texts, type FileForm } from './answer-parts.ts';

/** Bech32 (bc1…, tb1…, bcrt1…) or Base58 addresses: the shape only; the PSBT check is exact. */
const ADDRESS = /^(?:(?:bc|tb|bcrt)1[02-9ac-hj-np-z]{8,87}|[123mn][1-9A-HJ-NP-Za-km-z]{25,34})$/u;

export function restitutionAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    request: fields({ reference: text({ max: 120 }), reason: text({ max: 400 }).optional() }),
    destination: fields({
      address: text({ pattern: ADDRESS, max: 100 }),
      /** Coins as decimal text; the run refuses a malformed one as AMOUNT_INVALID. */
      amount: text({ max: 40 }),
      network: oneOf(BITCOIN_NETWORKS),
    }),
    psbtFile: form.file('psbt-file'),
    outputDir: form.file('folder'),
    approvers: texts(),
    shares: list(presentedShareAnswer(form)),
  });
}
