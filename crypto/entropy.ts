/**
 * Wallet entropy: 256 bits from the operating system's CSPRNG (crypto.getRandomValues), optionally
 * mixed with operator dice rolls as a second, independent source:
 *   entropy = SHA-256("custos/entropy/v1" || os_bytes(32) || ascii(dice faces))
 * 99 rolls of a d6 carry 99 × log2(6) ≈ 255.9 bits, so the dice alone reach full strength then.
 * A Pearson chi-square test over the six faces (df = 5, 1 % critical value 15.086) flags bias.
 * Only counts and test results are reported; the rolls themselves are secret (docs/crypto-core.md, "Entropy").
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { CryptoError, type EntropyReport } from './protocol.ts';
import { concatBytes, wipe } from './secret-bytes.ts';

const DOMAIN = utf8ToBytes('custos/entropy/v1');
const DICE_FULL_STRENGTH_ROLLS = 99;
const DICE_MAX_ROLLS = 1000;
const CHI_SQUARE_CRITICAL_1PCT_DF5 = 15.086;
const DICE_MIN_FOR_BIAS_TEST = 30;

/** Parses rolls typed by an operator: digits 1–6, spaces and commas ignored. */
export function parseDice(input: unknown): Uint8Array {
  if (typeof input !== 'string') {
    throw new CryptoError('DICE_INVALID', 'Dice rolls must be typed as text: digits 1 to 6.', { position: 0 });
  }
  const faces: number[] = [];
  let position = 0;
  for (const ch of input) {
    if (ch === ' ' || ch === ',' || ch === '\n' || ch === '\t' || ch === '\r') continue;
    position++;
    const face = ch.charCodeAt(0) - 48;
    if (face < 1 || face > 6) {
      throw new CryptoError('DICE_INVALID', `Dice roll ${position} is not a number from 1 to 6.`, { position });
    }
    faces.push(face);
  }
  if (faces.length === 0) throw new CryptoError('DICE_INVALID', 'No dice rolls were given.', { position: 0 });
  if (faces.length > DICE_MAX_ROLLS) {
    throw new CryptoError('DICE_INVALID', `At most ${DICE_MAX_ROLLS} dice rolls are accepted.`, { count: faces.length });
  }
  return Uint8Array.from(faces);
}

/** Pearson chi-square statistic of the face counts against a fair die. */
export function chiSquare(faces: Uint8Array): number {
  const counts = new Array<number>(6).fill(0);
  for (const f of faces) counts[f - 1]!++;
  const expected = faces.length / 6;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

export function reportDice(faces: Uint8Array | null): EntropyReport {
  const rolls = faces ? faces.length : 0;
  const chi = faces ? chiSquare(faces) : null;
  return {
    osBits: 256,
    diceRolls: rolls,
    diceBits: Math.min(256, Math.floor(rolls * Math.log2(6))),
    diceFullStrength: rolls >= DICE_FULL_STRENGTH_ROLLS,
    chiSquare: chi === null ? null : Math.round(chi * 1000) / 1000,
    diceBiasSuspected: chi !== null && rolls >= DICE_MIN_FOR_BIAS_TEST && chi > CHI_SQUARE_CRITICAL_1PCT_DF5,
    diceTooFewForBiasTest: rolls > 0 && rolls < DICE_MIN_FOR_BIAS_TEST,
  };
}

/**
 * Mixes OS randomness with dice faces (if any). `osBytes` is injectable for tests only; it and the
 * faces are zeroed before returning. The caller owns (and must wipe) the returned 32 bytes.
 */
export function mixEntropy(osBytes: Uint8Array, faces: Uint8Array | null): Uint8Array {
  if (osBytes.length !== 32) throw new CryptoError('INTERNAL', 'OS entropy must be 32 bytes.');
  const ascii = faces ? faces.map((f) => f + 48) : new Uint8Array(0);
  const input = concatBytes(DOMAIN, osBytes, ascii);
  try {
    return sha256(input);
  } finally {
    wipe(input, ascii, osBytes, faces);
  }
}

/** 32 bytes of wallet entropy and the public report about how they were made. */
export function generateEntropy(dice: unknown): { entropy: Uint8Array; report: EntropyReport } {
  const faces = dice === undefined ? null : parseDice(dice);
  const report = reportDice(faces);
  return { entropy: mixEntropy(randomBytes(32), faces), report };
}
