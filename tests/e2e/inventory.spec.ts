/**
 * E2E of the inventory screen in Debian Chromium on the BUILT renderer (run `npm run build` first),
 * with window.custos bound to the real router: the inventory is the replay of the station's record
 * (issue 5, "Home / inventory"). A station is built with the real CLI from the docs/answers examples
 * (station setup, an enrolment, create-wallet of a 3-of-5 client wallet, a backup drill replacing
 * one tamper-evident bag, an incident naming the wallet). The screen must show what
 * `custos replay --json` says: the wallet under its class and state, its client reference, its
 * quorum (m-of-n, proven), its holders by name with their bag serials, the drill date, the open
 * incident; the incident register and the participants; then the same in French, with no English
 * text of the catalogues. Every test also asserts that no request left the local server and that
 * the page threw nothing.
 */
import { expect, test, type Page } from '@playwright/test';
import type { AnswersJson, EngineRig } from '../support/engine-rig.ts';
import type { TestApp } from './custos-binding.ts';
import { englishOnlyStrings } from './english-strings.ts';
import type { RendererServer } from './renderer-server.ts';
import { screenshotPath } from './screenshots.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(60_000);

const WALLET = 'northwind-pension-cold-1';
const INCIDENT = 'INC-2026-0014';

let rig: EngineRig;
let server: RendererServer;
let app: TestApp;
/** `custos replay --json` of the station: what the screen must show. */
let replay: AnswersJson;

const suite = stationSuite({
  prefix: 'custos-e2e-inventory-',
  examples: ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill', 'incident'],
  prepare: async (station) => {
    replay = await station.replay();
  },
});
test.beforeAll(() => ({ rig, server, app } = suite()));

const walletOf = (id: string) => (replay.wallets as AnswersJson[]).find((w) => w.id === id);
const nameOf = (keyid: string): string => (replay.participants as AnswersJson[]).find((p) => p.keyid === keyid).name;

/** The day of a recorded time as the page's own Intl writes it in `locale` (UTC). */
function dayIn(page: Page, iso: string, locale: string): Promise<string> {
  return page.evaluate(
    ([value, tag]) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(value!)),
    [iso, locale],
  );
}

/** Opens the app (the inventory is its first screen) and the station through the screen's own button. */
async function openStation(page: Page): Promise<void> {
  await page.goto(`${server.origin}/`);
  const screen = page.getByTestId('inventory-screen');
  await expect(screen.getByTestId('inventory-no-data-dir')).toBeVisible();
  app.dialog.next('data-dir', rig.station);
  await screen.getByRole('button', { name: 'Open a station’s data directory' }).click();
  await expect(screen.getByTestId(`wallet-${WALLET}`)).toBeVisible();
  await expect(screen.getByTestId('inventory-source')).toHaveText('station');
}

test('the inventory shows the wallet by class and state, its quorum, its holders and bags, the drill and the incident', async ({ page }) => {
  const w = walletOf(WALLET);
  expect(w.class).toBe('client');
  expect(w.quorumProven).toBe(true);
  expect(w.lastDrill).not.toBeNull();

  await openStation(page);
  const screen = page.getByTestId('inventory-screen');
  await expect(screen.getByRole('heading', { name: 'Inventory', level: 2 })).toBeVisible();
  await expect(screen.getByTestId('inventory-as-of')).toContainText(`after replaying ${replay.entries} entries`);

  // Under its class and state.
  const card = screen.getByTestId('wallet-class-client').getByTestId('wallet-state-client-active').getByTestId(`wallet-${WALLET}`);
  await expect(card).toHaveAttribute('data-class', 'client');
  await expect(card).toHaveAttribute('data-state', 'active');
  await expect(card.getByRole('heading', { level: 5 })).toHaveText(w.label);
  await expect(card.getByTestId(`wallet-class-${WALLET}`)).toHaveText('Client');
  await expect(card.getByTestId(`wallet-state-${WALLET}`)).toHaveText('Active');
  await expect(card.getByTestId(`client-ref-${WALLET}`)).toHaveText('CL-2026-0042');
  await expect(card).toContainText(w.fingerprint);
  await expect(screen.getByTestId('wallet-class-house')).toContainText('None.');

  // Quorum health: proven shares against m-of-n.
  const quorum = card.getByTestId(`quorum-${WALLET}`);
  await expect(quorum).toHaveAttribute('data-proven', 'true');
  await expect(quorum).toHaveClass(/health__item--ok/u);
  await expect(quorum).toContainText(`${w.provenShares} of ${w.shareCount} shares proven`);
  await expect(quorum).toContainText(`${w.threshold}-of-${w.shareCount}`);
  expect([w.threshold, w.shareCount]).toEqual([3, 5]);

  // The drill: its date (in UTC, as the page's Intl writes it), not overdue.
  const drill = card.getByTestId(`drill-${WALLET}`);
  await expect(drill).toHaveAttribute('data-overdue', 'false');
  await expect(drill).toContainText(`Last drill on ${await dayIn(page, w.lastDrill, 'en-GB')}`);
  await expect(drill).toContainText((w.lastDrill as string).slice(11, 19));
  await expect(drill).toContainText('every 180 days');
  await expect(drill).toContainText('on schedule');
  await expect(card.getByTestId(`next-drill-${WALLET}`)).toContainText(`next due ${await dayIn(page, w.nextDrill, 'en-GB')}`);
  // Each account's first receive address and xpub, as the record has them, to compare with the watch-only wallet.
  expect((w.accounts as AnswersJson[]).map((a) => a.chain)).toEqual(['bitcoin', 'ethereum']);
  for (const a of w.accounts as AnswersJson[]) {
    await expect(card.getByTestId(`first-address-${WALLET}-${a.chain}`)).toHaveText(a.addresses[0]);
    await expect(card.getByTestId(`xpub-${WALLET}-${a.chain}`)).toHaveText(a.xpub);
  }

  // The open incident that names it, linked to the register.
  await expect(card.getByTestId(`incidents-${WALLET}`)).toContainText(INCIDENT);
  await card.getByRole('button', { name: `Show incident ${INCIDENT}` }).click();
  const incidentRow = screen.getByTestId(`incident-${INCIDENT}`);
  await expect(incidentRow).toBeFocused();
  await expect(incidentRow).toContainText('Open');
  await expect(incidentRow).toContainText('Yes');
  await expect(incidentRow).toContainText('tamper-evident bag TB-2026-000219');
  await expect(incidentRow).toContainText(await dayIn(page, '2026-12-02T00:00:00Z', 'en-GB'));

  // Each share: its holder by name (from the participants), its bag serial, its state.
  expect(w.shares).toHaveLength(5);
  for (const share of w.shares as AnswersJson[]) {
    const row = card.getByTestId(`share-${WALLET}-${share.index}`);
    await expect(row.getByTestId(`share-holder-${WALLET}-${share.index}`)).toHaveText(nameOf(share.holder));
    await expect(row.getByTestId(`share-bag-${WALLET}-${share.index}`)).toHaveText(share.bagSerial);
    await expect(row).toContainText(`${share.index} of 5`);
    await expect(row).toContainText('Held');
    await expect(row).toContainText('Encrypted file');
  }
  // The drill replaced the bag of share 3.
  await expect(card.getByTestId(`share-bag-${WALLET}-3`)).toHaveText('TB-2026-000219');
  await expect(card.getByTestId(`share-holder-${WALLET}-3`)).toHaveText('Farid Haddad');

  // Holders and where their shares are; the participants with their roles.
  const holders = screen.getByTestId('holders');
  for (const name of ['Dora Lindqvist', 'Emil Novak', 'Farid Haddad', 'Gita Rao', 'Hana Sato']) await expect(holders).toContainText(name);
  await expect(holders.getByTestId(`holder-share-${WALLET}-3`)).toContainText('TB-2026-000219');
  const participants = screen.getByTestId('participants');
  await expect(participants.locator('tbody tr')).toHaveCount(replay.participants.length);
  await expect(participants).toContainText('Custody officer');
  await expect(screen.getByTestId('inventory-summary')).toContainText('1 open incident');
  await page.screenshot({ path: screenshotPath('inventory-station-en.png'), fullPage: true });

  // At the default window and at the narrowest the app allows (800 px), nothing makes the page scroll
  // sideways: an account's xpub and address wrap inside their cells.
  for (const width of [1280, 800]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(overflow, `the inventory scrolls sideways at ${width} px`).toBe(0);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Refresh replays the record again.
  await screen.getByTestId('inventory-refresh').click();
  await expect(screen.getByTestId('inventory-refresh')).toHaveText('Refresh');
  await expect(card.getByTestId(`quorum-${WALLET}`)).toHaveAttribute('data-proven', 'true');
});

test('in French, the inventory shows the French texts and no English text of the catalogues', async ({ page }) => {
  const w = walletOf(WALLET);
  await openStation(page);
  await page.getByRole('button', { name: 'Français' }).click();
  const screen = page.getByTestId('inventory-screen');
  await expect(screen.getByRole('heading', { name: 'Inventaire', level: 2 })).toBeVisible();
  await expect(screen.getByRole('heading', { name: /Portefeuilles des clients/u })).toBeVisible();
  await expect(screen.getByRole('heading', { name: /Portefeuilles pour compte propre/u })).toBeVisible();
  await expect(screen.getByRole('heading', { name: 'Registre des incidents' })).toBeVisible();
  await expect(screen.getByRole('heading', { name: 'Détenteurs et emplacement de leurs parts' })).toBeVisible();

  const card = screen.getByTestId(`wallet-${WALLET}`);
  await expect(card.getByTestId(`wallet-state-${WALLET}`)).toHaveText('Actif');
  await expect(card).toContainText('Référence client');
  const quorum = card.getByTestId(`quorum-${WALLET}`);
  await expect(quorum).toContainText('Prouvé');
  await expect(quorum).toContainText('5 parts prouvées sur 5');
  await expect(quorum).toContainText('(3 sur 5)');
  const drill = card.getByTestId(`drill-${WALLET}`);
  await expect(drill).toContainText(`Dernier exercice le ${await dayIn(page, w.lastDrill, 'fr-FR')}`);
  await expect(drill).toContainText('tous les 180 jours');
  await expect(drill).toContainText('à jour');
  await expect(card.getByRole('columnheader', { name: 'Sachet scellé' })).toBeVisible();
  await expect(card.getByRole('columnheader', { name: 'Détenteur' })).toBeVisible();
  await expect(card.getByTestId(`share-${WALLET}-1`)).toContainText('Détenue');
  await expect(card.getByTestId(`share-${WALLET}-1`)).toContainText('Fichier chiffré');
  await expect(card.getByTestId(`share-${WALLET}-1`)).toContainText('1 sur 5');
  const incidentRow = screen.getByTestId(`incident-${INCIDENT}`);
  await expect(incidentRow).toContainText('Ouvert');
  await expect(incidentRow).toContainText('Oui');
  await expect(screen.getByTestId('participants')).toContainText('Responsable de la conservation');
  await expect(screen.getByTestId('participants')).toContainText('Témoin');

  // No English text of any catalogue on the screen (the record's own words — labels, the incident's
  // nature as written — are data, not interface).
  const english = englishOnlyStrings();
  const recorded = (replay.incidents as AnswersJson[]).map((i) => i.nature as string);
  const text = recorded.reduce((shown, words) => shown.replaceAll(words, ''), await page.locator('body').innerText());
  expect(english.filter((t) => text.includes(t))).toEqual([]);
  await page.screenshot({ path: screenshotPath('inventory-station-fr.png'), fullPage: true });
});
