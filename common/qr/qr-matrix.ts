/**
 * The module matrix of a QR code for a text, computed by `qrcode-generator` (no rendering here).
 * Spec: ISO/IEC 18004 (QR Code), through qrcode-generator 2.0.4: the smallest version that holds
 * the text, the mask the library scores best. The encoding mode follows §7.4: alphanumeric when
 * every character is in the 45-character alphanumeric set (0-9, A-Z, space, $ % * + - . / :), which
 * is the case of upper-case UR frames (BCR-2020-005 "Use the alphanumeric QR code mode") and of
 * share cards (docs/share-format.md "QR payload"); otherwise byte mode carrying the UTF-8 of the
 * text. Error correction: L for UR frames (a lost frame comes round again, and Sparrow's own frames
 * use L), M for share cards (paper that may be worn).
 */
import qrcode from 'qrcode-generator';

export type QrErrorCorrection = 'L' | 'M';

/** Error correction of one frame of an animated UR. */
export const UR_FRAME_ERROR_CORRECTION: QrErrorCorrection = 'L';
/** Error correction of the QR code printed on a share card. */
export const SHARE_CARD_ERROR_CORRECTION: QrErrorCorrection = 'M';

type QrMode = 'alphanumeric' | 'byte';

export interface QrMatrix {
  /** Modules per side (17 + 4 × version), without the quiet zone. */
  readonly size: number;
  /** QR version, 1..40. */
  readonly version: number;
  readonly mode: QrMode;
  /** rows[row][column]: true for a dark module. */
  readonly rows: readonly (readonly boolean[])[];
}

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/u;

/** True when `text` can be carried in QR alphanumeric mode. */
export function isQrAlphanumeric(text: string): boolean {
  return ALPHANUMERIC.test(text);
}

/**
 * qrcode-generator's byte mode reads each UTF-16 code unit as one byte (code & 0xff); a string whose
 * code units are the UTF-8 bytes of the text makes it carry the text's UTF-8, untouched.
 */
function utf8AsByteString(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) out += String.fromCharCode(byte);
  return out;
}

/** The QR matrix of `text` at error-correction level `level`. */
export function qrMatrix(text: string, level: QrErrorCorrection): QrMatrix {
  if (typeof text !== 'string' || text.length === 0) throw new TypeError('text: expected a non-empty string');
  if (level !== 'L' && level !== 'M') throw new TypeError(`level: expected 'L' or 'M', got ${String(level)}`);
  const mode: QrMode = isQrAlphanumeric(text) ? 'alphanumeric' : 'byte';
  const code = qrcode(0, level);
  if (mode === 'alphanumeric') code.addData(text, 'Alphanumeric');
  else code.addData(utf8AsByteString(text), 'Byte');
  try {
    code.make();
  } catch (cause) {
    throw new RangeError(`text: too long for one QR code at level ${level} (${text.length} characters)`, { cause });
  }
  const size = code.getModuleCount();
  const rows = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
  return { size, version: (size - 17) / 4, mode, rows };
}
