/**
 * E2E of the ceremony runner in Debian Chromium on the BUILT renderer, window.custos bound to the
 * real router, engine, store and crypto core (issue 5, Done when): a full create-wallet ceremony by
 * clicks with paper shares (words shown to one holder at a time, typed back, gone from the DOM after
 * their step), a backup drill presenting those words, and a restitution with two approvals whose
 * signed transaction is also shown as an animated BC-UR QR; then every screen in French shows no
 * English text of any catalogue. Each ceremony is then checked with the
 * real `custos verify` and `custos replay`. The station is set up beforehand with the real CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { EngineRig } from '../support/engine-rig.ts';
import { buildPsbt } from '../support/psbt-builder.ts';
import { bindCustosApi, startTestApp, type TestApp } from './custos-binding.ts';
import { startRendererServer, type RendererServer } from './renderer-server.ts';
import { englishOnlyStrings } from './english-strings.ts';
import { screenshotPath } from './screenshots.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const WALLET = 'ui-client-1';
const DESTINATION = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
const HOLDERS = [
  { key: 'keys/dora-lindqvist.key', label: 'dora', bag: 'TB-UI-000001' },
  { key: 'keys/emil-novak.key', label: 'emil', bag: 'TB-UI-000002' },
  { key: 'keys/farid-haddad.key', label: 'farid', bag: 'TB-UI-000003' },
];

let rig: EngineRig;
let server: RendererServer;
let app: TestApp;
let requests: string[];
let pageErrors: string[];
/** The words each holder wrote on their card during create-wallet, by label. */
const cards = new Map<string, string[]>();

const passphrase = (label: string) => fs.readFileSync(rig.path(`passphrases/${label}.txt`), 'utf8').replace(/\r?\n$/u, '');

test.beforeAll(async () => {
  rig = await EngineRig.create('custos-e2e-');
  for (const step of ['station-setup', 'enrol-participant']) {
    const r = await rig.run(step);
    if (r.status !== 0) throw new Error(`${step} failed: ${r.stderr}`);
  }
  server = await startRendererServer();
  app = await startTestApp();
});

test.afterAll(async () => {
  await server?.close();
  await app?.stop();
  rig?.dispose();
});

test.beforeEach(async ({ page }) => {
  requests = [];
  pageErrors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await bindCustosApi(page, app.api);
});

test.afterEach(() => {
  expect(requests.filter((url) => !url.startsWith(`${server.origin}/`))).toEqual([]);
  expect(pageErrors).toEqual([]);
});

async function openStation(page: Page): Promise<void> {
  await page.goto(`${server.origin}/`);
  app.dialog.next('data-dir', rig.station);
  await page.getByRole('banner').getByRole('button', { name: 'Open a data directory' }).click();
  await expect(page.getByTestId('data-dir-name')).toHaveText('station');
  await page.getByRole('navigation').getByRole('button', { name: 'Ceremonies' }).click();
}

async function attest(page: Page, testId: string, keyFile: string, label: string): Promise<void> {
  const box = page.getByTestId(testId);
  app.dialog.next('key-file', rig.path(keyFile));
  await box.getByRole('button', { name: 'Choose key file' }).click();
  await expect(box.getByText(`Key file: ${path.basename(keyFile)}`)).toBeVisible();
  await box.getByLabel('Passphrase').fill(passphrase(label));
}

async function attestOfficerAndWitnesses(page: Page): Promise<void> {
  await page.getByTestId('station-passphrase').fill(passphrase('station'));
  await attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
  await attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
  await attest(page, 'attest-witness-2', 'keys/chloe-dubois.key', 'chloe');
}

async function verifyStation(): Promise<void> {
  const r = await rig.custos('verify', rig.station, '--json');
  expect(r.status, r.stdout + r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
}

async function presentShares(page: Page): Promise<void> {
  for (const [i, h] of HOLDERS.slice(0, 2).entries()) {
    await attest(page, `attest-holder-${i + 1}`, h.key, h.label);
    await page.getByTestId(`share-words-${i + 1}`).fill(cards.get(h.label)!.join(' '));
    await page.getByTestId(`share-bag-${i + 1}`).fill(h.bag);
  }
}

test('a full create-wallet ceremony by clicks, paper shares shown one holder at a time and gone from the DOM after their step', async ({ page }) => {
  await openStation(page);
  await page.getByTestId('procedure-create-wallet').getByRole('button', { name: 'Run on this screen' }).click();
  await attestOfficerAndWitnesses(page);
  await page.getByTestId('wallet-id').fill(WALLET);
  await page.getByTestId('client-ref').fill('CL-UI-0001');
  await page.getByTestId('wallet-label').fill('Client cold storage made on screen');
  for (const [i, h] of HOLDERS.entries()) {
    await attest(page, `attest-holder-${i + 1}`, h.key, h.label);
    await page.getByTestId(`bag-serial-${i + 1}`).fill(h.bag);
  }
  await page.getByTestId('confirm-hand-over').check();
  await page.screenshot({ path: screenshotPath('ceremony-create-wallet-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start the ceremony' }).click();

  for (const [i, h] of HOLDERS.entries()) {
    const card = page.getByTestId('share-words-prompt');
    await expect(card).toBeVisible({ timeout: 60_000 });
    await expect(card.getByRole('heading')).toContainText(`Share ${i + 1} of 3`);
    // Masked until the holder reveals them.
    await expect(page.getByTestId('share-words')).toHaveCount(0);
    await card.getByRole('button', { name: 'Reveal my words' }).click();
    const words = await page.getByTestId('share-words').locator('li').allTextContents();
    expect(words).toHaveLength(39);
    if (i === 0) await page.screenshot({ path: screenshotPath('ceremony-share-card.png'), fullPage: true });
    await card.getByRole('button', { name: 'I have written all the words on my card' }).click();
    await expect(page.getByTestId('share-words')).toHaveCount(0);
    await page.getByTestId('share-words-typed').fill(words.join(' '));
    await card.getByRole('button', { name: 'Prove my card' }).click();
    await expect(page.getByTestId('entry-hand-over')).toHaveCount(i + 1, { timeout: 60_000 });
    // After its step, nothing of the share is left in the page.
    const html = await page.content();
    for (let k = 0; k + 4 <= words.length; k++) expect(html.includes(words.slice(k, k + 4).join(' '))).toBe(false);
    const values = (await page.evaluate(`[...document.querySelectorAll('input, textarea')].map((e) => e.value).join(' ')`)) as string;
    expect(values).not.toContain(words.slice(0, 4).join(' '));
    cards.set(h.label, words);
  }

  const outcome = page.getByTestId('ceremony-outcome');
  await expect(outcome).toHaveAttribute('data-state', 'closed', { timeout: 60_000 });
  await expect(page.getByTestId('fact-wallet')).toHaveText(WALLET);
  await expect(page.getByTestId('fact-quorum')).toHaveText('2-of-3');
  await expect(page.getByTestId('script-step-hand-over')).toHaveAttribute('data-done', 'true');
  await expect(page.locator('.entry-code').first()).toHaveText(/^[0-9a-f]{4} [0-9a-f]{4}$/u);
  await page.screenshot({ path: screenshotPath('ceremony-create-wallet-done.png'), fullPage: true });

  await verifyStation();
  const wallet = (await rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
  expect(wallet).toMatchObject({ class: 'client', state: 'active', threshold: 2, shareCount: 3 });
  expect(wallet.shares.map((s: { media: string[]; bagSerial: string }) => `${s.media.join()} ${s.bagSerial}`)).toEqual(HOLDERS.map((h) => `paper ${h.bag}`));
});

test('a backup drill by clicks: two holders type their cards, the wallet is rebuilt', async ({ page }) => {
  expect(cards.size).toBe(3);
  await openStation(page);
  await page.getByTestId('procedure-backup-drill').getByRole('button', { name: 'Run on this screen' }).click();
  await attestOfficerAndWitnesses(page);
  await page.getByLabel('Wallet to drill').selectOption(WALLET);
  await presentShares(page);
  await page.getByRole('button', { name: 'Start the ceremony' }).click();
  await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed', { timeout: 90_000 });
  await expect(page.getByTestId('fact-proven')).toHaveText('1, 2');
  await expect(page.getByTestId('entry-present-share')).toHaveCount(2);
  await verifyStation();
  const wallet = (await rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
  expect(wallet.lastDrill).not.toBeNull();
});

test('a restitution with two approvals: the PSBT outputs in plain words, signed, and its animated QR', async ({ page }) => {
  const wallet = (await rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
  const account = wallet.accounts.find((a: { chain: string }) => a.chain === 'bitcoin');
  const psbtFile = rig.path('coordinator/ui-restitution.psbt');
  fs.mkdirSync(path.dirname(psbtFile), { recursive: true });
  fs.writeFileSync(psbtFile, buildPsbt({
    xpub: account.xpub, fingerprint: wallet.fingerprint, network: 'bitcoin', inputs: [[0, 0, 100_000_000n]],
    payments: [{ address: DESTINATION, amount: 75_000_000n }], change: [1, 0, 24_995_000n],
  }));
  const signedDir = rig.path('coordinator/ui-signed');

  await openStation(page);
  await page.getByTestId('procedure-restitution').getByRole('button', { name: 'Run on this screen' }).click();
  await attestOfficerAndWitnesses(page);
  await page.getByLabel('Client wallet to return from').selectOption(WALLET);
  await page.getByTestId('request-reference').fill('RET-UI-0001');
  await page.getByTestId('destination-address').fill(DESTINATION);
  await page.getByTestId('destination-amount').fill('0.75');
  app.dialog.next('psbt-file', psbtFile);
  await page.getByRole('button', { name: 'Choose PSBT file' }).click();
  await expect(page.getByTestId('psbt-output')).toHaveText([`0.75000000 BTC to ${DESTINATION}`, /^0\.24995000 BTC to bc1q[a-z0-9]+$/u]);
  await expect(page.getByTestId('psbt-preview')).toContainText('Network fee: 0.00005000 BTC');
  app.dialog.next('folder', signedDir);
  await page.getByRole('button', { name: 'Choose folder' }).click();
  await attest(page, 'attest-approver-1', 'keys/jules-moreau.key', 'jules');
  await attest(page, 'attest-approver-2', 'keys/karin-berg.key', 'karin');
  await presentShares(page);
  await page.screenshot({ path: screenshotPath('ceremony-restitution-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start the ceremony' }).click();

  await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed', { timeout: 90_000 });
  await expect(page.getByTestId('fact-destination')).toHaveText(DESTINATION);
  await expect(page.getByTestId('fact-amount')).toHaveText('75000000');
  const txid = await page.getByTestId('fact-txid').textContent();
  expect(txid).toMatch(/^[0-9a-f]{64}$/u);
  expect(fs.readdirSync(signedDir).some((f) => f.endsWith('.psbt'))).toBe(true);
  await page.getByRole('button', { name: 'Show the signed transaction as an animated QR' }).click();
  await expect(page.getByTestId('animated-qr')).toBeVisible();
  await page.screenshot({ path: screenshotPath('ceremony-restitution-qr.png'), fullPage: true });

  await verifyStation();
  const after = (await rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
  expect(after.transfers).toEqual([expect.objectContaining({ kind: 'restitution', txid, to: DESTINATION, amount: '75000000', state: 'signed' })]);
});

test('in French, no screen shows an English text: inventory, ceremonies, the forms, the auditor', async ({ page }) => {
  const english = englishOnlyStrings();
  expect(english.length).toBeGreaterThan(100);
  const check = async (where: string) => {
    // Commands, ids and codes shown as <code> are not English words.
    const shown = (await page.evaluate(`(() => { const body = document.body.cloneNode(true); body.querySelectorAll('code').forEach((c) => c.remove()); document.documentElement.appendChild(body); const t = body.innerText; body.remove(); return t; })()`)) as string;
    // Whole words only ("holder" is English; "placeholder" would not be), each with where it shows.
    const found = english.flatMap((t) => {
      const at = shown.search(new RegExp(`(?<![\\p{L}])${t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u'));
      return at < 0 ? [] : [`${t} … ${shown.slice(Math.max(0, at - 40), at + t.length + 40).replace(/\s+/gu, ' ')}`];
    });
    expect(found, where).toEqual([]);
  };
  await page.goto(`${server.origin}/`);
  await page.getByRole('button', { name: 'Français' }).click();
  app.dialog.next('data-dir', rig.station);
  await page.getByRole('banner').getByRole('button', { name: 'Ouvrir un répertoire de données' }).click();
  await expect(page.getByTestId('data-dir-name')).toHaveText('station');
  await expect(page.getByText(WALLET).first()).toBeVisible();
  await check('inventaire');
  await page.screenshot({ path: screenshotPath('inventory-fr.png'), fullPage: true });
  await page.getByRole('navigation').getByRole('button', { name: 'Cérémonies' }).click();
  await expect(page.getByTestId('procedure-create-wallet')).toBeVisible();
  await check('cérémonies');
  for (const procedure of ['create-wallet', 'backup-drill', 'restitution']) {
    await page.getByTestId(`procedure-${procedure}`).getByRole('button', { name: 'Conduire sur cet écran' }).click();
    await expect(page.getByTestId('ceremony-runner')).toBeVisible();
    await check(procedure);
    await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  }
  await page.getByRole('navigation').getByRole('button', { name: 'Audit' }).click();
  await check('audit');
});
