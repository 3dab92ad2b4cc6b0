/**
 * Separation of duties (ceremonies/procedures/separated-duties.ts), looked up by an id@version the
 * record gives: the listed steps of the listed versions only, and nothing for a hostile id such as
 * `__proto__` (the random-mutation property once found verify throwing a TypeError on it).
 */
import { expect, test } from 'vitest';
import { approverMustNotBeOfficer } from '../../../ceremonies/procedures/separated-duties.ts';
import { PINNED_PROCEDURES } from '../../../ceremonies/procedures/released.ts';

test('the approvers of a restitution and of a zero-balance destruction are not its officer; nothing else is listed', () => {
  expect(approverMustNotBeOfficer('restitution@2', 'approve')).toBe(true);
  expect(approverMustNotBeOfficer('destruction@2', 'attest-zero-balance')).toBe(true);
  expect(approverMustNotBeOfficer('restitution@2', 'import-psbt')).toBe(false);
  expect(approverMustNotBeOfficer('incident@2', 'close')).toBe(false);
});

test('every released version of a restitution keeps the rule (a new version must be listed too)', () => {
  const restitutions = Object.keys(PINNED_PROCEDURES).filter((ref) => ref.startsWith('restitution@'));
  expect(restitutions.length).toBeGreaterThanOrEqual(3);
  for (const ref of restitutions) expect(approverMustNotBeOfficer(ref, 'approve'), ref).toBe(true);
});

test('an id@version taken from a hostile record finds nothing, and throws nothing', () => {
  for (const ref of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) expect(approverMustNotBeOfficer(ref, 'close')).toBe(false);
});
