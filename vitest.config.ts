/**
 * Vitest: unit tests (pure functions, in-process) and integration tests (real worker threads,
 * processes and files). E2E in Chromium runs under Playwright (tests/e2e), not here.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], globalSetup: ['tests/support/rig-keys-setup.ts'] } },
    ],
  },
});
