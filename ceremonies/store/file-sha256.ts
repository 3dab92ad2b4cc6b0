/**
 * The SHA-256 of a regular file, read in 1 MiB chunks so that a long video needs no memory; a link,
 * a folder or a file that cannot be read gives null. Used for evidence files (docs/record-format.md,
 * "Evidence"): when a ceremony names them (engine/evidence-plan.ts) and when verify checks them
 * (audit/evidence-check.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const CHUNK = 1 << 20;

export function fileSha256(file: string): string | null {
  let fd: number | undefined;
  try {
    if (!fs.lstatSync(file).isFile()) return null;
    fd = fs.openSync(file, 'r');
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let read = fs.readSync(fd, buffer, 0, CHUNK, null); read > 0; read = fs.readSync(fd, buffer, 0, CHUNK, null)) hash.update(buffer.subarray(0, read));
    return hash.digest('hex');
  } catch {
    return null;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
