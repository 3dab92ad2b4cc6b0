/**
 * The QR code printed on a share card, as inline SVG made in main (the renderer's QR code is the
 * renderer's; main may not import it). Spec: ISO/IEC 18004 through qrcode-generator 2.0.4, as
 * renderer/src/qr/qr-matrix.ts uses it: the smallest version that holds the text, error correction
 * M (paper that may be worn), alphanumeric mode (§7.4) — a share card's payload is
 * "CUSTOS-SHARE1:" + upper-case base32 without padding (docs/share-format.md "QR payload"), every
 * character of it in the 45-character alphanumeric set; anything else is refused. The picture has a
 * quiet zone of 4 modules (§6.3.8) and one <path> for the dark modules.
 */
import qrcode from 'qrcode-generator';

/** Error correction of the QR code printed on a share card. */
export const SHARE_CARD_QR_LEVEL = 'M';

/** Light margin around the symbol, in modules (ISO/IEC 18004: at least 4). */
export const QR_QUIET_ZONE = 4;

const ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]+$/u;

export interface ShareCardQr {
  /** Modules per side, without the quiet zone. */
  readonly size: number;
  readonly version: number;
  /** rows[row][column]: true for a dark module. */
  readonly rows: readonly (readonly boolean[])[];
}

/** The module matrix of a share card's QR text (alphanumeric mode, level M). */
export function shareCardQr(text: string): ShareCardQr {
  if (typeof text !== 'string' || !ALPHANUMERIC.test(text)) {
    throw new TypeError('text: expected a share card QR payload (QR alphanumeric characters only)');
  }
  const code = qrcode(0, SHARE_CARD_QR_LEVEL);
  code.addData(text, 'Alphanumeric');
  try {
    code.make();
  } catch (cause) {
    throw new RangeError(`text: too long for one QR code at level ${SHARE_CARD_QR_LEVEL} (${text.length} characters)`, { cause });
  }
  const size = code.getModuleCount();
  const rows = Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => code.isDark(row, col)));
  return { size, version: (size - 17) / 4, rows };
}

/** Path data covering exactly the dark modules: each horizontal run is `M x y h w v 1 h -w z`. */
function pathData(qr: ShareCardQr): string {
  const parts: string[] = [];
  qr.rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      parts.push(`M${start + QR_QUIET_ZONE} ${y + QR_QUIET_ZONE}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}

/**
 * The QR code of `text` as an <svg> element of `millimetres` per side. The text itself is not
 * written into the markup, only the modules; `label` (already escaped by the caller) names it.
 */
export function shareCardQrSvg(text: string, millimetres: number, label: string): string {
  const qr = shareCardQr(text);
  const view = qr.size + 2 * QR_QUIET_ZONE;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" viewBox="0 0 ${view} ${view}" width="${millimetres}mm" height="${millimetres}mm" shape-rendering="crispEdges" data-qr-version="${qr.version}"><rect width="${view}" height="${view}" fill="#ffffff"/><path d="${pathData(qr)}" fill="#000000"/></svg>`;
}
