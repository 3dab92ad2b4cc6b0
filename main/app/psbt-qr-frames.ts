/**
 * The frames of the QR codes the station shows the coordinator's online wallet (common/bc-ur/,
 * docs/transfer-exchange.md): a signed PSBT as BC-UR `crypto-psbt` parts, and a watch-only export's
 * BC-UR `crypto-account` (written in the export file by the engine), which Sparrow scans.
 */
import fs from 'node:fs';
import { psbtUrParts } from '../../common/bc-ur/crypto-psbt.ts';

export function psbtQrFrames(psbt: Uint8Array): string[] {
  return psbtUrParts(psbt);
}

const MAX_EXPORT_BYTES = 1_000_000;

/** The `crypto-account` UR of a watch-only export file (custos-watch-only/1), or null for any other file. */
export function cryptoAccountOf(file: string): string | null {
  try {
    if (fs.statSync(file).size > MAX_EXPORT_BYTES) return null;
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown; cryptoAccount?: unknown };
    return data.format === 'custos-watch-only/1' && typeof data.cryptoAccount === 'string' && /^UR:CRYPTO-ACCOUNT\/[A-Z]+$/u.test(data.cryptoAccount)
      ? data.cryptoAccount
      : null;
  } catch {
    return null;
  }
}
