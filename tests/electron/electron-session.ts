/**
 * One Custos app launched in Electron for a ceremony suite (Playwright `_electron`, after `npm run
 * build`), with the station's native file dialog answered from the test, and why a suite must skip
 * here: no Electron binary, running as root (Chromium will not sandbox as root, and Custos will not
 * run without its sandbox), or an online machine, where Custos refuses every ceremony by design.
 * Used by every spec of tests/electron/ that runs the e2e flows (tests/e2e/*-flows.ts).
 * Spec: issue 5 ("tests/electron runs the same flows").
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, test, type ElectronApplication, type Page } from '@playwright/test';
import type { ChooseKind } from '../../main/app/app-api.ts';
import type { DialogScript } from '../e2e/ceremony-flows.ts';
import { REPO_ROOT, SKIP_REASON, electronBinary } from './electron-binary.ts';

export const BINARY = electronBinary();
export const AS_ROOT = process.getuid?.() === 0;
export const ROOT_SKIP_REASON =
  'Running as root: Chromium will not run its sandbox as root, and Custos will not run without it. Run `npm run test:electron` as an ordinary user.';
export const ONLINE_SKIP_REASON =
  'This machine is online: Custos refuses every ceremony on a connected machine (AIRGAP_ONLINE), by design. Disconnect it to run the ceremony flows.';

/** True where the app can be launched at all (a binary, not root). */
export const CAN_LAUNCH = BINARY !== null && !AS_ROOT;

export interface ElectronSession {
  readonly app: ElectronApplication;
  readonly window: Page;
  /** Answers the station's next native dialog with a path. */
  readonly dialog: DialogScript;
  /** Reloads the app's first screen. */
  load(page: Page): Promise<void>;
  /** Whether the app sees this machine as online. */
  online(): Promise<boolean>;
  close(): Promise<void>;
}

export async function launchCustos(): Promise<ElectronSession> {
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'main', 'main.js'))) throw new Error('The app is not built. Run `npm run build` first.');
  const app = await _electron.launch({ executablePath: BINARY!, args: [REPO_ROOT], cwd: REPO_ROOT, chromiumSandbox: true });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  const next = async (kind: ChooseKind, chosen: string): Promise<void> => {
    await app.evaluate(
      ({ dialog }, args) => {
        const scope = globalThis as unknown as { custosTestDialog?: string[] };
        scope.custosTestDialog ??= [];
        scope.custosTestDialog.push(args.chosen);
        const take = () => scope.custosTestDialog!.shift();
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [take()!] })) as typeof dialog.showOpenDialog;
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: take()! })) as typeof dialog.showSaveDialog;
      },
      { kind, chosen },
    );
  };
  return {
    app,
    window,
    dialog: { next },
    load: async (page) => {
      await page.reload();
    },
    online: async () => ((await window.evaluate('window.custos.airGap()')) as { online: boolean }).online,
    close: () => app.close(),
  };
}

/** Skips the current test, saying why, where a ceremony cannot run in Electron here. */
export async function skipUnlessCeremoniesRun(session: ElectronSession | undefined): Promise<void> {
  test.skip(BINARY === null, SKIP_REASON);
  test.skip(AS_ROOT, ROOT_SKIP_REASON);
  test.skip(await session!.online(), ONLINE_SKIP_REASON);
}
