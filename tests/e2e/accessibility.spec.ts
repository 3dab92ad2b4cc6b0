/**
 * Accessibility of every screen, in English and in French (issue 17, "A layout a non-developer finds
 * at once": "axe-core reports no serious or critical violation on any screen, in English and
 * French"). axe-core (@axe-core/playwright, WCAG 2.1 A and AA rules) scans the BUILT renderer in
 * Debian Chromium, bound to the real services, on: the first screen with no station open; the
 * inventory of a real station (made with the real CLI: setup, enrolment, a client wallet, a drill,
 * an incident); the ceremonies list and the form of every procedure the app runs; the reports; the
 * auditor view before and after verifying the station. A violation names its rule, its impact and
 * the elements it found, so the failure says what to fix.
 */
import { expect, test } from '@playwright/test';
import type { EngineRig } from '../support/engine-rig.ts';
import type { TestApp } from './custos-binding.ts';
import type { RendererServer } from './renderer-server.ts';
import { stationSuite } from './station-suite.ts';
import { violations } from './axe-violations.ts';

test.setTimeout(180_000);

let rig: EngineRig;
let server: RendererServer;
let app: TestApp;

const suite = stationSuite({
  prefix: 'custos-e2e-accessibility-',
  examples: ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill', 'incident'],
});
test.beforeAll(() => ({ rig, server, app } = suite()));

const WORDS = {
  en: {
    open: 'Open a data directory',
    inventory: 'Inventory',
    ceremonies: 'Ceremonies',
    reports: 'Reports',
    auditor: 'Auditor',
    withScreen: 'Run on this screen',
  },
  fr: {
    open: 'Ouvrir un répertoire de données',
    inventory: 'Inventaire',
    ceremonies: 'Cérémonies',
    reports: 'Rapports',
    auditor: 'Audit',
    withScreen: 'Conduire sur cet écran',
  },
} as const;

for (const locale of ['en', 'fr'] as const) {
  test(`every screen in ${locale === 'en' ? 'English' : 'French'}: no serious or critical accessibility violation (axe-core)`, async ({ page }) => {
    const w = WORDS[locale];
    const found: string[] = [];
    await page.goto(`${server.origin}/`);
    if (locale === 'fr') await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    found.push(...(await violations(page, 'no station open')));

    app.dialog.next('data-dir', rig.station);
    await page.getByRole('button', { name: w.open }).first().click();
    await expect(page.getByTestId('wallet-northwind-pension-cold-1')).toBeVisible();
    found.push(...(await violations(page, 'inventory')));

    await page.getByRole('button', { name: w.ceremonies, exact: true }).click();
    const procedures = page.locator('[data-testid^="procedure-"]');
    await expect(procedures.first()).toBeVisible();
    found.push(...(await violations(page, 'ceremonies')));
    const ids = await procedures.evaluateAll((items) => items.map((li) => li.getAttribute('data-testid')!));
    let forms = 0;
    for (const id of ids) {
      const open = page.getByTestId(id).getByRole('button', { name: w.withScreen });
      if ((await open.count()) === 0) continue;
      await open.click();
      const back = page.getByRole('button', { name: locale === 'en' ? 'Back to the procedures' : 'Retour aux procédures' });
      await expect(back).toBeVisible();
      found.push(...(await violations(page, `form ${id.replace('procedure-', '')}`)));
      forms++;
      await back.click();
      await expect(procedures.first()).toBeVisible();
    }
    expect(forms, 'the procedures the app runs on screen').toBeGreaterThanOrEqual(10);

    await page.getByRole('button', { name: w.reports, exact: true }).click();
    await expect(page.getByTestId('report-save-inventory')).toBeVisible();
    found.push(...(await violations(page, 'reports')));

    await page.getByRole('button', { name: w.auditor, exact: true }).click();
    const auditor = page.getByTestId('auditor-screen');
    await expect(auditor).toBeVisible();
    found.push(...(await violations(page, 'auditor')));
    app.dialog.next('audit-source', rig.station);
    await auditor.getByRole('button', { name: locale === 'en' ? 'Open a data directory or bundle' : /Ouvrir/u }).click();
    await auditor.getByRole('button', { name: locale === 'en' ? 'Verify' : 'Vérifier', exact: true }).click();
    await expect(auditor.getByTestId('verify-verdict')).toBeVisible({ timeout: 60_000 });
    found.push(...(await violations(page, 'auditor, verified')));

    expect(found).toEqual([]);
  });
}
