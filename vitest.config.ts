/**
 * Vitest: unit tests (pure functions, in-process) and integration tests (real worker threads,
 * processes and files). E2E in Chromium runs under Playwright (tests/e2e), not here.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The tests read the CLI's English words; a French machine (LANG=fr_FR…) would otherwise get French.
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/support/rig-keys-setup.ts'] } },
    ],
  },
});
