/**
 * Key ids as the record names keys (docs/record-format.md, "Signatures"): SHA-256 of the public
 * key's SubjectPublicKeyInfo DER, id-ecPublicKey + secp256k1 with the 33-byte compressed point.
 * The crypto core computes the same (crypto/signing-key.ts); the record side recomputes it to check.
 */
import { createHash } from 'node:crypto';

const SPKI_PREFIX = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex');

export function keyIdOf(publicKey: Uint8Array): string {
  return createHash('sha256').update(SPKI_PREFIX).update(publicKey).digest('hex');
}
