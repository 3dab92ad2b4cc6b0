/**
 * The balances file the watch-only side exports for a reconciliation (docs/cli.md, "Balances
 * file"): address → amount in coins as decimal text, either JSON (an object {"<address>":
 * "<amount>"} or a list [{"address", "amount"}]) or CSV with a header line `address,amount`. Amounts
 * are kept exact (converted to base units once the address's chain is known); a number written as
 * a JSON number is refused, since it may already have lost precision.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';

export interface BalancesFile {
  fileName: string;
  sha256: string;
  format: 'json' | 'csv';
  /** Address → amount in coins, as written. */
  balances: Map<string, string>;
}

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
  const balances = new Map<string, string>();
  rows.forEach(([address, amount], i) => {
    if (!/^[A-Za-z0-9]{20,100}$/u.test(address)) throw bad(fileName, `has an address that is not one, on row ${i + 1}`);
    if (balances.has(address)) throw bad(fileName, `lists address ${address} twice`);
    if (!/^\d{1,30}(\.\d{1,18})?$/u.test(amount)) throw bad(fileName, `has an amount that is not a decimal number of coins, on row ${i + 1}`);
    balances.set(address, amount);
  });
  return { fileName, sha256: createHash('sha256').update(bytes).digest('hex'), format, balances };
}

function jsonRows(text: string, fileName: string): [string, string][] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad(fileName, 'is not valid JSON');
  }
  const entries: [unknown, unknown][] = Array.isArray(data)
    ? data.map((row) => [(row as { address?: unknown } | null)?.address, (row as { amount?: unknown } | null)?.amount])
    : Object.entries(data as object);
  return entries.map(([address, amount], i) => {
    if (typeof amount === 'number') throw bad(fileName, `gives the amount on row ${i + 1} as a JSON number; write it as text ("0.015") to keep it exact`);
    if (typeof address !== 'string' || typeof amount !== 'string') throw bad(fileName, `has no address or amount text on row ${i + 1}`);
    return [address.trim(), amount.trim()];
  });
}

function csvRows(text: string, fileName: string): [string, string][] {
  const lines = text.split(/\r?\n/u).filter((l) => l.trim() !== '');
  if (!lines.length || !/^\s*"?address"?\s*,\s*"?amount"?\s*$/iu.test(lines[0]!))
    throw bad(fileName, 'is neither JSON nor CSV with the header "address,amount"');
  return lines.slice(1).map((line, i) => {
    const cells = line.split(',').map((c) => c.trim().replace(/^"(.*)"$/u, '$1'));
    if (cells.length !== 2) throw bad(fileName, `has ${cells.length} columns on row ${i + 1}, not 2`);
    return [cells[0]!, cells[1]!];
  });
}
