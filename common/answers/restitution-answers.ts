/**
 * The answers of restitution (docs/answers/restitution.json, restitution-ether.json): the client's
 * request, the approved destination, asset and amount, the coordinator's PSBT (Bitcoin) or Ethereum
 * transfer request, the approvers and the shares. Which file is needed follows the network: the run
 * refuses a Bitcoin restitution without `psbtFile` or an Ethereum one without `requestFile`.
 */
import { BITCOIN_NETWORKS, ETHEREUM_NETWORKS } from './vocabulary.ts';
import { fields, list, oneOf, peopleAnswers, presentedShareAnswer, text, texts, type FileForm } from './answer-parts.ts';

/** Bech32 (bc1…, tb1…, bcrt1…), Base58, or Ethereum (0x and 40 hex digits) addresses: the shape only; the review is exact. */
const ADDRESS = /^(?:(?:bc|tb|bcrt)1[02-9ac-hj-np-z]{8,87}|[123mn][1-9A-HJ-NP-Za-km-z]{25,34}|0x[0-9a-fA-F]{40})$/u;

export function restitutionAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    request: fields({ reference: text({ max: 120 }), reason: text({ max: 400 }).optional() }),
    destination: fields({
      address: text({ pattern: ADDRESS, max: 100 }),
      /** In the asset's units as decimal text ("0.25" BTC, "1.5" ETH, "2500" USDC); the run refuses a malformed one as AMOUNT_INVALID. */
      amount: text({ max: 60 }),
      network: oneOf([...BITCOIN_NETWORKS, ...ETHEREUM_NETWORKS] as const),
      /** On Ethereum: `ETH`, or the symbol of a token on the station's list; BTC on Bitcoin (the default). */
      asset: text({ pattern: /^[A-Za-z0-9.$-]{1,12}$/u }).optional(),
    }),
    psbtFile: form.file('psbt-file').optional(),
    requestFile: form.file('eth-request-file').optional(),
    outputDir: form.file('folder'),
    approvers: texts(),
    shares: list(presentedShareAnswer(form)),
  });
}
