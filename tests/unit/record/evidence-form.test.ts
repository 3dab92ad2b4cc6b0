/**
 * The form evidence takes in an entry (ceremonies/record/evidence.ts; docs/record-format.md,
 * "Evidence"): 1 to 64 {name, sha256}, a plain file name (never a path) and a lower-case SHA-256.
 * Every other form is refused, so a name cannot reach outside the evidence folder at verify time.
 */
import { expect, test } from 'vitest';
import { evidenceList, isEvidenceName } from '../../../ceremonies/record/evidence.ts';

const SHA = 'a'.repeat(64);

test.each([
  ['ceremony-2026-12-07.mp4', true],
  ['Salle des coffres — photo 3.jpg', true],
  ['.hidden', true],
  ['x'.repeat(200), true],
  ['x'.repeat(201), false],
  ['', false],
  ['.', false],
  ['..', false],
  ['../etc/passwd', false],
  ['media/video.mp4', false],
  ['C:\\evidence\\video.mp4', false],
  ['line\nbreak', false],
  ['nul\u0000byte', false],
  ['del\u007f', false],
])('isEvidenceName(%j) is %s', (name, ok) => {
  expect(isEvidenceName(name)).toBe(ok);
});

test('a list of 1 to 64 {name, sha256}, exactly those fields, is read; anything else is not', () => {
  expect(evidenceList([{ name: 'a.mp4', sha256: SHA }])).toEqual([{ name: 'a.mp4', sha256: SHA }]);
  expect(evidenceList(Array.from({ length: 64 }, (_, i) => ({ name: `${i}.jpg`, sha256: SHA })))).toHaveLength(64);
  for (const wrong of [
    undefined,
    null,
    'a.mp4',
    {},
    [],
    Array.from({ length: 65 }, (_, i) => ({ name: `${i}.jpg`, sha256: SHA })),
    [{ name: 'a.mp4' }],
    [{ name: 'a.mp4', sha256: SHA.toUpperCase() }],
    [{ name: 'a.mp4', sha256: SHA.slice(1) }],
    [{ name: 'a.mp4', sha256: SHA, size: 12 }],
    [{ name: '../a.mp4', sha256: SHA }],
    [[SHA]],
    [null],
  ]) {
    expect(evidenceList(wrong), JSON.stringify(wrong)).toBeNull();
  }
});
