/**
 * Playwright configuration of the Electron suite: drives the built app with `_electron` where the
 * Electron binary exists, and reports every test as skipped (with the reason) where it does not.
 * Spec: docs/architecture.md "Processes" (the tests/electron suite runs wherever the binary is present and
 * says plainly that it skipped otherwise).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  outputDir: '../../test-results/electron',
  reporter: [['list'], ['./skip-reason-reporter.ts']],
});
