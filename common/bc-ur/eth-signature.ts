/**
 * The answer of EIP-4527 to an `eth-sign-request`: the UR `eth-signature`, a CBOR map
 * {1: request-id #6.37(uuid bytes), 2: signature (r || s || v, 65 bytes), 3: origin}, untagged at top
 * level (BCR-2020-005 "Tagging CBOR"), deterministic (RFC 8949 §4.2.1). The coordinator's online
 * wallet scans it and joins the signature to the transaction it asked for. It is short: one frame,
 * in upper case for the QR alphanumeric mode (as crypto-psbt.ts).
 */
import { cborBytes, cborMap, cborTag, cborText } from './cbor.ts';
import { singlePartUr } from './ur-encoder.ts';

export const ETH_SIGNATURE_UR_TYPE = 'eth-signature';
const TAG_UUID = 37;

/** The CBOR of an eth-signature: `signature` is r (32) || s (32) || v (1). */
export function ethSignatureCbor(requestId: Uint8Array | null, signature: Uint8Array, origin?: string): Uint8Array {
  if (!(signature instanceof Uint8Array) || signature.length !== 65) throw new RangeError('signature: expected 65 bytes (r, s, v)');
  if (requestId !== null && (!(requestId instanceof Uint8Array) || requestId.length !== 16)) throw new RangeError('requestId: expected 16 bytes');
  return cborMap([
    ...(requestId === null ? [] : [[1, cborTag(TAG_UUID, cborBytes(requestId))] as const]),
    [2, cborBytes(signature)],
    ...(origin === undefined ? [] : [[3, cborText(origin)] as const]),
  ]);
}

/** The eth-signature as one QR frame, upper case. */
export function ethSignatureUr(requestId: Uint8Array | null, signature: Uint8Array, origin?: string): string {
  return singlePartUr(ETH_SIGNATURE_UR_TYPE, ethSignatureCbor(requestId, signature, origin)).toUpperCase();
}
