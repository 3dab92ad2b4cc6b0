/**
 * E2E of the compromise-rotation and change-holder screens in Debian Chromium on the BUILT renderer,
 * window.custos bound to the real router, engine, store and crypto core (docs/cli.md
 * `compromise-rotation` in two sittings, ADR 0012; `change-holder`). The station lives the CLI
 * examples first (station-setup, enrol-participant, create-wallet, backup-drill, revoke-participant,
 * incident: docs/answers/), then by clicks: the first sitting rotating northwind-pension-cold-1
 * under INC-2026-0014 (one paper share, two files) left waiting; its abort with a reason on a copy
 * of the station; the second sitting signing the coordinator's sweep with file shares of the old
 * wallet; the token list adopted and a USDC restitution from the replacement's Ethereum account (issue
 * 18; a holder's bag found broken opens its incident there, issue 19), confirmed on chain in French with the fee it paid; a change of holder on the replacement (a wrong share passphrase asked again first); and the
 * French screens without English. Every ceremony is checked with the real `custos verify` and
 * `custos replay`. The flows are in rotation-flows.ts.
 */
import { test } from '@playwright/test';
import { RotationFlows } from './rotation-flows.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(240_000);

const suite = stationSuite({
  prefix: 'custos-e2e-rotation-',
  examples: ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill', 'revoke-participant', 'incident'],
});
let flows: RotationFlows;
test.beforeAll(() => {
  const { rig, app, load } = suite();
  flows = new RotationFlows(rig, app.dialog, load);
});

test('the first sitting by clicks: the wallet compromised under its incident, the replacement made with a paper share and two files, the rotation left waiting for the sweep', ({
  page,
}) => flows.firstSitting(page));
test('the waiting rotation aborted by clicks with a reason (on a copy of the station): recorded, and the old wallet can be rotated again', ({ page }) =>
  flows.abortOnClone(page));
test('the second sitting by clicks: file shares of the old wallet, the sweep PSBT in plain words, signed; the replacement is active', ({ page }) =>
  flows.secondSitting(page));
test('the token list adopted by clicks, then an Ethereum restitution of USDC by clicks from the replacement, a bag found broken opening its incident, read back by ethers', ({
  page,
}) => flows.ethereumRestitution(page));
test('the USDC restitution confirmed by clicks in French: the fee it paid, at most its approved maximum, taken from the wallet’s ether', ({ page }) =>
  flows.confirmEthereumInFrench(page));
test('change-holder by clicks on the replacement: a wrong share passphrase is asked again of its holder, nothing recorded; then a file share passes to a holder who held none', ({
  page,
}) => flows.changeHolder(page));
test('in French, the rotation’s two sittings, its abort and the change-holder form show no English text', ({ page }) => flows.frenchShowsNoEnglish(page));
