/**
 * The byte layout of a batch of signatures sent to a verification worker: for each item, a 32-byte
 * digest, a 33-byte compressed public key, one byte for the DER length, then up to 72 bytes of DER.
 */
export const ITEM_BYTES = 32 + 33 + 1 + 72;

export function packItem(batch: Uint8Array, slot: number, digest: Uint8Array, publicKey: Uint8Array, der: Uint8Array): void {
  const at = slot * ITEM_BYTES;
  batch.set(digest, at);
  batch.set(publicKey, at + 32);
  batch[at + 65] = der.length;
  batch.set(der, at + 66);
}

export function unpackItem(batch: Uint8Array, slot: number): [Uint8Array, Uint8Array, Uint8Array] {
  const at = slot * ITEM_BYTES;
  return [batch.subarray(at, at + 32), batch.subarray(at + 32, at + 65), batch.subarray(at + 66, at + 66 + batch[at + 65]!)];
}
