/**
 * README.md's "Layout" is the tree a newcomer clones: every folder it names exists, with the
 * sub-folders it names, and every top-level folder of the repository is named there.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const layout = /## Layout\n\n```\n([\s\S]*?)```/u.exec(readme)?.[1] ?? '';
const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

/** Each folder the block names at the start of a line, with the sub-folders named on its lines. */
function named(): Map<string, string[]> {
  const folders = new Map<string, string[]>();
  let current = '';
  for (const line of layout.split('\n')) {
    const top = /^([a-z][\w-]*)\/\s/u.exec(line);
    if (top) {
      current = top[1]!;
      folders.set(current, []);
    }
    const text = top ? line.slice(top[0].length) : line;
    for (const m of text.matchAll(/(?:^|[\s(,])([a-z][\w-]*)\/(?=[\s,)]|$)/gu)) folders.get(current)?.push(m[1]!);
  }
  return folders;
}

test('the layout names every top-level folder of the repository, and only those', () => {
  const topLevel = [...new Set(tracked.filter((f) => f.includes('/') && !f.startsWith('.')).map((f) => f.split('/')[0]!))].sort();
  expect(layout.length).toBeGreaterThan(100);
  expect([...named().keys()].sort()).toEqual(topLevel);
});

test('each sub-folder the layout names exists under its folder', () => {
  const missing: string[] = [];
  for (const [folder, subs] of named()) {
    for (const sub of subs) if (!tracked.some((f) => f.startsWith(`${folder}/${sub}/`))) missing.push(`${folder}/${sub}/`);
  }
  expect(missing).toEqual([]);
  expect(named().get('main')).toEqual(expect.arrayContaining(['shell', 'app', 'preload', 'crypto-host', 'cli']));
});
