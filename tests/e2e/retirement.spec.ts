/**
 * E2E of the destruction and reconciliation screens in Debian Chromium on the BUILT renderer,
 * window.custos bound to the real router, engine, store and crypto core: a reconciliation by clicks
 * (a declared deposit, a balances file with one address no wallet derives: one discrepancy, one
 * REC-… incident), a destruction refused on a wrong bag serial (the refusal in English and French,
 * nothing recorded), a destruction on an attested zero balance (holders present and absent, a sealed
 * share file overwritten and removed, the wallet destroyed), and both forms in French with no
 * English. Each ceremony is checked with the real `custos verify` and `custos replay`; the station
 * is brought to its state beforehand with the CLI examples (docs/answers/). The flows themselves are
 * in retirement-flows.ts. Spec: docs/cli.md "`destruction`", "`reconciliation`", "Balances file".
 */
import { test } from '@playwright/test';
import { RetirementFlows, STATION_EXAMPLES } from './retirement-flows.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(240_000);

let flows: RetirementFlows;
const suite = stationSuite({ prefix: 'custos-e2e-retire-', examples: STATION_EXAMPLES, prepare: (rig) => RetirementFlows.addHouseWallet(rig) });
test.beforeAll(() => {
  const { rig, app, load } = suite();
  flows = new RetirementFlows(rig, app.dialog, load);
});

test('a reconciliation by clicks: a deposit declared, one balance at an address no wallet derives gives one discrepancy and one REC incident', ({ page }) =>
  flows.reconciliation(page));
test('a destruction with a wrong bag serial is refused, in English and in French, and nothing is recorded', ({ page }) =>
  flows.destructionRefusedOnWrongBag(page));
test('a destruction on an attested zero balance by clicks: holders present and absent, a sealed share file erased, the wallet destroyed', ({ page }) =>
  flows.destruction(page));
test('in French, the destruction and reconciliation forms show no English text', ({ page }) => flows.frenchFormsShowNoEnglish(page));
