/**
 * Issue 3, "Crash tests": one writer at a time (docs/architecture.md "Storage", StationLock). A second writer,
 * in the same process or another one, is refused with STORE_LOCKED naming the holder's pid; a
 * holder killed with SIGKILL leaves a stale lock the next writer takes; a lock file with garbage
 * content is stale once older than 5 s (and refuses before); closing removes the lock file.
 */
import { afterAll, afterEach, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { RecordWriter } from '../../../ceremonies/record/record-writer.ts';
import { JournalStore } from '../../../ceremonies/store/journal-store.ts';
import { LOCK_FILE, StationLock } from '../../../ceremonies/store/station-lock.ts';
import { setUpStation, tempDir, testSigner } from '../../support/test-station.ts';

const WRITER = fileURLToPath(new URL('../../support/crash-writer.ts', import.meta.url));
const COMPILE_CACHE = path.join(os.tmpdir(), 'custos-test-compile-cache');
const station = testSigner('station');
const root = tempDir('custos-lock-');
let dirs = 0;
const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A data directory with a set-up station, its writer closed. */
async function stationDir(): Promise<string> {
  const t = await setUpStation(path.join(root, `station-${dirs++}`));
  t.writer.close();
  return t.dir;
}

function refusal(open: () => unknown): CustosError {
  try {
    const opened = open() as { close(): void };
    opened.close();
  } catch (error) {
    return error as CustosError;
  }
  throw new Error('the second writer was let in');
}

async function asyncRefusal(open: () => Promise<{ close(): void }>): Promise<CustosError> {
  const opened = await open().catch((error: unknown) => error as CustosError);
  if (!(opened instanceof Error)) {
    opened.close();
    throw new Error('the second writer was let in');
  }
  return opened as CustosError;
}

function child(dir: string, mode: 'hold' | 'try') {
  const proc = spawn(process.execPath, [WRITER, dir, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE },
  });
  cleanup.push(() => proc.kill('SIGKILL'));
  let out = '';
  let err = '';
  proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>((resolve) => {
    proc.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
  /** Resolves with the first stdout line. */
  const firstLine = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no output from the ${mode} child: ${err}`)), 20_000);
    proc.stdout.on('data', () => {
      const nl = out.indexOf('\n');
      if (nl !== -1) {
        clearTimeout(timer);
        resolve(out.slice(0, nl));
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      if (!out.includes('\n')) reject(new Error(`the ${mode} child exited without output: ${err}`));
    });
  });
  return { proc, firstLine, exited };
}

test('a second writer in the same process is refused with STORE_LOCKED naming the holder', async () => {
  const dir = await stationDir();
  const holder = await RecordWriter.open(dir, station);
  try {
    for (const error of [refusal(() => JournalStore.open(dir)), await asyncRefusal(() => RecordWriter.open(dir, station))]) {
      expect(error).toBeInstanceOf(CustosError);
      expect(error.code).toBe('STORE_LOCKED');
      expect(error.details).toMatchObject({ pid: process.pid, host: os.hostname() });
    }
    // The holder is unaffected.
    await holder.checkpoint([]);
    expect(holder.store.isFailed).toBe(false);
  } finally {
    holder.close();
  }
  expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
});

test('a writer in another process is refused with STORE_LOCKED naming the holder pid', async () => {
  const dir = await stationDir();
  const holder = JournalStore.open(dir);
  try {
    const { firstLine, exited } = child(dir, 'try');
    const outcome = JSON.parse(await firstLine) as { ok: boolean; code: string; details: Record<string, unknown> };
    expect(outcome).toMatchObject({ ok: false, code: 'STORE_LOCKED', details: { pid: process.pid, host: os.hostname() } });
    expect((await exited).code).toBe(0);
  } finally {
    holder.close();
  }
  // Once released, the other process gets in.
  const { firstLine } = child(dir, 'try');
  expect(JSON.parse(await firstLine)).toEqual({ ok: true });
});

test('a holder killed with SIGKILL leaves a stale lock that the next writer takes', async () => {
  const dir = await stationDir();
  const { proc, firstLine, exited } = child(dir, 'hold');
  expect(await firstLine).toBe(`locked ${proc.pid}`);
  const lockFile = path.join(dir, LOCK_FILE);
  expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: proc.pid, host: os.hostname() });
  // While it lives: refused, naming the child.
  const error = refusal(() => JournalStore.open(dir));
  expect(error.code).toBe('STORE_LOCKED');
  expect(error.details.pid).toBe(proc.pid);
  proc.kill('SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
  // The dead holder's lock is still on disk, and does not keep the station stuck.
  expect(fs.existsSync(lockFile)).toBe(true);
  const writer = await RecordWriter.open(dir, station);
  expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
  await writer.checkpoint([]);
  writer.close();
  expect(fs.existsSync(lockFile)).toBe(false);
  expect(fs.readdirSync(dir).filter((n) => n.startsWith(LOCK_FILE))).toEqual([]);
});

test('a lock file with garbage content is stale once older than 5 s, and refuses before', async () => {
  const dir = await stationDir();
  const lockFile = path.join(dir, LOCK_FILE);
  for (const garbage of ['garbage', '', '{"pid":', '{"pid":"12"}']) {
    fs.writeFileSync(lockFile, garbage);
    // Fresh: the holder may be writing its lock right now, so it is not taken, and cannot be named.
    const fresh = refusal(() => JournalStore.open(dir));
    expect(fresh.code).toBe('STORE_LOCKED');
    expect(fresh.details.pid).toBeNull();
    // Older than 5 s: stale, taken.
    const old = (Date.now() - 6_000) / 1000;
    fs.utimesSync(lockFile, old, old);
    const store = JournalStore.open(dir);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
    store.close();
    expect(fs.existsSync(lockFile)).toBe(false);
  }
});

test('a live holder on another host is not taken over', async () => {
  const dir = await stationDir();
  const lockFile = path.join(dir, LOCK_FILE);
  const started = new Date(Date.now() - 3_600_000).toISOString();
  fs.writeFileSync(lockFile, JSON.stringify({ pid: 4242, host: `not-${os.hostname()}`, started }));
  const old = (Date.now() - 3_600_000) / 1000;
  fs.utimesSync(lockFile, old, old);
  const error = refusal(() => JournalStore.open(dir));
  expect(error.code).toBe('STORE_LOCKED');
  expect(error.details).toMatchObject({ pid: 4242, host: `not-${os.hostname()}`, since: started });
  fs.rmSync(lockFile);
});

test('closing releases the lock: the file is removed and a new writer gets in at once', async () => {
  const dir = await stationDir();
  const lockFile = path.join(dir, LOCK_FILE);
  const writer = await RecordWriter.open(dir, station);
  expect(fs.existsSync(lockFile)).toBe(true);
  writer.close();
  expect(fs.existsSync(lockFile)).toBe(false);
  writer.close(); // closing twice is harmless
  const store = JournalStore.open(dir);
  store.close();
  expect(fs.existsSync(lockFile)).toBe(false);
});

test('two writers taking over the same stale lock at once: exactly one holds it (issue 14)', async () => {
  const dir = await stationDir();
  // A stale lock: its holder (a process that has ended) is gone.
  const gone = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => gone.on('exit', resolve));
  const lockFile = path.join(dir, LOCK_FILE);
  fs.writeFileSync(lockFile, JSON.stringify({ pid: gone.pid, host: os.hostname(), started: new Date().toISOString() }));
  // The first writer judges it stale; before it takes it over, a second one does so completely.
  let second: StationLock | undefined;
  const first = refusal(() =>
    StationLock.acquire(dir, {
      onStale: () => {
        second = StationLock.acquire(dir);
      },
    }),
  );
  expect(first.code).toBe('STORE_LOCKED');
  expect(second).toBeDefined();
  // The second writer's lock is the one on disk, untouched by the first.
  expect(fs.existsSync(lockFile)).toBe(true);
  expect(JSON.parse(fs.readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid });
  expect(fs.readdirSync(dir).filter((n) => n.startsWith(`${LOCK_FILE}.`))).toEqual([]);
  second!.release();
  expect(fs.existsSync(lockFile)).toBe(false);
});
