/**
 * E2E of the minimal shell in Debian Chromium on the BUILT renderer (run `npm run build` first):
 * first screen with title and version, English/French switch, no Node globals, the CSP blocking an
 * injected inline script, and no request to any origin but the local server. (eval cannot be tested
 * here: page.evaluate runs through DevTools, which CSP does not restrict.) Spec: docs/architecture.md
 * "Processes" (Tests) and principle 4 (offline by construction).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../main/shell/csp.ts';
import { MESSAGES } from '../../renderer/src/i18n/messages.ts';
import { APP_VERSION, bindCustosApi, startTestApp, type TestApp } from './custos-binding.ts';
import { PageGuard } from './page-guard.ts';
import { REPO_ROOT, startRendererServer, type RendererServer } from './renderer-server.ts';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'e2e-screenshots');

let server: RendererServer;
let app: TestApp;
const guard = new PageGuard();

test.beforeAll(async () => {
  server = await startRendererServer(); // throws "Run `npm run build` first" when dist/renderer is missing
  app = await startTestApp();
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

test.afterAll(async () => {
  await server?.close();
  await app?.stop();
});

test.beforeEach(async ({ page }) => {
  guard.watch(page);
  await bindCustosApi(page, app.api);
});

test.afterEach(() => guard.expectClean(server.origin));

async function openApp(page: Page): Promise<void> {
  const response = await page.goto(`${server.origin}/`);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MESSAGES.en.title);
}

test('the first screen shows the title, the app version and the sentence', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('app-version')).toHaveText(APP_VERSION);
  await expect(page.getByText(MESSAGES.en.tagline)).toBeVisible();
  await expect(page).toHaveTitle(MESSAGES.en.title);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'first-screen-en.png'), fullPage: true });
});

test('the language button switches to French and back', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: MESSAGES.en.switchLanguage }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MESSAGES.fr.title);
  await expect(page.getByText(MESSAGES.fr.tagline)).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page).toHaveTitle(MESSAGES.fr.title);
  await expect(page.getByTestId('app-version')).toHaveText(APP_VERSION);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'first-screen-fr.png'), fullPage: true });

  await page.getByRole('button', { name: MESSAGES.fr.switchLanguage }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MESSAGES.en.title);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the page has no Node globals and only the named AppApi functions', async ({ page }) => {
  await openApp(page);
  for (const name of ['require', 'process', 'module', 'Buffer', 'global']) {
    expect(await page.evaluate(`typeof ${name}`), name).toBe('undefined');
  }
  expect(await page.evaluate('Object.keys(window.custos)')).toEqual(Object.keys(app.api));
});

test("window.custos is the built preload over main's channel table: a payload its schema refuses comes back as IPC_BAD_PAYLOAD", async ({ page }) => {
  await openApp(page);
  const refused = (await page.evaluate(
    `window.custos.jobEvents('j'.repeat(65), 0).then(() => null, (e) => ({ name: e.name, code: e.code, channel: e.details && e.details.channel }))`,
  )) as Record<string, unknown> | null;
  expect(refused).toEqual({ name: 'CustosError', code: 'IPC_BAD_PAYLOAD', channel: 'custos:job-events' });
  const unknownKind = (await page.evaluate(`window.custos.choose('a-folder-of-secrets').then(() => null, (e) => e.code)`)) as string | null;
  expect(unknownKind).toBe('IPC_BAD_PAYLOAD');
  expect(await page.evaluate('window.custos.version()')).toBe(APP_VERSION);
});

test('the CSP blocks an injected inline script and reports the violation', async ({ page }) => {
  await openApp(page);
  const outcome = (await page.evaluate(`new Promise((resolve) => {
    window.__inlineRan = false;
    document.addEventListener('securitypolicyviolation', (event) => {
      resolve({ directive: event.effectiveDirective, blocked: event.blockedURI, ran: window.__inlineRan });
    }, { once: true });
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.appendChild(script);
    setTimeout(() => resolve({ directive: null, blocked: null, ran: window.__inlineRan }), 5000);
  })`)) as { directive: string | null; blocked: string | null; ran: boolean };
  expect(outcome).toEqual({ directive: 'script-src-elem', blocked: 'inline', ran: false });
  expect(await page.evaluate('window.__inlineRan')).toBe(false);
});

test('the page requests nothing but the local server', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: MESSAGES.en.switchLanguage }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MESSAGES.fr.title);
  expect(guard.requests.length).toBeGreaterThanOrEqual(3); // the document, its script and its stylesheet
  expect(guard.requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
});
