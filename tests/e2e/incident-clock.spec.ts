/**
 * E2E of the regulatory clock (issue 19, "Regulatory clock"; ADR 0034) in Debian Chromium on the
 * BUILT renderer, window.custos bound to the real router whose clock is set at 10 December 2026,
 * 12:00 UTC. By clicks: an incident opened with its DORA criteria (the form says "major" before
 * anyone signs), detected at 08:00 and classified at 09:00, its initial notification made at 11:30.
 * The inventory's register then shows the initial notification made, the intermediate report due
 * within 72 hours of it with the time left, and the final one waiting; the same in French, and the
 * French form shows no English. A photo of the badge log, chosen as evidence of the opening in the
 * runner's evidence panel (ADR 0031), is named in the opening entry and checked by `custos verify
 * --evidence`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { lastCeremonyEntries } from '../support/journal-entries.ts';
import { CeremonyFlows } from './ceremony-flows.ts';
import { screenshotPath } from './screenshots.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(120_000);

const NOW = new Date('2026-12-10T12:00:00Z');
const suite = stationSuite({
  prefix: 'custos-e2e-clock-',
  examples: ['station-setup'],
  app: () => ({ clock: () => NOW }),
});
let flows: CeremonyFlows;
test.beforeAll(() => {
  const { rig, app, load } = suite();
  flows = new CeremonyFlows(rig, app.dialog, load);
});

test('an incident classified major by clicks, its initial notification made: the register counts down the intermediate report', async ({ page }) => {
  const { rig, app } = suite();
  await flows.openStation(page);
  await page.getByTestId('procedure-incident').getByRole('button', { name: 'Run on this screen' }).click();
  await flows.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
  await app.dialog.next('key-file', rig.path('keys/bob-okafor.key'));
  await page.getByTestId('attest-witness-1').getByRole('button', { name: 'Choose key file' }).click();
  await expect(page.getByTestId('attest-witness-1').getByText(`Key file: ${path.basename('keys/bob-okafor.key')}`)).toBeVisible();
  await page.getByTestId('incident-id').fill('INC-UI-7');
  for (const [label, value] of [
    ['Occurred on', '2026-12-10'],
    ['Discovered on', '2026-12-10'],
    ['Target date', '2026-12-20'],
  ] as const)
    await page.getByLabel(label, { exact: true }).fill(value);
  for (const [label, value] of [
    ['Nature', 'Unauthorised access to the station room detected by the badge system.'],
    ['Origin', 'Badge system alert'],
    ['Tools and staff involved', 'Badge system; Alice Martin'],
    ['Impact', 'Ceremonies suspended; clients informed.'],
    ['Corrective action', 'Review the footage; rotate if a share bag was touched.'],
  ] as const)
    await page.getByLabel(label, { exact: true }).fill(value);

  await page.getByTestId('incident-classify').check();
  await page.getByTestId('criterion-critical-services').check();
  await expect(page.getByTestId('incident-major')).toHaveAttribute('data-major', 'false');
  await page.getByTestId('criterion-clients-affected').check();
  await page.getByTestId('criterion-reputational-impact').check();
  await expect(page.getByTestId('incident-major')).toHaveAttribute('data-major', 'true');
  await expect(page.getByTestId('incident-major')).toContainText('the initial notification is due within 4 hours of classification');
  await page.getByTestId('incident-detected-at').fill('2026-12-10T08:00');
  await page.getByTestId('incident-classified-at').fill('2026-12-10T09:00');
  await page.getByRole('button', { name: 'Add a report made' }).click();
  await expect(page.getByTestId('start-missing')).toContainText('report 1: its time, authority and reference');
  await page.getByTestId('notification-1-at').fill('2026-12-10T11:30');
  await page.getByTestId('notification-1-authority').fill('AMF');
  await page.getByTestId('notification-1-reference').fill('AMF-ICT-UI-1');
  await expect(page.getByTestId('start-missing')).toHaveCount(0);
  // The badge system's log, photographed: an evidence file named in the opening by its SHA-256 (ADR 0031).
  const evidence = rig.path('media/evidence/badge-log.jpg');
  fs.mkdirSync(path.dirname(evidence), { recursive: true });
  fs.writeFileSync(evidence, Buffer.from('not really a jpeg: the badge log, 08:00 to 09:00'));
  await app.dialog.next('evidence-file', evidence);
  await page.getByTestId('evidence-add').click();
  await expect(page.getByTestId('evidence-1')).toContainText('File: badge-log.jpg');
  await page.screenshot({ path: screenshotPath('ceremony-incident-clock-form.png'), fullPage: true });
  await page.getByRole('button', { name: 'Start the ceremony' }).click();
  const outcome = page.getByTestId('ceremony-outcome');
  await expect(outcome).toHaveAttribute('data-state', /^(closed|failed|aborted)$/u, { timeout: 60_000 });
  await expect(outcome).toHaveAttribute('data-state', 'closed');

  await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
  const clock = page.getByTestId('deadlines-INC-UI-7');
  await expect(clock.locator('[data-report="initial"]')).toHaveAttribute('data-state', 'made');
  await expect(clock.locator('[data-report="initial"]')).toContainText('AMF-ICT-UI-1');
  await expect(clock.locator('[data-report="intermediate"]')).toHaveAttribute('data-state', 'open');
  // Due 72 hours after 11:30 on the 10th, seen at 12:00 that day: 2 days 23 hours left.
  await expect(clock.locator('[data-report="intermediate"]')).toContainText('2 d 23 h left');
  await expect(clock.locator('[data-report="final"]')).toHaveAttribute('data-state', 'waiting');
  await page.screenshot({ path: screenshotPath('inventory-incident-clock.png'), fullPage: true });
  await flows.verifyStation();
  const [open] = lastCeremonyEntries(rig.station, 'incident');
  expect(open!.body.evidence).toEqual([{ name: 'badge-log.jpg', sha256: createHash('sha256').update(fs.readFileSync(evidence)).digest('hex') }]);
  const checked = await rig.custos('verify', rig.station, '--evidence', path.dirname(evidence));
  expect(checked.status, checked.stdout + checked.stderr).toBe(0);

  await page.getByRole('button', { name: 'Français' }).click();
  await expect(clock.locator('[data-report="intermediate"]')).toContainText('reste 2 j 23 h');
  await page.getByRole('navigation').getByRole('button', { name: 'Cérémonies' }).click();
  await page.getByTestId('procedure-incident').getByRole('button', { name: 'Conduire sur cet écran' }).click();
  await page.getByTestId('incident-classify').check();
  await page.getByRole('button', { name: 'Ajouter une déclaration faite' }).click();
  await flows.expectNoEnglish(page, 'incident, classification');
});
