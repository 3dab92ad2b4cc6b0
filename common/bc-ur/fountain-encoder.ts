/**
 * The fountain encoder of multipart URs: splits a message (CBOR) into equal fragments and produces
 * part number seqNum of the stream, pure for seqNum <= seqLen and mixed (XOR of several fragments)
 * after. Spec: BCR-2024-001 "Multipart UR" (formerly the multipart section of BCR-2020-005):
 * nominal fragment length (`findNominalFragmentLength`), zero-padded last fragment
 * (`partitionMessage`), and the part as the CBOR array
 * `[uint32 seqNum, uint seqLen, uint messageLen, uint32 checksum, bytes data]`, checksum being the
 * CRC-32 of the whole message. Parts are computed from their number alone (no hidden counter), so
 * any part can be produced in any order; the reference encoders' `nextPart()` is part 1, 2, 3, …
 */
import { cborArray, cborBytes, cborUnsigned } from './cbor.ts';
import { crc32 } from './crc32.ts';
import { chooseFragments } from './fragment-chooser.ts';

/** The reference implementations' default smallest fragment (bytes). */
export const DEFAULT_MIN_FRAGMENT_LENGTH = 10;

export interface FragmentedMessage {
  readonly messageLength: number;
  /** CRC-32 of the whole message. */
  readonly checksum: number;
  readonly fragmentLength: number;
  /** seqLen fragments of fragmentLength bytes, the last zero-padded. */
  readonly fragments: readonly Uint8Array[];
}

export interface FountainPart {
  readonly seqNum: number;
  readonly seqLen: number;
  readonly messageLength: number;
  readonly checksum: number;
  readonly data: Uint8Array;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`${name}: expected a positive integer, got ${value}`);
}

/**
 * The fragment length: ceil(messageLength / count) for the smallest fragment count whose fragments
 * fit in maxFragmentLength, trying at most floor(messageLength / minFragmentLength) counts (as the
 * reference does, so a fragment is never shorter than minFragmentLength, and may exceed the maximum
 * when both bounds cannot hold). A message shorter than minFragmentLength is a single fragment.
 */
export function findNominalFragmentLength(messageLength: number, minFragmentLength: number, maxFragmentLength: number): number {
  positiveInteger('messageLength', messageLength);
  positiveInteger('minFragmentLength', minFragmentLength);
  positiveInteger('maxFragmentLength', maxFragmentLength);
  if (maxFragmentLength < minFragmentLength) {
    throw new RangeError(`maxFragmentLength (${maxFragmentLength}) is below minFragmentLength (${minFragmentLength})`);
  }
  const maxFragmentCount = Math.floor(messageLength / minFragmentLength);
  let fragmentLength = messageLength;
  for (let count = 1; count <= maxFragmentCount; count++) {
    fragmentLength = Math.ceil(messageLength / count);
    if (fragmentLength <= maxFragmentLength) break;
  }
  return fragmentLength;
}

/** `message` cut into fragments of `fragmentLength` bytes, the last one padded with zeroes. */
export function partitionMessage(message: Uint8Array, fragmentLength: number): Uint8Array[] {
  positiveInteger('fragmentLength', fragmentLength);
  const fragments: Uint8Array[] = [];
  for (let offset = 0; offset < message.length; offset += fragmentLength) {
    const fragment = new Uint8Array(fragmentLength);
    fragment.set(message.subarray(offset, offset + fragmentLength));
    fragments.push(fragment);
  }
  return fragments;
}

/** The message ready for the fountain: checksum, fragment length, fragments. */
export function fragmentMessage(message: Uint8Array, maxFragmentLength: number, minFragmentLength: number = DEFAULT_MIN_FRAGMENT_LENGTH): FragmentedMessage {
  if (!(message instanceof Uint8Array)) throw new TypeError('message: expected a Uint8Array');
  if (message.length === 0) throw new RangeError('message: expected at least one byte');
  if (message.length > 0xffffffff) throw new RangeError('message: longer than 2^32-1 bytes');
  const fragmentLength = findNominalFragmentLength(message.length, minFragmentLength, maxFragmentLength);
  return {
    messageLength: message.length,
    checksum: crc32(message),
    fragmentLength,
    fragments: partitionMessage(message, fragmentLength),
  };
}

/** Part `seqNum` (1-based) of the fountain: the XOR of the fragments chooseFragments names. */
export function fountainPart(message: FragmentedMessage, seqNum: number): FountainPart {
  const seqLen = message.fragments.length;
  const data = new Uint8Array(message.fragmentLength);
  for (const index of chooseFragments(seqNum, seqLen, message.checksum)) {
    const fragment = message.fragments[index]!;
    for (let i = 0; i < data.length; i++) data[i] = data[i]! ^ fragment[i]!;
  }
  return { seqNum, seqLen, messageLength: message.messageLength, checksum: message.checksum, data };
}

/** The part as carried in a multipart UR: CBOR [seqNum, seqLen, messageLen, checksum, data]. */
export function fountainPartCbor(part: FountainPart): Uint8Array {
  return cborArray([cborUnsigned(part.seqNum), cborUnsigned(part.seqLen), cborUnsigned(part.messageLength), cborUnsigned(part.checksum), cborBytes(part.data)]);
}
