/**
 * EIP-4527 by QR, both ways. In: an `eth-sign-request` for an EIP-1559 transaction becomes the
 * `custos-eth-request/1` file the ceremony takes (docs/transfer-exchange.md), field for field from
 * the unsigned transaction (decoded by micro-eth-signer, never by hand), the sending address from
 * the request; anything Custos does not sign (another data type, a legacy or access-list
 * transaction, a contract creation, a path outside m/44'/60'/0'/0/i, a chain id that disagrees with the transaction's, no
 * address) is refused with ETH_QR_UNSUPPORTED. The crypto core then reviews the file as any other.
 * Out: the signed transaction a ceremony wrote (.ethtx) as the `eth-signature` the coordinator's
 * wallet scans, with the request id of the scanned request it answers (the same sender and
 * transaction, field for field). ADR 0029.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Transaction, addr } from 'micro-eth-signer';
import { ETH_DATA_TYPE_TYPED_TRANSACTION, readEthSignRequest, type EthSignRequest } from '../../common/bc-ur/eth-sign-request.ts';
import { ethSignatureUr } from '../../common/bc-ur/eth-signature.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';

/** The paths Custos signs with (crypto/eth-request.ts): the receive branch of account 0. */
const ETH_PATH = /^m\/44'\/60'\/0'\/0\/(0|[1-9]\d{0,9})$/u;
/** The raw EIP-4527 request kept next to the file made from it, for the signature's request id. */
export const SIGN_REQUEST_SUFFIX = '.eth-sign-request';
const MAX_SIGN_REQUEST_FILES = 1000;

type Reason = 'data-type' | 'transaction-type' | 'contract-creation' | 'access-list' | 'path' | 'chain-id' | 'no-address';

const REASONS: Readonly<Record<Reason, string>> = {
  'data-type': 'it asks to sign something other than a transaction (a message or typed data)',
  'transaction-type': 'it is not an EIP-1559 transaction',
  'contract-creation': 'its transaction creates a contract (it has no recipient)',
  'access-list': 'its transaction carries an access list',
  path: "its key path is not one of the wallet's Ethereum addresses (m/44'/60'/0'/0/i)",
  'chain-id': 'its chain id disagrees with the transaction it carries',
  'no-address': 'it does not name the sending address',
};

function unsupported(reason: Reason): CustosError {
  return new CustosError('ETH_QR_UNSUPPORTED', `Custos cannot sign this Ethereum request: ${REASONS[reason]}. Nothing was changed.`, { reason });
}

function hex(bytes: Uint8Array): string {
  return `0x${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The fields of an unsigned EIP-1559 transaction (EIP-1559 "Specification"), as micro-eth-signer decodes them. */
interface Eip1559Fields {
  chainId: bigint;
  nonce: bigint;
  maxPriorityFeePerGas: bigint;
  maxFeePerGas: bigint;
  gasLimit: bigint;
  to: string;
  value: bigint;
  data: string;
  accessList: readonly unknown[];
}

/** The unsigned EIP-1559 transaction a request carries, decoded. */
function transactionOf(request: EthSignRequest): Eip1559Fields {
  if (request.dataType !== ETH_DATA_TYPE_TYPED_TRANSACTION) throw unsupported('data-type');
  if (request.signData[0] !== 0x02) throw unsupported('transaction-type');
  let tx: ReturnType<typeof Transaction.fromHex>;
  try {
    tx = Transaction.fromHex(hex(request.signData));
  } catch {
    throw new CustosError('QR_UNREADABLE', 'The transaction in this QR code cannot be read. Nothing was changed.', {});
  }
  if (tx.isSigned || tx.type !== 'eip1559') throw unsupported('transaction-type');
  return tx.raw as unknown as Eip1559Fields;
}

/** The custos-eth-request/1 object of a scanned eth-sign-request. */
export function ethRequestFromSignRequest(cbor: Uint8Array): Record<string, string> {
  const request = readEthSignRequest(cbor);
  const tx = transactionOf(request);
  if (!/^0x[0-9a-fA-F]{40}$/u.test(tx.to)) throw unsupported('contract-creation');
  if (tx.accessList.length > 0) throw unsupported('access-list');
  if (!ETH_PATH.test(request.path)) throw unsupported('path');
  // EIP-4527: chain-id defaults to 1 (mainnet) when the request leaves it out.
  if ((request.chainId ?? 1n) !== tx.chainId) throw unsupported('chain-id');
  if (request.address === null) throw unsupported('no-address');
  return {
    format: 'custos-eth-request/1',
    chainId: String(tx.chainId),
    from: addr.addChecksum(hex(request.address)),
    path: request.path,
    nonce: String(tx.nonce),
    to: addr.addChecksum(tx.to),
    value: String(tx.value),
    data: tx.data.toLowerCase(),
    gasLimit: String(tx.gasLimit),
    maxFeePerGas: String(tx.maxFeePerGas),
    maxPriorityFeePerGas: String(tx.maxPriorityFeePerGas),
  };
}

/** What ties a signed transaction to the request it answers: the sender and every field of the transaction. */
function transferKey(from: string, tx: Eip1559Fields): string {
  return [
    from.toLowerCase(),
    tx.chainId,
    tx.nonce,
    tx.to.toLowerCase(),
    tx.value,
    tx.data.toLowerCase(),
    tx.gasLimit,
    tx.maxFeePerGas,
    tx.maxPriorityFeePerGas,
  ].join(':');
}

/** The request id of the scanned request (kept in `scanDir`) that this signed transaction answers, or null. */
function requestIdFor(scanDir: string, key: string): Uint8Array | null {
  let names: string[];
  try {
    names = fs.readdirSync(scanDir).filter((n) => n.endsWith(SIGN_REQUEST_SUFFIX));
  } catch {
    return null;
  }
  for (const name of names.slice(0, MAX_SIGN_REQUEST_FILES)) {
    try {
      const request = readEthSignRequest(new Uint8Array(fs.readFileSync(path.join(scanDir, name))));
      const tx = transactionOf(request);
      if (request.address !== null && transferKey(hex(request.address), tx) === key) return request.requestId;
    } catch {
      // A kept request that no longer reads answers nothing.
    }
  }
  return null;
}

/** The eth-signature QR frame of a signed transaction file (.ethtx: 0x and hex, a newline). */
export function ethSignatureFrame(ethtx: string, scanDir: string): string {
  const tx = Transaction.fromHex(fs.readFileSync(ethtx, 'utf8').trim());
  const raw = tx.raw as unknown as Eip1559Fields & { r?: bigint; s?: bigint; yParity?: number };
  if (!tx.isSigned || raw.r === undefined || raw.s === undefined || raw.yParity === undefined) {
    throw new CustosError('ETH_NOT_SIGNED', 'This ceremony has not written a signed Ethereum transaction. Nothing to show.', {});
  }
  const signature = new Uint8Array(65);
  signature.set(bigintBytes(raw.r), 0);
  signature.set(bigintBytes(raw.s), 32);
  signature[64] = raw.yParity;
  return ethSignatureUr(requestIdFor(scanDir, transferKey(tx.sender, raw)), signature);
}

function bigintBytes(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let v = n;
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}
