/**
 * Erasing a sealed share file the station can reach (procedure destruction): the file must be a
 * Custos sealed share (docs/share-format.md "Sealed file": magic CUSTOSSF) named for this wallet's
 * share (custos-share-<fingerprint>-<set>-<i>of<n>.cshare); it is overwritten in place with random
 * bytes, flushed to the medium, then removed, and the folder flushed. Overwriting does not defeat
 * wear levelling on flash media: the physical medium is destroyed too (method shred or wipe).
 */
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';
import type { WalletView } from '../inventory/wallets.ts';
import { fsyncDirectory, realIo } from '../store/file-io.ts';

const MAGIC = Buffer.from('CUSTOSSF', 'ascii');

/** Checks the file before anything is recorded; returns its name. */
export function checkShareFile(file: string, wallet: WalletView, index: number): string {
  const name = path.basename(file);
  const expected = `custos-share-${wallet.fingerprint}-${(wallet.setId ?? '').slice(0, 8)}-${index}of${wallet.shareCount}.cshare`;
  let head: Buffer;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(8);
      fs.readSync(fd, head, 0, 8, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    throw new CustosError('SHARE_FILE_UNREACHABLE', `The share file ${name} cannot be read. Nothing was recorded.`, { file: name });
  }
  if (name !== expected || !head.equals(MAGIC)) {
    throw new CustosError(
      'SHARE_FILE_MISMATCH',
      `${name} is not the sealed file of share ${index} of ${wallet.id} (expected ${expected}). Nothing was recorded.`,
      { file: name, index },
    );
  }
  return name;
}

/** Overwrites the file with random bytes, flushes, removes it, and flushes its folder. */
export function eraseShareFile(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  try {
    const noise = randomFillSync(Buffer.alloc(size));
    let written = 0;
    while (written < size) written += fs.writeSync(fd, noise, written, size - written, written);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.unlinkSync(file);
  fsyncDirectory(realIo, path.dirname(file));
}
