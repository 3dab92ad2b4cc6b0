/**
 * The fountain decoder of multipart URs: rebuilds a message from parts received in any order, pure
 * (one fragment) or mixed (the XOR of several). Spec: BCR-2024-001 "Multipart UR" (formerly the
 * multipart section of BCR-2020-005): the part CBOR `[seqNum, seqLen, messageLen, checksum, data]`,
 * `chooseFragments` (fragment-chooser.ts) to know what a part mixes, and the reference decoders'
 * reduction (bc-ur C++ fountain-decoder.cpp, URKit FountainDecoder.swift): a mixed part is reduced
 * by every known fragment and by every stored mixed part whose fragments are a strict subset of its
 * own, stored mixed parts are reduced in turn by each newly known fragment or mixed part, and
 * whatever becomes a single fragment is queued and processed the same way. The message is the
 * fragments joined and cut to messageLen; its CRC-32 must be the parts' checksum.
 */
import { cborExpectArray, cborExpectBytes, cborExpectUnsigned, decodeCbor } from './cbor-decode.ts';
import { crc32 } from './crc32.ts';
import type { FountainPart } from './fountain-encoder.ts';
import { chooseFragments } from './fragment-chooser.ts';
import { UrDecodeError } from './ur-decode-error.ts';

/** Bounds on the work a stream of parts can ask for. */
export const MAX_SEQ_LEN = 10_000;
export const MAX_MESSAGE_LENGTH = 10 * 1024 * 1024;

const MAX_UINT32 = 0xffffffff;

/**
 * Refuses (UR_MALFORMED) a part no conforming encoder makes: seqNum or seqLen 0, numbers out of
 * range, no data, or a fragment length that does not cut messageLen into seqLen fragments (every
 * encoder's seqLen is ceil(messageLen / fragment length), BCR-2024-001 `partitionMessage`).
 */
function checkPart(part: FountainPart): void {
  const field = (name: string, value: number, min: number, max: number) => {
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UrDecodeError('UR_MALFORMED', `fountain part: ${name} must be an integer in [${min}, ${max}], got ${value}`);
    }
  };
  field('seqNum', part.seqNum, 1, MAX_UINT32);
  field('seqLen', part.seqLen, 1, MAX_SEQ_LEN);
  field('messageLen', part.messageLength, 1, MAX_MESSAGE_LENGTH);
  field('checksum', part.checksum, 0, MAX_UINT32);
  if (!(part.data instanceof Uint8Array) || part.data.length === 0) throw new UrDecodeError('UR_MALFORMED', 'fountain part: no data');
  if (Math.ceil(part.messageLength / part.data.length) !== part.seqLen) {
    throw new UrDecodeError('UR_MALFORMED', `fountain part: ${part.seqLen} fragments of ${part.data.length} bytes cannot hold ${part.messageLength} bytes`);
  }
}

/** A part as CBOR [seqNum, seqLen, messageLen, checksum, data] (BCR-2024-001), checked as checkPart does. */
export function fountainPartFromCbor(cbor: Uint8Array): FountainPart {
  const [seqNum, seqLen, messageLength, checksum, data] = cborExpectArray(decodeCbor(cbor), 'fountain part', 5);
  const part: FountainPart = {
    seqNum: cborExpectUnsigned(seqNum!, 'fountain part seqNum', MAX_UINT32),
    seqLen: cborExpectUnsigned(seqLen!, 'fountain part seqLen', MAX_SEQ_LEN),
    messageLength: cborExpectUnsigned(messageLength!, 'fountain part messageLen', MAX_MESSAGE_LENGTH),
    checksum: cborExpectUnsigned(checksum!, 'fountain part checksum', MAX_UINT32),
    data: cborExpectBytes(data!, 'fountain part data'),
  };
  checkPart(part);
  return part;
}

/** Fragments (ascending zero-based indexes) XORed together into `data`. */
interface Piece {
  readonly indexes: readonly number[];
  readonly data: Uint8Array;
}

/** What every part of one message shares. */
interface Header {
  readonly seqLen: number;
  readonly messageLength: number;
  readonly checksum: number;
  readonly fragmentLength: number;
}

/** Whether ascending `a` is a strict subset of ascending `b`. */
function isStrictSubset(a: readonly number[], b: readonly number[]): boolean {
  if (a.length >= b.length) return false;
  let j = 0;
  for (const x of a) {
    while (j < b.length && b[j]! < x) j++;
    if (b[j] !== x) return false;
    j++;
  }
  return true;
}

/** `a` without the fragments of `b` (a strict subset of a's). */
function reduce(a: Piece, b: Piece): Piece {
  const removed = new Set(b.indexes);
  const data = new Uint8Array(a.data);
  for (let i = 0; i < data.length; i++) data[i] = data[i]! ^ b.data[i]!;
  return { indexes: a.indexes.filter((index) => !removed.has(index)), data };
}

const keyOf = (indexes: readonly number[]) => indexes.join(',');

export class FountainDecoder {
  private header: Header | null = null;
  /** Known fragments by index. */
  private fragments: (Uint8Array | undefined)[] = [];
  private knownCount = 0;
  /** Mixed parts not yet reduced to one fragment, by their fragment indexes. */
  private mixed = new Map<string, Piece>();
  /** seqNums already processed. */
  private readonly seen = new Set<number>();
  private message: Uint8Array | null = null;
  private failure: UrDecodeError | null = null;

  /**
   * Takes one part. Returns true when it was processed, false when it brought nothing: a seqNum
   * already received, or the message already complete. Throws UR_MALFORMED for a part no encoder
   * makes (checkPart), UR_INCONSISTENT for one whose seqLen, messageLen, checksum or fragment
   * length differ from the first part's (another message); either leaves the decoder as it was.
   * Throws UR_CHECKSUM when the fragments are all known but the message's CRC-32 is not the
   * checksum: the decoder is then spent (every later call throws the same error).
   */
  receive(part: FountainPart): boolean {
    if (this.failure) throw this.failure;
    checkPart(part);
    const header = this.header ?? { seqLen: part.seqLen, messageLength: part.messageLength, checksum: part.checksum, fragmentLength: part.data.length };
    const differing = (
      [
        ['seqLen', header.seqLen, part.seqLen],
        ['messageLen', header.messageLength, part.messageLength],
        ['checksum', header.checksum, part.checksum],
        ['fragment length', header.fragmentLength, part.data.length],
      ] as const
    ).find(([, expected, actual]) => expected !== actual);
    if (differing) {
      const [name, expected, actual] = differing;
      throw new UrDecodeError('UR_INCONSISTENT', `fountain part ${part.seqNum}: ${name} ${actual} differs from the first part's ${expected}`);
    }
    if (this.message || this.seen.has(part.seqNum)) return false;
    this.header = header;
    this.seen.add(part.seqNum);
    const queue: Piece[] = [{ indexes: chooseFragments(part.seqNum, part.seqLen, part.checksum), data: part.data.slice() }];
    while (queue.length > 0 && !this.message) {
      const piece = queue.shift()!;
      if (piece.indexes.length === 1) this.addFragment(piece, header, queue);
      else this.addMixed(piece, queue);
    }
    return true;
  }

  private addFragment(piece: Piece, header: Header, queue: Piece[]): void {
    const index = piece.indexes[0]!;
    if (this.fragments[index]) return;
    this.fragments[index] = piece.data;
    this.knownCount++;
    if (this.knownCount === header.seqLen) this.finish(header);
    else this.reduceMixedBy(piece, queue);
  }

  private addMixed(piece: Piece, queue: Piece[]): void {
    if (this.mixed.has(keyOf(piece.indexes))) return;
    let reduced = piece;
    for (const index of piece.indexes) {
      const fragment = this.fragments[index];
      if (fragment && reduced.indexes.length > 1) reduced = reduce(reduced, { indexes: [index], data: fragment });
    }
    for (const other of this.mixed.values()) {
      if (isStrictSubset(other.indexes, reduced.indexes)) reduced = reduce(reduced, other);
    }
    if (reduced.indexes.length === 1) {
      queue.push(reduced);
      return;
    }
    const key = keyOf(reduced.indexes);
    if (this.mixed.has(key)) return;
    this.reduceMixedBy(reduced, queue);
    this.mixed.set(key, reduced);
  }

  /** Reduces the stored mixed parts that strictly contain `piece`; those left with one fragment are queued. */
  private reduceMixedBy(piece: Piece, queue: Piece[]): void {
    const next = new Map<string, Piece>();
    for (const [key, stored] of this.mixed) {
      if (!isStrictSubset(piece.indexes, stored.indexes)) {
        next.set(key, stored);
        continue;
      }
      const reduced = reduce(stored, piece);
      const reducedKey = keyOf(reduced.indexes);
      // A stored part with the same fragments carries the same XOR: keep either.
      if (reduced.indexes.length === 1) queue.push(reduced);
      else if (!next.has(reducedKey)) next.set(reducedKey, reduced);
    }
    this.mixed = next;
  }

  private finish(header: Header): void {
    const joined = new Uint8Array(header.seqLen * header.fragmentLength);
    this.fragments.forEach((fragment, index) => joined.set(fragment!, index * header.fragmentLength));
    const message = joined.slice(0, header.messageLength);
    this.fragments = [];
    this.mixed.clear();
    if (crc32(message) !== header.checksum) {
      this.failure = new UrDecodeError('UR_CHECKSUM', 'fountain: the CRC-32 of the reassembled message does not match the checksum of the parts');
      throw this.failure;
    }
    this.message = message;
  }

  get isComplete(): boolean {
    return this.message !== null;
  }

  /** seqLen of the message, once a part has been received. */
  get expectedPartCount(): number | null {
    return this.header?.seqLen ?? null;
  }

  /** How many distinct fragments are known (received pure, or recovered from mixed parts). */
  get receivedPartCount(): number {
    return this.knownCount;
  }

  /**
   * A rough fraction in [0, 1]: 1 when complete, otherwise at most 0.99, the larger of the share of
   * fragments known and the processed parts over 1.75 × seqLen (the reference decoders' estimate,
   * which allows for the extra parts a mixed stream usually needs).
   */
  get estimatedPercentComplete(): number {
    if (this.message) return 1;
    if (!this.header) return 0;
    const { seqLen } = this.header;
    return Math.min(0.99, Math.max(this.knownCount / seqLen, this.seen.size / (seqLen * 1.75)));
  }

  /** The message (a copy). Throws the UR_CHECKSUM error if that is how decoding ended, an Error if it has not ended. */
  result(): Uint8Array {
    if (this.failure) throw this.failure;
    if (!this.message) throw new Error('fountain: the message is not complete yet');
    return this.message.slice();
  }
}
