/**
 * The e2e ceremony flows (tests/e2e/ceremony-flows.ts) in the real Electron app, launched with
 * Playwright's `_electron` (run `npm run build` first): the station's native file dialog is answered
 * from the test by replacing dialog.showOpenDialog / showSaveDialog in the main process. Skips with
 * the reason where the Electron binary is absent or the tests run as root; the ceremony flows also
 * skip, saying so, on a machine that is online, where Custos refuses every ceremony by design.
 * Spec: issue 5 ("tests/electron runs the same flows").
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { ChooseKind } from '../../main/app/app-api.ts';
import { EngineRig } from '../support/engine-rig.ts';
import { CeremonyFlows } from '../e2e/ceremony-flows.ts';
import { REPO_ROOT, SKIP_REASON, electronBinary } from './electron-binary.ts';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

const BINARY = electronBinary();
const AS_ROOT = process.getuid?.() === 0;
const ROOT_SKIP_REASON = 'Running as root: Chromium will not run its sandbox as root, and Custos will not run without it. Run `npm run test:electron` as an ordinary user.';
const ONLINE_SKIP_REASON = 'This machine is online: Custos refuses every ceremony on a connected machine (AIRGAP_ONLINE), by design. Disconnect it to run the ceremony flows.';

let rig: EngineRig | undefined;
let electronApp: ElectronApplication | undefined;
let window: Page | undefined;
let flows: CeremonyFlows | undefined;

/** Queues a path for the next native dialog in the main process. */
async function nextDialog(kind: ChooseKind, chosen: string): Promise<void> {
  await electronApp!.evaluate(({ dialog }, args) => {
    const scope = globalThis as unknown as { custosTestDialog?: string[] };
    scope.custosTestDialog ??= [];
    scope.custosTestDialog.push(args.chosen);
    const take = () => scope.custosTestDialog!.shift();
    dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [take()!] })) as typeof dialog.showOpenDialog;
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: take()! })) as typeof dialog.showSaveDialog;
  }, { kind, chosen });
}

test.beforeAll(async () => {
  test.setTimeout(240_000); // people's keys and the station are made with the real CLI (scrypt)
  if (BINARY === null || AS_ROOT) return;
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'main', 'main.js'))) throw new Error('The app is not built. Run `npm run build` first.');
  rig = await EngineRig.create('custos-electron-');
  for (const step of ['station-setup', 'enrol-participant']) {
    const r = await rig.run(step);
    if (r.status !== 0) throw new Error(`${step} failed: ${r.stderr}`);
  }
  electronApp = await _electron.launch({ executablePath: BINARY, args: [REPO_ROOT], cwd: REPO_ROOT, chromiumSandbox: true });
  window = await electronApp.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  flows = new CeremonyFlows(rig, { next: nextDialog }, async (page) => {
    await page.reload();
  });
});

test.afterAll(async () => {
  await electronApp?.close();
  rig?.dispose();
});

async function online(): Promise<boolean> {
  return ((await window!.evaluate('window.custos.airGap()')) as { online: boolean }).online;
}

test('the air-gap banner tells the truth about this machine', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  const banner = window!.getByTestId('airgap');
  await expect(banner).toHaveAttribute('data-online', String(await online()));
});

test('create-wallet by clicks in Electron, paper shares gone from the DOM after their step', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.createWallet(window!);
});

test('a backup drill by clicks in Electron', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.backupDrill(window!);
});

test('a restitution with approvals in Electron', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.restitution(window!);
});

test('the restitution confirmed in Electron', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.confirmTransfer(window!);
});

test('an enrolment and a revocation in Electron', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.enrolThenRevoke(window!);
});

test('a new station set up in Electron', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.stationSetup(window!);
});

test('an incident opened by clicks in Electron', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.incident(window!);
});

test('the French screens in Electron show no English text', async () => {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await online(), ONLINE_SKIP_REASON);
  await flows!.frenchShowsNoEnglish(window!);
});
