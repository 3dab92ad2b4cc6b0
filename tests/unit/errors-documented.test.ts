/**
 * Every error code and finding the code can produce is documented for people (docs/architecture.md
 * "Conventions": one error type with a stable code; docs/errors.md): codes raised in ceremonies/ and
 * main/ appear in docs/errors.md, findings in docs/record-format.md, crypto codes in docs/errors.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { CRYPTO_ERROR_CODES } from '../../crypto/protocol.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => fs.readFileSync(path.join(d.parentPath, d.name), 'utf8'));
}

const code = sources('ceremonies').concat(sources('main')).join('\n');

test('every CustosError code raised is in docs/errors.md', () => {
  const errors = read('docs/errors.md');
  const raised = [...code.matchAll(/(?:new CustosError\(\s*|damaged\(|code: )'([A-Z][A-Z_]+)'/gu)].map((m) => m[1]!);
  raised.push('STORE_DAMAGED', 'STORE_WRITE_FAILED', 'AIRGAP_ONLINE');
  const missing = [...new Set(raised)].filter((c) => !errors.includes(c) && !errors.includes(`${c.replace(/_[A-Z]+$/u, '')}_*`));
  expect(missing).toEqual([]);
});

test('every verify finding is in docs/record-format.md', () => {
  const spec = read('docs/record-format.md');
  const findings = [...code.matchAll(/\.(?:error|warning)\('([A-Z][A-Z_]+)'/gu)].map((m) => m[1]!);
  expect(findings.length).toBeGreaterThan(40);
  expect([...new Set(findings)].filter((c) => !spec.includes(c))).toEqual([]);
});

test('every crypto core code is in docs/errors.md', () => {
  const errors = read('docs/errors.md');
  expect(CRYPTO_ERROR_CODES.filter((c) => !errors.includes(`\`${c}\``))).toEqual([]);
});
