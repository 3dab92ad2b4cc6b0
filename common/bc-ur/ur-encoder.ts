/**
 * Uniform Resource strings. Spec: BCR-2020-005 "Uniform Resources (UR)", "Types" and "UR Encoding":
 * a single-part UR is `ur:<type>/<minimal Bytewords of the CBOR message>`; a multipart UR is
 * `ur:<type>/<seqNum>-<seqLen>/<minimal Bytewords of the part's CBOR>`, the parts coming from the
 * fountain encoder of BCR-2024-001 "Multipart UR". A message that fits in one fragment is sent as
 * a single-part UR (as the reference `UREncoder` does when seqLen is 1). Output is lower case, the
 * canonical form; callers that want QR alphanumeric mode upper-case it (the scheme is case
 * agnostic, BCR-2020-005 "Be case agnostic").
 */
import { bytewordsMinimal } from './bytewords.ts';
import { DEFAULT_MIN_FRAGMENT_LENGTH, fountainPart, fountainPartCbor, fragmentMessage, type FountainPart } from './fountain-encoder.ts';

/** BCR-2020-005 "Types": letters, digits and hyphens (lower case in the canonical form). */
export function isUrType(type: string): boolean {
  return /^[a-z0-9-]+$/u.test(type);
}

function checkType(type: string): void {
  if (typeof type !== 'string' || !isUrType(type)) {
    throw new TypeError(`type: expected lower-case letters, digits and hyphens, got ${JSON.stringify(type)}`);
  }
}

/** `ur:<type>/<bytewords>` for a whole CBOR message. */
export function singlePartUr(type: string, cbor: Uint8Array): string {
  checkType(type);
  return `ur:${type}/${bytewordsMinimal(cbor)}`;
}

/** `ur:<type>/<seqNum>-<seqLen>/<bytewords>` for one fountain part. */
function multipartUr(type: string, part: FountainPart): string {
  checkType(type);
  return `ur:${type}/${part.seqNum}-${part.seqLen}/${bytewordsMinimal(fountainPartCbor(part))}`;
}

export interface UrPartsOptions {
  /** Largest fragment of the CBOR message in one part, in bytes. */
  readonly maxFragmentLength: number;
  /** Smallest fragment, in bytes (default 10, as the reference encoders). */
  readonly minFragmentLength?: number;
  /** How many multipart parts to produce, from part 1 (default seqLen: the pure parts only). */
  readonly partCount?: number;
}

/**
 * The UR of `cbor`: one single-part UR when the message fits in one fragment, otherwise multipart
 * parts 1..partCount (parts beyond seqLen are the mixed parts of the fountain).
 */
export function urParts(type: string, cbor: Uint8Array, options: UrPartsOptions): string[] {
  checkType(type);
  const message = fragmentMessage(cbor, options.maxFragmentLength, options.minFragmentLength ?? DEFAULT_MIN_FRAGMENT_LENGTH);
  const seqLen = message.fragments.length;
  if (seqLen === 1) return [singlePartUr(type, cbor)];
  const partCount = options.partCount ?? seqLen;
  if (!Number.isSafeInteger(partCount) || partCount < 1 || partCount > 0xffffffff) {
    throw new RangeError(`partCount: expected a positive integer, got ${partCount}`);
  }
  return Array.from({ length: partCount }, (_, i) => multipartUr(type, fountainPart(message, i + 1)));
}
