/**
 * Reading a UR from scanned text, one QR frame at a time. Spec: BCR-2020-005 "Uniform Resources
 * (UR)", "UR Encoding" (single part `ur:<type>/<minimal Bytewords of the CBOR message>`, multipart
 * `ur:<type>/<seqNum>-<seqLen>/<minimal Bytewords of the part's CBOR>`), "Types" and "Be case
 * agnostic"; multipart parts are decoded with the fountain decoder of BCR-2024-001 "Multipart UR".
 * Text is trimmed and read in any case. Whatever is not a UR (the QR code of a URL, an address, a
 * PSBT in base64…) is refused with UR_MALFORMED, so that a reader can say "this is not a UR" and go
 * on scanning; a refused frame never changes the decoder's state. Error messages name what was
 * wrong, never the scanned text.
 */
import { bytewordsDecodeMinimal } from './bytewords-decode.ts';
import { FountainDecoder, fountainPartFromCbor } from './fountain-decoder.ts';
import { UrDecodeError } from './ur-decode-error.ts';
import { isUrType } from './ur-encoder.ts';

/**
 * - 'accepted': a new single-part UR or a new part of a multipart UR, processed.
 * - 'duplicate': the same single-part UR again, or, before the multipart UR is complete, a part
 *   (seqNum) already received.
 * - 'ignored': any part of the multipart UR once it is complete; it brings nothing.
 */
export type UrReceiveOutcome = 'accepted' | 'duplicate' | 'ignored';

export interface UrProgress {
  /** Fragments known (multipart), 1 once a single-part UR is read. */
  readonly received: number;
  /** seqLen (1 for a single-part UR), null before the first UR. */
  readonly expected: number | null;
  /** An estimate from 0 to 100 (an integer), 100 only when complete. */
  readonly percent: number;
}

export interface DecodedUr {
  readonly type: string;
  readonly cbor: Uint8Array;
}

/** Printable ASCII only, so that lower-casing cannot turn another character into a letter. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/u;
const UR_SYNTAX = /^ur:([a-z0-9-]+)\/(?:([0-9]{1,10})-([0-9]{1,10})\/)?([a-z]+)$/u;
/** A type longer than this is not repeated in an error message. */
const MAX_TYPE_IN_MESSAGE = 40;

const describeType = (type: string) => (type.length <= MAX_TYPE_IN_MESSAGE ? `type ${type}` : `a type of ${type.length} characters`);

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

export class UrDecoder {
  private readonly expectedTypes: readonly string[];
  private urType: string | null = null;
  private single: Uint8Array | null = null;
  private fountain: FountainDecoder | null = null;

  /** `expectedTypes`: the UR types this reader accepts (lower case, e.g. ['crypto-psbt']). */
  constructor(expectedTypes: readonly string[]) {
    if (!Array.isArray(expectedTypes) || expectedTypes.length === 0 || !expectedTypes.every((t) => typeof t === 'string' && isUrType(t))) {
      throw new TypeError('expectedTypes: expected at least one UR type (lower-case letters, digits and hyphens)');
    }
    this.expectedTypes = [...expectedTypes];
  }

  /**
   * Takes the text of one scanned frame. Throws UrDecodeError: UR_MALFORMED for text that is not
   * a well-formed UR (or whose part fields are out of range), UR_CHECKSUM for a Bytewords checksum
   * that does not match (a misread frame) or a reassembled message whose CRC-32 does not match
   * (after which the decoder is spent: start a new one), UR_WRONG_TYPE for a UR of a type not
   * expected, UR_INCONSISTENT for a UR that does not belong with those already accepted (another
   * type, single part and multipart mixed, another message, or a seqNum-seqLen path that disagrees
   * with the part's CBOR).
   */
  receive(text: string): UrReceiveOutcome {
    if (typeof text !== 'string') throw new TypeError('text: expected a string');
    const trimmed = text.trim();
    if (!PRINTABLE_ASCII.test(trimmed) || !trimmed.toLowerCase().startsWith('ur:')) {
      throw new UrDecodeError('UR_MALFORMED', 'not a UR: the text does not start with "ur:"');
    }
    const match = UR_SYNTAX.exec(trimmed.toLowerCase());
    if (!match) {
      throw new UrDecodeError('UR_MALFORMED', 'malformed UR: expected ur:<type>/<bytewords> or ur:<type>/<seqNum>-<seqLen>/<bytewords>');
    }
    const [, type = '', seqNum, seqLen, bytewords = ''] = match;
    if (!this.expectedTypes.includes(type)) {
      throw new UrDecodeError('UR_WRONG_TYPE', `a UR of ${describeType(type)}, expected ${this.expectedTypes.join(' or ')}`);
    }
    if (this.urType !== null && type !== this.urType) {
      throw new UrDecodeError('UR_INCONSISTENT', `a UR of type ${type} after URs of type ${this.urType}`);
    }
    const body = bytewordsDecodeMinimal(bytewords);
    if (seqNum === undefined || seqLen === undefined) return this.receiveSingle(type, body);
    return this.receivePart(type, Number(seqNum), Number(seqLen), body);
  }

  private receiveSingle(type: string, cbor: Uint8Array): UrReceiveOutcome {
    if (this.fountain) throw new UrDecodeError('UR_INCONSISTENT', 'a single-part UR among the parts of a multipart UR');
    if (this.single) {
      if (equalBytes(this.single, cbor)) return 'duplicate';
      throw new UrDecodeError('UR_INCONSISTENT', 'a single-part UR different from the one already read');
    }
    this.urType = type;
    this.single = cbor;
    return 'accepted';
  }

  private receivePart(type: string, seqNum: number, seqLen: number, cbor: Uint8Array): UrReceiveOutcome {
    if (this.single) throw new UrDecodeError('UR_INCONSISTENT', 'a part of a multipart UR after a single-part UR');
    const part = fountainPartFromCbor(cbor);
    if (part.seqNum !== seqNum || part.seqLen !== seqLen) {
      throw new UrDecodeError('UR_INCONSISTENT', `the path says part ${seqNum}-${seqLen}, the part's CBOR says ${part.seqNum}-${part.seqLen}`);
    }
    // A first part can only be refused by the message's CRC-32 (seqLen 1): the decoder is then spent.
    this.fountain ??= new FountainDecoder();
    this.urType = type;
    const wasComplete = this.fountain.isComplete;
    if (this.fountain.receive(part)) return 'accepted';
    return wasComplete ? 'ignored' : 'duplicate';
  }

  /** The type of the URs accepted so far, null before the first. */
  get type(): string | null {
    return this.urType;
  }

  get isComplete(): boolean {
    return this.single !== null || (this.fountain?.isComplete ?? false);
  }

  get progress(): UrProgress {
    if (this.single) return { received: 1, expected: 1, percent: 100 };
    if (!this.fountain) return { received: 0, expected: null, percent: 0 };
    return {
      received: this.fountain.receivedPartCount,
      expected: this.fountain.expectedPartCount,
      percent: Math.floor(this.fountain.estimatedPercentComplete * 100),
    };
  }

  /**
   * The UR's type and CBOR message (a copy), as carried: parsing it is the caller's (decodeCbor).
   * Throws the UR_CHECKSUM error if that is how decoding ended, an Error if it has not ended.
   */
  result(): DecodedUr {
    if (this.single) return { type: this.urType!, cbor: this.single.slice() };
    if (this.fountain && this.urType !== null) {
      if (this.fountain.isComplete) return { type: this.urType, cbor: this.fountain.result() };
      this.fountain.result(); // throws the UR_CHECKSUM error of a spent decoder, or "not complete"
    }
    throw new Error('UR: not complete yet');
  }
}
