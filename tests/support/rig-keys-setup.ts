/**
 * Vitest global setup of the integration tests: the people's keys are made once with the real CLI
 * and every EngineRig copies them (CUSTOS_RIG_KEYS; tests/support/engine-rig.ts), instead of each
 * rig spending eleven scrypt key creations. Removed at the end of the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineRig } from './engine-rig.ts';

export default async function setup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-rig-keys-'));
  await EngineRig.makeRigKeys(dir);
  process.env.CUSTOS_RIG_KEYS = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
