/**
 * QR in: the animated QR code of the coordinator's online wallet, read by the station's camera. The
 * window decodes each frame's QR code to its text and sends it here; main gathers the BC-UR parts
 * (common/bc-ur/ur-decoder.ts) until the message is whole, checks what it is, writes it as the file
 * the ceremony then takes (a PSBT, or an Ethereum request as custos-eth-request/1), durably, and
 * hands the window a chosen-file token for it, exactly as if the officer had chosen that file in the
 * dialog. The camera is allowed only while a scan is open (main/shell/camera-gate.ts), five minutes
 * at most: a scan left open is closed by main. Spec:
 * docs/transfer-exchange.md, "QR in"; ADR 0029.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeCbor, cborExpectBytes } from '../../common/bc-ur/cbor-decode.ts';
import { UrDecodeError } from '../../common/bc-ur/ur-decode-error.ts';
import { UrDecoder } from '../../common/bc-ur/ur-decoder.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { realIo, writeFileDurably } from '../../ceremonies/store/file-io.ts';
import type { Chosen, QrScanKind, QrScanProgress } from './app-api.ts';
import type { ChosenPaths } from './chosen-paths.ts';
import { SIGN_REQUEST_SUFFIX, ethRequestFromSignRequest } from './eth-sign-request.ts';

/** What opens and closes the camera for a scan (the window's camera gate in the app). */
export interface CameraSwitch {
  open(scan: string): void;
  close(scan: string): void;
}

/** The UR types each kind of scan takes: a PSBT (BCR-2020-006 `crypto-psbt`, and its newer name `psbt`), an EIP-4527 request. */
const UR_TYPES: Readonly<Record<QrScanKind, readonly string[]>> = {
  'psbt-file': ['crypto-psbt', 'psbt'],
  'eth-request-file': ['eth-sign-request'],
};

/** BIP 174: every PSBT starts with "psbt" and 0xff. */
const PSBT_MAGIC = [0x70, 0x73, 0x62, 0x74, 0xff];

function unreadable(message: string): CustosError {
  return new CustosError('QR_UNREADABLE', `${message} Nothing was changed.`, {});
}

/** The refusal for a decoding error, in the officer's words. */
function refusal(error: unknown, kind: QrScanKind): CustosError {
  if (error instanceof CustosError) return error;
  if (error instanceof UrDecodeError && error.code === 'UR_WRONG_TYPE') {
    const expected = kind === 'psbt-file' ? 'a transaction to sign (PSBT)' : 'an Ethereum transfer request';
    return new CustosError('QR_WRONG_KIND', `This QR code is not ${expected}. Show the coordinator's transaction. Nothing was changed.`, {});
  }
  if (error instanceof UrDecodeError && error.code === 'UR_INCONSISTENT') {
    return new CustosError(
      'QR_MIXED',
      'The camera read frames of two different QR codes. Start the scan again with only one code in view. Nothing was changed.',
      {},
    );
  }
  return unreadable('This QR code cannot be read as a transaction from the coordinator.');
}

interface Scan {
  readonly kind: QrScanKind;
  readonly decoder: UrDecoder;
  done: Chosen | null;
  /** Closes the scan (and the camera) if it is left open: a scan is a moment, not a state. */
  readonly timer: ReturnType<typeof setTimeout>;
}

/** How long a scan may stay open before main closes it and the camera (QR_SCAN_CLOSED after). */
const SCAN_OPEN_MS = 5 * 60_000;

export class QrScans {
  private readonly scans = new Map<string, Scan>();

  private readonly dir: string;
  private readonly chosen: ChosenPaths;
  private readonly camera: CameraSwitch | undefined;
  private readonly openMs: number;

  constructor(dir: string, chosen: ChosenPaths, camera: CameraSwitch | undefined, openMs = SCAN_OPEN_MS) {
    this.dir = dir;
    this.chosen = chosen;
    this.camera = camera;
    this.openMs = openMs;
  }

  /** Opens a scan of `kind` (and the camera); any other open scan is closed first. */
  start(kind: QrScanKind): string {
    for (const id of [...this.scans.keys()]) this.stop(id);
    const id = randomUUID();
    const timer = setTimeout(() => this.stop(id), this.openMs);
    timer.unref?.();
    this.scans.set(id, { kind, decoder: new UrDecoder(UR_TYPES[kind]), done: null, timer });
    this.camera?.open(id);
    return id;
  }

  /** Closes a scan and the camera; closing one already closed does nothing. */
  stop(id: string): void {
    const scan = this.scans.get(id);
    if (scan) clearTimeout(scan.timer);
    this.scans.delete(id);
    this.camera?.close(id);
  }

  /** Takes the text of one QR frame; when the message is whole, writes its file and returns its token. */
  frame(id: string, text: string): QrScanProgress {
    const scan = this.scans.get(id);
    if (!scan) throw new CustosError('QR_SCAN_CLOSED', 'This scan is closed. Start it again. Nothing was changed.', {});
    if (scan.done) return { received: 1, expected: 1, percent: 100, file: scan.done };
    try {
      scan.decoder.receive(text);
      if (!scan.decoder.isComplete) {
        const { received, expected, percent } = scan.decoder.progress;
        return { received, expected, percent, file: null };
      }
      const { type, cbor } = scan.decoder.result();
      scan.done = this.write(scan.kind, type, cbor);
    } catch (error) {
      // A refused scan is over: its camera closes, and the officer starts again.
      this.stop(id);
      throw refusal(error, scan.kind);
    }
    this.camera?.close(id);
    return { received: 1, expected: 1, percent: 100, file: scan.done };
  }

  /** Writes the scanned message as the file its ceremony takes, named by its hash. */
  private write(kind: QrScanKind, type: string, cbor: Uint8Array): Chosen {
    const [bytes, suffix] = kind === 'psbt-file' ? [psbtOf(cbor), 'psbt'] : [ethRequestOf(type, cbor), 'eth-request.json'];
    const name = `scanned-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${suffix}`;
    fs.mkdirSync(this.dir, { recursive: true });
    // An Ethereum request is kept as scanned too: its request id goes back in the signature (eth-sign-request.ts).
    if (kind === 'eth-request-file') writeFileDurably(realIo, path.join(this.dir, `${name}${SIGN_REQUEST_SUFFIX}`), cbor);
    writeFileDurably(realIo, path.join(this.dir, name), bytes);
    return this.chosen.remember(kind, path.join(this.dir, name));
  }
}

/** `crypto-psbt`: the PSBT as a CBOR byte string (BCR-2020-006); it must start as every PSBT does. */
function psbtOf(cbor: Uint8Array): Uint8Array {
  const psbt = cborExpectBytes(decodeCbor(cbor), 'crypto-psbt');
  if (psbt.length < PSBT_MAGIC.length || PSBT_MAGIC.some((b, i) => psbt[i] !== b)) {
    throw unreadable('This QR code carries bytes that are not a PSBT.');
  }
  return psbt;
}

function ethRequestOf(type: string, cbor: Uint8Array): Uint8Array {
  if (type !== 'eth-sign-request') throw unreadable('This QR code is not an Ethereum request.');
  return new TextEncoder().encode(`${JSON.stringify(ethRequestFromSignRequest(cbor), null, 2)}\n`);
}
