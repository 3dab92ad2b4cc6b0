/**
 * Once per e2e run: the people's keys are made with the real CLI (scrypt, eleven people) and every
 * spec's EngineRig copies them (CUSTOS_RIG_KEYS) instead of making its own; the stations partway
 * through the examples that several specs start from are made once too (station-snapshots.ts,
 * CUSTOS_E2E_SNAPSHOTS), and each spec copies the one it needs. The folder is removed at the end of the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineRig } from '../support/engine-rig.ts';
import { makeSnapshots } from './station-snapshots.ts';

export default async function globalSetup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-e2e-keys-'));
  await EngineRig.makeRigKeys(dir);
  process.env.CUSTOS_RIG_KEYS = dir;
  await makeSnapshots(path.join(dir, 'snapshots'));
  process.env.CUSTOS_E2E_SNAPSHOTS = path.join(dir, 'snapshots');
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
