/**
 * The rotation flows (tests/e2e/rotation-flows.ts: a compromise rotation's first sitting, its abort
 * on a copy of the station, its second sitting signing the sweep, a change of holder, the French
 * screens) in the real Electron app. Skips with the reason where the Electron binary is absent, as
 * root, or online. Spec: issue 5 ("tests/electron runs the same flows").
 */
import { test } from '@playwright/test';
import { EngineRig } from '../support/engine-rig.ts';
import { RotationFlows } from '../e2e/rotation-flows.ts';
import { CAN_LAUNCH, launchCustos, skipUnlessCeremoniesRun, type ElectronSession } from './electron-session.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

let rig: EngineRig | undefined;
let session: ElectronSession | undefined;
let flows: RotationFlows | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000); // the station's earlier ceremonies are made with the real CLI (scrypt)
  if (!CAN_LAUNCH) return;
  rig = await EngineRig.create('custos-electron-rotation-');
  session = await launchCustos();
  flows = new RotationFlows(rig, session.dialog, session.load);
  if (await session.online()) return;
  for (const step of ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill', 'revoke-participant', 'incident']) {
    if (step === 'backup-drill') rig.placeShares('backup-drill');
    const r = await rig.run(step);
    if (r.status !== 0) throw new Error(`${step} failed: ${r.stderr}`);
  }
});

test.afterAll(async () => {
  await session?.close();
  rig?.dispose();
});

test('a compromise rotation’s first sitting by clicks in Electron, left waiting for the sweep', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.firstSitting(session!.window);
});

test('the waiting rotation aborted with a reason in Electron (on a copy of the station)', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.abortOnClone(session!.window);
});

test('the rotation’s second sitting signing the sweep in Electron', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.secondSitting(session!.window);
});

test('a change of holder in Electron, a wrong share passphrase asked again of its holder', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.changeHolder(session!.window);
});

test('the rotation and change-holder screens in French in Electron show no English text', async () => {
  await skipUnlessCeremoniesRun(session);
  await flows!.frenchShowsNoEnglish(session!.window);
});
