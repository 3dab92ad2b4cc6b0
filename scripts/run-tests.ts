/**
 * `npm test` (README, "Testing"): every stage in order, stopping at the first that fails, the quick
 * ones first — type-check, lint and layer rules, unit tests — then the build, the integration tests
 * (some run the built output), the renderer in Chromium (the built renderer and preload) and the
 * Electron tests (a reported skip without the Electron binary). At the end, and at a failure, a table
 * of each stage's time, so CI's log shows where the minutes went.
 */
import { spawnSync } from 'node:child_process';
import { npmCommand } from './npm-command.ts';

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
