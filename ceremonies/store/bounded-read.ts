/**
 * Reading files an adversary may have placed (docs/record-format.md, "Hostile input"): only
 * regular files, never a symlink inside a data directory (O_NOFOLLOW), never a device or a FIFO
 * (opened without blocking, then refused by fstat), and never more than a cap: a file larger than
 * its cap is refused without being read. Every size Custos reads from a data directory or bundle
 * has its cap here.
 */
import fs from 'node:fs';
import { CustosError } from '../custos-error.ts';

/** One stored line (an entry): also the most a torn tail may be. */
export const MAX_LINE_BYTES = 1024 * 1024;
/** A procedure definition file. */
export const MAX_DEFINITION_BYTES = 256 * 1024;
/** A checkpoint note (station signature and a few witness cosignatures). */
export const MAX_CHECKPOINT_BYTES = 64 * 1024;
/** A bundle's header line (definitions and checkpoints). */
export const MAX_BUNDLE_HEADER_BYTES = 16 * 1024 * 1024;

export type RefusalReason = 'not-regular' | 'too-large' | 'unreadable';

export class FileRefused extends CustosError<'FILE_REFUSED'> {
  readonly reason: RefusalReason;

  constructor(file: string, reason: RefusalReason, maxBytes: number) {
    const why =
      reason === 'not-regular'
        ? 'it is not a regular file (a link, a device or a folder)'
        : reason === 'too-large'
          ? `it is larger than ${maxBytes} bytes`
          : 'it cannot be opened';
    super('FILE_REFUSED', `Custos did not read ${file}: ${why}.`, { path: file, reason });
    this.reason = reason;
  }
}

const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = fs.constants;

/**
 * Opens `file` for reading if it is a regular file (`followLinks`: whether the last path component
 * may be a symlink, as for a file named on the command line); returns its descriptor and size.
 */
export function openRegularFile(file: string, followLinks = false): { fd: number; size: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, O_RDONLY | O_NONBLOCK | (followLinks ? 0 : O_NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileRefused(file, code === 'ELOOP' || code === 'EISDIR' ? 'not-regular' : 'unreadable', 0);
  }
  const stat = fs.fstatSync(fd);
  if (!stat.isFile()) {
    fs.closeSync(fd);
    throw new FileRefused(file, 'not-regular', 0);
  }
  return { fd, size: stat.size };
}

/** The whole of a regular file of at most `maxBytes` bytes (else FileRefused, nothing read). */
export function readRegularFile(file: string, maxBytes: number, followLinks = false): Uint8Array {
  const { fd, size } = openRegularFile(file, followLinks);
  try {
    if (size > maxBytes) throw new FileRefused(file, 'too-large', maxBytes);
    // Read one byte more than allowed: a file that grew since fstat is refused too.
    const buffer = new Uint8Array(Math.min(size, maxBytes) + 1);
    let read = 0;
    for (let n; read < buffer.length && (n = fs.readSync(fd, buffer, read, buffer.length - read, read)) > 0; ) read += n;
    if (read > maxBytes) throw new FileRefused(file, 'too-large', maxBytes);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/** A regular file as UTF-8 text, capped (readRegularFile). */
export function readRegularText(file: string, maxBytes: number, followLinks = false): string {
  return new TextDecoder().decode(readRegularFile(file, maxBytes, followLinks));
}
