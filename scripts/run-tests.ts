/**
 * `npm test` (README, "Testing"): every stage in order, stopping at the first that fails, the quick
 * ones first — type-check, lint and layer rules, unit tests — then the build, the integration tests
 * (some run the built output), the renderer in Chromium (the built renderer and preload) and the
 * Electron tests (a reported skip without the Electron binary). At the end, and at a failure, a table
 * of each stage's time, so CI's log shows where the minutes went.
 *
 * The tests start `custos` as a real process some thousands of times; each would compile the same
 * modules again. Node's compile cache (NODE_COMPILE_CACHE: V8's code cache of each module, keyed by
 * its source) is kept for the run under node_modules/.cache, so a start-up after the first reads the
 * compiled code instead. It changes no behaviour: the code run is the same source.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { npmCommand } from './npm-command.ts';

process.env.NODE_COMPILE_CACHE ??= path.join(fileURLToPath(new URL('..', import.meta.url)), 'node_modules/.cache/custos-compile-cache');

const STAGES: readonly (readonly [name: string, script: string])[] = [
  ['typecheck', 'typecheck'],
  ['lint', 'lint'],
  ['unit', 'test:unit'],
  ['build', 'build'],
  ['integration', 'test:integration'],
  ['e2e (Chromium)', 'test:e2e'],
  ['electron', 'test:electron'],
];

const times: [string, number, string][] = [];
let failed: string | undefined;
const started = Date.now();
for (const [name, script] of STAGES) {
  const start = Date.now();
  const run = spawnSync(...npmCommand('run', '--silent', script), { stdio: 'inherit' });
  const ok = run.status === 0;
  times.push([name, Date.now() - start, ok ? 'ok' : `FAILED (${run.status ?? run.signal})`]);
  if (!ok) {
    failed = name;
    break;
  }
}
const minutes = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`;
process.stdout.write('\n== npm test: time per stage (m:ss)\n');
for (const [name, ms, outcome] of times) process.stdout.write(`  ${name.padEnd(16)} ${minutes(ms).padStart(6)}  ${outcome}\n`);
process.stdout.write(`  ${'total'.padEnd(16)} ${minutes(Date.now() - started).padStart(6)}\n`);
if (failed !== undefined) {
  process.stdout.write(`npm test stopped at "${failed}"; later stages did not run.\n`);
  process.exit(1);
}
