/**
 * Satoshis (decimal text, as the record keeps them) shown as BTC with 8 decimals, in the locale's
 * number format, without going through floating point.
 */
import type { Locale } from '../../i18n/messages.ts';

export function formatBtc(sats: string, locale: Locale): string {
  const negative = sats.startsWith('-');
  const digits = (negative ? sats.slice(1) : sats).padStart(9, '0');
  const whole = BigInt(digits.slice(0, -8)).toLocaleString(locale === 'fr' ? 'fr-FR' : 'en-GB');
  const separator = locale === 'fr' ? ',' : '.';
  return `${negative ? '-' : ''}${whole}${separator}${digits.slice(-8)} BTC`;
}
