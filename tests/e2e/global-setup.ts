/**
 * Once per e2e run: the people's keys are made with the real CLI (scrypt, eleven people) and every
 * spec's EngineRig copies them (CUSTOS_RIG_KEYS) instead of making its own; each spec still sets up
 * its own station. The folder is removed at the end of the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineRig } from '../support/engine-rig.ts';

export default async function globalSetup(): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-e2e-keys-'));
  await EngineRig.makeRigKeys(dir);
  process.env.CUSTOS_RIG_KEYS = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
