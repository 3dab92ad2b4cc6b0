/**
 * Which definitions take a bag found broken or missing (share-presentation.ts, requireSealedUnless;
 * issue 19, "Seal outcomes"): a ceremony whose definition opens a seal's incident takes it; one
 * that cannot (a compromise rotation opened under @2 and finishing under it) refuses it with
 * SEAL_NOT_INTACT, naming the field, before anything is recorded.
 */
import { expect, test } from 'vitest';
import { compromiseRotation } from '../../../ceremonies/procedures/compromise-rotation.ts';
import { restitution } from '../../../ceremonies/procedures/restitution.ts';
import { compromiseRotationV2 } from '../../../ceremonies/procedures/retired/compromise-rotation-v2.ts';
import { restitutionV2 } from '../../../ceremonies/procedures/retired/restitution-v2.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { requireSealedUnless, type SharePlan } from '../../../ceremonies/engine/share-presentation.ts';

const plan = (at: string, bag: SharePlan['bag']): SharePlan => ({ holder: 'dora', file: new Uint8Array(0), at, bag });
const intact = plan('shares.0', { state: 'intact', serial: 'TB-1' });
const broken = plan('shares.1', { state: 'broken', serial: 'TB-2' });
const missing = plan('shares.1', { state: 'missing' });

test('the current restitution and rotation open the incident, so they take a broken or missing bag', () => {
  for (const d of [restitution, compromiseRotation]) {
    expect(() => requireSealedUnless([intact, broken], d)).not.toThrow();
    expect(() => requireSealedUnless([intact, missing], d)).not.toThrow();
  }
});

test('a rotation opened under @2 (and a restitution@2) refuses it: SEAL_NOT_INTACT at the share’s field', () => {
  for (const d of [compromiseRotationV2, restitutionV2]) {
    for (const bad of [broken, missing]) {
      let error: unknown;
      try {
        requireSealedUnless([intact, bad], d);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CustosError);
      expect((error as CustosError).code).toBe('SEAL_NOT_INTACT');
      expect((error as CustosError).details).toEqual({ field: 'shares.1.bag.state' });
    }
    expect(() => requireSealedUnless([intact], d)).not.toThrow();
  }
});
