/**
 * An answers file holds passphrases: a syntax error in it is reported by line and column only, never
 * with the text around the mistake (issue 14, point 7). V8's own JSON.parse message quotes that
 * text, which is what this guards against.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { Answers } from '../../../ceremonies/engine/answers.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';

const SECRET = 'correct horse battery staple 4711';

test.each([
  ['a missing comma after the passphrase', `{\n  "passphrase": "${SECRET}"\n  "officer": "amelie"\n}`, 'line 3'],
  ['an unquoted passphrase', `{"passphrase": ${SECRET}}`, 'check its quotes'],
  ['a passphrase cut short', `{"passphrase": "${SECRET}`, 'line 1'],
  ['a stray character after the object', `{"passphrase": "${SECRET}"}x`, 'line 1'],
])('%s: ANSWERS_UNREADABLE names the place, not the text', (_name, text, place) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-answers-')), 'answers.json');
  fs.writeFileSync(file, text);
  let thrown: unknown;
  try {
    Answers.load(file);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CustosError);
  const e = thrown as CustosError;
  expect(e.code).toBe('ANSWERS_UNREADABLE');
  expect(e.message).toContain(place);
  for (const word of SECRET.split(' ')) expect(e.message).not.toContain(word);
  expect(JSON.stringify(e.details)).not.toContain('horse');
});
