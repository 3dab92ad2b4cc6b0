/**
 * E2E of the reports screen in Debian Chromium on the BUILT renderer, window.custos bound to the
 * real router (issue 5, "Incidents and reports": printable PDF inventory report, incident report,
 * ceremony transcript). The station is made with the real CLI from the docs/answers examples
 * (set-up, an enrolment, create-wallet of the 3-of-5 client wallet, an incident). The router's
 * printer is backed by the test's own Chromium (custos-binding.ts playwrightPrinter): its PDFs are
 * real Chromium PDFs of main's HTML, as Electron's print window would make them (page.pdf and
 * webContents.printToPDF are the same Chromium printing). A PDF's text is compressed, so the file
 * is checked by its header (%PDF-) and size, and the HTML main gave the printer by its content.
 * The station's save dialog is the test's queue. The reports screen is reached through the app's
 * navigation tab named REPORTS_TEXT.navReports.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { REPORTS_TEXT } from '../../renderer/src/reports/reports-messages.ts';
import type { AnswersJson, EngineRig } from '../support/engine-rig.ts';
import { playwrightPrinter, type TestApp } from './custos-binding.ts';
import { englishOnlyStrings } from './english-strings.ts';
import type { RendererServer } from './renderer-server.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(60_000);

let rig: EngineRig;
let server: RendererServer;
let app: TestApp;
let printer: ReturnType<typeof playwrightPrinter>;
let replay: AnswersJson;

const suite = stationSuite({
  prefix: 'custos-e2e-reports-',
  examples: ['station-setup', 'enrol-participant', 'create-wallet', 'incident'],
  prepare: async (station) => {
    replay = await station.replay();
    fs.mkdirSync(station.path('reports'), { recursive: true });
  },
  app: (browser) => {
    printer = playwrightPrinter(browser);
    return { printer };
  },
});
test.beforeAll(() => ({ rig, server, app } = suite()));

/** Opens the app, the reports tab, and the station through the screen's own button. */
async function openReports(page: Page, locale: 'en' | 'fr' = 'en') {
  await page.goto(`${server.origin}/`);
  if (locale === 'fr') await page.getByRole('button', { name: 'Français' }).click();
  await page.getByRole('button', { name: REPORTS_TEXT[locale].navReports, exact: true }).click();
  const screen = page.getByTestId('reports-screen');
  await expect(screen.getByTestId('reports-no-data-dir')).toBeVisible();
  app.dialog.next('data-dir', rig.station);
  await screen.getByRole('button', { name: REPORTS_TEXT[locale].openDataDir }).click();
  await expect(screen.getByTestId('report-save-inventory')).toBeVisible();
  return screen;
}

/** The file written: a real PDF (header %PDF-, more than 1 KB). */
function expectPdf(file: string): void {
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(bytes.byteLength).toBeGreaterThan(1024);
  expect(bytes.subarray(-1024).toString('latin1')).toContain('%%EOF');
}

test('the inventory report saved as a PDF: the file written where chosen is a real PDF of the record', async ({ page }) => {
  const screen = await openReports(page);
  await expect(screen.getByRole('heading', { name: REPORTS_TEXT.en.inventoryTitle })).toBeVisible();
  const target = rig.path('reports/inventory.pdf');
  app.dialog.next('save-file', target);
  await screen.getByTestId('report-save-inventory').click();
  await expect(screen.getByTestId('report-saved-inventory')).toHaveText('Saved as inventory.pdf.');
  expectPdf(target);
  // What main gave the printer: the record's wallet, its holders by name and their bag serials.
  const html = printer.pdfs.at(-1)!;
  expect(html).toContain('Inventory report');
  const wallet = (replay.wallets as AnswersJson[]).find((w) => w.id === 'northwind-pension-cold-1');
  for (const share of wallet.shares as AnswersJson[]) {
    expect(html).toContain(share.bagSerial);
    expect(html).toContain((replay.participants as AnswersJson[]).find((p) => p.keyid === share.holder).name);
  }
  expect(html).toContain('INC-2026-0014');

  // A closed save dialog: nothing saved, said plainly, no error.
  app.dialog.next('save-file', null);
  await screen.getByTestId('report-save-inventory').click();
  await expect(screen.getByTestId('report-not-saved-inventory')).toHaveText(REPORTS_TEXT.en.notSaved);
  await expect(screen.getByTestId('error-notice')).toHaveCount(0);
});

test("in French: the incident report of a period and a ceremony's transcript, as PDFs; no English text on the screen", async ({ page }) => {
  const screen = await openReports(page, 'fr');
  await expect(screen.getByRole('heading', { name: REPORTS_TEXT.fr.heading, level: 2 })).toBeVisible();

  const year = new Date().toISOString().slice(0, 4);
  await screen.getByTestId('report-from').fill(`${year}-01-01`);
  await screen.getByTestId('report-to').fill(`${year}-12-31`);
  app.dialog.next('save-file', rig.path('reports/incidents.pdf'));
  await screen.getByTestId('report-save-incidents').click();
  await expect(screen.getByTestId('report-saved-incidents')).toHaveText('Enregistré sous incidents.pdf.');
  expectPdf(rig.path('reports/incidents.pdf'));
  expect(printer.pdfs.at(-1)).toContain('Rapport d’incidents');
  expect(printer.pdfs.at(-1)).toContain('INC-2026-0014');

  const create = (replay.ceremonies as AnswersJson[]).find((c) => c.procedureId === 'create-wallet@2');
  await screen.getByTestId('report-ceremony-select').selectOption(create.id);
  app.dialog.next('save-file', rig.path('reports/proces-verbal.pdf'));
  await screen.getByTestId('report-save-ceremony').click();
  await expect(screen.getByTestId('report-saved-ceremony')).toHaveText('Enregistré sous proces-verbal.pdf.');
  expectPdf(rig.path('reports/proces-verbal.pdf'));
  expect(printer.pdfs.at(-1)).toContain('Procès-verbal de cérémonie');
  expect(printer.pdfs.at(-1)).toContain('Alice Martin (responsable)');

  // The script of a drill to come, with the bags the wallet's holders must bring (issue 17, point 4).
  await screen.getByTestId('report-script-procedure').selectOption('backup-drill');
  await screen.getByTestId('report-script-wallet').selectOption('northwind-pension-cold-1');
  app.dialog.next('save-file', rig.path('reports/deroule.pdf'));
  await screen.getByTestId('report-save-script').click();
  await expect(screen.getByTestId('report-saved-script')).toHaveText('Enregistré sous deroule.pdf.');
  expectPdf(rig.path('reports/deroule.pdf'));
  const script = printer.pdfs.at(-1)!;
  expect(script).toContain('Déroulé de cérémonie');
  expect(script).toContain('Exercice de vérification des sauvegardes');
  const drilled = (replay.wallets as AnswersJson[]).find((w) => w.id === 'northwind-pension-cold-1');
  for (const share of drilled.shares as AnswersJson[]) expect(script).toContain(share.bagSerial);
  const shown = await screen.innerText();

  const english = englishOnlyStrings();
  expect(english.filter((t) => shown.includes(t))).toEqual([]);

  // A period the wrong way round is refused, in French (the notice shows the stable code and the French text).
  await screen.getByTestId('report-from').fill(`${year}-12-31`);
  await screen.getByTestId('report-to').fill(`${year}-01-01`);
  await screen.getByTestId('report-save-incidents').click();
  const notice = screen.getByTestId('error-notice');
  await expect(notice).toHaveAttribute('data-code', 'REPORT_PERIOD_INVALID');
  await expect(notice).toContainText('Indiquez la période');
  const withNotice = (await screen.innerText()).replace('REPORT_PERIOD_INVALID', '');
  expect(english.filter((t) => withNotice.includes(t))).toEqual([]);
});
