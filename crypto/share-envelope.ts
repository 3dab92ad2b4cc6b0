/**
 * The versioned share envelope (docs/share-format.md, "Envelope v1"), 53 bytes:
 *   0  version (1)          1  set id (8)         9  master fingerprint (4)
 *   13 threshold m (1)      14 share count n (1)  15 index, 1-based (1)
 *   16 share (33) = 32 bytes of y values || x coordinate (shamir-secret-sharing's layout)
 *   49 checksum (4) = first 4 bytes of SHA-256(bytes 0..48)
 * The commitment fixed at split time is SHA-256("custos/share-commitment/v1" || envelope), so a
 * drill can prove each share on its own.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { CryptoError } from './protocol.ts';
import { concatBytes, equalBytes, wipe } from './secret-bytes.ts';

const ENVELOPE_VERSION = 1;
export const ENVELOPE_LENGTH = 53;
const SHARE_BYTES = 33;
const MAX_SHARES = 16;
const COMMITMENT_DOMAIN = utf8ToBytes('custos/share-commitment/v1');

export interface Envelope {
  setId: Uint8Array;
  fingerprint: Uint8Array;
  threshold: number;
  shareCount: number;
  index: number;
  /** Secret: the library's share bytes. */
  share: Uint8Array;
}

export function checkThreshold(threshold: unknown, shareCount: unknown): void {
  if (
    !Number.isInteger(threshold) ||
    !Number.isInteger(shareCount) ||
    (threshold as number) < 2 ||
    (shareCount as number) > MAX_SHARES ||
    (threshold as number) > (shareCount as number)
  ) {
    throw new CryptoError('THRESHOLD_INVALID', `The quorum must satisfy 2 ≤ m ≤ n ≤ ${MAX_SHARES}.`, {
      threshold: String(threshold),
      shareCount: String(shareCount),
    });
  }
}

/** Encodes an envelope; the caller wipes the result. */
export function encodeEnvelope(e: Envelope): Uint8Array {
  const body = concatBytes(Uint8Array.of(ENVELOPE_VERSION), e.setId, e.fingerprint, Uint8Array.of(e.threshold, e.shareCount, e.index), e.share);
  const digest = sha256(body);
  const out = concatBytes(body, digest.subarray(0, 4));
  wipe(body, digest);
  return out;
}

/** Decodes and checks an envelope: checksum, version, quorum fields. Copies the share bytes. */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  if (bytes.length !== ENVELOPE_LENGTH) {
    throw new CryptoError('SHARE_MALFORMED', `A share must be ${ENVELOPE_LENGTH} bytes long.`, { length: bytes.length });
  }
  const digest = sha256(bytes.subarray(0, ENVELOPE_LENGTH - 4));
  const ok = equalBytes(digest.subarray(0, 4), bytes.subarray(ENVELOPE_LENGTH - 4));
  wipe(digest);
  if (!ok) throw new CryptoError('SHARE_CHECKSUM', 'The share does not match its checksum: a word or byte is wrong.');
  if (bytes[0] !== ENVELOPE_VERSION) {
    throw new CryptoError('SHARE_VERSION_UNKNOWN', `This share has format version ${bytes[0]}, which this Custos does not know.`, {
      version: bytes[0]!,
    });
  }
  const threshold = bytes[13]!;
  const shareCount = bytes[14]!;
  const index = bytes[15]!;
  try {
    checkThreshold(threshold, shareCount);
  } catch {
    throw new CryptoError('SHARE_MALFORMED', 'The share names an impossible quorum.', { threshold, shareCount });
  }
  if (index < 1 || index > shareCount) throw new CryptoError('SHARE_MALFORMED', 'The share index is out of range.', { index });
  const x = bytes[16 + SHARE_BYTES - 1]!;
  if (x === 0) throw new CryptoError('SHARE_MALFORMED', 'The share has no x coordinate.', { index });
  return {
    setId: bytes.slice(1, 9),
    fingerprint: bytes.slice(9, 13),
    threshold,
    shareCount,
    index,
    share: bytes.slice(16, 16 + SHARE_BYTES),
  };
}

export function commitment(envelope: Uint8Array): string {
  return bytesToHex(sha256(concatBytes(COMMITMENT_DOMAIN, envelope)));
}
