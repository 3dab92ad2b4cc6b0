/**
 * The released procedures are pinned (ceremonies/procedures/released.ts; ADR 0015): every catalogue
 * definition hashes to the pin of its id@version, so a definition changed without a new version
 * fails here; every pin ever made stays (the list below is append-only, as the file's is) and
 * resolves to a definition kept in the code; a definition that is not pinned is not authorized,
 * even under a catalogue id@version.
 */
import { expect, test } from 'vitest';
import { PROCEDURES } from '../../../ceremonies/procedures/catalogue.ts';
import { procedureHash, procedureRef } from '../../../ceremonies/procedures/definition.ts';
import { PINNED_PROCEDURES, authorizedProcedure, isAuthorized } from '../../../ceremonies/procedures/released.ts';
import { enrolParticipant } from '../../../ceremonies/procedures/enrol-participant.ts';

/** Every id@version released so far. Add to it; never remove one. */
const EVER_RELEASED = [
  'station-setup@1',
  'enrol-participant@1',
  'revoke-participant@1',
  'create-wallet@1',
  'backup-drill@1',
  'incident@1',
  'compromise-rotation@1',
  'restitution@1',
  'confirm-transfer@1',
  'destruction@1',
  'reconciliation@1',
  'change-holder@1',
  'station-setup@2',
  'destruction@2',
  'restitution@2',
  'token-list@1',
  'compromise-rotation@2',
  'confirm-transfer@2',
  'watch-only-export@1',
  'create-wallet@2',
  'backup-drill@2',
  'reshare@1',
  'proof-of-control@1',
  'incident@2',
  'change-holder@2',
  'restitution@3',
  'compromise-rotation@3',
];

test('every catalogue definition hashes to the pin of its id@version', () => {
  for (const d of PROCEDURES) expect(procedureHash(d), `${procedureRef(d)} changed without a new version`).toBe(PINNED_PROCEDURES[procedureRef(d)]);
});

test('every pin ever made is still there, and resolves to a definition with that hash', () => {
  expect(Object.keys(PINNED_PROCEDURES)).toEqual(expect.arrayContaining(EVER_RELEASED));
  for (const [ref, hash] of Object.entries(PINNED_PROCEDURES)) {
    const d = authorizedProcedure(hash);
    expect(d && procedureRef(d), ref).toBe(ref);
    expect(procedureHash(d!)).toBe(hash);
  }
});

test('a definition under a catalogue id@version but with other content is not authorized', () => {
  const forged = { ...enrolParticipant, checkpointWitnesses: 0 };
  expect(procedureRef(forged)).toBe('enrol-participant@1');
  expect(isAuthorized(procedureHash(forged))).toBe(false);
  expect(authorizedProcedure(procedureHash(forged))).toBeUndefined();
});
