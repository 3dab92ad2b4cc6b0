/**
 * The answers of proof-of-control (docs/answers/proof-of-control.json): the wallet, the chain and
 * address to prove, who asks, the challenge file, the shares a quorum presents, and where the proof
 * file is written (issue 19, "Proof of control"; ADR 0033).
 */
import { fields, list, oneOf, peopleAnswers, presentedShareAnswer, text, texts, wholeNumber, type FileForm } from './answer-parts.ts';
import { CHAINS } from './vocabulary.ts';

export function proofOfControlAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    wallet: text(),
    chain: oneOf(CHAINS),
    /** The address to prove, or its receive index (0 to 199) on the wallet's account: one of the two. */
    address: text({ max: 100 }).optional(),
    addressIndex: wholeNumber(0, 199).optional(),
    requestedBy: text({ max: 200 }),
    challengeFile: form.file('challenge-file'),
    shares: list(presentedShareAnswer(form)),
    outputDir: form.file('folder'),
  });
}
