/**
 * `npm run demo` (README, "See it work"): the throwaway station is set up, a 2-of-3 wallet made and
 * drilled through the real command line, and verify says VALID; everything is marked as a demo in
 * the record itself (the people's names, the wallet's label, and on a connected machine the recorded
 * drill-online deviation); a folder that is not empty is refused.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-demo-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const demo = (dir: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.ts'), '--dir', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
    timeout: 240_000,
  });

test('npm run demo: setup, a 2-of-3 wallet, a drill, verify VALID; the record says it is a demo', () => {
  const dir = path.join(work, 'demo');
  const r = demo(dir);
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(/Result {7}VALID: 0 error\(s\)/u);
  expect(r.stdout).toMatch(/\n {2}demo-wallet-1 +DEMO wallet[^\n]* +house +— +active +2 of 3 +3 \(2 needed\) /u);
  expect(r.stdout).toMatch(/\n {2}backup-drill-\d+ +Backup drill +closed +\d+–\d+\n/u);
  const replay = spawnSync(process.execPath, [path.join(ROOT, 'main', 'cli', 'custos.ts'), 'replay', path.join(dir, 'station'), '--json'], {
    encoding: 'utf8',
  });
  const p = JSON.parse(replay.stdout);
  expect(p.participants.map((x: { name: string }) => x.name).every((n: string) => n.endsWith('(demo key)'))).toBe(true);
  expect(p.wallets[0]).toMatchObject({
    id: 'demo-wallet-1',
    label: expect.stringMatching(/^DEMO wallet/u),
    state: 'active',
    lastDrill: expect.stringMatching(/^\d{4}-/u),
  });
  // On a connected machine each ceremony records why it ran online; offline, none needs to.
  const verify = JSON.parse(
    spawnSync(process.execPath, [path.join(ROOT, 'main', 'cli', 'custos.ts'), 'verify', path.join(dir, 'station'), '--json'], { encoding: 'utf8' }).stdout,
  );
  for (const f of verify.findings.filter((x: { code: string }) => x.code === 'AIRGAP_DEVIATION')) expect(f.message).toContain('Custos demo (npm run demo)');

  const again = demo(dir);
  expect(again.status).toBe(2);
  expect(again.stderr).toContain('is not empty');
}, 240_000);
