/**
 * Says, for humans to approve, exactly what an Ethereum transfer request (eth-request.ts) does, after
 * checking it against the wallet's own account (m/44'/60'/0', BIP44) and the station's rules
 * (docs/crypto-core.md, "Ethereum transfers"; ADR 0027):
 * - the chain id is the chosen network's (EIP-155), on the allow-list ETH_NETWORKS;
 * - `from` is the wallet's address at the request's path, derived here;
 * - data is empty (Ether, a non-zero value) or exactly a listed token's `transfer(address,uint256)`
 *   with no Ether attached;
 * - the gas limit is within 21,000–200,000, the priority fee within the fee cap per gas, and the most
 *   the transfer can cost (gas limit × max fee per gas) within the station's cap.
 * The summary's digest is SHA-256 of its canonical JSON (keys sorted, strings only) and binds every
 * field of the transaction: the core signs nothing else (eth-sign.ts).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { HDKey } from '@scure/bip32';
import { Transaction } from 'micro-eth-signer';
import { readTransfer } from './erc20-transfer.ts';
import { checkedAddress, type EthRequest } from './eth-request.ts';
import { CryptoError, ETH_NETWORKS, type EthNetwork, type EthToken, type EthTransferSummary } from './protocol.ts';
import { ethereumAddress } from './wallet-accounts.ts';

/** A type-2 transaction as micro-eth-signer holds it (its class is exported as a value only). */
export type EthTransaction = ReturnType<typeof Transaction.prepare>;

const MIN_GAS = 21_000n;
const MAX_GAS = 200_000n;
const ZERO_ADDRESS = `0x${'0'.repeat(40)}`;

/** The unsigned type-2 transaction a reviewed request stands for, and the key path that signs it. */
export interface ReviewedEthTransfer {
  summary: EthTransferSummary;
  transaction: EthTransaction;
  path: string;
}

function chainOf(network: unknown): bigint {
  if (typeof network !== 'string' || !Object.hasOwn(ETH_NETWORKS, network)) {
    throw new CryptoError('ETH_CHAIN_REFUSED', `The network must be one of: ${Object.keys(ETH_NETWORKS).join(', ')}.`, {
      chainId: String(network).slice(0, 20),
    });
  }
  return ETH_NETWORKS[network as EthNetwork];
}

function listedToken(tokens: unknown, chainId: bigint, contract: string): EthToken | undefined {
  if (!Array.isArray(tokens)) throw new CryptoError('BAD_REQUEST', 'tokens must be a list.', { param: 'tokens' });
  const token = (tokens as EthToken[]).find(
    (t) => t && t.chainId === chainId.toString() && typeof t.contract === 'string' && t.contract.toLowerCase() === contract.toLowerCase(),
  );
  if (
    token &&
    (!Number.isInteger(token.decimals) ||
      token.decimals < 0 ||
      token.decimals > 36 ||
      typeof token.symbol !== 'string' ||
      !/^[A-Za-z0-9.$-]{1,12}$/u.test(token.symbol))
  ) {
    throw new CryptoError('BAD_REQUEST', 'A listed token needs a symbol of 1 to 12 letters or digits and 0 to 36 decimals.', { param: 'tokens' });
  }
  return token;
}

function feeCap(maxFeeWei: unknown): bigint {
  if (typeof maxFeeWei !== 'string' || !/^(0|[1-9]\d{0,40})$/u.test(maxFeeWei)) {
    throw new CryptoError('BAD_REQUEST', 'maxFeeWei must be a whole number of wei, as decimal text.', { param: 'maxFeeWei' });
  }
  return BigInt(maxFeeWei);
}

/** The asset moved, who receives it and how much, from the request's `to`, value and data. */
function whatMoves(r: EthRequest, tokens: unknown): Pick<EthTransferSummary, 'asset' | 'destination' | 'amount'> {
  if (r.data === '0x') {
    if (r.value === 0n) throw new CryptoError('ETH_REQUEST_MALFORMED', 'The request moves no Ether and calls no contract: there is nothing to sign.');
    return { asset: { kind: 'ether', symbol: 'ETH', decimals: 18 }, destination: r.to, amount: r.value.toString() };
  }
  const token = listedToken(tokens, r.chainId, r.to);
  if (!token) {
    throw new CryptoError(
      'ETH_CALL_REFUSED',
      `The request calls the contract ${r.to}, which is not a token this station knows. Custos signs only Ether transfers and listed tokens' transfers.`,
      { to: r.to },
    );
  }
  const call = readTransfer(r.data);
  if (!call)
    throw new CryptoError('ETH_CALL_REFUSED', `The request calls ${token.symbol} with something other than a plain transfer(address,uint256).`, { to: r.to });
  if (r.value !== 0n) throw new CryptoError('ETH_CALL_REFUSED', `The request sends Ether along with its ${token.symbol} transfer.`, { to: r.to });
  if (call.amount === 0n) throw new CryptoError('ETH_REQUEST_MALFORMED', `The request transfers no ${token.symbol}: there is nothing to sign.`);
  const contract = checkedAddress(token.contract, 'token');
  return { asset: { kind: 'erc20', contract, symbol: token.symbol, decimals: token.decimals }, destination: call.to, amount: call.amount.toString() };
}

function checkFees(r: EthRequest, cap: bigint): bigint {
  const fee = r.gasLimit * r.maxFeePerGas;
  const details = { maxFee: fee.toString(), cap: cap.toString() };
  if (r.gasLimit < MIN_GAS) throw new CryptoError('ETH_REQUEST_MALFORMED', `The gas limit is below the ${MIN_GAS} any transfer needs.`, { field: 'gasLimit' });
  if (r.gasLimit > MAX_GAS)
    throw new CryptoError('ETH_FEE_TOO_HIGH', `The gas limit of ${r.gasLimit} is above the ${MAX_GAS} a transfer needs at most.`, details);
  if (r.maxFeePerGas === 0n)
    throw new CryptoError('ETH_REQUEST_MALFORMED', 'The maximum fee per gas is zero: the transfer would never be mined.', { field: 'maxFeePerGas' });
  if (r.maxPriorityFeePerGas > r.maxFeePerGas) {
    throw new CryptoError('ETH_REQUEST_MALFORMED', 'The priority fee per gas is above the maximum fee per gas.', { field: 'maxPriorityFeePerGas' });
  }
  if (fee > cap) throw new CryptoError('ETH_FEE_TOO_HIGH', `The transfer could cost up to ${fee} wei in fees, above the station's cap of ${cap} wei.`, details);
  return fee;
}

/** Checks the request against the wallet's public account key and the station's rules, and summarises it. */
export function reviewEthTransfer(r: EthRequest, account: HDKey, network: unknown, tokens: unknown, maxFeeWei: unknown): ReviewedEthTransfer {
  const chainId = chainOf(network);
  const cap = feeCap(maxFeeWei);
  if (r.chainId !== chainId) {
    throw new CryptoError('ETH_CHAIN_REFUSED', `The request is for chain ${r.chainId}, not ${network} (chain ${chainId}).`, { chainId: r.chainId.toString() });
  }
  const own = ethereumAddress(account.deriveChild(0).deriveChild(r.index).publicKey!);
  if (own !== r.from)
    throw new CryptoError('ETH_FROM_FOREIGN', `The request pays from ${r.from}, which is not this wallet's address at its path.`, { from: r.from });
  const moves = whatMoves(r, tokens);
  if (moves.destination.toLowerCase() === ZERO_ADDRESS)
    throw new CryptoError('ETH_REQUEST_MALFORMED', 'The request pays to the zero address, where nothing can be spent again.', { field: 'to' });
  const maxFee = checkFees(r, cap);
  let transaction: EthTransaction;
  try {
    transaction = Transaction.prepare(
      {
        type: 'eip1559',
        chainId: r.chainId,
        nonce: r.nonce,
        to: r.to,
        value: r.value,
        data: r.data,
        gasLimit: r.gasLimit,
        maxFeePerGas: r.maxFeePerGas,
        maxPriorityFeePerGas: r.maxPriorityFeePerGas,
        accessList: [],
      },
      false,
    );
  } catch {
    throw new CryptoError('ETH_REQUEST_MALFORMED', 'The request does not make a valid EIP-1559 transaction.');
  }
  const path = `m/44'/60'/0'/0/${r.index}`;
  // Keys in order, strings only: JSON.stringify gives the RFC 8785 form.
  const canonical = {
    amount: moves.amount,
    asset:
      moves.asset.kind === 'ether'
        ? { decimals: '18', kind: 'ether', symbol: 'ETH' }
        : { contract: moves.asset.contract, decimals: String(moves.asset.decimals), kind: 'erc20', symbol: moves.asset.symbol },
    chainId: r.chainId.toString(),
    destination: moves.destination,
    from: r.from,
    gasLimit: r.gasLimit.toString(),
    maxFee: maxFee.toString(),
    maxFeePerGas: r.maxFeePerGas.toString(),
    maxPriorityFeePerGas: r.maxPriorityFeePerGas.toString(),
    network: network as EthNetwork,
    nonce: r.nonce.toString(),
    path,
    to: r.to,
  };
  const digest = bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonical))));
  const summary: EthTransferSummary = {
    network: network as EthNetwork,
    chainId: canonical.chainId,
    from: r.from,
    path,
    ...moves,
    nonce: canonical.nonce,
    gasLimit: canonical.gasLimit,
    maxFeePerGas: canonical.maxFeePerGas,
    maxPriorityFeePerGas: canonical.maxPriorityFeePerGas,
    maxFee: canonical.maxFee,
    digest,
  };
  return { summary, transaction, path };
}
