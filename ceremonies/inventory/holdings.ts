/**
 * Quantities of the inventory (R8): amounts per chain in the chain's base unit (satoshi, wei) as
 * decimal strings, the form the record uses (docs/record-format.md: amounts are decimal strings,
 * never floating point). Reading a coin amount ("0.015 BTC" as "0.015") converts it exactly.
 */
import { CustosError } from '../custos-error.ts';

/** Decimals of each chain's coin: BTC has 8 (satoshi), ETH 18 (wei). */
const DECIMALS: Record<string, number> = { bitcoin: 8, testnet: 8, regtest: 8, ethereum: 18 };
export const UNIT: Record<string, string> = { bitcoin: 'BTC', testnet: 'tBTC', regtest: 'rBTC', ethereum: 'ETH' };

/** Base units of a coin amount written as a decimal ("0.015" → 1500000 sat); refused if inexact. */
export function toBaseUnits(text: string, chain: string, where: string): bigint {
  return toUnits(text, DECIMALS[chain], UNIT[chain] ?? chain, where);
}

/** Base units of an amount of an asset with `decimals` decimals ("2500" USDC → 2500000000); refused if inexact. */
export function toUnits(text: string, decimals: number | undefined, unit: string, where: string): bigint {
  const m = /^(\d{1,30})(?:\.(\d+))?$/u.exec(text.trim());
  if (decimals === undefined || !m || (m[2]?.length ?? 0) > decimals) {
    throw new CustosError(
      'AMOUNT_INVALID',
      `The amount at ${where} is not a positive decimal number of ${unit} with at most ${decimals ?? 0} decimals. Nothing was recorded.`,
      { where },
    );
  }
  return BigInt(m[1]!) * 10n ** BigInt(decimals) + BigInt((m[2] ?? '').padEnd(decimals, '0') || '0');
}

/** A base-unit amount as a coin decimal, for people ("1500000" sat → "0.015"). */
export function toCoin(base: bigint | string, chain: string): string {
  const decimals = DECIMALS[chain] ?? 0;
  const v = BigInt(base);
  const sign = v < 0n ? '-' : '';
  const abs = v < 0n ? -v : v;
  const unit = 10n ** BigInt(decimals);
  const fraction = (abs % unit).toString().padStart(decimals, '0').replace(/0+$/u, '');
  return `${sign}${abs / unit}${fraction ? `.${fraction}` : ''}`;
}

/** Adds base-unit decimal strings (either may be negative). */
export function add(a: string, b: string | bigint): string {
  return (BigInt(a) + BigInt(b)).toString();
}
