/**
 * Electron main entry (built to dist/main/main.js). First the argv guard (argv-guard.ts): a run
 * with a debugging or sandbox-weakening switch quits before anything else happens. Then it wires
 * the hardened shell: no host name resolves, sandbox for every renderer, the app:// scheme serving
 * dist/renderer with the CSP in the window's in-memory session partition, denied permissions and
 * network on every session, hardened web contents, the IPC channels through the one wrapper, a
 * role-only menu, and the one window; share cards and reports print through a dedicated hidden
 * print window per call (print-window.ts). It starts a crypto core in its own utilityProcess (empty
 * environment) for each ceremony (app-router.ts) and stops it, which wipes every secret it holds,
 * when the ceremony ends or the app quits. No crash reporter is ever started: a crash dump of the
 * renderer or main could hold what was on screen. Spec: docs/architecture.md, "Processes" and
 * "Principles" 4.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { startUtilityHost } from '../crypto-host/utility-host.ts';
import type { CryptoHost } from '../crypto-host/worker-host.ts';
import { applicationMenuTemplate } from './application-menu.ts';
import { appChannels } from '../app/app-channels.ts';
import { createAppRouter } from '../app/app-router.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../app/app-protocol.ts';
import { forbiddenSwitches, isShippedRun, refusalMessage } from './argv-guard.ts';
import { shellChannels } from '../app/ipc-handlers.ts';
import { registerChannels } from '../app/ipc-router.ts';
import { openMainWindow } from './main-window.ts';
import { electronPrinter } from './print-window.ts';
import { createAppProtocolHandler } from './protocol-handler.ts';
import { CameraGate } from './camera-gate.ts';
import { disableNameResolution, hardenSession } from './session-security.ts';
import { stationDialog } from './station-dialog.ts';
import { hardenWebContents, WINDOW_PARTITION } from './window-security.ts';

const refused = forbiddenSwitches(process.argv, {
  shipped: isShippedRun(app.isPackaged, app.getAppPath()),
  platform: process.platform,
});
if (refused.length > 0) {
  console.error(refusalMessage(refused));
  app.exit(1);
} else {
  startShell();
}

function startShell(): void {
  // Before the ready event: these only take effect when called this early.
  disableNameResolution(app.commandLine);
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());

  // The crypto cores running (one per ceremony in progress); each is stopped on quit.
  const cores = new Set<Promise<CryptoHost>>();
  app.on('will-quit', () => {
    for (const core of cores)
      void core.then(
        (host) => host.stop(),
        () => undefined,
      );
  });
  /** A crypto core for one ceremony: stopped when the ceremony ends, or on quit. */
  const startCore = (entry: string): Promise<CryptoHost> => {
    const starting = startUtilityHost(entry);
    cores.add(starting);
    return starting.then(
      (host) => ({
        client: host.client,
        async stop() {
          cores.delete(starting);
          await host.stop();
        },
      }),
      (error: unknown) => {
        cores.delete(starting);
        throw error;
      },
    );
  };

  function fail(error: unknown): void {
    console.error('Custos could not start:', error);
    app.exit(1);
  }

  app
    .whenReady()
    .then(async () => {
      const appRoot = app.getAppPath();
      hardenSession(session.defaultSession);
      // The window's session: in memory only, hardened, and the only one that serves app://.
      const windowSession = session.fromPartition(WINDOW_PARTITION);
      const camera = new CameraGate();
      hardenSession(windowSession, camera);
      windowSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appRoot, 'dist', 'renderer')));
      // The crypto core is started for each ceremony and stopped when it ends (app-router.ts);
      // one is started now to know at launch that it can be.
      const coreEntry = path.join(appRoot, 'dist', 'main', 'crypto-host.js');
      await (await startCore(coreEntry)).stop();
      const router = createAppRouter({
        version: () => app.getVersion(),
        startCore: () => startCore(coreEntry),
        appRoot,
        dialog: stationDialog(dialog, () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0]),
        printer: electronPrinter(),
        camera,
        scanDir: path.join(app.getPath('userData'), 'scanned'),
      });
      registerChannels(ipcMain, [...shellChannels({ version: () => app.getVersion() }), ...appChannels(router)]);
      Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, !app.isPackaged)));
      openMainWindow(path.join(appRoot, 'dist', 'main', 'preload.cjs'), app.isPackaged, fail);
    })
    .catch(fail);
}
