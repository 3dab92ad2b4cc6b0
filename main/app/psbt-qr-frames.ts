/**
 * The frames of the animated QR that carries a signed PSBT to the coordinator's online wallet:
 * BC-UR `crypto-psbt` parts (common/bc-ur/, docs/transfer-exchange.md).
 */
import { psbtUrParts } from '../../common/bc-ur/crypto-psbt.ts';

export function psbtQrFrames(psbt: Uint8Array): string[] {
  return psbtUrParts(psbt);
}
