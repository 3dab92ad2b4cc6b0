/**
 * Reading minimal Bytewords, the body of every UR. Spec: BCR-2020-012 "Bytewords": "Word List"
 * (byte value i is word i), "Minimal Bytewords" (the first and last letters of each word, no
 * separator), "Checksum" (the CRC-32 of the body appended as four more bytes, network order); and
 * BCR-2020-005 "Be case agnostic" (a QR code carries the text upper case). The reverse of
 * bytewordsMinimal in bytewords.ts, built from the same word list.
 */
import { BYTEWORDS } from './bytewords.ts';
import { crc32 } from './crc32.ts';
import { UrDecodeError } from './ur-decode-error.ts';

/** Minimal pair (lower case) -> byte value. */
const BYTE_OF_PAIR: ReadonlyMap<string, number> = new Map(BYTEWORDS.map((word, value) => [word[0]! + word[3]!, value]));

const CHECKSUM_LENGTH = 4;

/**
 * The body of minimal Bytewords text, its CRC-32 checked and removed. ASCII letters only, any
 * case; the body must hold at least one byte (a UR carries at least one byte of CBOR). Refuses,
 * with UR_MALFORMED, a character that is not a letter a-z or A-Z, an odd number of letters, a pair that is no
 * byteword, and text too short for a body and its checksum; with UR_CHECKSUM, a checksum that does
 * not match the body.
 */
export function bytewordsDecodeMinimal(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('text: expected a string');
  if (!/^[a-zA-Z]*$/u.test(text)) throw new UrDecodeError('UR_MALFORMED', 'Bytewords: expected letters only');
  if (text.length % 2 !== 0) throw new UrDecodeError('UR_MALFORMED', `Bytewords: expected an even number of letters, got ${text.length}`);
  const length = text.length / 2;
  if (length < CHECKSUM_LENGTH + 1) {
    throw new UrDecodeError('UR_MALFORMED', `Bytewords: expected at least ${CHECKSUM_LENGTH + 1} bytes (body and checksum), got ${length}`);
  }
  const lower = text.toLowerCase();
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const value = BYTE_OF_PAIR.get(lower.slice(2 * i, 2 * i + 2));
    if (value === undefined) throw new UrDecodeError('UR_MALFORMED', `Bytewords: byte ${i} is not a minimal byteword`);
    bytes[i] = value;
  }
  const bodyLength = length - CHECKSUM_LENGTH;
  const body = bytes.slice(0, bodyLength);
  const checksum = new DataView(bytes.buffer).getUint32(bodyLength, false);
  if (checksum !== crc32(body)) throw new UrDecodeError('UR_CHECKSUM', 'Bytewords: the checksum does not match the body');
  return body;
}
