/**
 * Playwright configuration of the e2e suite: the BUILT renderer (dist/renderer) in Debian Chromium,
 * served by an in-test static server with the app's CSP. Two workers, one per core: each spec file makes
 * or copies its own station (global-setup.ts), so spec files run side by side; the tests of one file run
 * in order. Artefacts under test-results/.
 * Spec: docs/architecture.md "Processes" (Tests: Playwright drives Debian Chromium on the built renderer).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 30_000,
  outputDir: '../../test-results/e2e',
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
