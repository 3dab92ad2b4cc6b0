/**
 * Verifies ECDSA secp256k1 signatures (DER, strict, low-S) over 32-byte digests for the auditor.
 * Independent of the crypto core's signer (@noble/secp256k1): libsecp256k1, Bitcoin Core's library,
 * natively through the `secp256k1` package's prebuilt N-API binary (about 15,000 per second per
 * core here), or compiled to WebAssembly (`tiny-secp256k1`, about 3,400 per second) where no
 * prebuilt binary exists for the platform (loaded only then). ADR 0008 records the measurements and
 * the choice.
 */
import { createRequire } from 'node:module';

export type VerifierName = 'libsecp256k1-native' | 'libsecp256k1-wasm';

export interface SignatureVerifier {
  name: VerifierName;
  /** True only for a strictly DER-encoded, low-S, valid signature of `digest` by `publicKey`. */
  verify(digest: Uint8Array, publicKey: Uint8Array, der: Uint8Array): boolean;
  /**
   * The last step of verify, for a signature already read with derToCompact and found low-S by
   * isLowS: true only if the 64-byte r||s is a valid signature of the 32-byte `digest`.
   */
  verifyCompact(digest: Uint8Array, publicKey: Uint8Array, compact: Uint8Array): boolean;
  /**
   * A 33-byte compressed public key in its 65-byte uncompressed form, or null if it is not a
   * valid key. The library checks a signature about 10 % faster with that form: it then need not
   * decompress the key (a square root) on every check. Accepts and refuses the same signatures.
   */
  expandKey(publicKey: Uint8Array): Uint8Array | null;
}

const HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

/** Strict DER (BIP66 rules) to 64-byte r||s (written into `out` if given), or null. */
export function derToCompact(der: Uint8Array, out = new Uint8Array(64)): Uint8Array | null {
  if (der.length < 8 || der.length > 72 || der[0] !== 0x30 || der[1] !== der.length - 2) return null;
  out.fill(0);
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (der[at] !== 0x02) return null;
    const len = der[at + 1] ?? 0;
    if (len === 0 || len > 33 || at + 2 + len > der.length) return null;
    // The integer's body is der[at + 2, at + 2 + len): positive, and minimally encoded.
    const first = der[at + 2]!;
    if (first & 0x80) return null;
    if (len > 1 && first === 0 && !(der[at + 3]! & 0x80)) return null;
    const skip = first === 0 && len > 1 ? 1 : 0;
    const length = len - skip;
    if (length > 32) return null;
    // Copied byte by byte: a subarray of a Buffer costs more than these 32 bytes.
    const from = at + 2 + skip;
    const to = part * 32 + 32 - length;
    for (let i = 0; i < length; i++) out[to + i] = der[from + i]!;
    at += 2 + len;
  }
  return at === der.length ? out : null;
}

const HALF_N_BYTES = Uint8Array.from(Buffer.from(HALF_N.toString(16).padStart(64, '0'), 'hex'));

/** 0 < s ≤ n/2, compared byte by byte (big-endian), without BigInt. */
export function isLowS(compact: Uint8Array): boolean {
  let zero = true;
  for (let i = 32; i < 64; i++) if (compact[i] !== 0) zero = false;
  if (zero) return false;
  for (let i = 0; i < 32; i++) {
    const a = compact[32 + i]!;
    const b = HALF_N_BYTES[i]!;
    if (a !== b) return a < b;
  }
  return true;
}

/** A verifier from the library's check of a 64-byte r||s: strict DER and low-S come first. */
function strict(
  name: VerifierName,
  check: (digest: Uint8Array, publicKey: Uint8Array, compact: Uint8Array) => boolean,
  uncompress: (publicKey: Uint8Array) => Uint8Array,
): SignatureVerifier {
  const verifyCompact = (digest: Uint8Array, publicKey: Uint8Array, compact: Uint8Array): boolean => {
    if (digest.length !== 32) return false;
    try {
      return check(digest, publicKey, compact);
    } catch {
      return false;
    }
  };
  return {
    name,
    verifyCompact,
    expandKey: (publicKey) => {
      if (publicKey.length !== 33) return null;
      try {
        return uncompress(publicKey);
      } catch {
        return null;
      }
    },
    verify: (digest, publicKey, der) => {
      const compact = derToCompact(der);
      return compact !== null && isLowS(compact) && verifyCompact(digest, publicKey, compact);
    },
  };
}

interface NativeSecp256k1 {
  ecdsaVerify(sig: Uint8Array, msg32: Uint8Array, pubkey: Uint8Array): boolean;
  publicKeyConvert(pubkey: Uint8Array, compressed: boolean): Uint8Array;
}

type WasmSecp256k1 = typeof import('tiny-secp256k1');

let cached: SignatureVerifier | undefined;

/** The fastest available independent verifier: native libsecp256k1, else its WASM build. */
export function loadVerifier(prefer: VerifierName | 'auto' = 'auto'): SignatureVerifier {
  if (prefer === 'auto' && cached) return cached;
  if (prefer !== 'libsecp256k1-wasm') {
    try {
      // `secp256k1/bindings.js` loads the native addon or throws; the package root would silently
      // fall back to the pure-JavaScript `elliptic`, which we do not want for an auditor.
      const native = createRequire(import.meta.url)('secp256k1/bindings.js') as NativeSecp256k1;
      const verifier = strict(
        'libsecp256k1-native',
        (digest, publicKey, compact) => native.ecdsaVerify(compact, digest, publicKey),
        (publicKey) => native.publicKeyConvert(publicKey, false),
      );
      if (prefer === 'auto') cached = verifier;
      return verifier;
    } catch (error) {
      if (prefer === 'libsecp256k1-native') throw error;
    }
  }
  // Loaded only here: instantiating the WebAssembly module costs memory in every thread.
  const wasm = createRequire(import.meta.url)('tiny-secp256k1') as WasmSecp256k1;
  const fallback = strict(
    'libsecp256k1-wasm',
    (digest, publicKey, compact) => wasm.verify(digest, publicKey, compact, true),
    (publicKey) => {
      const point = wasm.pointCompress(publicKey, false);
      if (point.length !== 65) throw new Error('not a public key');
      return point;
    },
  );
  if (prefer === 'auto') cached = fallback;
  return fallback;
}
