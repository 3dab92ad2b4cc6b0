/**
 * A camera for tests: the frames of an animated QR code as a Y4M video that Chromium's fake video
 * capture plays in a loop (`--use-fake-device-for-media-stream --use-file-for-fake-video-capture=`).
 * Each QR frame is drawn black on white, centred, with its quiet zone, in the luma plane of a 4:2:0
 * picture (chroma neutral). Spec: the YUV4MPEG2 format as Chromium's FileVideoCaptureDevice reads it
 * (a `YUV4MPEG2 W H F Ip A1:1 C420jpeg` header line, then `FRAME` and the Y, U, V planes per frame).
 * The QR matrices come from the app's own encoder (common/qr/qr-matrix.ts) at error correction L.
 */
import fs from 'node:fs';
import { qrMatrix } from '../../common/qr/qr-matrix.ts';

const WIDTH = 640;
const HEIGHT = 480;
const QUIET_ZONE = 4;
const WHITE = 235;
const BLACK = 16;
const NEUTRAL_CHROMA = 128;

export interface QrVideoOptions {
  /** Video frames per second (default 5). */
  readonly framesPerSecond?: number;
  /** How many video frames each QR frame stays on screen (default 2). */
  readonly hold?: number;
}

/** The luma plane of one QR frame, as large as fits. */
function lumaOf(text: string): Uint8Array {
  const matrix = qrMatrix(text, 'L');
  const side = matrix.size + 2 * QUIET_ZONE;
  const module = Math.floor(Math.min(WIDTH, HEIGHT) / side);
  if (module < 2) throw new Error(`a QR frame of ${text.length} characters does not fit a ${WIDTH}x${HEIGHT} picture`);
  const left = Math.floor((WIDTH - side * module) / 2);
  const top = Math.floor((HEIGHT - side * module) / 2);
  const luma = new Uint8Array(WIDTH * HEIGHT).fill(WHITE);
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size; col++) {
      if (!matrix.rows[row]![col]) continue;
      const x0 = left + (col + QUIET_ZONE) * module;
      const y0 = top + (row + QUIET_ZONE) * module;
      for (let y = y0; y < y0 + module; y++) luma.fill(BLACK, y * WIDTH + x0, y * WIDTH + x0 + module);
    }
  }
  return luma;
}

/** Writes `frames` (the texts of the QR codes, in order) as a looping Y4M video at `file`. */
export function writeQrVideo(file: string, frames: readonly string[], options: QrVideoOptions = {}): void {
  const fps = options.framesPerSecond ?? 5;
  const hold = options.hold ?? 2;
  const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2) * 2).fill(NEUTRAL_CHROMA);
  const marker = Buffer.from('FRAME\n');
  const parts: Uint8Array[] = [Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const text of frames) {
    const luma = lumaOf(text);
    for (let i = 0; i < hold; i++) parts.push(marker, luma, chroma);
  }
  fs.writeFileSync(file, Buffer.concat(parts));
}
