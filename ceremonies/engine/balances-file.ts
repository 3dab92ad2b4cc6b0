/**
 * The balances file the watch-only side exports for a reconciliation (docs/cli.md, "Balances
 * file"): address → amount in coins as decimal text, either JSON (an object {"<address>":
 * "<amount>"} or a list [{"address", "amount", "asset"?}]) or CSV with a header line
 * `address,amount` or `address,amount,asset`. An asset names a token the station lists (its symbol)
 * held at an Ethereum address; without one, the amount is of the address's own coin. Amounts
 * are kept exact (converted to base units once the address's chain is known); a number written as
 * a JSON number is refused, since it may already have lost precision.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';

/** One balance: an address, the amount as written, and the token it is of (null: the address's coin). */
interface Balance {
  address: string;
  amount: string;
  asset: string | null;
}

export interface BalancesFile {
  fileName: string;
  sha256: string;
  format: 'json' | 'csv';
  /** Each balance of the file, in its order; an address with one asset is listed once. */
  balances: Balance[];
}

type Row = [address: string, amount: string, asset: string | null];

const MAX_BYTES = 20_000_000;

function bad(fileName: string, why: string): CustosError {
  return new CustosError('BALANCES_INVALID', `The balances file ${fileName} ${why}. Nothing was recorded.`, { file: fileName });
}

export function readBalancesFile(file: string): BalancesFile {
  const fileName = path.basename(file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new CustosError('BALANCES_UNREADABLE', `The balances file ${fileName} cannot be read. Nothing was recorded.`, { file: fileName });
  }
  if (bytes.length > MAX_BYTES) throw bad(fileName, `is larger than ${MAX_BYTES} bytes`);
  const text = bytes.toString('utf8').replace(/^\uFEFF/u, '');
  const format = /^\s*[[{]/u.test(text) ? 'json' : 'csv';
  const rows = format === 'json' ? jsonRows(text, fileName) : csvRows(text, fileName);
  const balances: Balance[] = [];
  const seen = new Set<string>();
  rows.forEach(([address, amount, asset], i) => {
    if (!/^[A-Za-z0-9]{20,100}$/u.test(address)) throw bad(fileName, `has an address that is not one, on row ${i + 1}`);
    if (asset !== null && !/^[A-Za-z0-9.$-]{1,12}$/u.test(asset)) throw bad(fileName, `has an asset that is not a token symbol, on row ${i + 1}`);
    const key = `${address.startsWith('0x') ? address.toLowerCase() : address}\u0000${asset ?? ''}`;
    if (seen.has(key)) throw bad(fileName, `lists address ${address}${asset ? ` (${asset})` : ''} twice`);
    seen.add(key);
    if (!/^\d{1,30}(\.\d{1,36})?$/u.test(amount)) throw bad(fileName, `has an amount that is not a decimal number of coins, on row ${i + 1}`);
    balances.push({ address, amount, asset });
  });
  return { fileName, sha256: createHash('sha256').update(bytes).digest('hex'), format, balances };
}

function jsonRows(text: string, fileName: string): Row[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad(fileName, 'is not valid JSON');
  }
  const entries: [unknown, unknown, unknown][] = Array.isArray(data)
    ? data.map((row) => {
        const r = (row ?? {}) as { address?: unknown; amount?: unknown; asset?: unknown };
        return [r.address, r.amount, r.asset];
      })
    : Object.entries(data as object).map(([address, amount]) => [address, amount, undefined]);
  return entries.map(([address, amount, asset], i) => {
    if (typeof amount === 'number') throw bad(fileName, `gives the amount on row ${i + 1} as a JSON number; write it as text ("0.015") to keep it exact`);
    if (typeof address !== 'string' || typeof amount !== 'string') throw bad(fileName, `has no address or amount text on row ${i + 1}`);
    if (asset !== undefined && typeof asset !== 'string') throw bad(fileName, `has an asset that is not text on row ${i + 1}`);
    return [address.trim(), amount.trim(), asset?.trim() || null];
  });
}

function csvRows(text: string, fileName: string): Row[] {
  const lines = text.split(/\r?\n/u).filter((l) => l.trim() !== '');
  const header = lines.length ? /^\s*"?address"?\s*,\s*"?amount"?\s*(,\s*"?asset"?\s*)?$/iu.exec(lines[0]!) : null;
  if (!header) throw bad(fileName, 'is neither JSON nor CSV with the header "address,amount" (or "address,amount,asset")');
  const columns = header[1] ? 3 : 2;
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/u, '$1'));
    if (cells.length !== columns) throw bad(fileName, `has ${cells.length} columns on row ${i + 1}, not ${columns}`);
    return [cells[0]!, cells[1]!, columns === 3 ? cells[2]! || null : null];
  });
}
