/**
 * Issue 14, point 6: a hostile data directory or bundle cannot hang `custos verify` or make it use
 * gigabytes (docs/record-format.md, "Hostile input"). Each case runs verification in a child process
 * (tests/support/verify-in-child.ts) with a time limit, and requires the specific finding and a
 * peak resident memory under the 256 MB target: a line of 280 MiB, symlinks to an endless device
 * (/dev/zero) in procedures/ and checkpoints/, a FIFO nobody writes to, an oversize definition and
 * checkpoint. Before the bounds, each of these either read to the end of /dev/zero, blocked on the
 * FIFO forever, or held the whole line in memory (joined chunk by chunk, in quadratic time).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, openSync, rmSync, symlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CHECKPOINT_DIR, JOURNAL_DIR, PROCEDURE_DIR } from '../../../ceremonies/store/journal-files.ts';
import { enrol, setUpStation, tempDir, testSigner } from '../../support/test-station.ts';

const CHILD = fileURLToPath(new URL('../../support/verify-in-child.ts', import.meta.url));
const MEMORY_TARGET = 256 * 1024 * 1024;
const TIME_LIMIT_MS = 60_000;

let root: string;
let template: string;

beforeAll(async () => {
  root = tempDir('custos-hostile-');
  template = join(root, 'template');
  const t = await setUpStation(template);
  await enrol(t, testSigner('holder Eve', ['holder']));
  t.writer.close();
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function station(): string {
  const dir = join(root, `case-${n++}`);
  cpSync(template, dir, { recursive: true });
  return dir;
}

function verifyInChild(target: string): { ok?: boolean; codes?: string[]; details?: Record<string, unknown>[]; thrown?: string; maxRss: number } {
  const r = spawnSync(process.execPath, [CHILD, target], { encoding: 'utf8', timeout: TIME_LIMIT_MS });
  expect(r.error, 'verification did not finish within the time limit').toBeUndefined();
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReturnType<typeof verifyInChild>;
}

test(
  'a 280 MiB line: ENTRY_TOO_LARGE, read in bounded memory',
  () => {
    const dir = station();
    const fd = openSync(join(dir, JOURNAL_DIR, '000001.jsonl'), 'a');
    const block = Buffer.alloc(1 << 20, 0x41);
    for (let i = 0; i < 280; i++) writeSync(fd, block);
    writeSync(fd, Buffer.from('\n'));
    closeSync(fd);
    const r = verifyInChild(dir);
    expect(r.ok).toBe(false);
    expect(r.codes).toContain('ENTRY_TOO_LARGE');
    expect(r.maxRss).toBeLessThan(MEMORY_TARGET);
  },
  TIME_LIMIT_MS * 2,
);

test(
  'the same line with no newline at the end: JOURNAL_TORN_TAIL, bounded',
  () => {
    const dir = station();
    const fd = openSync(join(dir, JOURNAL_DIR, '000001.jsonl'), 'a');
    const block = Buffer.alloc(1 << 20, 0x42);
    for (let i = 0; i < 280; i++) writeSync(fd, block);
    closeSync(fd);
    const r = verifyInChild(dir);
    expect(r.codes).toContain('JOURNAL_TORN_TAIL');
    expect(r.details?.[r.codes!.indexOf('JOURNAL_TORN_TAIL')]).toMatchObject({ bytes: 280 << 20 });
    expect(r.maxRss).toBeLessThan(MEMORY_TARGET);
  },
  TIME_LIMIT_MS * 2,
);

test(
  'symlinks to an endless device in procedures/ and checkpoints/, and a FIFO: refused, not read',
  () => {
    const dir = station();
    symlinkSync('/dev/zero', join(dir, PROCEDURE_DIR, `${'a'.repeat(64)}.json`));
    symlinkSync('/dev/zero', join(dir, CHECKPOINT_DIR, '999999999999.checkpoint'));
    const fifo = spawnSync('mkfifo', [join(dir, CHECKPOINT_DIR, '999999999998.checkpoint')]);
    expect(fifo.status, 'mkfifo (coreutils) is needed for this case').toBe(0);
    const r = verifyInChild(dir);
    expect(r.ok).toBe(false);
    const refused = r.details!.filter((_, i) => r.codes![i] === 'FILE_REFUSED');
    expect(refused).toEqual(
      expect.arrayContaining([
        { file: join(PROCEDURE_DIR, `${'a'.repeat(64)}.json`), reason: 'not-regular' },
        { file: join(CHECKPOINT_DIR, '999999999999.checkpoint'), reason: 'not-regular' },
        { file: join(CHECKPOINT_DIR, '999999999998.checkpoint'), reason: 'not-regular' },
      ]),
    );
    expect(r.maxRss).toBeLessThan(MEMORY_TARGET);
  },
  TIME_LIMIT_MS * 2,
);

test('an oversize definition and an oversize checkpoint: refused by size, not read', () => {
  const dir = station();
  writeFileSync(join(dir, PROCEDURE_DIR, `${'b'.repeat(64)}.json`), Buffer.alloc(300 * 1024, 0x20));
  writeFileSync(join(dir, CHECKPOINT_DIR, '999999999997.checkpoint'), Buffer.alloc(65 * 1024, 0x20));
  const r = verifyInChild(dir);
  const refused = r.details!.filter((_, i) => r.codes![i] === 'FILE_REFUSED');
  expect(refused).toEqual(
    expect.arrayContaining([
      { file: join(PROCEDURE_DIR, `${'b'.repeat(64)}.json`), reason: 'too-large' },
      { file: join(CHECKPOINT_DIR, '999999999997.checkpoint'), reason: 'too-large' },
    ]),
  );
});

test('a journal segment that is a symlink to an endless device: the input is refused as unreadable', () => {
  const dir = station();
  mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
  symlinkSync('/dev/zero', join(dir, JOURNAL_DIR, '000002.jsonl'));
  expect(verifyInChild(dir).thrown).toBe('SOURCE_UNREADABLE');
});
