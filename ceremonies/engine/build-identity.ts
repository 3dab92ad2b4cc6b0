/**
 * The build hash recorded in every ceremony's opening entry (docs/record-format.md, "Procedures":
 * `build`): SHA-256 over the sorted list of "<sha256 of file>  <path>" lines of the code that runs
 * (crypto/, ceremonies/, main/ and the dependency lock), the `sha256sum` format, so an auditor can
 * recompute it from a checkout or an installed app with standard tools.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const CODE = /\.(ts|tsx|js|cjs|mjs)$/u;

function files(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((d) => {
    const rel = path.posix.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : files(root, rel);
    return CODE.test(d.name) ? [rel] : [];
  });
}

function buildManifest(root: string): string {
  const list = [...files(root, 'crypto'), ...files(root, 'ceremonies'), ...files(root, 'main'), ...files(root, 'dist')]
    .concat(fs.existsSync(path.join(root, 'package-lock.json')) ? ['package-lock.json'] : [])
    .sort();
  return list
    .map(
      (f) =>
        `${createHash('sha256')
          .update(fs.readFileSync(path.join(root, f)))
          .digest('hex')}  ${f}\n`,
    )
    .join('');
}

let cached: { root: string; hash: string } | undefined;

export function buildHash(root: string): string {
  if (cached?.root === root) return cached.hash;
  const hash = createHash('sha256').update(buildManifest(root)).digest('hex');
  cached = { root, hash };
  return hash;
}
