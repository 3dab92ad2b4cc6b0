/**
 * Vitest: unit tests (pure functions, in-process) and integration tests (real worker threads,
 * processes and files). E2E in Chromium runs under Playwright (tests/e2e), not here.
 */
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/support/longest-first.ts';

export default defineConfig({
  test: {
    // The tests read the CLI's English words; a French machine (LANG=fr_FR…) would otherwise get French.
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    // On a fresh clone Vitest has no timings: start the long files first (tests/support/longest-first.ts).
    sequence: { sequencer: LongestFirstSequencer },
    // Vitest's default is one worker fewer than the cores: on the two cores CI has, one. The files are
    // independent (each makes or copies its own stations), so both cores run them.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/support/rig-keys-setup.ts'] } },
    ],
  },
});
