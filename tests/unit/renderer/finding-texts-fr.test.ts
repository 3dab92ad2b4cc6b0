/**
 * Every finding `custos verify` can report has a French text for the auditor view
 * (renderer/src/auditor/finding-texts-fr.ts): the codes are read from the table of findings in
 * docs/record-format.md ("Verification"), the contract auditors rely on, and from the verifier's own
 * sources (ceremonies/audit/), so a new code without a French text fails here.
 * Spec: issue 5 ("English and French for every string, error message and report").
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { FINDING_TEXTS_FR, findingTextFr } from '../../../renderer/src/auditor/finding-texts-fr.ts';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

function documentedCodes(): string[] {
  const doc = fs.readFileSync(path.join(REPO, 'docs/record-format.md'), 'utf8');
  const table = doc.slice(doc.indexOf('Findings (all are errors unless marked warning):'));
  const end = table.indexOf('\n\n', table.indexOf('| Code |'));
  return [...table.slice(0, end).matchAll(/^\| `([A-Z_]+)` \|/gmu)].map((m) => m[1]!);
}

function codesInVerifier(): string[] {
  const dir = path.join(REPO, 'ceremonies/audit');
  const codes = new Set<string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    for (const m of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(/\.(?:error|warning)\(\s*'([A-Z_]+)'/gu)) codes.add(m[1]!);
  }
  return [...codes].sort();
}

test('the documented table of findings is found (and is not empty)', () => {
  expect(documentedCodes().length).toBeGreaterThan(50);
});

test('every documented finding has a French text', () => {
  expect(documentedCodes().filter((code) => FINDING_TEXTS_FR[code] === undefined)).toEqual([]);
});

test('every finding the verifier raises has a French text', () => {
  const codes = codesInVerifier();
  expect(codes).toContain('PREV_MISMATCH');
  expect(codes.filter((code) => FINDING_TEXTS_FR[code] === undefined)).toEqual([]);
});

test('no French text names a code nobody reports', () => {
  const known = new Set([...documentedCodes(), ...codesInVerifier()]);
  expect(Object.keys(FINDING_TEXTS_FR).filter((code) => !known.has(code))).toEqual([]);
});

test('an unknown code still gets a French sentence naming it', () => {
  expect(findingTextFr('SOMETHING_NEW')).toBe('Constat SOMETHING_NEW : voir la liste des constats dans docs/record-format.md.');
});
