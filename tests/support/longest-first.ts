/**
 * The order Vitest starts test files in: the longest first, so that on two cores the long pole (the
 * every-step interruption of every answers example) runs while the short files fill the other core,
 * rather than starting last on a fresh clone, where Vitest has no timings cached. The ranks come from
 * measured durations (npm test prints each file's); files not named keep Vitest's own order, after these.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The slowest files, slowest first (seconds on two cores, the whole integration stage running, as measured on 2026-12-07). */
export const LONGEST_FIRST = [
  'tests/integration/engine/answers-examples.test.ts', // ~600 s
  'tests/integration/engine/transfer-refusals.test.ts', // ~160 s
  'tests/integration/engine/custody-scenario.test.ts', // ~150 s
  'tests/integration/cli/interrupted-runs.test.ts', // ~110 s
  'tests/integration/engine/ethereum-custody.test.ts', // ~65 s
  'tests/integration/engine/refusals.test.ts', // ~57 s
  'tests/integration/engine/reshare.test.ts', // ~55 s
  'tests/integration/cli/demo.test.ts', // ~49 s
  'tests/integration/app/printing.test.ts', // ~39 s
  'tests/integration/engine/drill-proof-and-seals.test.ts', // ~34 s
  'tests/integration/store/kill-loop.test.ts', // ~33 s
] as const;

/** `files` with the known long ones first, in LONGEST_FIRST's order; the rest after, as Vitest would order them. */
export function longestFirst<T>(files: readonly T[], idOf: (file: T) => string): T[] {
  const rank = (file: T) => {
    const id = idOf(file).replaceAll('\\', '/');
    const i = LONGEST_FIRST.findIndex((known) => id.endsWith(known));
    return i < 0 ? LONGEST_FIRST.length : i;
  };
  return files
    .map((file, at) => ({ file, at, rank: rank(file) }))
    .sort((x, y) => x.rank - y.rank || x.at - y.at)
    .map((x) => x.file);
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return longestFirst(await super.sort(files), (file) => file.moduleId);
  }
}
