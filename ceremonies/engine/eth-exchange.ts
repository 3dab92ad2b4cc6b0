/**
 * The Ethereum transfer exchange with the watch-only coordinator (procedures restitution@2 and
 * compromise-rotation@2; docs/transfer-exchange.md, "Ethereum transfer requests"; ADR 0027): each
 * request comes in as a `custos-eth-request/1` file, the crypto core reviews it against the wallet's
 * recorded Ethereum account key (before any share is unlocked), the network, the station's token list and fee cap; the engine checks that a restitution
 * moves exactly the approved asset, amount and destination, that a sweep pays only the replacement
 * and, with its Bitcoin leg, moves every holding the record shows, and that no nonce is signed for
 * twice. The signed transaction leaves as a file of its raw hex for the coordinator to broadcast.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EthereumNetwork } from '../../common/answers/vocabulary.ts';
import { ETH_NETWORKS, type EthToken, type EthTransferSummary, type PsbtSummary, type SignedEthTransfer } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import { etherAsset, tokenAsset, type TokenView } from '../inventory/ethereum-assets.ts';
import { toUnits } from '../inventory/holdings.ts';
import { nonceKey, type Wallets, type WalletView } from '../inventory/wallets.ts';
import { writeFileDurably, realIo } from '../store/file-io.ts';
import { invalid } from './answers.ts';
import type { Body } from './ceremony-run.ts';
import { ADDRESS_GAP, watchedAccount } from './psbt-exchange.ts';
import type { Station } from './station.ts';

const MAX_REQUEST_BYTES = 16_384;
/** The most an Ethereum transfer may cost in fees, in wei: 0.05 ETH, the same on every station (a station policy may set its own later). */
export const ETH_FEE_CAP_WEI = (5n * 10n ** 16n).toString();

/** What a restitution moves on Ethereum: ether or a listed token, by the name the answers give. */
export interface EthAsset {
  /** The inventory's name for it (ethereum-assets.ts). */
  key: string;
  symbol: string;
  decimals: number;
  /** The token's contract; absent for ether. */
  contract?: string;
}

/** The request in the file the answers name at `field`, as bytes for the crypto core. */
export function readEthRequestFile(file: string, field: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw invalid(field, 'cannot be read');
  }
  if (bytes.length > MAX_REQUEST_BYTES) throw invalid(field, `is larger than ${MAX_REQUEST_BYTES} bytes`);
  return new Uint8Array(bytes);
}

/** An Ethereum transfer needs the wallet's Ethereum account. */
export function requireEthereumAccount(wallet: WalletView): void {
  if (!wallet.chains.includes('ethereum')) {
    throw new CustosError('NETWORK_NOT_IN_WALLET', `${wallet.id} has no ethereum account. Nothing was recorded.`, { wallet: wallet.id, network: 'ethereum' });
  }
}

/** The asset named `symbol` on `network`: ETH, or a token the station's list holds for that network's chain. */
export function chosenAsset(symbol: string | undefined, network: EthereumNetwork, tokens: readonly TokenView[]): EthAsset {
  if (symbol === undefined || symbol === 'ETH') return { key: etherAsset(network), symbol: 'ETH', decimals: 18 };
  const chainId = ETH_NETWORKS[network].toString();
  const token = tokens.find((t) => t.chainId === chainId && t.symbol === symbol);
  if (!token) {
    throw new CustosError('TOKEN_NOT_LISTED', `${symbol} is not a token on this station's list for ${network}. Nothing was recorded.`, { asset: symbol });
  }
  return { key: tokenAsset(token.chainId, token.contract), symbol: token.symbol, decimals: token.decimals, contract: token.contract };
}

/** An amount in the asset's units ("2500" USDC) as its base units. */
export function assetAmount(text: string, asset: EthAsset, where: string): bigint {
  const amount = toUnits(text, asset.decimals, asset.symbol, where);
  if (amount <= 0n) throw new CustosError('AMOUNT_INVALID', `The amount at ${where} must be more than zero. Nothing was recorded.`, { where });
  return amount;
}

/** The inventory's name for what a reviewed transfer moves (ethereum-assets.ts). */
function assetOfSummary(summary: EthTransferSummary): string {
  return summary.asset.kind === 'erc20' ? tokenAsset(summary.chainId, summary.asset.contract) : etherAsset(summary.network);
}

/** The station's token list as the crypto core takes it. */
export function coreTokens(tokens: readonly TokenView[]): EthToken[] {
  return tokens.map((t) => ({ chainId: t.chainId, contract: t.contract, symbol: t.symbol, decimals: t.decimals }));
}

/** The reviewed request moves exactly the approved asset, amount and destination. */
export function requireApprovedTransfer(summary: EthTransferSummary, asset: EthAsset, destination: string, amount: bigint): void {
  const moved = summary.asset.kind === 'erc20' ? summary.asset.contract : undefined;
  const differs =
    moved !== asset.contract
      ? 'asset'
      : summary.destination.toLowerCase() !== destination.toLowerCase()
        ? 'destination'
        : BigInt(summary.amount) !== amount
          ? 'amount'
          : null;
  if (differs) {
    throw new CustosError(
      'TRANSFER_NOT_APPROVED',
      `The request does not move exactly the approved ${asset.symbol} (its ${differs} differs). Nothing was recorded; ask the coordinator for a request that matches the approval.`,
      { field: differs },
    );
  }
}

/** A nonce is signed for once, from one address on one chain, whatever became of the first transfer. */
export function requireFreshNonce(wallets: Wallets, summary: EthTransferSummary): void {
  if (wallets.usedNonces.has(nonceKey(summary.chainId, summary.from, summary.nonce))) {
    throw new CustosError(
      'NONCE_ALREADY_USED',
      `This station already signed a transfer with nonce ${summary.nonce} from ${summary.from}. Nothing was recorded; ask the coordinator for the account's next nonce.`,
      { nonce: summary.nonce, from: summary.from },
    );
  }
}

/** What the import step records of a reviewed request: its file's hash and the summary. */
export function ethReviewBody(summary: EthTransferSummary, request: Uint8Array): Body {
  return {
    requestSha256: createHash('sha256').update(request).digest('hex'),
    digest: summary.digest,
    network: summary.network,
    chainId: summary.chainId,
    from: summary.from,
    path: summary.path,
    asset: { ...summary.asset },
    destination: summary.destination,
    amount: summary.amount,
    nonce: summary.nonce,
    gasLimit: summary.gasLimit,
    maxFeePerGas: summary.maxFeePerGas,
    maxPriorityFeePerGas: summary.maxPriorityFeePerGas,
    maxFee: summary.maxFee,
  };
}

/** Writes the signed transaction (raw hex and a newline) for the coordinator; returns what the record keeps. */
export function exportSignedEth(signed: SignedEthTransfer, outputDir: string, walletId: string): { body: Body; files: string[] } {
  fs.mkdirSync(outputDir, { recursive: true });
  const file = path.join(outputDir, `custos-${walletId}-${signed.hash.slice(2)}.ethtx`);
  const bytes = new TextEncoder().encode(`${signed.rawTransaction}\n`);
  writeFileDurably(realIo, file, bytes);
  return { body: { hash: signed.hash, fileName: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex') }, files: [file] };
}

/** A request the core reviewed, and the parameters that sign it. */
export interface ReviewedEth {
  summary: EthTransferSummary;
  /** What the core reviewed, and signs once the wallet is rebuilt. */
  params: { request: Uint8Array; network: EthereumNetwork; tokens: EthToken[]; maxFeeWei: string };
}

/**
 * The Ethereum leg of a sweep: each request reviewed by the core against the old wallet, paying one
 * of the replacement's first ADDRESS_GAP Ethereum addresses, with a nonce never signed for and none
 * twice among them.
 */
export async function reviewEthSweep(
  station: Station,
  network: EthereumNetwork,
  requests: readonly Uint8Array[],
  old: WalletView,
  replacement: WalletView,
): Promise<ReviewedEth[]> {
  requireEthereumAccount(old);
  requireEthereumAccount(replacement);
  const account = replacement.accounts.find((a) => a.chain === 'ethereum')!;
  const { addresses } = await station.client.call('deriveAddresses', { chain: 'ethereum', xpub: account.xpub, branch: 0, from: 0, count: ADDRESS_GAP });
  const known = new Set(addresses.map((a) => a.toLowerCase()));
  const tokens = coreTokens(station.wallets.tokens);
  const { xpub } = watchedAccount(old, 'ethereum');
  const reviewed: ReviewedEth[] = [];
  for (const [i, request] of requests.entries()) {
    const params = { request, network, tokens, maxFeeWei: ETH_FEE_CAP_WEI };
    const summary = await station.client.call('reviewEthTransfer', { ...params, xpub });
    if (!known.has(summary.destination.toLowerCase())) {
      throw new CustosError(
        'SWEEP_OUTPUT_FOREIGN',
        `Transfer request ${i + 1} of the sweep pays ${summary.destination}, which is not an address of the replacement ${replacement.id}. Every transfer must pay the replacement. Nothing was recorded; ask the coordinator for a new request.`,
        { position: i + 1 },
      );
    }
    requireFreshNonce(station.wallets, summary);
    const twice = reviewed.find((r) => r.summary.from === summary.from && r.summary.nonce === summary.nonce);
    if (twice) {
      throw new CustosError(
        'NONCE_ALREADY_USED',
        `Two transfer requests of the sweep use nonce ${summary.nonce} from ${summary.from}: only one of them could be mined. Nothing was recorded.`,
        { nonce: summary.nonce, from: summary.from },
      );
    }
    reviewed.push({ summary, params });
  }
  return reviewed;
}

/**
 * A sweep moves every holding the record shows for the old wallet: on Bitcoin, coins worth at least
 * what is recorded; each listed token, at least its recorded amount; ether, at least its recorded
 * amount less what the sweep's Ethereum transfers may cost in fees (they are paid in ether).
 */
export function requireWholeSweep(old: WalletView, bitcoin: PsbtSummary | null, ethereum: readonly ReviewedEth[]): void {
  const fees = ethereum.reduce((sum, e) => sum + BigInt(e.summary.maxFee), 0n);
  for (const [asset, holding] of Object.entries(old.holdings)) {
    const recorded = BigInt(holding.recorded);
    if (recorded <= 0n) continue;
    let moved: bigint;
    if (asset === 'bitcoin' || asset === 'testnet' || asset === 'regtest') moved = bitcoin?.network === asset ? BigInt(bitcoin.totalIn) : 0n;
    else {
      moved = ethereum.filter((e) => assetOfSummary(e.summary) === asset).reduce((sum, e) => sum + BigInt(e.summary.amount), 0n);
      if (asset === 'ethereum' || asset.startsWith('ethereum:')) moved += fees;
    }
    if (moved < recorded) {
      throw new CustosError(
        'SWEEP_INCOMPLETE',
        `The sweep leaves part of ${old.id}'s recorded holding of ${asset} behind (it moves ${moved} of ${recorded} base units). Every holding must go to the replacement. Nothing was recorded; ask the coordinator for a sweep of everything.`,
        { asset },
      );
    }
  }
}
