/**
 * `npm start` where the Electron runtime is missing and cannot be fetched (README, "Running it"):
 * it says plainly why and what to do, with no stack from the fetch library, and exits 1. The missing
 * runtime is made the same on every machine: scripts/start.ts runs on a copy of the electron package
 * without its runtime (CUSTOS_ELECTRON_DIR, inside node_modules so that its fetcher resolves), with
 * an empty download cache and a mirror no one answers on (a closed local port).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const copy = path.join(ROOT, 'node_modules', `.custos-electron-without-runtime-${process.pid}`);
const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-electron-cache-'));
afterAll(() => {
  fs.rmSync(copy, { recursive: true, force: true });
  fs.rmSync(cache, { recursive: true, force: true });
});

test('npm start without the Electron runtime, offline: a plain message and exit 1', () => {
  fs.cpSync(path.join(ROOT, 'node_modules', 'electron'), copy, { recursive: true, filter: (source) => !/[\\/](dist|path\.txt)$/u.test(source) });
  expect(fs.existsSync(path.join(copy, 'path.txt'))).toBe(false);
  const env: Record<string, string | undefined> = {
    ...process.env,
    CUSTOS_ELECTRON_DIR: copy,
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    electron_config_cache: cache,
    ELECTRON_OVERRIDE_DIST_PATH: undefined,
    ELECTRON_GET_USE_PROXY: undefined,
  };
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'start.ts'), '--no-build'], {
    cwd: ROOT,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, r.stderr).toBe(1);
  expect(r.stderr).toContain('Custos cannot start here: the desktop app needs the Electron');
  expect(r.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  expect(r.stderr).toContain('npx custos --help');
  // The fetcher's own words and stack stay out of it.
  expect(r.stderr).not.toMatch(/^\s+at |RequestError|fetch failed|ECONNREFUSED|Error:/mu);
}, 150_000);
