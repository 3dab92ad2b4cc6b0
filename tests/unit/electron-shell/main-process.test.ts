/**
 * Unit tests of the Electron main entry (main/shell/main.ts) against a fake `electron` module
 * (docs/architecture.md "Processes"; issue 5 "Shell"): name resolution off, sandbox and scheme registration
 * before ready; the window's secure web preferences, in-memory partition and preload; denied
 * permissions and the network layers on every session; WebRTC UDP off and navigation and
 * window.open denied on every web contents; the app:// handler (window session only) with the CSP
 * on every response; the IPC wrapper's envelope and sender check; a menu without external links;
 * no crash reporter. The argv guard's quitting is in argv-guard.test.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IPC_CHANNELS } from '../../../main/app/ipc-channels.ts';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { FakeSession, FakeWebContents, fakeEvent, flush } from './fake-electron.ts';
import { EXPECTED_HARDENING, settingsOf } from './hardened-preferences.ts';

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

/** The window's session (the in-memory partition), once main has asked for it. */
function windowSession(): FakeSession {
  const session = electron.partitions.get('custos-window');
  expect(session, 'session.fromPartition("custos-window") was never called').toBeDefined();
  return session!;
}

const savedArgv = process.argv;

beforeAll(async () => {
  electron.app.appPath = appPath; // main.ts reads it only once ready
  process.argv = ['/opt/Custos/custos', appPath]; // the argv guard reads it at import
  try {
    await import('../../../main/shell/main.ts');
  } finally {
    process.argv = savedArgv;
  }
});

afterAll(() => fs.rmSync(appPath, { recursive: true, force: true }));

describe('before the app is ready', () => {
  test('maps every host name to NOTFOUND, through the command line, before ready', () => {
    expect(electron.app.commandLine.appendSwitch.calls).toEqual([['host-resolver-rules', 'MAP * ~NOTFOUND']]);
  });

  test('enables the sandbox for every renderer and registers app:// as a standard secure scheme', () => {
    expect(electron.app.enableSandbox.calls).toHaveLength(1);
    expect(electron.module.protocol.registerSchemesAsPrivileged.calls).toEqual([[[{ scheme: 'app', privileges: { standard: true, secure: true } }]]]);
    expect(electron.module.protocol.handle.calls).toEqual([]);
    expect(electron.windows).toHaveLength(0);
    expect(electron.app.exit.calls).toEqual([]); // a clean argv passes the guard
  });
});

describe('once ready', () => {
  beforeAll(async () => {
    electron.ready();
    // The window opens once the crypto core has answered its first ping (the router needs it).
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 20_000 });
  });

  test('opens one window with the hardened web preferences, the in-memory partition and the CommonJS preload', () => {
    const window = only(electron.windows);
    expect(window.options).toMatchObject({ title: 'Custos', show: false });
    expect(settingsOf(window.options.webPreferences)).toEqual(
      [...EXPECTED_HARDENING, `preload=${path.join(appPath, 'dist', 'main', 'preload.cjs')}`, 'partition=custos-window', 'devTools=true'].sort(),
    );
    expect(window.loadURL.calls).toEqual([['app://custos/index.html']]);
    window.emit('ready-to-show');
    expect(window.show.calls).toHaveLength(1);
  });

  test('the window lives in an in-memory partition (no persist: prefix), not the default session', () => {
    const window = only(electron.windows);
    expect(window.webContents.session).toBe(windowSession());
    expect(window.webContents.session).not.toBe(electron.defaultSession);
    for (const [partition] of electron.module.session.fromPartition.calls) expect(partition).not.toMatch(/^persist:/u);
  });

  test('denies every permission request, check, device and display capture, on both sessions', () => {
    for (const session of [electron.defaultSession, windowSession()]) {
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
    }
  });

  test('one webRequest listener per session, on <all_urls>, cancelling everything but app: and data:', () => {
    for (const session of [electron.defaultSession, windowSession()]) {
      const [filter, listener] = only(session.webRequest.onBeforeRequest.calls) as [
        { urls: string[] },
        (details: { url: string }, callback: (r: unknown) => void) => void,
      ];
      expect(filter).toEqual({ urls: ['<all_urls>'] });
      const verdict = (url: string) => {
        const callback = vi.fn();
        listener({ url }, callback);
        expect(callback).toHaveBeenCalledTimes(1);
        return callback.mock.calls[0]![0];
      };
      for (const url of [
        'https://example.com/',
        'http://10.0.0.1/',
        'ws://x/',
        'wss://x/',
        'ftp://x/',
        'file:///etc/passwd',
        'devtools://devtools/x',
        'chrome-extension://id/x',
        'blob:app://custos/1',
        'custom://x',
      ]) {
        expect(verdict(url), url).toEqual({ cancel: true });
      }
      for (const url of ['app://custos/index.html', 'app://custos/assets/app.js', 'data:image/png;base64,AAAA']) {
        expect(verdict(url), url).toEqual({ cancel: false });
      }
    }
  });

  test('emulates an offline network and turns the spellchecker (dictionary downloads) off, on both sessions', () => {
    for (const session of [electron.defaultSession, windowSession()]) {
      expect(session.enableNetworkEmulation.calls).toEqual([[{ offline: true }]]);
      expect(session.setSpellCheckerEnabled.calls).toEqual([[false]]);
    }
  });

  test('WebRTC may not use non-proxied UDP in the window', () => {
    expect(only(electron.windows).webContents.setWebRTCIPHandlingPolicy.calls).toEqual([['disable_non_proxied_udp']]);
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

  test('hardens any other web contents created later, and its own session', () => {
    const otherSession = new FakeSession('later');
    const other = new FakeWebContents(otherSession);
    electron.appEvents.emit('web-contents-created', fakeEvent(), other);
    const event = fakeEvent();
    other.emit('will-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(other.windowOpenHandler?.({})).toEqual({ action: 'deny' });
    expect(other.setWebRTCIPHandlingPolicy.calls).toEqual([['disable_non_proxied_udp']]);
    expect(otherSession.enableNetworkEmulation.calls).toEqual([[{ offline: true }]]);
    expect(otherSession.webRequest.onBeforeRequest.calls).toHaveLength(1);
    expect(otherSession.setPermissionRequestHandler.calls).toHaveLength(1);
  });

  test('serves app:// in the window session only, from dist/renderer, with the exact CSP, and 404 outside it', async () => {
    expect(electron.module.protocol.handle.calls).toEqual([]); // the default session serves nothing
    expect(electron.defaultSession.protocol.handle.calls).toEqual([]);
    const [scheme, handler] = only(windowSession().protocol.handle.calls) as [string, (r: Request) => Promise<Response>];
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

  test('registers one channel per AppApi function, each through the wrapper', () => {
    expect(electron.module.ipcMain.handle.calls.map((c) => c[0]).sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  test('answers version over IPC in an envelope, only to the top frame of an app:// page', async () => {
    const [channel, handler] = electron.module.ipcMain.handle.calls.find((c) => c[0] === 'custos:version') as [
      string,
      (event: unknown, ...args: unknown[]) => Promise<unknown>,
    ];
    expect(channel).toBe('custos:version');
    const mainFrame = { url: 'app://custos/index.html' };
    expect(await handler({ senderFrame: mainFrame, sender: { mainFrame } })).toEqual({ ok: true, value: '0.1.0-test' });
    const refusedWith = async (event: unknown, ...args: unknown[]) => {
      const result = (await handler(event, ...args)) as { ok: boolean; error: { code: string; details: Record<string, unknown> } };
      expect(result.ok).toBe(false);
      return result.error;
    };
    const foreign = { url: 'https://example.com/' };
    expect((await refusedWith({ senderFrame: foreign, sender: { mainFrame: foreign } })).code).toBe('IPC_UNTRUSTED_SENDER');
    const subFrame = { url: 'app://custos/index.html' };
    expect((await refusedWith({ senderFrame: subFrame, sender: { mainFrame } })).code).toBe('IPC_UNTRUSTED_SENDER');
    expect((await refusedWith({ senderFrame: null, sender: { mainFrame } })).code).toBe('IPC_UNTRUSTED_SENDER');
    const extra = await refusedWith({ senderFrame: mainFrame, sender: { mainFrame } }, 'extra');
    expect(extra).toMatchObject({ code: 'IPC_BAD_PAYLOAD', details: { channel: 'custos:version' } });
  });

  test("the window's camera opens with a QR scan started over IPC, for video only, and closes when it stops", async () => {
    const handlerOf = (name: string) =>
      (electron.module.ipcMain.handle.calls.find((c) => c[0] === name) as [string, (event: unknown, ...args: unknown[]) => Promise<unknown>])[1];
    const mainFrame = { url: 'app://custos/index.html' };
    const fromApp = { senderFrame: mainFrame, sender: { mainFrame } };
    const requestHandler = only(windowSession().setPermissionRequestHandler.calls)[0] as (...a: unknown[]) => void;
    const granted = (details: unknown) => {
      const callback = vi.fn();
      requestHandler({}, 'media', callback, details);
      return callback.mock.calls[0]![0] as boolean;
    };
    const video = { mediaTypes: ['video'], isMainFrame: true, requestingUrl: 'app://custos/index.html' };
    expect(granted(video)).toBe(false);
    const started = (await handlerOf(IPC_CHANNELS.startQrScan)(fromApp, 'psbt-file')) as { ok: boolean; value: string };
    expect(started.ok).toBe(true);
    expect(granted(video)).toBe(true);
    expect(granted({ ...video, mediaTypes: ['video', 'audio'] })).toBe(false);
    // The default session has no gate: nothing there ever gets the camera.
    const defaultHandler = only(electron.defaultSession.setPermissionRequestHandler.calls)[0] as (...a: unknown[]) => void;
    const onDefault = vi.fn();
    defaultHandler({}, 'media', onDefault, video);
    expect(onDefault).toHaveBeenCalledWith(false);
    expect(await handlerOf(IPC_CHANNELS.stopQrScan)(fromApp, started.value)).toEqual({ ok: true });
    expect(granted(video)).toBe(false);
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

describe('no crash reporter', () => {
  const mainDir = fileURLToPath(new URL('../../../main/', import.meta.url));
  const sources = fs
    .readdirSync(mainDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));

  test('main.ts started none (the fake records every crashReporter.start)', () => {
    expect(electron.module.crashReporter.start.calls).toEqual([]);
  });

  test('no file of main/ (main process, preload, crypto host, CLI) mentions crashReporter at all', () => {
    expect(sources).toContain(path.join(mainDir, 'shell', 'main.ts'));
    expect(sources.filter((file) => /crashReporter/u.test(fs.readFileSync(file, 'utf8')))).toEqual([]);
  });
});
