/**
 * One formatter for the whole tree (Biome, biome.json; `npm run lint` runs its check): the tree is
 * formatted, and a file that is not is caught — so a contributor's editor settings never decide how
 * the code looks.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const biome = path.join(root, 'node_modules/@biomejs/biome/bin/biome');

function check(target: string, cwd = root) {
  return spawnSync(process.execPath, [biome, 'format', '--config-path', root, target], { cwd, encoding: 'utf8' });
}

test('the tree is formatted as biome.json says', () => {
  const result = check('.');
  expect(result.stdout + result.stderr).not.toMatch(/would have printed/u);
  expect(result.status).toBe(0);
});

test('a badly formatted file fails the check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-format-'));
  try {
    fs.writeFileSync(path.join(dir, 'ceremony.ts'), 'export const   witnesses = [ "bob","chloe" ]\n');
    const result = check(path.join(dir, 'ceremony.ts'), dir);
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toMatch(/would have printed/u);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
