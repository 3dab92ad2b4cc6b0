/**
 * Issue 3 tamper cases through the command line: `custos verify <dir> --json` exits 1 and names the
 * finding for a body edited without re-signing (case 2) and for a rollback caught with a witness's
 * retained checkpoint (case 9, `--checkpoint`); the untouched copy exits 0.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { AT, SUPPLIED, editLine, removeCheckpoints, useTamperStation, writeJournal } from '../../../support/tamper.ts';

const CLI = fileURLToPath(new URL('../../../../main/cli/custos.ts', import.meta.url));
const ctx = useTamperStation();

/** The tests' own procedure (the tamper drill), as an auditor passes definitions: --procedures. */
let procedures: string;
beforeAll(() => {
  procedures = ctx.copy();
  for (const [hash, bytes] of SUPPLIED) writeFileSync(join(procedures, `${hash}.json`), bytes);
});

function verify(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'verify', ...args, '--procedures', procedures, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, report: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

test('the untouched station: exit 0', () => {
  const r = verify(ctx.s.dir);
  expect(r.status, r.stderr).toBe(0);
  expect(r.report).toMatchObject({ ok: true, entries: 18 });
  expect(r.report.findings.map((f: { code: string }) => f.code)).toEqual(['PROCEDURE_SUPPLIED']);
});

test('a body field edited, not re-signed: exit 1, SIGNATURE_INVALID at the entry', () => {
  const { s } = ctx;
  const dir = ctx.copy();
  const lines = s.lines.slice();
  lines[AT.eveProveKey] = editLine(
    lines[AT.eveProveKey]!,
    (p) => {
      p.body.keyid = s.mallory.keyid;
    },
    s.keys,
    { resign: 'none' },
  );
  writeJournal(dir, lines);
  const r = verify(dir);
  expect(r.status, r.stderr).toBe(1);
  expect(r.report.ok).toBe(false);
  expect(r.report.findings).toContainEqual(
    expect.objectContaining({
      severity: 'error',
      code: 'SIGNATURE_INVALID',
      index: AT.eveProveKey,
      ceremony: s.ceremonies.eve,
    }),
  );
});

test("a rollback, with the witness's checkpoint: exit 1, CHECKPOINT_ROLLBACK (exit 0 without it)", () => {
  const { s } = ctx;
  const dir = ctx.copy();
  writeJournal(dir, s.lines.slice(0, AT.revokeClose + 1));
  removeCheckpoints(dir, (size) => size <= AT.revokeClose + 1);
  expect(verify(dir).status).toBe(0);
  const kept = join(ctx.copy(), 'kept-by-witness.checkpoint');
  writeFileSync(kept, s.retained.at(-1)!);
  const r = verify(dir, '--checkpoint', kept);
  expect(r.status, r.stderr).toBe(1);
  expect(r.report.findings).toContainEqual(expect.objectContaining({ severity: 'error', code: 'CHECKPOINT_ROLLBACK', index: AT.revokeClose + 1 }));
});

test("several witnesses' checkpoints: each is checked; one from before the rollback matches, the newest catches it", () => {
  const { s } = ctx;
  const dir = ctx.copy();
  writeJournal(dir, s.lines.slice(0, AT.revokeClose + 1));
  removeCheckpoints(dir, (size) => size <= AT.revokeClose + 1);
  const folder = ctx.copy();
  const older = join(folder, 'kept-by-bob.checkpoint');
  const newest = join(folder, 'kept-by-dan.checkpoint');
  writeFileSync(older, s.retained[3]!);
  writeFileSync(newest, s.retained.at(-1)!);
  expect(verify(dir, '--checkpoint', older).status).toBe(0);
  const r = verify(dir, '--checkpoint', older, '--checkpoint', newest);
  expect(r.status, r.stderr).toBe(1);
  expect(r.report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([
    expect.objectContaining({ code: 'CHECKPOINT_ROLLBACK', details: expect.objectContaining({ checkpoint: newest, origin: 'retained' }) }),
  ]);
});

test('a checkpoint that is not a regular file (a FIFO) is refused at once: exit 2, CHECKPOINT_UNREADABLE', () => {
  const fifo = join(ctx.copy(), 'fifo.checkpoint');
  expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
  const r = spawnSync(process.execPath, [CLI, 'verify', ctx.s.dir, '--checkpoint', fifo], { encoding: 'utf8', timeout: 30_000 });
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/CHECKPOINT_UNREADABLE/u);
});

test('--procedures naming something that is not a folder of definitions: exit 2, PROCEDURES_UNREADABLE', () => {
  const r = spawnSync(process.execPath, [CLI, 'verify', ctx.s.dir, '--procedures', join(ctx.s.dir, 'journal', '000001.jsonl')], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toMatch(/PROCEDURES_UNREADABLE/u);
});
