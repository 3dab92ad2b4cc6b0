/**
 * One writer per data directory. The lock is a file created exclusively (O_EXCL) holding the
 * writer's pid, host and start time. A lock whose process is gone (same host, pid not alive) is
 * stale: it is renamed aside atomically (only one contender wins the rename) and taken. A live
 * holder makes a second writer fail with STORE_LOCKED, naming the holder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';

export const LOCK_FILE = 'custos.lock';

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** Whether a process with this id is running on this machine. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
    return Number.isInteger(info.pid) && typeof info.host === 'string' ? info : null;
  } catch {
    return null;
  }
}

export class StationLock {
  readonly file: string;
  private released = false;

  private constructor(file: string) {
    this.file = file;
  }

  static acquire(dir: string): StationLock {
    const file = path.join(dir, LOCK_FILE);
    const mine: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = fs.openSync(file, 'wx', 0o644);
        fs.writeSync(fd, JSON.stringify(mine));
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        return new StationLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLock(file);
      const stale = holder === null
        ? Date.now() - fs.statSync(file, { throwIfNoEntry: false })!.mtimeMs > 5_000
        : holder.host === mine.host && !alive(holder.pid);
      if (!stale) {
        throw new CustosError(
          'STORE_LOCKED',
          'Another Custos program is writing to this station’s data. Close it first; nothing was changed.',
          { pid: holder?.pid ?? null, host: holder?.host ?? null, since: holder?.started ?? null },
        );
      }
      const aside = `${file}.stale-${process.pid}-${Date.now()}`;
      try {
        fs.renameSync(file, aside);
        fs.rmSync(aside, { force: true });
      } catch {
        // Another contender moved it first; try again.
      }
    }
    throw new CustosError('STORE_LOCKED', 'The station’s data is locked and the lock could not be taken. Nothing was changed.');
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const holder = readLock(this.file);
    if (holder?.pid === process.pid) fs.rmSync(this.file, { force: true });
  }
}
