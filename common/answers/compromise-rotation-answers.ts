/**
 * The answers of compromise-rotation, in its two sittings (docs/answers/compromise-rotation.json and
 * compromise-rotation-sweep.json): the first declares the wallet compromised and creates its
 * replacement; the second presents the old shares and signs the sweep, or aborts the waiting rotation.
 */
import { BITCOIN_NETWORKS, ETHEREUM_NETWORKS } from './vocabulary.ts';
import {
  fields,
  confirmation,
  group,
  list,
  oneOf,
  peopleAnswers,
  personName,
  presentedShareAnswer,
  text,
  texts,
  walletPlanAnswers,
  type FileForm,
} from './answer-parts.ts';

export function rotationFirstSittingAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    incident: text(),
    replacement: fields(walletPlanAnswers(form)),
    descriptorFile: form.file('save-file'),
    confirm: group({ holdersReceivedShares: confirmation() }),
  });
}

export function rotationSecondSittingAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts().optional(),
    witness: personName.optional(),
    shares: list(presentedShareAnswer(form)).optional(),
    sweep: fields({
      /** The Bitcoin leg: the coordinator's sweep PSBT and its network. */
      psbtFile: form.file('psbt-file').optional(),
      network: oneOf(BITCOIN_NETWORKS).optional(),
      /** The Ethereum leg (compromise-rotation@2): one transfer request for the ether and one per listed token. */
      ethereum: fields({ network: oneOf(ETHEREUM_NETWORKS), requestFiles: list(form.file('eth-request-file')) }).optional(),
      outputDir: form.file('folder'),
    }).optional(),
    abort: fields({ reason: text({ max: 400 }) }).optional(),
  });
}
