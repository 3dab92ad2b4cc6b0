/**
 * The error every part of the UR reader (bytewords-decode.ts, cbor-decode.ts, fountain-decoder.ts,
 * ur-decoder.ts) throws for input it refuses, with a code a caller can act on. Spec: BCR-2020-005
 * "Uniform Resources (UR)" and BCR-2024-001 "Multipart UR" say what a valid UR is; the codes sort
 * the ways scanned text can fail to be one. Messages name what was wrong, never the scanned text.
 */

export type UrDecodeErrorCode =
  /** Not a UR, or not well formed: syntax, Bytewords, CBOR, or a part field out of range. */
  | 'UR_MALFORMED'
  /** A well-formed UR of a type the reader was not asked for. */
  | 'UR_WRONG_TYPE'
  /** A UR that does not belong with the ones already received (another type or another message). */
  | 'UR_INCONSISTENT'
  /** A CRC-32 that does not match: of a Bytewords body, or of the reassembled message. */
  | 'UR_CHECKSUM';

export class UrDecodeError extends Error {
  readonly code: UrDecodeErrorCode;

  constructor(code: UrDecodeErrorCode, message: string) {
    super(message);
    this.name = 'UrDecodeError';
    this.code = code;
  }
}
