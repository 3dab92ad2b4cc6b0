/**
 * Unit tests of the Electron main entry (main/app/main.ts) against a fake `electron` module
 * (DESIGN.md "Processes"): sandbox and scheme registration before ready, the window's secure web
 * preferences and preload, denied permissions and network, denied navigation and window.open, the
 * app:// handler with the CSP on every response, the IPC origin check, a menu without external links.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { FakeWebContents, fakeEvent, flush } from './fake-electron.ts';

const appPath = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-main-'));
fs.mkdirSync(path.join(appPath, 'dist', 'renderer'), { recursive: true });
fs.writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Custos</title>');

const electron = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fake-electron.ts');
  return createFakeElectron();
});
vi.mock('electron', () => electron.module);

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

beforeAll(async () => {
  electron.app.appPath = appPath; // main.ts reads it only once ready
  await import('../../../main/app/main.ts');
});

afterAll(() => fs.rmSync(appPath, { recursive: true, force: true }));

describe('before the app is ready', () => {
  test('enables the sandbox for every renderer and registers app:// as a standard secure scheme', () => {
    expect(electron.app.enableSandbox.calls).toHaveLength(1);
    expect(electron.module.protocol.registerSchemesAsPrivileged.calls).toEqual([
      [[{ scheme: 'app', privileges: { standard: true, secure: true } }]],
    ]);
    expect(electron.module.protocol.handle.calls).toEqual([]);
    expect(electron.windows).toHaveLength(0);
  });
});

describe('once ready', () => {
  beforeAll(async () => {
    electron.ready();
    await flush();
  });

  test('opens one window with the hardened web preferences and the built CommonJS preload', () => {
    const window = only(electron.windows);
    expect(window.options).toMatchObject({ title: 'Custos', show: false });
    expect(window.options.webPreferences).toEqual({
      preload: path.join(appPath, 'dist', 'main', 'preload.cjs'),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: true,
    });
    expect(window.loadURL.calls).toEqual([['app://custos/index.html']]);
    window.emit('ready-to-show');
    expect(window.show.calls).toHaveLength(1);
  });

  test('denies every permission request, check, device and display capture', () => {
    const session = electron.defaultSession;
    const requestHandler = only(session.setPermissionRequestHandler.calls)[0] as (...a: unknown[]) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'hid']) {
      const callback = vi.fn();
      requestHandler({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const checkHandler = only(session.setPermissionCheckHandler.calls)[0] as (...a: unknown[]) => boolean;
    expect(checkHandler(null, 'media', 'app://custos', {})).toBe(false);
    const deviceHandler = only(session.setDevicePermissionHandler.calls)[0] as (d: unknown) => boolean;
    expect(deviceHandler({ deviceType: 'usb' })).toBe(false);
    const displayHandler = only(session.setDisplayMediaRequestHandler.calls)[0] as (...a: unknown[]) => void;
    const displayCallback = vi.fn();
    displayHandler({}, displayCallback);
    expect(displayCallback).toHaveBeenCalledWith(null);
  });

  test('cancels every request to a network scheme', () => {
    const [filter, listener] = only(electron.defaultSession.webRequest.onBeforeRequest.calls) as [
      { urls: string[] },
      (details: unknown, callback: (r: unknown) => void) => void,
    ];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    listener({ url: 'https://example.com/' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  test('denies navigation, redirects, <webview> and window.open on the window contents', () => {
    const contents: FakeWebContents = only(electron.windows).webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent({ url: 'https://example.com/' });
      contents.emit(name, event);
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.module.shell.openExternal.calls).toEqual([]);
  });

  test('hardens any other web contents created later', () => {
    const other = new FakeWebContents();
    electron.appEvents.emit('web-contents-created', fakeEvent(), other);
    const event = fakeEvent();
    other.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({})).toEqual({ action: 'deny' });
  });

  test('serves app:// from dist/renderer with the exact CSP, and 404 with the CSP outside it', async () => {
    const [scheme, handler] = only(electron.module.protocol.handle.calls) as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const ok = await handler(new Request('app://custos/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CSP);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await ok.text()).toContain('<title>Custos</title>');
    const refused = await handler({ url: 'app://custos/../package.json', method: 'GET' } as Request);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-security-policy')).toBe(CSP);
  });

  test('answers version over IPC only to the top frame of an app:// page', async () => {
    const [channel, handler] = only(electron.module.ipcMain.handle.calls) as [string, (event: unknown, ...args: unknown[]) => unknown];
    expect(channel).toBe('custos:version');
    const mainFrame = { url: 'app://custos/index.html' };
    expect(handler({ senderFrame: mainFrame, sender: { mainFrame } })).toBe('0.1.0-test');
    const foreign = { url: 'https://example.com/' };
    expect(() => handler({ senderFrame: foreign, sender: { mainFrame: foreign } })).toThrow(/IPC_UNTRUSTED_SENDER/u);
    const subFrame = { url: 'app://custos/index.html' };
    expect(() => handler({ senderFrame: subFrame, sender: { mainFrame } })).toThrow(/IPC_UNTRUSTED_SENDER/u);
    expect(() => handler({ senderFrame: null, sender: { mainFrame } })).toThrow(/IPC_UNTRUSTED_SENDER/u);
    expect(() => handler({ senderFrame: mainFrame, sender: { mainFrame } }, 'extra')).toThrow(/IPC_BAD_PAYLOAD/u);
  });

  test('replaces the default menu (whose Help items open web pages) with role-only items', () => {
    const [template] = only(electron.module.Menu.buildFromTemplate.calls) as [Array<Record<string, unknown>>];
    for (const item of template) {
      expect(Object.keys(item)).toEqual(['role']);
      expect(item.role).not.toBe('help');
    }
    expect(electron.module.Menu.setApplicationMenu.calls).toHaveLength(1);
  });

  test('starts the crypto core in a utilityProcess with an empty environment, and stops it on quit', async () => {
    await flush();
    const child = only(electron.utilityProcesses);
    expect(child.modulePath).toBe(path.join(appPath, 'dist', 'main', 'crypto-host.js'));
    expect(child.options).toMatchObject({ env: {}, stdio: 'ignore' });
    expect(child.ports).toHaveLength(1);
    electron.appEvents.emit('will-quit');
    await vi.waitFor(() => expect(child.killed).toBe(true));
    expect(electron.app.exit.calls).toEqual([]); // the core answered its first ping: no start failure
  });

  test('quits when the window is closed', () => {
    electron.appEvents.emit('window-all-closed');
    expect(electron.app.quit.calls.length).toBeGreaterThan(0);
  });
});
