/**
 * E2E of the ceremony runner in Debian Chromium on the BUILT renderer, window.custos bound to the
 * real router, engine, store and crypto core (issue 5, Done when): a full create-wallet ceremony by
 * clicks with paper shares (words shown to one holder at a time, typed back, gone from the DOM after
 * their step), a backup drill presenting those words, and a restitution with two approvals whose
 * signed transaction is also shown as an animated BC-UR QR; then every screen in French shows no
 * English text of any catalogue. Each ceremony is checked with the real `custos verify` and
 * `custos replay`. The station is set up beforehand with the real CLI. The flows themselves are in
 * ceremony-flows.ts (the Electron suite runs the same ones).
 */
import { test } from '@playwright/test';
import { CeremonyFlows } from './ceremony-flows.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(240_000);

const suite = stationSuite({ prefix: 'custos-e2e-', examples: ['station-setup', 'enrol-participant'] });
let flows: CeremonyFlows;
test.beforeAll(() => {
  const { rig, app, load } = suite();
  flows = new CeremonyFlows(rig, app.dialog, load);
});

test('a full create-wallet ceremony by clicks, paper shares shown one holder at a time and gone from the DOM after their step', ({ page }) =>
  flows.createWallet(page));
test('a backup drill by clicks: two holders type their cards, the wallet is rebuilt', ({ page }) => flows.backupDrill(page));
test('a restitution with two approvals: the PSBT outputs in plain words, signed, and its animated QR', ({ page }) => flows.restitution(page));
test('an incident opened by clicks lands in the register', ({ page }) => flows.incident(page));
test('the restitution confirmed on chain by clicks; the final one retires the client wallet', ({ page }) => flows.confirmTransfer(page));
test('a person enrolled from their public key card by clicks, then their key revoked with a reason', ({ page }) => flows.enrolThenRevoke(page));
test('a new station set up by clicks in an empty folder, its roster from public key cards', ({ page }) => flows.stationSetup(page));
test('a creation killed partway leaves its ceremony open; an officer and a witness abort it by clicks, with a reason', ({ page }) => flows.abortLeftOpen(page));
test('in French, no screen shows an English text: inventory, ceremonies, the forms, the auditor', ({ page }) => flows.frenchShowsNoEnglish(page));
