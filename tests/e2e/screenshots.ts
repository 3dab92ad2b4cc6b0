/**
 * Where the e2e tests save their screenshots: $CUSTOS_SCREENSHOTS (the README's images are taken
 * with CUSTOS_SCREENSHOTS=docs/screenshots), else test-results/e2e-screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './renderer-server.ts';

export function screenshotPath(name: string): string {
  const dir = path.resolve(REPO_ROOT, process.env.CUSTOS_SCREENSHOTS ?? 'test-results/e2e-screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
