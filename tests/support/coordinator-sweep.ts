/**
 * The sweep PSBT a watch-only coordinator builds between the two sittings of a compromise rotation
 * (docs/cli.md `compromise-rotation`, ADR 0012), for tests: every given coin of the old wallet (from
 * its recorded Bitcoin account xpub and fingerprint) paid, less a fee, to the replacement's first
 * receive address, derived from the descriptor file the first sitting wrote for the coordinator.
 * Built with bitcoinjs-lib (psbt-builder.ts), independently of the code the core signs with.
 */
import fs from 'node:fs';
import { accountKey, addressAt, buildPsbt, type TestNetwork } from './psbt-builder.ts';

interface AccountLike {
  readonly chain: string;
  readonly xpub: string;
}

export interface CoordinatorSweep {
  /** The unsigned PSBT (binary). */
  readonly psbt: Uint8Array;
  /** The replacement's address it pays (receive chain, index 0). */
  readonly target: string;
  /** What it pays: the coins less the fee, in satoshis. */
  readonly swept: bigint;
}

/**
 * `oldWallet`: the old wallet as `custos replay --json` shows it (fingerprint, accounts);
 * `descriptorFile`: the replacement's descriptor; `coins`: [chain, index, sats] of the old wallet.
 */
export function coordinatorSweep(options: {
  readonly oldWallet: { readonly fingerprint: string; readonly accounts: readonly AccountLike[] };
  readonly descriptorFile: string;
  readonly coins: [0 | 1, number, bigint][];
  readonly fee: bigint;
  readonly network?: TestNetwork;
}): CoordinatorSweep {
  const network = options.network ?? 'bitcoin';
  const chain = network === 'bitcoin' ? 'bitcoin' : network;
  const old = options.oldWallet.accounts.find((a) => a.chain === chain);
  if (!old) throw new Error(`the old wallet has no ${chain} account`);
  const descriptor = JSON.parse(fs.readFileSync(options.descriptorFile, 'utf8')) as { accounts: AccountLike[] };
  const replacement = descriptor.accounts.find((a) => a.chain === chain);
  if (!replacement) throw new Error(`the descriptor has no ${chain} account`);
  const target = addressAt(accountKey(replacement.xpub, network), network, 0, 0);
  const swept = options.coins.reduce((sum, [, , amount]) => sum + amount, 0n) - options.fee;
  const psbt = buildPsbt({
    xpub: old.xpub,
    fingerprint: options.oldWallet.fingerprint,
    network,
    inputs: options.coins,
    payments: [{ address: target, amount: swept }],
  });
  return { psbt, target, swept };
}
