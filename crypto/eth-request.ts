/**
 * Reads a coordinator's Ethereum transfer request, `custos-eth-request/1` (docs/transfer-exchange.md,
 * "Ethereum transfer requests"): one unsigned EIP-1559 (type 2) transaction as a JSON object whose
 * integers are decimal text, with the BIP44 path of the key that must sign it. The reading is strict:
 * an unknown or missing field, a number with a sign, a leading zero or beyond its range, an address
 * whose mixed case breaks its EIP-55 checksum, or data that is not whole bytes is refused with
 * ETH_REQUEST_MALFORMED. The review (eth-review.ts) then checks what the request does.
 */
import { addr } from 'micro-eth-signer';
import { CryptoError } from './protocol.ts';

const ETH_REQUEST_FORMAT = 'custos-eth-request/1';

/** A request as read: integers as bigints, addresses as given (checked), data as lowercase hex with 0x. */
export interface EthRequest {
  chainId: bigint;
  from: string;
  /** The address index on the account's receive branch: m/44'/60'/0'/0/<index>. */
  index: number;
  nonce: bigint;
  to: string;
  value: bigint;
  data: string;
  gasLimit: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

const FIELDS = ['format', 'chainId', 'from', 'path', 'nonce', 'to', 'value', 'data', 'gasLimit', 'maxFeePerGas', 'maxPriorityFeePerGas'] as const;
const U64 = (1n << 64n) - 1n;
const U256 = (1n << 256n) - 1n;
/** A transfer carries at most a token call: 4 + 32 + 32 bytes. More is refused by the review, this only bounds reading. */
const MAX_DATA_BYTES = 4096;
const MAX_REQUEST_BYTES = 16_384;
const PATH = /^m\/44'\/60'\/0'\/0\/(0|[1-9]\d{0,9})$/u;

function malformed(message: string, field?: string): CryptoError {
  return new CryptoError('ETH_REQUEST_MALFORMED', message, field ? { field } : {});
}

function integer(value: unknown, field: string, max: bigint): bigint {
  if (typeof value !== 'string' || !/^(0|[1-9]\d{0,77})$/u.test(value)) {
    throw malformed(`The request's ${field} must be a whole number written in decimal digits, as text.`, field);
  }
  const n = BigInt(value);
  if (n > max) throw malformed(`The request's ${field} is beyond its range.`, field);
  return n;
}

/** An address of 20 bytes; a mixed-case one must carry a valid EIP-55 checksum. */
export function checkedAddress(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/u.test(value) || !addr.isValid(value)) {
    throw malformed(`The request's ${field} is not an Ethereum address (0x and 40 hexadecimal digits, with a valid checksum if in mixed case).`, field);
  }
  return addr.addChecksum(value);
}

export function parseEthRequest(bytes: Uint8Array): EthRequest {
  if (!(bytes instanceof Uint8Array)) throw new CryptoError('BAD_REQUEST', 'The request must be given as bytes.', { param: 'request' });
  if (bytes.length > MAX_REQUEST_BYTES) throw malformed('The request file is too large to be a transfer request.');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw malformed('The request file is not JSON text.');
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw malformed('The request must be a JSON object.');
  const o = json as Record<string, unknown>;
  for (const key of Object.keys(o))
    if (!(FIELDS as readonly string[]).includes(key)) throw malformed(`The request has a field Custos does not know: ${key.slice(0, 40)}.`, key.slice(0, 40));
  for (const key of FIELDS) if (!Object.hasOwn(o, key)) throw malformed(`The request lacks its ${key}.`, key);
  if (o.format !== ETH_REQUEST_FORMAT) throw malformed(`The request's format must be ${ETH_REQUEST_FORMAT}.`, 'format');
  const path = typeof o.path === 'string' ? PATH.exec(o.path) : null;
  if (!path || Number(path[1]) >= 0x80000000) throw malformed("The request's path must be m/44'/60'/0'/0/<index>, the account's receive branch.", 'path');
  const data = o.data;
  if (typeof data !== 'string' || !/^0x([0-9a-fA-F]{2})*$/u.test(data) || data.length > 2 + 2 * MAX_DATA_BYTES) {
    throw malformed("The request's data must be 0x followed by whole bytes in hexadecimal (0x alone when empty).", 'data');
  }
  return {
    chainId: integer(o.chainId, 'chainId', U64),
    from: checkedAddress(o.from, 'from'),
    index: Number(path[1]),
    nonce: integer(o.nonce, 'nonce', U64 - 1n),
    to: checkedAddress(o.to, 'to'),
    value: integer(o.value, 'value', U256),
    data: data.toLowerCase(),
    gasLimit: integer(o.gasLimit, 'gasLimit', U64),
    maxFeePerGas: integer(o.maxFeePerGas, 'maxFeePerGas', U256),
    maxPriorityFeePerGas: integer(o.maxPriorityFeePerGas, 'maxPriorityFeePerGas', U256),
  };
}
