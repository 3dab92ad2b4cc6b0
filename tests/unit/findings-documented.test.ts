/**
 * Every finding `custos verify` can report is documented for auditors in docs/record-format.md
 * ("Verification"). Error codes are declared in the error registry and their page is generated from
 * it (tests/unit/errors/error-registry.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8'));
}

const code = sources('ceremonies').concat(sources('main')).join('\n');

test('every verify finding is in docs/record-format.md', () => {
  const spec = read('docs/record-format.md');
  const findings = [...code.matchAll(/\.(?:error|warning)\('([A-Z][A-Z_]+)'/gu)].map((m) => m[1]!);
  expect(findings.length).toBeGreaterThan(40);
  expect([...new Set(findings)].filter((c) => !spec.includes(c))).toEqual([]);
});
