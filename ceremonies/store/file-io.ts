/**
 * The few file operations the store uses, behind one object so tests can inject failures (EIO,
 * ENOSPC on write or fsync) without touching the real file system. Every durable write in Custos
 * goes through `writeAll` + `fsync`; files that replace others go temp → fsync → rename → fsync dir.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FileIo {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  ftruncateSync(fd: number, length: number): void;
  renameSync(from: string, to: string): void;
}

export const realIo: FileIo = {
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  ftruncateSync: (fd, length) => fs.ftruncateSync(fd, length),
  renameSync: (from, to) => fs.renameSync(from, to),
};

/** Writes every byte (write may write fewer than asked). */
export function writeAll(io: FileIo, fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.length) done += io.writeSync(fd, bytes, done, bytes.length - done);
}

/** fsync of a directory, so a created or renamed entry in it survives a crash. */
export function fsyncDirectory(io: FileIo, dir: string): void {
  const fd = io.openSync(dir, 'r');
  try {
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
}

/**
 * Permissions of a file only its owner may read: keys, shares, a witness's checkpoint
 * (docs/threat-model.md, "The guarantee of the record").
 */
export const OWNER_ONLY = 0o600;

/**
 * Writes a whole file durably: temp file, fsync, rename over the target, fsync the directory. The
 * temp file is created with `mode` (OWNER_ONLY for keys, shares and checkpoints given to a person)
 * and any earlier temp file of the same name is removed first, so the mode is the one asked for.
 */
export function writeFileDurably(io: FileIo, file: string, bytes: Uint8Array, mode = 0o644): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.rmSync(temp, { force: true });
  const fd = io.openSync(temp, 'wx', mode);
  try {
    writeAll(io, fd, bytes);
    io.fsyncSync(fd);
  } catch (error) {
    io.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  io.closeSync(fd);
  io.renameSync(temp, file);
  fsyncDirectory(io, path.dirname(file));
}
