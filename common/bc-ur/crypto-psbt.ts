/**
 * A PSBT as the frames of an animated QR code: the `crypto-psbt` UR that Sparrow Wallet (through
 * its Hummingbird library) and other airgapped wallets read. Spec: BCR-2020-006 "Registry of UR
 * Types", `crypto-psbt` (tag 310): the PSBT (BIP 174) as a CBOR byte string, untagged at top level
 * (BCR-2020-005 "Tagging CBOR"); BCR-2020-005 for the UR strings and BCR-2024-001 for multipart
 * fountain parts. Parameters (docs/transfer-exchange.md): fragments of at most 200 bytes, frames in
 * upper case so that a QR encoder can use alphanumeric mode (every UR decoder lower-cases its input:
 * bc-ur, URKit, Hummingbird, @ngraveio/bc-ur), and by default as many mixed parts after the pure
 * ones as there are pure parts, so that a reader that missed a frame usually completes before the
 * loop comes round again.
 */
import { cborBytes } from './cbor.ts';
import { urParts } from './ur-encoder.ts';
import { DEFAULT_MIN_FRAGMENT_LENGTH, fragmentMessage } from './fountain-encoder.ts';

export const CRYPTO_PSBT_UR_TYPE = 'crypto-psbt';

/** Default largest fragment per frame (bytes of the CBOR message). */
export const DEFAULT_PSBT_MAX_FRAGMENT_LENGTH = 200;

/** BIP 174: every PSBT starts with "psbt" and 0xff. */
const PSBT_MAGIC = Uint8Array.of(0x70, 0x73, 0x62, 0x74, 0xff);

export interface PsbtUrOptions {
  /** Largest fragment of the CBOR message per frame, in bytes (default 200, at least 10). */
  readonly maxFragmentLength?: number;
  /** Mixed fountain parts after the seqLen pure ones (default seqLen). Ignored for a single-part UR. */
  readonly extraParts?: number;
}

function checkPsbt(psbt: Uint8Array): void {
  if (!(psbt instanceof Uint8Array)) throw new TypeError('psbt: expected a Uint8Array');
  if (psbt.length < PSBT_MAGIC.length || PSBT_MAGIC.some((b, i) => psbt[i] !== b)) {
    throw new TypeError('psbt: not a PSBT (BIP 174 data starts with the bytes 70 73 62 74 ff)');
  }
}

/** The `crypto-psbt` CBOR: the PSBT bytes as one CBOR byte string. */
export function cryptoPsbtCbor(psbt: Uint8Array): Uint8Array {
  checkPsbt(psbt);
  return cborBytes(psbt);
}

/**
 * The frames of `psbt` as `crypto-psbt` URs, upper case: `[UR:CRYPTO-PSBT/<bytewords>]` when the
 * CBOR fits in one fragment, else `UR:CRYPTO-PSBT/<n>-<seqLen>/<bytewords>` for n = 1 ..
 * seqLen + extraParts (1..seqLen pure, the rest mixed). Showing them in a loop is enough for a
 * reader to decode the PSBT.
 */
export function psbtUrParts(psbt: Uint8Array, options: PsbtUrOptions = {}): string[] {
  const cbor = cryptoPsbtCbor(psbt);
  const maxFragmentLength = options.maxFragmentLength ?? DEFAULT_PSBT_MAX_FRAGMENT_LENGTH;
  if (!Number.isSafeInteger(maxFragmentLength) || maxFragmentLength < DEFAULT_MIN_FRAGMENT_LENGTH) {
    throw new RangeError(`maxFragmentLength: expected an integer of at least ${DEFAULT_MIN_FRAGMENT_LENGTH}, got ${maxFragmentLength}`);
  }
  const seqLen = fragmentMessage(cbor, maxFragmentLength).fragments.length;
  const extraParts = options.extraParts ?? seqLen;
  if (!Number.isSafeInteger(extraParts) || extraParts < 0) {
    throw new RangeError(`extraParts: expected a non-negative integer, got ${extraParts}`);
  }
  return urParts(CRYPTO_PSBT_UR_TYPE, cbor, { maxFragmentLength, partCount: seqLen + extraParts }).map((part) => part.toUpperCase());
}
