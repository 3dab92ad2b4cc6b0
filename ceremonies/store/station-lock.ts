/**
 * One writer per data directory. The lock is a file created exclusively (O_EXCL) holding the
 * writer's pid, host and start time. A lock whose process is gone (same host, pid not alive) is
 * stale: it is taken over under a guard file, so that two contenders starting together never both
 * believe they hold it (takeOver), then created anew exclusively. A live holder makes a second
 * writer fail with STORE_LOCKED, naming the holder.
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

/** Seams for the lock tests: called when a contender has judged the lock stale, before taking it over. */
export interface LockHooks {
  onStale?: () => void;
}

/** True if `holder` (the content of a lock file last changed at `mtimeMs`) no longer holds it. */
function isStale(holder: LockInfo | null, mtimeMs: number, host: string): boolean {
  return holder === null ? Date.now() - mtimeMs > 5_000 : holder.host === host && !alive(holder.pid);
}

export class StationLock {
  readonly file: string;
  private released = false;

  private constructor(file: string) {
    this.file = file;
  }

  static acquire(dir: string, hooks: LockHooks = {}): StationLock {
    const file = path.join(dir, LOCK_FILE);
    const mine: LockInfo = { pid: process.pid, host: os.hostname(), started: new Date().toISOString() };
    for (let attempt = 0; attempt < 4; attempt++) {
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
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (stat && !isStale(holder, stat.mtimeMs, mine.host)) throw locked(holder);
      hooks.onStale?.();
      takeOver(file, mine);
    }
    throw new CustosError('STORE_LOCKED', 'The station’s data is locked and the lock could not be taken. Nothing was changed.', {
      pid: null,
      host: null,
      since: null,
    });
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    const holder = readLock(this.file);
    if (holder?.pid === process.pid) fs.rmSync(this.file, { force: true });
  }
}

function locked(holder: LockInfo | null): CustosError {
  return new CustosError('STORE_LOCKED', 'Another Custos program is writing to this station’s data. Close it first; nothing was changed.', {
    pid: holder?.pid ?? null,
    host: holder?.host ?? null,
    since: holder?.started ?? null,
  });
}

/**
 * Removes a stale lock, under a takeover guard (`custos.lock.takeover`, created exclusively) so
 * that two contenders never both remove a lock: the second could otherwise remove the lock the
 * first had just taken. Under the guard the lock is judged again and moved aside only if it is
 * still that stale file (same inode). A guard left by a dead contender is stale as a lock is (its
 * process gone, or unreadable and older than 5 s). The caller then creates its lock exclusively,
 * so at most one contender wins.
 */
function takeOver(file: string, mine: LockInfo): void {
  const guard = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(guard, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stat = fs.statSync(guard, { throwIfNoEntry: false });
    if (stat && isStale(readLock(guard), stat.mtimeMs, mine.host)) moveAside(guard, stat.ino);
    return; // another contender is taking the lock over: try again
  }
  try {
    fs.writeSync(fd, JSON.stringify(mine));
    fs.closeSync(fd);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && isStale(readLock(file), stat.mtimeMs, mine.host)) moveAside(file, stat.ino);
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/** Renames `file` aside and deletes it if it is still the file of inode `ino`; else puts it back. */
function moveAside(file: string, ino: number): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    fs.renameSync(file, aside);
  } catch {
    return; // gone already
  }
  if (fs.statSync(aside).ino !== ino) {
    try {
      fs.linkSync(aside, file); // someone's fresh file: back where it was, unless a newer one is there
    } catch {
      // a newer file took its place: its holder created it exclusively after this one was moved
    }
  }
  fs.rmSync(aside, { force: true });
}
