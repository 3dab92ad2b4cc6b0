/**
 * The PSBT exchange with the watch-only coordinator (procedures compromise-rotation and
 * restitution; BIP174): the unsigned PSBT comes in as a file, the crypto core reviews it against the
 * rebuilt wallet (inputs must be the wallet's, fees sane) and the engine checks its outputs against
 * what the ceremony allows (a sweep pays only the replacement; a restitution pays exactly the
 * approved destination and amount, plus change to the same wallet). The signed transaction leaves
 * as two files for the coordinator: the finalized PSBT and the raw transaction in hex.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BitcoinNetwork, Chain, PsbtSummary, SignedTransaction } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import type { WalletView } from '../inventory/wallets.ts';
import type { JsonValue } from '../record/entry-payload.ts';
import { writeFileDurably, realIo } from '../store/file-io.ts';
import { invalid } from './answers.ts';
import type { Body } from './ceremony-run.ts';
import type { Station } from './station.ts';

const MAX_PSBT_BYTES = 1_000_000;
/** Addresses of each branch the engine derives to recognise a wallet's outputs (docs/cli.md). */
export const ADDRESS_GAP = 200;

/** The PSBT in the file the answers name at `field`. */
export function readPsbtFile(file: string, field: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw invalid(field, 'cannot be read');
  }
  if (bytes.length > MAX_PSBT_BYTES) throw invalid(field, `is larger than ${MAX_PSBT_BYTES} bytes`);
  // A PSBT file is binary (BIP174) or its base64 text, as coordinators such as Sparrow save it.
  const text = bytes.toString('latin1').trim();
  if (/^cHNidP[A-Za-z0-9+/=\s]*$/u.test(text)) return new Uint8Array(Buffer.from(text.replace(/\s+/gu, ''), 'base64'));
  return new Uint8Array(bytes);
}

/** The network of a transfer: one of the wallet's Bitcoin chains. */
export function transferNetwork(network: BitcoinNetwork, wallet: WalletView): BitcoinNetwork {
  if (!wallet.chains.includes(network)) {
    throw new CustosError('NETWORK_NOT_IN_WALLET', `${wallet.id} has no ${network} account. Nothing was recorded.`, { wallet: wallet.id, network });
  }
  return network;
}

/**
 * The wallet's recorded account key on `chain` and its master fingerprint: what the crypto core
 * reviews a coordinator's file against, before any holder unlocks a share (NETWORK_NOT_IN_WALLET if
 * the wallet has no account there).
 */
export function watchedAccount(wallet: WalletView, chain: Chain): { xpub: string; fingerprint: string } {
  const account = wallet.accounts.find((a) => a.chain === chain);
  if (!account || !wallet.fingerprint) {
    throw new CustosError('NETWORK_NOT_IN_WALLET', `${wallet.id} has no ${chain} account. Nothing was recorded.`, { wallet: wallet.id, network: chain });
  }
  return { xpub: account.xpub, fingerprint: wallet.fingerprint };
}

/** What the import step records of a reviewed PSBT. */
export function summaryBody(summary: PsbtSummary, psbt: Uint8Array): Body {
  return {
    psbtSha256: createHash('sha256').update(psbt).digest('hex'),
    digest: summary.digest,
    network: summary.network,
    inputs: summary.inputs as unknown as JsonValue,
    outputs: summary.outputs as unknown as JsonValue,
    totalIn: summary.totalIn,
    fee: summary.fee,
    feeRate: summary.feeRate,
  };
}

/** Every output of a sweep pays the replacement wallet (receive or change branch, first ADDRESS_GAP). */
export async function requireSweepToReplacement(station: Station, summary: PsbtSummary, replacement: WalletView): Promise<void> {
  const account = replacement.accounts.find((a) => a.chain === summary.network);
  if (!account) {
    throw new CustosError('NETWORK_NOT_IN_WALLET', `The replacement ${replacement.id} has no ${summary.network} account. Nothing was recorded.`, {
      wallet: replacement.id,
    });
  }
  const known = new Set<string>();
  for (const branch of [0, 1] as const) {
    const { addresses } = await station.client.call('deriveAddresses', { chain: summary.network, xpub: account.xpub, branch, from: 0, count: ADDRESS_GAP });
    for (const a of addresses) known.add(a);
  }
  summary.outputs.forEach((output, i) => {
    if (output.change || !known.has(output.address)) {
      throw new CustosError(
        'SWEEP_OUTPUT_FOREIGN',
        `Output ${i + 1} of the sweep pays ${output.address}, which is not an address of the replacement ${replacement.id}. Every output must pay the replacement. Nothing was recorded; ask the coordinator for a new sweep.`,
        { position: i + 1 },
      );
    }
  });
}

/**
 * A restitution pays exactly the approved destination and amount; anything else returns as change,
 * to one of the wallet's first ADDRESS_GAP addresses (as a sweep's outputs must be): change sent far
 * down a branch is the wallet's in theory, but a wallet that scans with a gap limit never finds it.
 */
export function requireApprovedOutputs(summary: PsbtSummary, destination: string, amount: bigint): void {
  summary.outputs.forEach((output, i) => {
    const index = output.change ? Number(/\/(\d+)$/u.exec(output.path ?? '')?.[1] ?? Number.NaN) : 0;
    if (!(index < ADDRESS_GAP)) {
      throw new CustosError(
        'CHANGE_OUTPUT_OUT_OF_RANGE',
        `Output ${i + 1} returns change to address ${output.path ?? '?'} of the wallet, beyond its first ${ADDRESS_GAP} addresses, where a wallet scanning for its coins would not find it. Nothing was recorded; ask the coordinator for change to one of the first ${ADDRESS_GAP} addresses.`,
        { position: i + 1 },
      );
    }
  });
  const payments = summary.outputs.filter((o) => !o.change);
  const paid = payments.length === 1 ? payments[0]! : undefined;
  if (!paid || paid.address !== destination || BigInt(paid.amount) !== amount) {
    throw new CustosError(
      'PSBT_OUTPUTS_NOT_APPROVED',
      `The transaction does not pay exactly the approved ${amount} base units to ${destination} (it has ${payments.length} payment(s) outside the wallet). Nothing was recorded; ask the coordinator for a transaction that matches the approval.`,
      { payments: payments.length },
    );
  }
}

/** Writes the finalized PSBT and the raw transaction for the coordinator; returns what the record keeps. */
export function exportSigned(signed: SignedTransaction, outputDir: string, walletId: string): { body: Body; files: string[] } {
  fs.mkdirSync(outputDir, { recursive: true });
  const base = path.join(outputDir, `custos-${walletId}-${signed.txid}`);
  const hex = new TextEncoder().encode(`${signed.transactionHex}\n`);
  writeFileDurably(realIo, `${base}.psbt`, signed.psbt);
  writeFileDurably(realIo, `${base}.txn`, hex);
  return {
    body: { txid: signed.txid, fileName: path.basename(`${base}.txn`), sha256: createHash('sha256').update(hex).digest('hex') },
    files: [`${base}.psbt`, `${base}.txn`],
  };
}
