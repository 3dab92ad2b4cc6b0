/**
 * Signing keys of participants and of the station: secp256k1 ECDSA with RFC 6979 deterministic
 * nonces and low-S (@noble/secp256k1 v3), signatures over 32-byte digests (prehash: false, the
 * library would otherwise hash again) in DER. Key id = SHA-256 of the public key's
 * SubjectPublicKeyInfo DER (RFC 5480, compressed point), hex. Private keys are stored only sealed
 * to the participant's passphrase (sealed-file.ts, kind 2). docs/record-format.md relies on this.
 */
import * as secp from '@noble/secp256k1';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { compactToDer, derToCompact } from './der-signature.ts';
import { CryptoError } from './protocol.ts';
import { concatBytes, wipe } from './secret-bytes.ts';

// @noble/secp256k1 v3 needs these set for synchronous signing (RFC 6979 uses HMAC-SHA256).
secp.hashes.sha256 = sha256;
secp.hashes.hmacSha256 = (key, message) => hmac(sha256, key, message);

/** SPKI DER prefix for id-ecPublicKey + secp256k1 with a 33-byte compressed point. */
const SPKI_PREFIX = hexToBytes('3036301006072a8648ce3d020106052b8104000a032200');

export function spkiDer(publicKey: Uint8Array): Uint8Array {
  return concatBytes(SPKI_PREFIX, publicKey);
}

export function keyId(publicKey: Uint8Array): string {
  return bytesToHex(sha256(spkiDer(publicKey)));
}

export function parsePublicKey(hex: unknown): Uint8Array {
  if (typeof hex !== 'string' || !/^(02|03)[0-9a-f]{64}$/u.test(hex)) {
    throw new CryptoError('PUBLIC_KEY_INVALID', 'A public key must be 33 bytes, compressed, in lowercase hex.');
  }
  const bytes = hexToBytes(hex);
  if (!secp.utils.isValidPublicKey(bytes, true)) {
    throw new CryptoError('PUBLIC_KEY_INVALID', 'This public key is not a point on secp256k1.');
  }
  return bytes;
}

function checkDigest(digest: unknown): Uint8Array {
  if (!(digest instanceof Uint8Array) || digest.length !== 32) {
    throw new CryptoError('DIGEST_INVALID', 'Only 32-byte digests are signed or verified.');
  }
  return digest;
}

export function newSecretKey(): Uint8Array {
  return secp.utils.randomSecretKey();
}

export function publicKeyOf(secretKey: Uint8Array): Uint8Array {
  if (secretKey.length !== 32 || !secp.utils.isValidSecretKey(secretKey)) {
    throw new CryptoError('SIGNING_KEY_INVALID', 'The key file does not hold a valid signing key.');
  }
  return secp.getPublicKey(secretKey, true);
}

/** DER signature of a 32-byte digest; low-S, RFC 6979. */
export function signDigest(secretKey: Uint8Array, digest: Uint8Array): Uint8Array {
  const compact = secp.sign(checkDigest(digest), secretKey, { prehash: false, lowS: true });
  try {
    return compactToDer(compact);
  } finally {
    wipe(compact);
  }
}

/** Verifies a DER signature over a digest; high-S and non-strict DER are refused (false / throw). */
export function verifyDigest(publicKey: Uint8Array, digest: Uint8Array, derSignature: Uint8Array): boolean {
  const compact = derToCompact(derSignature);
  return secp.verify(compact, checkDigest(digest), publicKey, { prehash: false, lowS: true });
}
