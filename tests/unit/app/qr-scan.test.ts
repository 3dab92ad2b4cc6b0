/**
 * QR in, main's side (main/app/qr-scan.ts; ADR 0029): frames made by @ngraveio/bc-ur (an encoder
 * independent of the station's decoder) arrive in any order, repeated, pure or mixed; once whole,
 * the PSBT is written byte for byte and handed over as a chosen psbt-file. The camera is open only
 * while the scan is. Played as the coordinator's screen or a passer-by that shows the wrong thing:
 * another kind of code, two codes at once, something that is not a UR, a PSBT that is not one, a
 * frame after the scan closed: each refused with its code, nothing written, the camera closed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UR, UREncoder } from '@ngraveio/bc-ur';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { cborBytes, cborMap, cborUnsigned } from '../../../common/bc-ur/cbor.ts';
import { ChosenPaths } from '../../../main/app/chosen-paths.ts';
import { QrScans, type CameraSwitch } from '../../../main/app/qr-scan.ts';
import { Xoshiro256 } from '../../../common/bc-ur/xoshiro256.ts';

/** A PSBT-shaped message (the magic, then bytes): main checks the magic; the core reviews the rest. */
const PSBT = Uint8Array.from([0x70, 0x73, 0x62, 0x74, 0xff, ...Xoshiro256.fromBytes(new TextEncoder().encode('qr-scan')).nextData(900)]);

function frames(type: string, cbor: Uint8Array, fragment: number, count: number): string[] {
  const encoder = new UREncoder(new UR(Buffer.from(cbor), type), fragment, 0, 10);
  return Array.from({ length: count }, () => encoder.nextPart().toUpperCase());
}

class RecordingCamera implements CameraSwitch {
  readonly open_: Set<string> = new Set();
  readonly log: string[] = [];
  open(scan: string): void {
    this.open_.add(scan);
    this.log.push(`open ${scan}`);
  }
  close(scan: string): void {
    this.open_.delete(scan);
    this.log.push(`close ${scan}`);
  }
  get isOpen(): boolean {
    return this.open_.size > 0;
  }
}

let dir: string;
let chosen: ChosenPaths;
let camera: RecordingCamera;
let scans: QrScans;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-qr-scan-'));
  chosen = new ChosenPaths();
  camera = new RecordingCamera();
  scans = new QrScans(path.join(dir, 'scanned'), chosen, camera);
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const written = () => (fs.existsSync(path.join(dir, 'scanned')) ? fs.readdirSync(path.join(dir, 'scanned')) : []);

function refusedWith(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'accepted';
}

describe('a PSBT read by QR', () => {
  test('mixed parts only, shuffled and repeated: read in full, written byte for byte, handed over as a chosen psbt-file, the camera closed', () => {
    const all = frames('crypto-psbt', cborBytes(PSBT), 100, 40);
    const seqLen = Number(/\/\d+-(\d+)\//u.exec(all[0]!)![1]);
    const mixed = all.slice(seqLen);
    const shuffled = [...mixed].sort((a, b) => ((a.length * 31 + a.charCodeAt(30)) % 7) - ((b.length * 31 + b.charCodeAt(30)) % 7));
    const scan = scans.start('psbt-file');
    expect(camera.isOpen).toBe(true);
    let file = null;
    let last = { received: 0, expected: null as number | null, percent: 0 };
    for (const text of [shuffled[0]!, ...shuffled]) {
      const progress = scans.frame(scan, text);
      if (progress.file) {
        file = progress.file;
        break;
      }
      expect(progress.percent).toBeGreaterThanOrEqual(0);
      expect(progress.percent).toBeLessThan(100);
      last = progress;
    }
    expect(last.expected).toBe(seqLen);
    expect(file).not.toBeNull();
    expect(file!.name).toMatch(/^scanned-[0-9a-f]{16}\.psbt$/u);
    const where = chosen.resolve(file!.token, ['psbt-file']);
    expect(Buffer.from(fs.readFileSync(where)).equals(Buffer.from(PSBT))).toBe(true);
    expect(refusedWith(() => chosen.resolve(file!.token, ['eth-request-file']))).toBe('CHOICE_UNKNOWN');
    expect(camera.isOpen).toBe(false);
    // A frame after completion gives the same file again, nothing new written.
    expect(scans.frame(scan, shuffled[1]!).file).toEqual(file);
    expect(written()).toEqual([file!.name]);
  });

  test('a short PSBT as one single-part UR, lower case', () => {
    const small = PSBT.slice(0, 40);
    const [single] = frames('crypto-psbt', cborBytes(small), 200, 1);
    expect(single).toMatch(/^UR:CRYPTO-PSBT\/[A-Z]+$/u);
    const scan = scans.start('psbt-file');
    const { file } = scans.frame(scan, single!.toLowerCase());
    expect(Buffer.from(fs.readFileSync(chosen.resolve(file!.token, ['psbt-file']))).equals(Buffer.from(small))).toBe(true);
  });

  test('the newer type name `psbt` is read too', () => {
    const scan = scans.start('psbt-file');
    const { file } = scans.frame(scan, frames('psbt', cborBytes(PSBT.slice(0, 50)), 200, 1)[0]!);
    expect(file).not.toBeNull();
  });
});

describe('refusals: nothing written, the camera closed', () => {
  test.each([
    ['an Ethereum request where a PSBT is asked', 'psbt-file', () => frames('eth-sign-request', cborMap([[2, cborBytes(PSBT)]]), 400, 1), 'QR_WRONG_KIND'],
    ['a PSBT where an Ethereum request is asked', 'eth-request-file', () => frames('crypto-psbt', cborBytes(PSBT), 2000, 1), 'QR_WRONG_KIND'],
    ['a QR code that is not a UR (a web address)', 'psbt-file', () => ['HTTPS://EXAMPLE.COM/PAY?AMOUNT=1'], 'QR_UNREADABLE'],
    ['a bitcoin: address', 'psbt-file', () => ['bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'], 'QR_UNREADABLE'],
    [
      'a UR whose checksum is broken',
      'psbt-file',
      () => [frames('crypto-psbt', cborBytes(PSBT.slice(0, 40)), 200, 1)[0]!.replace(/..$/u, 'AE')],
      'QR_UNREADABLE',
    ],
    ['bytes that are not a PSBT', 'psbt-file', () => frames('crypto-psbt', cborBytes(new Uint8Array(60).fill(1)), 200, 1), 'QR_UNREADABLE'],
    ['a crypto-psbt that is not a byte string', 'psbt-file', () => frames('crypto-psbt', cborUnsigned(7), 200, 1), 'QR_UNREADABLE'],
    [
      'frames of two different codes',
      'psbt-file',
      () => [frames('crypto-psbt', cborBytes(PSBT), 100, 1)[0]!, frames('crypto-psbt', cborBytes(PSBT.slice(0, 600)), 100, 1)[0]!],
      'QR_MIXED',
    ],
  ] as const)('%s: %s', (_what, kind, make, code) => {
    const scan = scans.start(kind);
    const texts = make();
    let outcome = 'accepted';
    for (const text of texts) {
      outcome = refusedWith(() => scans.frame(scan, text));
      if (outcome !== 'accepted') break;
    }
    expect(outcome).toBe(code);
    expect(written()).toEqual([]);
    // The refused scan is over: its camera closed, and its next frame finds it closed.
    expect(camera.isOpen).toBe(false);
    expect(refusedWith(() => scans.frame(scan, texts[0]!))).toBe('QR_SCAN_CLOSED');
  });

  test('a frame for a scan stopped, or never started, is refused with QR_SCAN_CLOSED', () => {
    const part = frames('crypto-psbt', cborBytes(PSBT), 100, 1)[0]!;
    const scan = scans.start('psbt-file');
    scans.stop(scan);
    expect(camera.isOpen).toBe(false);
    expect(refusedWith(() => scans.frame(scan, part))).toBe('QR_SCAN_CLOSED');
    expect(refusedWith(() => scans.frame('not-a-scan', part))).toBe('QR_SCAN_CLOSED');
  });

  test('starting a scan closes the one before: only one camera user at a time', () => {
    const first = scans.start('psbt-file');
    const second = scans.start('eth-request-file');
    expect(camera.log).toEqual([`open ${first}`, `close ${first}`, `open ${second}`]);
    expect(refusedWith(() => scans.frame(first, frames('crypto-psbt', cborBytes(PSBT), 100, 1)[0]!))).toBe('QR_SCAN_CLOSED');
  });
});

test('a scan left open is closed by main after five minutes, and the camera with it', () => {
  vi.useFakeTimers();
  try {
    const left = new QrScans(path.join(dir, 'scanned'), chosen, camera);
    const scan = left.start('psbt-file');
    vi.advanceTimersByTime(5 * 60_000 - 1);
    expect(camera.isOpen).toBe(true);
    vi.advanceTimersByTime(1);
    expect(camera.isOpen).toBe(false);
    expect(refusedWith(() => left.frame(scan, frames('crypto-psbt', cborBytes(PSBT), 100, 1)[0]!))).toBe('QR_SCAN_CLOSED');
  } finally {
    vi.useRealTimers();
  }
});
