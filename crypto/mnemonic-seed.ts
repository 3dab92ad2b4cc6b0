/**
 * BIP39 (https://github.com/bitcoin/bips/blob/master/bip-0039.mediawiki) from entropy to seed,
 * without ever holding the mnemonic as a JavaScript string (strings cannot be zeroed): the words
 * are assembled as bytes, fed to PBKDF2-HMAC-SHA512 (2048 rounds, salt "mnemonic" + passphrase),
 * and the buffers zeroed. English words are ASCII, so NFKD normalisation is the identity here.
 * Cross-checked against @scure/bip39 and the reference vectors in
 * tests/unit/crypto/official-vectors.test.ts.
 */
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { CryptoError } from './protocol.ts';
import { wipe } from './secret-bytes.ts';

export const ENGLISH: readonly string[] = wordlist;

/** BIP39 word indices (11 bits each) of entropy + checksum. Caller wipes the result. */
function mnemonicIndices(entropy: Uint8Array): Uint16Array {
  if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 !== 0) {
    throw new CryptoError('INTERNAL', 'Entropy must be 16 to 32 bytes, a multiple of 4.');
  }
  const checksumBits = entropy.length / 4;
  const hash = sha256(entropy);
  const bits = entropy.length * 8 + checksumBits;
  const out = new Uint16Array(bits / 11);
  try {
    for (let w = 0; w < out.length; w++) {
      let v = 0;
      for (let b = 0; b < 11; b++) {
        const bit = w * 11 + b;
        const byte = bit < entropy.length * 8 ? entropy[bit >> 3]! : hash[(bit - entropy.length * 8) >> 3]!;
        v = (v << 1) | ((byte >> (7 - (bit & 7))) & 1);
      }
      out[w] = v;
    }
    return out;
  } finally {
    wipe(hash);
  }
}

/** The mnemonic as UTF-8 bytes ("word word …"). Caller wipes the result. */
export function mnemonicBytes(entropy: Uint8Array): Uint8Array {
  const indices = mnemonicIndices(entropy);
  try {
    let length = indices.length - 1;
    for (const i of indices) length += ENGLISH[i]!.length;
    const out = new Uint8Array(length);
    let at = 0;
    indices.forEach((i, n) => {
      if (n > 0) out[at++] = 0x20;
      const word = ENGLISH[i]!;
      for (let c = 0; c < word.length; c++) out[at++] = word.charCodeAt(c);
    });
    return out;
  } finally {
    indices.fill(0);
  }
}

/** BIP39 seed (64 bytes) from entropy. `passphrase` exists for the reference vectors only. */
export function seedFromEntropy(entropy: Uint8Array, passphrase = ''): Uint8Array {
  const mnemonic = mnemonicBytes(entropy);
  try {
    return pbkdf2(sha512, mnemonic, utf8ToBytes('mnemonic' + passphrase.normalize('NFKD')), { c: 2048, dkLen: 64 });
  } finally {
    wipe(mnemonic);
  }
}
