/**
 * The e2e ceremony flows (tests/e2e/ceremony-flows.ts) in the real Electron app, launched with
 * Playwright's `_electron` (run `npm run build` first): the station's native file dialog is answered
 * from the test by replacing dialog.showOpenDialog / showSaveDialog in the main process. Skips with
 * the reason where the Electron binary is absent or the tests run as root; the ceremony flows also
 * skip, saying so, on a machine that is online, where Custos refuses every ceremony by design.
 * Spec: issue 5 ("tests/electron runs the same flows").
 */
import { expect, test } from '@playwright/test';
import { EngineRig } from '../support/engine-rig.ts';
import { CeremonyFlows } from '../e2e/ceremony-flows.ts';
import { SKIP_REASON } from './electron-binary.ts';
import { AS_ROOT, BINARY, CAN_LAUNCH, ROOT_SKIP_REASON, launchCustos, skipUnlessCeremoniesRun, type ElectronSession } from './electron-session.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let rig: EngineRig | undefined;
let session: ElectronSession | undefined;
let flows: CeremonyFlows | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000); // people's keys and the station are made with the real CLI (scrypt)
  if (!CAN_LAUNCH) return;
  rig = await EngineRig.create('custos-electron-');
  for (const step of ['station-setup', 'enrol-participant']) {
    const r = await rig.run(step);
    if (r.status !== 0) throw new Error(`${step} failed: ${r.stderr}`);
  }
  session = await launchCustos();
  flows = new CeremonyFlows(rig, session.dialog, session.load);
});

test.afterAll(async () => {
  await session?.close();
  rig?.dispose();
});

test('the air-gap banner tells the truth about this machine', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  const banner = session!.window.getByTestId('airgap');
  await expect(banner).toHaveAttribute('data-online', String(await session!.online()));
});

test('create-wallet by clicks in Electron, paper shares gone from the DOM after their step', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.createWallet(session!.window);
});

test('a backup drill by clicks in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.backupDrill(session!.window);
});

test('a restitution with approvals in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.restitution(session!.window);
});

test('the restitution confirmed in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.confirmTransfer(session!.window);
});

test('an enrolment and a revocation in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.enrolThenRevoke(session!.window);
});

test('a new station set up in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.stationSetup(session!.window);
});

test('an incident opened by clicks in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.incident(session!.window);
});

test('the French screens in Electron show no English text', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.frenchShowsNoEnglish(session!.window);
});
