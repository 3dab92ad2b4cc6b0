/**
 * The retirement flows (tests/e2e/retirement-flows.ts: reconciliation, a destruction refused on a
 * wrong bag serial, a destruction on an attested zero balance, both forms in French) in the real
 * Electron app. Skips with the reason where the Electron binary is absent, as root, or online.
 * Spec: issue 5 ("tests/electron runs the same flows").
 */
import { test } from '@playwright/test';
import { EngineRig } from '../support/engine-rig.ts';
import { RetirementFlows } from '../e2e/retirement-flows.ts';
import { CAN_LAUNCH, launchCustos, skipUnlessCeremoniesRun, type ElectronSession } from './electron-session.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let rig: EngineRig | undefined;
let session: ElectronSession | undefined;
let flows: RetirementFlows | undefined;

test.beforeAll(async () => {
  test.setTimeout(240_000); // the station and its wallets are made with the real CLI (scrypt)
  if (!CAN_LAUNCH) return;
  rig = await EngineRig.create('custos-electron-retire-');
  session = await launchCustos();
  flows = new RetirementFlows(rig, session.dialog, session.load);
  if (!(await session.online())) await RetirementFlows.prepareStation(rig);
});

test.afterAll(async () => {
  await session?.close();
  rig?.dispose();
});

test('a reconciliation by clicks in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.reconciliation(session!.window);
});

test('a destruction refused on a wrong bag serial in Electron, nothing recorded', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.destructionRefusedOnWrongBag(session!.window);
});

test('a destruction on an attested zero balance in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.destruction(session!.window);
});

test('the destruction and reconciliation forms in French in Electron show no English text', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.frenchFormsShowNoEnglish(session!.window);
});
