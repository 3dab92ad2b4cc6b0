/**
 * Vitest starts the longest test files first (tests/support/longest-first.ts): every file it names
 * exists, and the order puts them first, in rank order, keeping the rest in their own order.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { LONGEST_FIRST, longestFirst } from '../support/longest-first.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('every file it ranks exists', () => {
  expect(LONGEST_FIRST.filter((file) => !fs.existsSync(`${root}${file}`))).toEqual([]);
});

test('the ranked files come first, slowest first; the others keep their order after them', () => {
  const files = ['/r/tests/unit/a.test.ts', `/r/${LONGEST_FIRST[2]}`, '/r/tests/unit/b.test.ts', `/r/${LONGEST_FIRST[0]}`, '/r/tests/unit/c.test.ts'];
  expect(longestFirst(files, (f) => f)).toEqual([
    `/r/${LONGEST_FIRST[0]}`,
    `/r/${LONGEST_FIRST[2]}`,
    '/r/tests/unit/a.test.ts',
    '/r/tests/unit/b.test.ts',
    '/r/tests/unit/c.test.ts',
  ]);
});
