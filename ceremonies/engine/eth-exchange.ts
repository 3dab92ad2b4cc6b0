/**
 * The Ethereum transfer exchange with the watch-only coordinator (procedure restitution@2;
 * docs/transfer-exchange.md, "Ethereum transfer requests"; ADR 0027): the request comes in as a
 * `custos-eth-request/1` file, the crypto core reviews it against the rebuilt wallet, the network,
 * the station's token list and fee cap; the engine checks that it moves exactly the approved asset,
 * amount and destination, with a nonce this station never signed for. The signed transaction leaves
 * as a file of its raw hex for the coordinator to broadcast.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { EthereumNetwork } from '../../common/answers/vocabulary.ts';
import { ETH_NETWORKS, type EthToken, type EthTransferSummary, type SignedEthTransfer } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import { etherAsset, tokenAsset, type TokenView } from '../inventory/ethereum-assets.ts';
import { toUnits } from '../inventory/holdings.ts';
import { nonceKey, type Wallets, type WalletView } from '../inventory/wallets.ts';
import { writeFileDurably, realIo } from '../store/file-io.ts';
import { invalid } from './answers.ts';
import type { Body } from './ceremony-run.ts';

const MAX_REQUEST_BYTES = 16_384;
/** The most an Ethereum transfer may cost in fees, in wei: 0.05 ETH (the custody policy will set its own; issue 19). */
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
