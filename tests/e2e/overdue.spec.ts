/**
 * E2E of per-share proof (issue 19, point 1) in Debian Chromium on the BUILT renderer, window.custos
 * bound to the real router whose clock is set 200 days ahead: the station lived the examples (a
 * 3-of-5 wallet handed over, then drilled with three of its shares), so every share is now overdue.
 * The inventory shows each share's due date and names the overdue ones by holder; the drill form
 * lists them and asks, for one marked as not presentable, why (recorded); a bag can be said found
 * broken (the drill will open its incident), with a photo's hash; the same in French with no
 * English text.
 */
import { expect, test } from '@playwright/test';
import type { AnswersJson } from '../support/engine-rig.ts';
import { englishOnlyStrings } from './english-strings.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(60_000);

const WALLET = 'northwind-pension-cold-1';
const LATER = new Date(Date.now() + 200 * 86_400_000);
let replay: AnswersJson;

const suite = stationSuite({
  prefix: 'custos-e2e-overdue-',
  examples: ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill'],
  prepare: async (station) => {
    replay = await station.replay();
  },
  app: () => ({ clock: () => LATER }),
});

async function openStation(page: import('@playwright/test').Page): Promise<void> {
  const { load, app, rig } = suite();
  await load(page);
  app.dialog.next('data-dir', rig.station);
  await page.getByRole('banner').getByRole('button', { name: 'Open a data directory' }).click();
  await expect(page.getByTestId('data-dir-name')).toHaveText('station');
}

const nameOf = (keyid: string) => (replay.participants as AnswersJson[]).find((p) => p.keyid === keyid)!.name as string;

test('200 days on, the inventory shows every share overdue, by holder, and the drill form asks why one cannot be presented', async ({ page }) => {
  const wallet = (replay.wallets as AnswersJson[]).find((w) => w.id === WALLET)!;
  const holders = (wallet.shares as AnswersJson[]).map((s) => nameOf(s.holder));
  await openStation(page);
  await expect(page.getByTestId(`drill-${WALLET}`)).toHaveAttribute('data-overdue', 'true');
  const named = page.getByTestId(`overdue-shares-${WALLET}`);
  for (const [i, holder] of holders.entries()) await expect(named).toContainText(`share ${i + 1} of 5 (${holder})`);
  await expect(page.getByTestId(`share-${WALLET}-1`).locator('[data-overdue="true"]')).toContainText('OVERDUE since');

  await page.getByRole('navigation').getByRole('button', { name: 'Ceremonies' }).click();
  await page.getByTestId('procedure-backup-drill').getByRole('button', { name: 'Run on this screen' }).click();
  await page.getByLabel('Wallet to drill').selectOption(WALLET);
  const overdue = page.getByTestId('drill-overdue');
  await expect(overdue.getByTestId(/^overdue-share-\d$/u)).toHaveCount(5);
  await expect(overdue.getByTestId('overdue-share-4')).toContainText(`Share 4 of 5, held by ${holders[3]}: due since`);
  await page.getByTestId('overdue-away-4').check();
  await expect(page.getByTestId('start-missing')).toContainText('why share 4 cannot be presented');
  await page.getByTestId('overdue-reason-4').fill('Holder on leave until March');
  await expect(page.getByTestId('start-missing')).not.toContainText('why share 4');

  // Seal outcomes: a bag found broken, with what the ceremony will do (every form that presents shares offers it).
  await page.getByTestId('share-bag-state-1').selectOption('broken');
  await expect(page.getByTestId('share-1')).toContainText('the ceremony opens an incident, signed by the officer and the witnesses');
  await page.getByTestId('share-seal-photo-1').fill('ab'.repeat(32));
  await expect(page.getByTestId('share-rebag-1')).toBeVisible();

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(page.getByTestId('share-1')).toContainText('la cérémonie ouvre un incident');
  await expect(overdue.getByRole('heading', { name: 'Parts en retard de preuve' })).toBeVisible();
  await expect(overdue.getByTestId('overdue-share-5')).toContainText(`Part 5 sur 5, détenue par ${holders[4]} : due depuis le`);
  const shown = (await page.evaluate('document.body.innerText')) as string;
  const english = englishOnlyStrings().filter((t) => new RegExp(`(?<![\\p{L}])${t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u').test(shown));
  expect(english).toEqual([]);
});
