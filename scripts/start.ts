/**
 * `npm start` (README, "Running it"): builds, then starts the desktop app with the Electron runtime of
 * package.json. npm does not ship that runtime: the electron package fetches it from Electron's
 * release host (GitHub) the first time it starts. Where that fetch fails (an offline machine, a
 * network that blocks it), this says so plainly — why, and the three ways forward — instead of the
 * fetch library's stack. Options: --no-build (start what dist/ holds). CUSTOS_ELECTRON_DIR names
 * another electron package folder (tests use a copy without its runtime, so that the missing case
 * is the same on every machine).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { npmCommand } from './npm-command.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const ELECTRON = process.env.CUSTOS_ELECTRON_DIR ?? path.join(ROOT, 'node_modules', 'electron');
const version = (JSON.parse(fs.readFileSync(path.join(ELECTRON, 'package.json'), 'utf8')) as { version: string }).version;

/** The runtime's executable when it is installed: the override, or what the package recorded. */
function installedRuntime(): string | undefined {
  const recorded = path.join(ELECTRON, 'path.txt');
  const name = fs.existsSync(recorded) ? fs.readFileSync(recorded, 'utf8').trim() : undefined;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name ?? 'electron');
  const full = name === undefined ? undefined : path.join(ELECTRON, 'dist', name);
  return full !== undefined && fs.existsSync(full) ? full : undefined;
}

const cannotFetch = `Custos cannot start here: the desktop app needs the Electron ${version} runtime, which is not on
this machine yet. npm does not ship it: it is fetched from Electron's release host (github.com) the
first time the app starts, and it could not be fetched (this machine is offline, or cannot reach it).

What you can do:
  - run "npm start" once on a machine that reaches github.com (the runtime is then kept in
    node_modules/electron/dist), or copy that folder here;
  - point ELECTRON_OVERRIDE_DIST_PATH at an Electron ${version} you already have;
  - on a ceremony station, install Custos from its installer instead (docs/build.md), which
    carries the runtime and needs no network.
The command line needs no runtime: "npx custos --help".
`;

if (!process.argv.includes('--no-build')) {
  const built = spawnSync(...npmCommand('run', '--silent', 'build'), { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

let runtime = installedRuntime();
if (runtime === undefined) {
  process.stderr.write(`Fetching the Electron ${version} runtime (first start)…\n`);
  const fetched = spawnSync(process.execPath, [path.join(ELECTRON, 'install.js')], { cwd: ELECTRON, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  runtime = fetched.status === 0 ? installedRuntime() : undefined;
  if (runtime === undefined) {
    process.stderr.write(cannotFetch);
    process.exit(1);
  }
}
const app = spawn(runtime, [ROOT], { stdio: 'inherit' });
app.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, () => app.kill(name));
