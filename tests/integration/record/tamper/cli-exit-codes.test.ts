/**
 * Issue 3 tamper cases through the command line: `custos verify <dir> --json` exits 1 and names the
 * finding for a body edited without re-signing (case 2) and for a rollback caught with a witness's
 * retained checkpoint (case 9, `--checkpoint`); the untouched copy exits 0.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { AT, editLine, removeCheckpoints, useTamperStation, writeJournal } from '../../../support/tamper.ts';

const CLI = fileURLToPath(new URL('../../../../main/cli/custos.ts', import.meta.url));
const ctx = useTamperStation();

function verify(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'verify', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, report: r.stdout ? JSON.parse(r.stdout) : null, stderr: r.stderr };
}

test('the untouched station: exit 0', () => {
  const r = verify(ctx.s.dir);
  expect(r.status, r.stderr).toBe(0);
  expect(r.report).toMatchObject({ ok: true, entries: 18, findings: [] });
});

test('a body field edited, not re-signed: exit 1, SIGNATURE_INVALID at the entry', () => {
  const { s } = ctx;
  const dir = ctx.copy();
  const lines = s.lines.slice();
  lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, (p) => {
    p.body.keyid = s.mallory.keyid;
  }, s.keys, { resign: 'none' });
  writeJournal(dir, lines);
  const r = verify(dir);
  expect(r.status, r.stderr).toBe(1);
  expect(r.report.ok).toBe(false);
  expect(r.report.findings).toContainEqual(expect.objectContaining({
    severity: 'error', code: 'SIGNATURE_INVALID', index: AT.eveProveKey, ceremony: s.ceremonies.eve,
  }));
});

test('a rollback, with the witness\'s checkpoint: exit 1, CHECKPOINT_ROLLBACK (exit 0 without it)', () => {
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
