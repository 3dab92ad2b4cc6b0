/**
 * The QR code printed on a share card, as inline SVG made in main: the same matrix and path as the
 * screen's QR code (common/qr/qr-matrix.ts and qr-path.ts, ISO/IEC 18004 through qrcode-generator),
 * at error correction M (paper that may be worn), in alphanumeric mode — a share card's payload is
 * "CUSTOS-SHARE1:" + upper-case base32 without padding (docs/share-format.md "QR payload"), every
 * character of it in the 45-character alphanumeric set; anything else is refused. The picture has a
 * quiet zone of 4 modules and one <path> for the dark modules.
 */
import { isQrAlphanumeric, qrMatrix, SHARE_CARD_ERROR_CORRECTION, type QrMatrix } from '../../../common/qr/qr-matrix.ts';
import { QR_QUIET_ZONE, qrPathData, qrViewSize } from '../../../common/qr/qr-path.ts';

export { QR_QUIET_ZONE } from '../../../common/qr/qr-path.ts';

/** Error correction of the QR code printed on a share card. */
const SHARE_CARD_QR_LEVEL = SHARE_CARD_ERROR_CORRECTION;

/** The module matrix of a share card's QR text (alphanumeric mode, level M). */
export function shareCardQr(text: string): QrMatrix {
  if (typeof text !== 'string' || !isQrAlphanumeric(text)) {
    throw new TypeError('text: expected a share card QR payload (QR alphanumeric characters only)');
  }
  return qrMatrix(text, SHARE_CARD_QR_LEVEL);
}

/**
 * The QR code of `text` as an <svg> element of `millimetres` per side. The text itself is not
 * written into the markup, only the modules; `label` (already escaped by the caller) names it.
 */
export function shareCardQrSvg(text: string, millimetres: number, label: string): string {
  const qr = shareCardQr(text);
  const view = qrViewSize(qr);
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" viewBox="0 0 ${view} ${view}" width="${millimetres}mm" height="${millimetres}mm" shape-rendering="crispEdges" data-qr-version="${qr.version}"><rect width="${view}" height="${view}" fill="#ffffff"/><path d="${qrPathData(qr, QR_QUIET_ZONE)}" fill="#000000"/></svg>`;
}
