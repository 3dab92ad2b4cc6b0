/**
 * Stations partway through the CLI examples, made once per e2e run (global-setup.ts) and copied by
 * each spec that starts from one (station-suite.ts), instead of every spec living the same first
 * ceremonies again with the real CLI (scrypt for every key, every time). Each snapshot is a whole
 * EngineRig workspace after the examples it names, in order.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EngineRig } from '../support/engine-rig.ts';

export const SNAPSHOTS: readonly (readonly string[])[] = [
  ['station-setup', 'enrol-participant'],
  ['station-setup', 'enrol-participant', 'create-wallet'],
  ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill'],
  ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill', 'incident'],
];

const folderOf = (dir: string, examples: readonly string[]) => path.join(dir, `after-${examples.length}-${examples.at(-1)}`);

/** Makes every snapshot in `dir` with one workspace living the examples in turn. */
export async function makeSnapshots(dir: string): Promise<void> {
  const rig = await EngineRig.create('custos-e2e-snapshots-');
  try {
    let done: readonly string[] = [];
    for (const examples of SNAPSHOTS) {
      if (examples.slice(0, done.length).join() !== done.join()) throw new Error(`snapshot ${examples.join(', ')} does not follow ${done.join(', ')}`);
      await rig.runExamples(examples.slice(done.length));
      fs.cpSync(rig.root, folderOf(dir, examples), { recursive: true });
      done = examples;
    }
  } finally {
    rig.dispose();
  }
}

/** The longest snapshot in `dir` whose examples begin `examples`, and the examples still to live; none when there is no snapshot folder. */
export function snapshotFor(dir: string | undefined, examples: readonly string[]): { folder: string | null; rest: readonly string[] } {
  const fits = SNAPSHOTS.filter((s) => s.length <= examples.length && s.every((e, i) => examples[i] === e)).at(-1);
  if (!dir || !fits || !fs.existsSync(folderOf(dir, fits))) return { folder: null, rest: examples };
  return { folder: folderOf(dir, fits), rest: examples.slice(fits.length) };
}
