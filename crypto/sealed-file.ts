/**
 * The sealed file (docs/share-format.md, "Sealed file"): a secret encrypted to a person's
 * passphrase, used for a holder's share and for a participant's signing key.
 *   0  magic "CUSTOSSF" (8)   8 version (1 or 2)   9 kind (1 share envelope, 2 signing key)
 *   10 scrypt log2 N (1)      11 scrypt r (1)  12 scrypt p (1)
 *   13 salt (16)              29 XChaCha20 nonce (24)
 *   version 2, signing keys only: 53 the key's public key (33), readable without the passphrase
 *   then ciphertext || Poly1305 tag (16)
 * key = scrypt(UTF-8(NFKC(passphrase)), salt, N, r, p, 32); AEAD = XChaCha20-Poly1305 with the
 * whole header (53 bytes, 86 in version 2) as associated data, so no header field can be altered
 * unnoticed. Writers use log2 N = 17, r = 8, p = 1 (128 MiB) and version 2 for a signing key;
 * readers accept log2 N from 15 to 20 only, and only a file of its kind's and version's exact length
 * (122 bytes for a share, 101 or 134 for a key) is derived at all.
 */
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { scrypt } from '@noble/hashes/scrypt.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { CryptoError } from './protocol.ts';
import { concatBytes, wipe } from './secret-bytes.ts';

export const MAGIC = utf8ToBytes('CUSTOSSF');
const SEALED_VERSION = 1;
/** Version 2: a signing key's header also carries its public key (its card), as associated data. */
const CARD_VERSION = 2;
export const HEADER_LENGTH = 53;
const PUBLIC_KEY_LENGTH = 33;
const TAG_LENGTH = 16;
const MIN_PASSPHRASE_LENGTH = 12;
export const WRITE_PARAMS = { logN: 17, r: 8, p: 1 };
const READ_LOG_N = { min: 15, max: 20 };

export const SealedKind = { share: 1, signingKey: 2 } as const;
export type SealedKind = (typeof SealedKind)[keyof typeof SealedKind];

/** The plaintext length of each kind: a share envelope, a raw secp256k1 private key. */
const PLAINTEXT_LENGTH: Readonly<Record<SealedKind, number>> = { [SealedKind.share]: 53, [SealedKind.signingKey]: 32 };

export function checkPassphrase(passphrase: unknown): string {
  if (typeof passphrase !== 'string' || [...passphrase.normalize('NFKC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new CryptoError('PASSPHRASE_TOO_SHORT', `A passphrase must have at least ${MIN_PASSPHRASE_LENGTH} characters.`, {
      minimum: MIN_PASSPHRASE_LENGTH,
    });
  }
  return passphrase.normalize('NFKC');
}

function deriveKey(passphrase: string, salt: Uint8Array, logN: number, r: number, p: number): Uint8Array {
  const password = utf8ToBytes(passphrase);
  try {
    return scrypt(password, salt, { N: 2 ** logN, r, p, dkLen: 32, maxmem: 2 ** 31 });
  } finally {
    wipe(password);
  }
}

/**
 * Seals `plaintext` (not modified; caller still owns and wipes it). With `publicKey` (a signing key's
 * own, 33 bytes compressed) the file is version 2 and carries it in its header.
 */
export function seal(kind: SealedKind, plaintext: Uint8Array, passphrase: string, params = WRITE_PARAMS, publicKey?: Uint8Array): Uint8Array {
  const normalized = checkPassphrase(passphrase);
  const salt = randomBytes(16);
  const nonce = randomBytes(24);
  const card = publicKey && kind === SealedKind.signingKey ? publicKey : undefined;
  const version = card ? CARD_VERSION : SEALED_VERSION;
  const header = concatBytes(MAGIC, Uint8Array.of(version, kind, params.logN, params.r, params.p), salt, nonce, card ?? new Uint8Array(0));
  const key = deriveKey(normalized, salt, params.logN, params.r, params.p);
  try {
    return concatBytes(header, xchacha20poly1305(key, nonce, header).encrypt(plaintext));
  } finally {
    wipe(key);
  }
}

/** Opens a sealed file of the expected kind. The caller wipes the returned plaintext. */
export function open(kind: SealedKind, file: Uint8Array, passphrase: string): Uint8Array {
  if (!(file instanceof Uint8Array) || file.length < HEADER_LENGTH + TAG_LENGTH) {
    throw new CryptoError('SEALED_FILE_MALFORMED', 'This file is too short to be a Custos sealed file.');
  }
  for (let i = 0; i < MAGIC.length; i++) {
    if (file[i] !== MAGIC[i]) throw new CryptoError('SEALED_FILE_MALFORMED', 'This is not a Custos sealed file.');
  }
  const version = file[8];
  if (version !== SEALED_VERSION && !(version === CARD_VERSION && file[9] === SealedKind.signingKey)) {
    throw new CryptoError('SEALED_FILE_VERSION', `This sealed file has version ${file[8]}, which this Custos does not know.`, {
      version: file[8]!,
    });
  }
  if (file[9] !== kind) {
    const what = (k: number) => (k === SealedKind.share ? 'a share' : k === SealedKind.signingKey ? 'a signing key' : 'unknown');
    throw new CryptoError('SEALED_FILE_KIND', `This file holds ${what(file[9]!)}, not ${what(kind)}.`, {
      expected: kind,
      found: file[9]!,
    });
  }
  // A copy cut short (or with bytes added) is told apart before the costly key derivation.
  const headerLength = version === CARD_VERSION ? HEADER_LENGTH + PUBLIC_KEY_LENGTH : HEADER_LENGTH;
  if (file.length !== headerLength + PLAINTEXT_LENGTH[kind] + TAG_LENGTH) {
    throw new CryptoError(
      'SEALED_FILE_MALFORMED',
      'This sealed file is incomplete (cut short) or has bytes added: it is not a whole copy. Nothing was opened.',
      {
        length: file.length,
        expected: headerLength + PLAINTEXT_LENGTH[kind] + TAG_LENGTH,
      },
    );
  }
  const logN = file[10]!;
  const r = file[11]!;
  const p = file[12]!;
  if (logN < READ_LOG_N.min || logN > READ_LOG_N.max || r !== 8 || p !== 1) {
    throw new CryptoError('SEALED_FILE_PARAMS', 'This sealed file uses key-derivation settings Custos does not accept.', {
      logN,
      r,
      p,
    });
  }
  const normalized = checkPassphrase(passphrase);
  const header = file.subarray(0, headerLength);
  const key = deriveKey(normalized, file.subarray(13, 29), logN, r, p);
  try {
    return xchacha20poly1305(key, file.subarray(29, 53), header).decrypt(file.subarray(headerLength));
  } catch {
    throw new CryptoError('SEALED_FILE_DECRYPT', 'The passphrase is wrong, or the file was altered. Nothing was unlocked.');
  } finally {
    wipe(key);
  }
}

/**
 * The public key a version 2 signing-key file carries in its header, read without the passphrase;
 * null for a version 1 file (which shows nothing before it is opened). Not authenticated until the
 * file is opened (the header is the AEAD's associated data): the caller checks the key unlocked
 * is this one.
 */
export function publicKeyInHeader(file: Uint8Array): Uint8Array | null {
  const whole = file instanceof Uint8Array && file.length === HEADER_LENGTH + PUBLIC_KEY_LENGTH + PLAINTEXT_LENGTH[SealedKind.signingKey] + TAG_LENGTH;
  if (!whole || !MAGIC.every((b, i) => file[i] === b) || file[8] !== CARD_VERSION || file[9] !== SealedKind.signingKey) return null;
  return file.slice(HEADER_LENGTH, HEADER_LENGTH + PUBLIC_KEY_LENGTH);
}
