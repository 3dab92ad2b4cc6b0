/**
 * The Ethereum signing request of EIP-4527 ("QR Code transmission protocol for the Ethereum
 * wallets"), read from its UR `eth-sign-request`: a CBOR map {1: request-id #6.37(uuid bytes),
 * 2: sign-data, 3: data-type, 4: chain-id, 5: derivation-path #6.304(crypto-keypath), 6: address,
 * 7: origin}, untagged at top level (BCR-2020-005 "Tagging CBOR"). crypto-keypath is BCR-2020-007:
 * {1: [index, hardened, ...], 2: source-fingerprint, 3: depth}. Reading only: what the request asks
 * is then checked by main (main/app/eth-sign-request.ts) and reviewed by the crypto core.
 */
import { cborExpectBytes, cborExpectMap, cborExpectTag, cborExpectUnsigned, cborMapGet, decodeCbor, type CborItem } from './cbor-decode.ts';
import { UrDecodeError } from './ur-decode-error.ts';

export const ETH_SIGN_REQUEST_UR_TYPE = 'eth-sign-request';

/** EIP-4527 data types: 1 legacy transaction, 2 EIP-712 typed data, 3 personal message, 4 typed transaction (EIP-2718). */
export const ETH_DATA_TYPE_TYPED_TRANSACTION = 4;

const TAG_UUID = 37;
const TAG_CRYPTO_KEYPATH = 304;
const KNOWN_KEYS = new Set([1, 2, 3, 4, 5, 6, 7]);
const HARDENED_MAX = 0x7fffffff;

export interface EthSignRequest {
  /** The coordinator's 16-byte request id (a UUID), echoed in the signature; null when it sent none. */
  readonly requestId: Uint8Array | null;
  readonly signData: Uint8Array;
  readonly dataType: number;
  readonly chainId: bigint | null;
  /** The key's derivation path, e.g. m/44'/60'/0'/0/0. */
  readonly path: string;
  readonly sourceFingerprint: number | null;
  /** The sending address (20 bytes), when the coordinator named it. */
  readonly address: Uint8Array | null;
  readonly origin: string | null;
}

function malformed(message: string): UrDecodeError {
  return new UrDecodeError('UR_MALFORMED', `eth-sign-request: ${message}`);
}

/** BCR-2020-007 crypto-keypath components as a path; wildcards and ranges are refused. */
function keypath(item: CborItem): { path: string; fingerprint: number | null } {
  const map = cborExpectMap(cborExpectTag(item, TAG_CRYPTO_KEYPATH, 'derivation-path'), 'crypto-keypath');
  const components = cborMapGet(map, 1);
  if (components?.kind !== 'array' || components.items.length % 2 !== 0) throw malformed('the derivation path must be a list of index and hardened pairs');
  const steps: string[] = [];
  for (let i = 0; i < components.items.length; i += 2) {
    const index = cborExpectUnsigned(components.items[i]!, 'path index', HARDENED_MAX);
    const hardened = components.items[i + 1]!;
    if (hardened.kind !== 'boolean') throw malformed('each path index must say whether it is hardened');
    steps.push(`${index}${hardened.value ? "'" : ''}`);
  }
  const source = cborMapGet(map, 2);
  return { path: ['m', ...steps].join('/'), fingerprint: source === undefined ? null : cborExpectUnsigned(source, 'source-fingerprint', 0xffffffff) };
}

/** Reads an `eth-sign-request` message (the CBOR of its UR). */
export function readEthSignRequest(cbor: Uint8Array): EthSignRequest {
  const map = cborExpectMap(decodeCbor(cbor), 'eth-sign-request');
  for (const [key] of map.entries) {
    if (key.kind !== 'unsigned' || !KNOWN_KEYS.has(Number(key.value))) throw malformed('it has a field EIP-4527 does not define');
  }
  const id = cborMapGet(map, 1);
  const requestId = id === undefined ? null : cborExpectBytes(cborExpectTag(id, TAG_UUID, 'request-id'), 'request-id');
  if (requestId !== null && requestId.length !== 16) throw malformed('the request id must be a UUID of 16 bytes');
  const data = cborMapGet(map, 2);
  const type = cborMapGet(map, 3);
  const path = cborMapGet(map, 5);
  if (data === undefined || path === undefined) throw malformed('the data to sign and the derivation path are required');
  const chain = cborMapGet(map, 4);
  if (chain !== undefined && chain.kind !== 'unsigned') throw malformed('the chain id must be a whole number');
  const address = cborMapGet(map, 6);
  const addressBytes = address === undefined ? null : cborExpectBytes(address, 'address');
  if (addressBytes !== null && addressBytes.length !== 20) throw malformed('the address must be 20 bytes');
  const origin = cborMapGet(map, 7);
  if (origin !== undefined && origin.kind !== 'text') throw malformed('the origin must be text');
  const { path: derivation, fingerprint } = keypath(path);
  return {
    requestId,
    signData: cborExpectBytes(data, 'sign-data'),
    // EIP-4527: data-type defaults to 1 (a legacy transaction) when absent.
    dataType: type === undefined ? 1 : cborExpectUnsigned(type, 'data-type', 255),
    chainId: chain === undefined ? null : BigInt(chain.value),
    path: derivation,
    sourceFingerprint: fingerprint,
    address: addressBytes,
    origin: origin === undefined ? null : origin.value,
  };
}
