/**
 * The dark modules of a QR matrix as the `d` attribute of one SVG <path>, one unit per module, so
 * that a QR code is one element styled by attributes (the renderer's CSP allows no inline style,
 * and no data: URL is needed). Spec: SVG 1.1 §8.3 path data (absolute moveto, relative lineto
 * h/v, closepath); ISO/IEC 18004 §6.3.8 quiet zone of 4 modules around the symbol.
 */
import type { QrMatrix } from './qr-matrix.ts';

/** Light margin around the symbol, in modules (ISO/IEC 18004: at least 4). */
export const QR_QUIET_ZONE = 4;

/** Side of the whole picture in modules: the symbol plus a quiet zone on each side. */
export function qrViewSize(matrix: QrMatrix, quietZone: number = QR_QUIET_ZONE): number {
  return matrix.size + 2 * quietZone;
}

/**
 * Path data covering exactly the dark modules: each horizontal run of dark modules in a row is one
 * rectangle `M x y h w v 1 h -w z`, shifted by the quiet zone.
 */
export function qrPathData(matrix: QrMatrix, quietZone: number = QR_QUIET_ZONE): string {
  const parts: string[] = [];
  matrix.rows.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      const width = x - start;
      parts.push(`M${start + quietZone} ${y + quietZone}h${width}v1h-${width}z`);
    }
  });
  return parts.join('');
}
