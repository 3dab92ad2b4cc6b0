/** The answers of token-list (docs/answers/token-list.json): the station's whole new list of ERC-20 tokens, each contract with its chain id, symbol and decimals. */
import { fields, list, peopleAnswers, text, texts, wholeNumber, type FileForm } from './answer-parts.ts';

/** 0x and 40 hexadecimal digits; the run checks an EIP-55 checksum when the case is mixed. */
const ETH_ADDRESS = /^0x[0-9a-fA-F]{40}$/u;

export function tokenListAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    /** Why the list changes (recorded). */
    reason: text({ max: 400 }),
    /** The whole list after this ceremony: a token left out is no longer signed for. */
    tokens: list(
      fields({
        chainId: text({ pattern: /^[1-9]\d{0,19}$/u }),
        contract: text({ pattern: ETH_ADDRESS }),
        symbol: text({ pattern: /^[A-Za-z0-9.$-]{1,12}$/u }),
        decimals: wholeNumber(0, 36),
      }),
    ),
  });
}
