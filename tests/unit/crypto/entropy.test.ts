/**
 * Wallet entropy (issue 2, part 2 §1): OS randomness mixed with dice as SHA-256 over both, the
 * 99-roll full-strength rule, the chi-square bias warning, and the report holding counts only.
 * The mixing is recomputed independently with node:crypto.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { chiSquare, generateEntropy, mixEntropy, parseDice, reportDice } from '../../../crypto/entropy.ts';
import { CryptoError } from '../../../crypto/protocol.ts';

describe('dice', () => {
  test('accepts faces 1–6 with spaces, commas and newlines', () => {
    expect([...parseDice('1 2,3\n4\t5 6')]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('names the position of a bad roll, not its value', () => {
    try {
      parseDice('1234 5 7 1');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CryptoError);
      expect((error as CryptoError).code).toBe('DICE_INVALID');
      expect((error as CryptoError).details).toEqual({ position: 6 });
      expect((error as CryptoError).message).toBe('Dice roll 6 is not a number from 1 to 6.');
    }
    expect(() => parseDice('   ')).toThrow(/No dice rolls/);
    expect(() => parseDice('1'.repeat(1001))).toThrow(/At most 1000/);
  });

  test('99 rolls reach full strength; 98 do not', () => {
    expect(reportDice(parseDice('123456'.repeat(16) + '123')).diceFullStrength).toBe(true);
    expect(reportDice(parseDice('123456'.repeat(16) + '12')).diceFullStrength).toBe(false);
    expect(reportDice(parseDice('123456'.repeat(16) + '123')).diceBits).toBe(255);
  });

  test('chi-square matches a hand computation and flags a biased die', () => {
    // counts 10,10,10,10,10,10 → 0; counts 60,0,0,0,0,0 → (50²/10) + 5×(10²/10) = 300
    expect(chiSquare(parseDice('123456'.repeat(10)))).toBe(0);
    expect(chiSquare(parseDice('1'.repeat(60)))).toBe(300);
    const biased = reportDice(parseDice('6'.repeat(40) + '123456'.repeat(10)));
    expect(biased.diceBiasSuspected).toBe(true);
    const fair = reportDice(parseDice('123456'.repeat(20)));
    expect(fair).toMatchObject({ diceBiasSuspected: false, diceTooFewForBiasTest: false, chiSquare: 0 });
    expect(reportDice(parseDice('66666')).diceTooFewForBiasTest).toBe(true);
    expect(reportDice(parseDice('66666')).diceBiasSuspected).toBe(false);
  });

  test('the report holds counts and test results only', () => {
    const { entropy, report } = generateEntropy('3141592653'.replace(/[0789]/gu, '1'));
    expect(entropy.length).toBe(32);
    expect(Object.keys(report).sort()).toEqual([
      'chiSquare',
      'diceBiasSuspected',
      'diceBits',
      'diceFullStrength',
      'diceRolls',
      'diceTooFewForBiasTest',
      'osBits',
    ]);
    expect(Object.values(report).every((v) => v === null || typeof v === 'number' || typeof v === 'boolean')).toBe(true);
  });
});

describe('mixing', () => {
  test('entropy = SHA-256("custos/entropy/v1" || os || ascii(dice)), inputs wiped', () => {
    const os = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const osCopy = os.slice();
    const faces = parseDice('6 5 4 3 2 1');
    const expected = createHash('sha256').update('custos/entropy/v1').update(osCopy).update('654321').digest();
    expect(Buffer.from(mixEntropy(os, faces))).toEqual(expected);
    expect(os.every((b) => b === 0)).toBe(true);
    expect(faces.every((b) => b === 0)).toBe(true);
  });

  test('without dice: SHA-256 over the domain and the OS bytes', () => {
    const os = new Uint8Array(32).fill(1);
    const expected = createHash('sha256').update('custos/entropy/v1').update(new Uint8Array(32).fill(1)).digest();
    expect(Buffer.from(mixEntropy(os, null))).toEqual(expected);
  });

  test('two generations differ (the OS source is live)', () => {
    expect(generateEntropy(undefined).entropy).not.toEqual(generateEntropy(undefined).entropy);
  });
});
