/**
 * The byte layout of a batch of signatures for the signature pool (signature-pool.ts): for each
 * item, a 32-byte digest, a 33-byte compressed public key, then the signature's 64-byte r||s, read
 * from strict DER and found low-S before it was packed (the verifier's last step stays to do).
 */
export const ITEM_BYTES = 32 + 33 + 64;

export function packItem(batch: Uint8Array, slot: number, digest: Uint8Array, publicKey: Uint8Array, compact: Uint8Array): void {
  const at = slot * ITEM_BYTES;
  batch.set(digest, at);
  batch.set(publicKey, at + 32);
  batch.set(compact, at + 65);
}

export function unpackItem(batch: Uint8Array, slot: number): [Uint8Array, Uint8Array, Uint8Array] {
  const at = slot * ITEM_BYTES;
  return [batch.subarray(at, at + 32), batch.subarray(at + 32, at + 65), batch.subarray(at + 65, at + ITEM_BYTES)];
}
