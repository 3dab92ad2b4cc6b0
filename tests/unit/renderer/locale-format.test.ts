/**
 * The renderer's formatting of amounts, numbers and dates (common/i18n/locale-format.ts):
 * base units to BTC with exactly 8 decimals, exact for amounts beyond 2^53, digit grouping and the
 * decimal separator of each language, other chains in grouped base units, recorded days and times in
 * UTC. Spec: issue 5 ("Home / inventory"; dates and numbers in the screen's language) and
 * docs/record-format.md ("Amounts are decimal strings").
 */
import { describe, expect, test } from 'vitest';
import { bitcoinUnit, formatAmount, formatDate, formatDay, formatInteger, formatSatoshis, shortHex } from '../../../common/i18n/locale-format.ts';

/** French groups digits with a narrow no-break space (U+202F) in current CLDR. */
const fr = (text: string) => text.replace(/[\u202f\u00a0]/gu, ' ');

describe('satoshis as BTC', () => {
  test('8 decimals, always', () => {
    expect(formatSatoshis('120000000', 'en')).toBe('1.20000000');
    expect(formatSatoshis('1', 'en')).toBe('0.00000001');
    expect(formatSatoshis('0', 'en')).toBe('0.00000000');
    expect(formatSatoshis('249990000', 'en')).toBe('2.49990000');
  });

  test('grouping and decimal separator of the language', () => {
    expect(formatSatoshis('123456789012345678', 'en')).toBe('1,234,567,890.12345678');
    expect(fr(formatSatoshis('123456789012345678', 'fr'))).toBe('1 234 567 890,12345678');
    expect(fr(formatSatoshis('75000000', 'fr'))).toBe('0,75000000');
  });

  test('exact beyond 2^53 (no floating point)', () => {
    expect(formatSatoshis('9007199254740993', 'en')).toBe('90,071,992.54740993');
  });

  test('negative differences keep their sign', () => {
    expect(formatSatoshis('-5000', 'en')).toBe('−0.00005000');
  });

  test('text that is not an integer is shown as it is', () => {
    expect(formatSatoshis('1.5', 'en')).toBe('1.5');
    expect(formatSatoshis('', 'en')).toBe('');
  });
});

describe('amounts by chain', () => {
  test('bitcoin chains show coins with their unit, and the grouped base units', () => {
    expect(formatAmount('bitcoin', '120000000', 'en')).toEqual({ main: '1.20000000', unit: 'BTC', baseUnits: '120,000,000' });
    expect(formatAmount('testnet', '1', 'en').unit).toBe('tBTC');
    expect(formatAmount('regtest', '1', 'en').unit).toBe('rBTC');
    expect(bitcoinUnit('ethereum')).toBeNull();
  });

  test('other chains show the base units recorded', () => {
    expect(formatAmount('ethereum', '1000000000000000000', 'en')).toEqual({
      main: '1,000,000,000,000,000,000',
      unit: null,
      baseUnits: '1,000,000,000,000,000,000',
    });
    expect(fr(formatAmount('ethereum', '1500', 'fr').main)).toBe('1 500');
  });
});

describe('integers', () => {
  test('numbers, bigints and decimal text', () => {
    expect(formatInteger(21, 'en')).toBe('21');
    expect(formatInteger(20000, 'en')).toBe('20,000');
    expect(fr(formatInteger(20000, 'fr'))).toBe('20 000');
    expect(formatInteger(10n ** 20n, 'en')).toBe('100,000,000,000,000,000,000');
    expect(formatInteger('abc', 'en')).toBe('abc');
  });
});

describe('dates', () => {
  test('a recorded day is a date, without a time or a shift of day', () => {
    expect(formatDate('2026-12-01', 'en')).toBe('1 Dec 2026');
    expect(formatDate('2026-12-01', 'fr')).toBe('1 déc. 2026');
  });

  test('a recorded time is shown in UTC, and says so', () => {
    expect(formatDate('2026-11-23T15:31:00.493Z', 'en')).toBe('23 Nov 2026, 15:31:00 UTC');
    expect(formatDate('2026-11-23T15:31:00.493Z', 'fr')).toMatch(/^23 nov\. 2026.*15:31:00 UTC$/u);
    expect(formatDay('2026-11-23T23:59:59.000Z', 'en')).toBe('23 Nov 2026');
  });

  test('nothing recorded, or unreadable', () => {
    expect(formatDate(null, 'en')).toBe('—');
    expect(formatDate('', 'fr')).toBe('—');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });
});

test('long hex ids are shortened for tables', () => {
  expect(shortHex('fefc6bccdd43154cded13f2c92e83e6f')).toBe('fefc6bccdd43…');
  expect(shortHex('c2370580')).toBe('c2370580');
});
