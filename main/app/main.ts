/**
 * Electron main entry (built to dist/main/main.js). Wires the hardened shell: sandbox for every
 * renderer, the app:// scheme serving dist/renderer with the CSP, denied permissions and network,
 * hardened web contents, the IPC handlers of the AppApi, a role-only menu, and the one window.
 * It also starts the crypto core in its own utilityProcess (empty environment) and stops it, which
 * wipes every secret it holds, when the app quits. Spec: DESIGN.md "Processes" and principle 4.
 */
import path from 'node:path';
import { app, ipcMain, Menu, protocol, session } from 'electron';
import { startUtilityHost } from '../crypto-host/utility-host.ts';
import type { CryptoHost } from '../crypto-host/worker-host.ts';
import { applicationMenuTemplate } from './application-menu.ts';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES } from './app-protocol.ts';
import { registerIpcHandlers } from './ipc-handlers.ts';
import { openMainWindow } from './main-window.ts';
import { createAppProtocolHandler } from './protocol-handler.ts';
import { hardenSession } from './session-security.ts';
import { hardenWebContents } from './window-security.ts';

// Before the ready event: both only take effect when called this early.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
app.on('window-all-closed', () => app.quit());

// The crypto core, once started; stopped on quit even if it is still starting.
let cryptoHost: Promise<CryptoHost> | undefined;
app.on('will-quit', () => {
  void cryptoHost?.then((host) => host.stop(), () => undefined);
});

function fail(error: unknown): void {
  console.error('Custos could not start:', error);
  app.exit(1);
}

app
  .whenReady()
  .then(() => {
    const appRoot = app.getAppPath();
    hardenSession(session.defaultSession);
    protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appRoot, 'dist', 'renderer')));
    registerIpcHandlers(ipcMain, { version: () => app.getVersion() });
    Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, !app.isPackaged)));
    openMainWindow(path.join(appRoot, 'dist', 'main', 'preload.cjs'), app.isPackaged, fail);
    cryptoHost = startUtilityHost(path.join(appRoot, 'dist', 'main', 'crypto-host.js'));
    return cryptoHost;
  })
  .catch(fail);
