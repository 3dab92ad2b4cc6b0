/**
 * common/qr/qr-matrix.ts and qr-path.ts: the matrix (and the SVG path drawn from it) is
 * rasterised into an RGBA buffer and read back with jsQR, an independent decoder (devDependency),
 * which must return the exact text: a `crypto-psbt` UR frame (alphanumeric mode, level L), a share
 * card `CUSTOS-SHARE1:` + base32 (alphanumeric, level M; the example of docs/share-format.md), and
 * a non-alphanumeric text (byte mode, UTF-8). The error-correction level is read back from the
 * format information (ISO/IEC 18004 §7.9: 15 bits XOR 101010000010010, first two bits L=01, M=00).
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import jsqrModule from 'jsqr';
import { describe, expect, test } from 'vitest';
import { psbtUrParts } from '../../../common/bc-ur/crypto-psbt.ts';
import { SHARE_CARD_ERROR_CORRECTION, UR_FRAME_ERROR_CORRECTION, isQrAlphanumeric, qrMatrix, type QrMatrix } from '../../../common/qr/qr-matrix.ts';
import { QR_QUIET_ZONE, qrPathData, qrViewSize } from '../../../common/qr/qr-path.ts';
import { BCR_2020_006_CRYPTO_PSBT } from './reference-vectors.ts';

// jsqr is CommonJS (UMD) typed as an ES module: under Node's ESM the default import is the function
// itself, while TypeScript (nodenext) sees a namespace whose `default` is the function.
type JsQr = typeof jsqrModule.default;
const jsQR: JsQr = ((jsqrModule as { default?: JsQr }).default ?? jsqrModule) as JsQr;

const SHARE_TEXT = 'CUSTOS-SHARE1:AEASGRLHRGV433YNSJINUAQDAFKSWAOX7WB2SNA6MBFJZNWI4LU4HPMXIFVRKP5CRD3NYCRALZ2EQKTXGLBV2';
const PIXELS_PER_MODULE = 4;

/** A square RGBA picture, white, with the given modules (in picture module coordinates) black. */
function rasterise(side: number, dark: (x: number, y: number) => boolean): { data: Uint8ClampedArray; width: number } {
  const width = side * PIXELS_PER_MODULE;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      if (!dark(Math.floor(px / PIXELS_PER_MODULE), Math.floor(py / PIXELS_PER_MODULE))) continue;
      const o = (py * width + px) * 4;
      data[o] = data[o + 1] = data[o + 2] = 0;
    }
  }
  return { data, width };
}

/** The matrix with its quiet zone, rasterised. */
function rasteriseMatrix(matrix: QrMatrix) {
  const q = QR_QUIET_ZONE;
  return rasterise(qrViewSize(matrix), (x, y) => matrix.rows[y - q]?.[x - q] === true);
}

/** The path data, rasterised by reading its rectangles (M x y h w v 1 h -w z). */
function rasterisePath(matrix: QrMatrix) {
  const cells = new Set<string>();
  const path = qrPathData(matrix);
  const commands = [...path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/gu)];
  expect(commands.map((m) => m[0]).join('')).toBe(path);
  for (const [, x, y, w, back] of commands) {
    expect(back).toBe(w);
    for (let i = 0; i < Number(w); i++) cells.add(`${Number(x) + i},${y}`);
  }
  return rasterise(qrViewSize(matrix), (x, y) => cells.has(`${x},${y}`));
}

/** ISO/IEC 18004 §7.9: the error-correction level from the format bits beside the top-left finder. */
function errorCorrectionLevel(matrix: QrMatrix): string {
  const n = matrix.size;
  const positions = [0, 1, 2, 3, 4, 5, 7, 8, n - 7, n - 6, n - 5, n - 4, n - 3, n - 2, n - 1];
  let bits = 0;
  positions.forEach((row, i) => {
    if (matrix.rows[row]![8]) bits |= 1 << i;
  });
  const format = bits ^ 0b101010000010010;
  return ({ 0b01: 'L', 0b00: 'M', 0b11: 'Q', 0b10: 'H' } as Record<number, string>)[format >> 13]!;
}

function readBack(raster: { data: Uint8ClampedArray; width: number }) {
  const code = jsQR(raster.data, raster.width, raster.width);
  expect(code).not.toBeNull();
  return code!;
}

describe('qrMatrix, read back with jsQR', () => {
  // A PSBT (the BCR-2020-006 example) padded to ~770 bytes: 4 pure frames and 4 mixed ones.
  const frames = psbtUrParts(new Uint8Array([...hexToBytes(BCR_2020_006_CRYPTO_PSBT.psbt), ...new Uint8Array(600)]));

  test('a UR frame: alphanumeric mode, level L, exact text (matrix and SVG path)', () => {
    const frame = frames[1]!;
    expect(frame.startsWith('UR:CRYPTO-PSBT/2-')).toBe(true);
    const matrix = qrMatrix(frame, UR_FRAME_ERROR_CORRECTION);
    expect(matrix.mode).toBe('alphanumeric');
    expect(errorCorrectionLevel(matrix)).toBe('L');
    expect(matrix.size).toBe(17 + 4 * matrix.version);
    for (const raster of [rasteriseMatrix(matrix), rasterisePath(matrix)]) {
      const code = readBack(raster);
      expect(code.data).toBe(frame);
      expect(code.version).toBe(matrix.version);
      expect(code.chunks.map((c) => c.type)).toEqual(['alphanumeric']);
    }
  });

  test('every frame of a multipart PSBT reads back', () => {
    for (const frame of frames) expect(readBack(rasteriseMatrix(qrMatrix(frame, 'L'))).data).toBe(frame);
  });

  test('a share card: CUSTOS-SHARE1: + base32, alphanumeric mode, level M, exact text', () => {
    const matrix = qrMatrix(SHARE_TEXT, SHARE_CARD_ERROR_CORRECTION);
    expect(matrix.mode).toBe('alphanumeric');
    expect(errorCorrectionLevel(matrix)).toBe('M');
    const code = readBack(rasterisePath(matrix));
    expect(code.data).toBe(SHARE_TEXT);
    expect(code.chunks.map((c) => c.type)).toEqual(['alphanumeric']);
  });

  test('lower case or non-ASCII text: byte mode carrying UTF-8', () => {
    for (const text of ['ur:crypto-psbt/lower', 'Cérémonie — clé n° 2']) {
      const matrix = qrMatrix(text, 'M');
      expect(matrix.mode).toBe('byte');
      const code = readBack(rasteriseMatrix(matrix));
      expect(code.data).toBe(text);
      expect(Uint8Array.from(code.binaryData)).toEqual(new TextEncoder().encode(text));
    }
  });

  test('alphanumeric mode makes a UR frame smaller than its lower-case form', () => {
    const frame = frames[0]!;
    expect(qrMatrix(frame, 'L').version).toBeLessThan(qrMatrix(frame.toLowerCase(), 'L').version);
  });

  test('the alphanumeric set is the 45 characters of ISO/IEC 18004', () => {
    expect(isQrAlphanumeric('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:')).toBe(true);
    for (const c of ['a', '=', '#', '?', '_', 'É']) expect(isQrAlphanumeric(`A${c}`), c).toBe(false);
  });

  test('refuses empty text, an unknown level and text beyond version 40', () => {
    expect(() => qrMatrix('', 'L')).toThrow(/text/u);
    expect(() => qrMatrix('A', 'H' as never)).toThrow(/level/u);
    expect(() => qrMatrix('A'.repeat(5000), 'L')).toThrow(/too long/u);
  });
});
