/**
 * The byte layout of a batch of signatures for the signature pool (signature-pool.ts): for each
 * item, a 32-byte digest, a 65-byte uncompressed public key (the form the verifier checks fastest:
 * SignatureVerifier.expandKey), then the signature's 64-byte r||s, read from strict DER and found
 * low-S before it was packed (the verifier's last step stays to do).
 */
export const ITEM_BYTES = 32 + 65 + 64;

export function packItem(batch: Uint8Array, slot: number, digest: Uint8Array, publicKey: Uint8Array, compact: Uint8Array): void {
  const at = slot * ITEM_BYTES;
  batch.set(digest, at);
  batch.set(publicKey, at + 32);
  batch.set(compact, at + 97);
}

export function unpackItem(batch: Uint8Array, slot: number): [Uint8Array, Uint8Array, Uint8Array] {
  const at = slot * ITEM_BYTES;
  return [batch.subarray(at, at + 32), batch.subarray(at + 32, at + 97), batch.subarray(at + 97, at + ITEM_BYTES)];
}
