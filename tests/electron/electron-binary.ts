/**
 * Where the Electron binary is, or null when it was never downloaded. Reads the electron package's
 * path.txt exactly as its index.js does, WITHOUT requiring the package: require('electron') starts
 * a download when the binary is missing, and build machines are offline for GitHub.
 * Spec: docs/architecture.md "Processes" (tests/electron runs where the binary is present).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ELECTRON_PACKAGE = path.join(REPO_ROOT, 'node_modules', 'electron');

export const SKIP_REASON =
  'Electron binary not downloaded on this machine (node_modules/electron has no dist/ binary); ' +
  'run `npx electron --version` once where GitHub is reachable, then rerun `npm run test:electron`.';

export function electronBinary(): string | null {
  const pathFile = path.join(ELECTRON_PACKAGE, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? path.join(override, relative || 'electron') : path.join(ELECTRON_PACKAGE, 'dist', relative);
  return fs.existsSync(binary) ? binary : null;
}
