/**
 * Numbers, amounts and dates as the screens show them, in the screen's language (Intl, no library).
 * Amounts stay exact: the record keeps them as decimal strings of base units
 * (docs/record-format.md: "Amounts are decimal strings"), so they are read as BigInt and never pass
 * through floating point. Bitcoin chains (bitcoin, testnet, regtest) show coins with their 8
 * decimals (the units of ceremonies/inventory/holdings.ts: BTC, tBTC, rBTC); any other chain shows
 * its base units as recorded. Times come from the station clock in UTC (docs/record-format.md,
 * "Entry payload"), so they are shown in UTC and say so. Pure functions:
 * tests/unit/renderer/locale-format.test.ts (the screens and the command line).
 */
import type { Locale } from './locale.ts';

/** The Intl locale of each screen language. */
function intlLocale(locale: Locale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

const BITCOIN_UNITS: Readonly<Record<string, string>> = { bitcoin: 'BTC', testnet: 'tBTC', regtest: 'rBTC' };
const BITCOIN_DECIMALS = 8;

/** The coin unit of a Bitcoin chain, or null for a chain shown in base units. */
export function bitcoinUnit(chain: string): string | null {
  return BITCOIN_UNITS[chain] ?? null;
}

function parseBaseUnits(text: string): bigint | null {
  return /^-?\d+$/u.test(text.trim()) ? BigInt(text.trim()) : null;
}

/** An integer (number or decimal text of any size) with the locale's digit grouping. */
export function formatInteger(value: number | bigint | string, locale: Locale): string {
  const n = typeof value === 'string' ? parseBaseUnits(value) : value;
  if (n === null) return String(value);
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(n);
}

/** The locale's decimal separator ("." in English, "," in French). */
function decimalSeparator(locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** Base units as a coin amount with exactly 8 decimals: "120000000" → "1.20000000" (en), "1,20000000" (fr). */
export function formatSatoshis(baseUnits: string, locale: Locale): string {
  const v = parseBaseUnits(baseUnits);
  if (v === null) return baseUnits;
  const abs = v < 0n ? -v : v;
  const unit = 10n ** BigInt(BITCOIN_DECIMALS);
  const whole = formatInteger(abs / unit, locale);
  const fraction = (abs % unit).toString().padStart(BITCOIN_DECIMALS, '0');
  return `${v < 0n ? '−' : ''}${whole}${decimalSeparator(locale)}${fraction}`;
}

/** Base units of an asset with `decimals` decimals, as its units for people ("2500000000", 6 → "2,500"), trailing zeros of the fraction dropped. */
export function formatUnits(baseUnits: string, decimals: number, locale: Locale): string {
  const v = parseBaseUnits(baseUnits);
  if (v === null) return baseUnits;
  const abs = v < 0n ? -v : v;
  const unit = 10n ** BigInt(decimals);
  const fraction = (abs % unit).toString().padStart(decimals, '0').replace(/0+$/u, '');
  return `${v < 0n ? '−' : ''}${formatInteger(abs / unit, locale)}${fraction ? `${decimalSeparator(locale)}${fraction}` : ''}`;
}

export interface AmountText {
  /** The amount for people: coins for Bitcoin chains, grouped base units otherwise. */
  readonly main: string;
  /** The unit shown after it (BTC, tBTC, rBTC), or null when the amount is in base units. */
  readonly unit: string | null;
  /** The base units, grouped (shown beside the coins for reconciliation). */
  readonly baseUnits: string;
}

/** A recorded amount of `chain`, as shown in the inventory. */
export function formatAmount(chain: string, baseUnits: string, locale: Locale): AmountText {
  const unit = bitcoinUnit(chain);
  const grouped = formatInteger(baseUnits, locale);
  return unit === null ? { main: grouped, unit: null, baseUnits: grouped } : { main: formatSatoshis(baseUnits, locale), unit, baseUnits: grouped };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;

/** A recorded date: a day ("2026-12-01") as a date, a time ("…T15:31:00.493Z") as date and time in UTC. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  const dayOnly = DATE_ONLY.test(value);
  const date = new Date(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions = dayOnly
    ? { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }
    : { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'short' };
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}

/** The day only of a recorded time ("23 Nov 2026"), in UTC. */
export function formatDay(value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—';
  return formatDate(DATE_ONLY.test(value) ? value : value.slice(0, 10), locale);
}

/** The first characters of a long hex identifier (key id, fingerprint), for tables. */
export function shortHex(hex: string, length = 12): string {
  return hex.length > length ? `${hex.slice(0, length)}…` : hex;
}
