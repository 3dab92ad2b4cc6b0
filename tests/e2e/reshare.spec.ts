/**
 * E2E of the reshare form (issue 19, "Reshare"; ADR 0032) in Debian Chromium on the BUILT renderer,
 * window.custos bound to the real router, engine, store and crypto core. The station lived the CLI
 * examples up to the 3-of-5 wallet `northwind-pension-cold-1`. By clicks: Dora, Emil and Farid
 * present their share files (Farid's bag found with its seal broken, a photo's hash given); the
 * wallet is split 2-of-2 between Gita and Hana, each on a sealed file; the five old shares are
 * destroyed, Emil handing his back in person and the witness alone for the others. The form says
 * what no ceremony can undo before anyone signs, and will not start until every old share is ticked.
 * Then: the same fingerprint and account keys under a new set, the old set shown retired on the
 * inventory, the seal's incident opened in the reshare, verify clean. Then a proof of control by
 * clicks (issue 19, point 5; ADR 0033): Gita and Hana present their new shares, the auditor's
 * challenge is signed with the wallet's first Ethereum address, and ethers recovers that address from
 * the proof file. Both forms in French show no English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { verifyMessage } from 'ethers';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { shareFilesIn, type AnswersJson } from '../support/engine-rig.ts';
import { CeremonyFlows } from './ceremony-flows.ts';
import { screenshotPath } from './screenshots.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(240_000);

const WALLET = 'northwind-pension-cold-1';
const PRESENTERS = [
  { label: 'dora', key: 'keys/dora-lindqvist.key', bag: 'TB-2026-000101' },
  { label: 'emil', key: 'keys/emil-novak.key', bag: 'TB-2026-000102' },
  { label: 'farid', key: 'keys/farid-haddad.key', bag: 'TB-2026-000103' },
];
const NEW_HOLDERS = [
  { label: 'gita', key: 'keys/gita-rao.key', bag: 'TB-2026-000601', folder: 'media/gita-r' },
  { label: 'hana', key: 'keys/hana-sato.key', bag: 'TB-2026-000602', folder: 'media/hana-r' },
];
const PHOTO = 'ef'.repeat(32);

const suite = stationSuite({
  prefix: 'custos-e2e-reshare-',
  examples: ['station-setup', 'enrol-participant', 'create-wallet'],
  prepare: (rig) => {
    rig.placeShares('backup-drill');
  },
});
let flows: CeremonyFlows;
test.beforeAll(() => {
  const { rig, app, load } = suite();
  flows = new CeremonyFlows(rig, app.dialog, load);
});

/** A person in `box` chooses their key file (their passphrase is typed at their first signature). */
async function attestIn(page: Page, box: Locator, testId: string, keyFile: string): Promise<void> {
  const { rig, app } = suite();
  await app.dialog.next('key-file', rig.path(keyFile));
  await box.getByTestId(testId).getByRole('button', { name: 'Choose key file' }).click();
  await expect(box.getByTestId(testId).getByText(`Key file: ${path.basename(keyFile)}`)).toBeVisible();
  void page;
}

async function openReshare(page: Page): Promise<void> {
  await flows.openStation(page);
  await page.getByTestId('procedure-reshare').getByRole('button', { name: 'Run on this screen' }).click();
  await expect(page.getByTestId('ceremony-runner')).toHaveAttribute('data-procedure', 'reshare');
}

test('a reshare by clicks: three shares presented (one seal broken), a new 2-of-2 set on files, every old share destroyed; the same wallet under its new set', async ({
  page,
}) => {
  const { rig, app } = suite();
  const before = (await rig.replay()).wallets.find((w: AnswersJson) => w.id === WALLET);
  await openReshare(page);
  await flows.attestOfficerAndWitnesses(page);
  await page.getByLabel('Wallet (active)').selectOption(WALLET);
  await page.getByTestId('reshare-reason').fill('Emil leaves the custody team; two holders keep the wallet.');
  await expect(page.getByTestId('reshare-risk')).toContainText('any quorum of the current shares copied before today would still rebuild this wallet’s key');
  await expect(page.getByText('The wallet is 3-of-5 today: at least 3 holders present their shares, which rebuild it.')).toBeVisible();

  await page.getByRole('button', { name: 'Add a share' }).click();
  for (const [i, h] of PRESENTERS.entries()) {
    const box = page.getByTestId(`share-${i + 1}`);
    await attestIn(page, box, `attest-holder-${i + 1}`, h.key);
    await box.getByLabel('Medium').selectOption('file');
    await app.dialog.next('share-file', rig.path(`media/${h.label}/share.cshare`));
    await box.getByRole('button', { name: 'Choose share file' }).click();
    await expect(box.getByText('Share file: share.cshare')).toBeVisible();
    flows.desk.shares.set(h.label, `${h.label}-share`);
    await page.getByTestId(`share-bag-${i + 1}`).fill(h.bag);
  }
  await page.getByTestId('share-bag-state-3').selectOption('broken');
  await expect(page.getByTestId('share-3')).toContainText('the ceremony opens an incident, signed by the officer and the witnesses');
  await page.getByTestId('share-seal-photo-3').fill(PHOTO);

  await page.getByLabel('Number of new holders').fill('2');
  await expect(page.getByTestId(/^holder-\d+$/u)).toHaveCount(2);
  await page.getByLabel('New quorum: shares needed to rebuild the wallet').fill('2');
  for (const [i, h] of NEW_HOLDERS.entries()) {
    const box = page.getByTestId(`holder-${i + 1}`);
    await attestIn(page, box, `attest-holder-${i + 1}`, h.key);
    await box.getByLabel('Medium').selectOption('file');
    await page.getByTestId(`bag-serial-${i + 1}`).fill(h.bag);
    flows.desk.shares.set(h.label, `${h.label}-share-3`);
    await app.dialog.next('folder', rig.path(h.folder));
    await box.getByRole('button', { name: 'Choose folder' }).click();
    await expect(box.getByText(`Folder: ${path.basename(h.folder)}`)).toBeVisible();
  }

  // Every share of the current set is ticked for destruction; unticking one keeps the ceremony from starting.
  const destroy = page.getByTestId('reshare-destroy');
  await expect(destroy.getByTestId(/^destroy-share-\d+$/u)).toHaveCount(5);
  await page.getByTestId('destroy-share-4-tick').uncheck();
  await page.getByTestId('confirm-received').check();
  await page.getByTestId('confirm-destroyed').check();
  await expect(page.getByTestId('start-missing')).toContainText('every share of the current set ticked for destruction');
  await page.getByTestId('destroy-share-4-tick').check();
  for (let index = 1; index <= 5; index++) {
    const share = page.getByTestId(`destroy-share-${index}`);
    // Emil hands his share back in person; the others' media come from the safe, the witness alone signs.
    if (index === 2) await attestIn(page, share, 'attest-holder-2', 'keys/emil-novak.key');
    else await page.getByTestId(`destroy-share-${index}-present`).uncheck();
    await page.getByTestId(`destroy-share-${index}-method`).selectOption(index % 2 ? 'shred' : 'wipe');
    await page.getByTestId(`destroy-share-${index}-media`).fill(`USB-${index}`);
    await page.getByTestId(`destroy-share-${index}-bag`).fill(`TB-2026-00010${index}`);
  }
  await expect(page.getByTestId('start-missing')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('ceremony-reshare-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start the ceremony' }).click();

  const outcome = page.getByTestId('ceremony-outcome');
  await expect(outcome).toHaveAttribute('data-state', /^(closed|failed|aborted)$/u, { timeout: 180_000 });
  await expect(outcome).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('fact-quorum')).toHaveText('2-of-2');
  await expect(page.getByTestId('fact-incidents')).toHaveText(/^SEAL-reshare-\d+-3$/u);
  await expect(page.getByTestId('entry-destroy-share')).toHaveCount(5);
  await expect(page.getByTestId('entry-hand-over')).toHaveCount(2);

  await flows.verifyStation();
  const p = await rig.replay();
  const after = p.wallets.find((w: AnswersJson) => w.id === WALLET);
  expect(after).toMatchObject({ state: 'active', fingerprint: before.fingerprint, threshold: 2, shareCount: 2 });
  expect(after.accounts).toEqual(before.accounts);
  expect(after.formerSets).toEqual([expect.objectContaining({ setId: before.setId, outcome: 'retired', threshold: 3, shareCount: 5 })]);
  for (const [i, h] of NEW_HOLDERS.entries()) {
    expect(shareFilesIn(rig.path(h.folder)).map((f) => [f.fingerprint, f.index, f.count])).toEqual([[before.fingerprint, i + 1, 2]]);
  }

  // The inventory shows the old set retired, every share of it destroyed.
  await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
  const former = page.getByTestId(`former-set-${before.setId}`);
  await expect(former).toHaveAttribute('data-outcome', 'retired');
  await expect(former).toContainText('retired by a reshare');
  await expect(former).toContainText('none: every share destroyed');
});

test('a proof of control by clicks on the reshared wallet: the auditor’s challenge signed with its first Ethereum address, which ethers recovers', async ({
  page,
}) => {
  const { rig, app } = suite();
  const challenge = 'Audit SA asks Northwind custody to prove control of its first Ethereum address. Nonce 9d41e2, 7 December 2026.';
  const challengeFile = rig.path('coordinator/challenge-e2e.txt');
  fs.mkdirSync(path.dirname(challengeFile), { recursive: true });
  fs.writeFileSync(challengeFile, challenge);
  const wallet = (await rig.replay()).wallets.find((w: AnswersJson) => w.id === WALLET);
  const address = wallet.accounts.find((a: AnswersJson) => a.chain === 'ethereum').addresses[0];

  await flows.openStation(page);
  await page.getByTestId('procedure-proof-of-control').getByRole('button', { name: 'Run on this screen' }).click();
  await expect(page.getByTestId('ceremony-runner')).toHaveAttribute('data-procedure', 'proof-of-control');
  await flows.attestOfficerAndWitnesses(page);
  await page.getByLabel('Wallet', { exact: true }).selectOption(WALLET);
  await page.getByLabel('Chain of the address').selectOption('ethereum');
  await page.getByTestId('proof-address').selectOption('0');
  await expect(page.getByText('Signed as EIP-191 personal_sign: any Ethereum wallet library checks it.')).toBeVisible();
  await page.getByTestId('proof-requested-by').fill('Audit SA, statutory auditor');
  await app.dialog.next('challenge-file', challengeFile);
  await page.getByRole('button', { name: 'Choose the challenge file' }).click();
  await expect(page.getByText('Challenge: challenge-e2e.txt')).toBeVisible();
  for (const [i, h] of NEW_HOLDERS.entries()) {
    const box = page.getByTestId(`share-${i + 1}`);
    await attestIn(page, box, `attest-holder-${i + 1}`, h.key);
    await box.getByLabel('Medium').selectOption('file');
    const [file] = shareFilesIn(rig.path(h.folder));
    await app.dialog.next('share-file', file!.file);
    await box.getByRole('button', { name: 'Choose share file' }).click();
    await page.getByTestId(`share-bag-${i + 1}`).fill(h.bag);
  }
  await app.dialog.next('folder', rig.path('coordinator/proofs-e2e'));
  await page.getByRole('button', { name: 'Choose folder' }).click();
  await expect(page.getByTestId('start-missing')).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('ceremony-proof-of-control-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start the ceremony' }).click();

  const outcome = page.getByTestId('ceremony-outcome');
  await expect(outcome).toHaveAttribute('data-state', /^(closed|failed|aborted)$/u, { timeout: 120_000 });
  await expect(outcome).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('fact-address')).toHaveText(address);
  await expect(page.getByTestId('fact-method')).toHaveText('eip191');
  const [proofFile] = fs.readdirSync(rig.path('coordinator/proofs-e2e'));
  const proof = JSON.parse(fs.readFileSync(rig.path(`coordinator/proofs-e2e/${proofFile}`), 'utf8'));
  expect(proof).toMatchObject({ format: 'custos-proof-of-control/1', address, challenge, method: 'eip191' });
  expect(verifyMessage(challenge, proof.signature)).toBe(address);
  await flows.verifyStation();
});

test('the reshare and proof-of-control forms in French show no English text', async ({ page }) => {
  await openReshare(page);
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('reshare-risk')).toContainText('un quorum des parts actuelles copié avant aujourd’hui reconstituerait encore la clé');
  await page.getByLabel('Portefeuille (actif)').selectOption(WALLET);
  await expect(page.getByTestId('reshare-destroy')).toContainText('Cochez chaque part');
  await flows.expectNoEnglish(page, 'repartage');
  await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  await page.getByTestId('procedure-proof-of-control').getByRole('button', { name: 'Conduire sur cet écran' }).click();
  await page.getByLabel('Portefeuille', { exact: true }).selectOption(WALLET);
  await page.getByTestId('proof-address').selectOption('typed');
  await flows.expectNoEnglish(page, 'preuve de contrôle');
});
