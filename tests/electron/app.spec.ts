/**
 * The built Electron app, launched with Playwright's `_electron` (run `npm run build` first): the
 * window opens on the first screen, the renderer has no Node globals, window.custos answers the
 * version through the preload, and navigation and new windows are refused. Every test skips,
 * with the reason, where the Electron binary is absent. Spec: DESIGN.md "Processes".
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { MESSAGES } from '../../renderer/src/i18n/messages.ts';
import { REPO_ROOT, SKIP_REASON, electronBinary } from './electron-binary.ts';

const BINARY = electronBinary();

let app: ElectronApplication | undefined;

async function launch(): Promise<{ app: ElectronApplication; window: Page }> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'main', 'main.js')) || !fs.existsSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The app is not built (dist/main/main.js or dist/renderer/index.html missing). Run `npm run build` first.');
  }
  // Chromium refuses its own sandbox when run as root (containers); that is the host's limit, not the app's.
  const args = process.getuid?.() === 0 ? ['--no-sandbox', REPO_ROOT] : [REPO_ROOT];
  app = await _electron.launch({ executablePath: BINARY!, args, cwd: REPO_ROOT });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window };
}

test.afterEach(async () => {
  await app?.close();
  app = undefined;
});

test('the window opens on the first screen with the title and the version', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  const { window } = await launch();
  await expect(window.getByRole('heading', { level: 1 })).toHaveText(MESSAGES.en.title);
  await expect(window).toHaveTitle(MESSAGES.en.title);
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  await expect(window.getByTestId('app-version')).toHaveText(version);
  expect(window.url()).toBe('app://custos/index.html');
});

test('the renderer has no require nor process, and window.custos has only its named functions', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  const { window } = await launch();
  expect(await window.evaluate('typeof require')).toBe('undefined');
  expect(await window.evaluate('typeof process')).toBe('undefined');
  expect(await window.evaluate('Object.keys(window.custos)')).toEqual(['version']);
});

test('the window refuses to navigate away and to open new windows', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  const { app: electronApp, window } = await launch();
  await window.evaluate(`location.href = 'https://example.com/'`);
  await window.waitForTimeout(500);
  expect(window.url()).toBe('app://custos/index.html');
  expect(await window.evaluate(`window.open('app://custos/index.html') === null`)).toBe(true);
  expect(electronApp.windows()).toHaveLength(1);
});
