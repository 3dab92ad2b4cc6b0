/**
 * Unit tests of the station's printer in the app (main/shell/print-window.ts) against the fake
 * `electron` module: each call opens a NEW hidden window, sandboxed, isolated, without Node,
 * JavaScript, preload, devtools or spellchecker, in its own in-memory partition whose session is
 * hardened; its contents are hardened too (navigation and new windows denied); the document is
 * loaded as a base64 data: URL; `print` asks the system dialog (never silent) and `pdf` an A4 PDF;
 * the window is destroyed after, whether printing worked, was cancelled or failed. What Electron
 * itself does with these options (a real print dialog, a real PDF) is not checked here: the
 * Electron binary is not available on the build machines (docs/architecture.md "Processes").
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { printDocument } from '../../../main/app/reports/html.ts';
import { defaultPrinting, FakeSession, fakeEvent, type FakeWebContents } from './fake-electron.ts';
import { EXPECTED_HARDENING, settingsOf } from './hardened-preferences.ts';

const electron = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fake-electron.ts');
  return createFakeElectron();
});
vi.mock('electron', () => electron.module);

const { DATA_URL_MAX_CHARS, PRINT_PARTITION, electronPrinter, printWindowOptions } = await import('../../../main/shell/print-window.ts');

const html = printDocument('en', 'A card', '<p>abandon ability able</p>');

type Window = (typeof electron.windows)[number];

/** The windows opened by the call `run` makes (and only those). */
async function windowsOf(run: () => Promise<unknown>): Promise<{ opened: Window[]; outcome: unknown }> {
  const before = electron.windows.length;
  const outcome = await run().then(
    (value) => value,
    (error: unknown) => error,
  );
  return { opened: electron.windows.slice(before), outcome };
}

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

beforeEach(() => {
  Object.assign(electron.printing, defaultPrinting());
});

describe('the print window', () => {
  test('a hidden window: sandbox, isolation, no Node, no JavaScript, no preload, no devtools, its own in-memory partition', async () => {
    const { opened } = await windowsOf(() => electronPrinter().pdf(html));
    const window = only(opened);
    expect(window.options).toEqual(printWindowOptions());
    expect(window.options.show).toBe(false);
    expect(settingsOf(window.options.webPreferences)).toEqual([...EXPECTED_HARDENING, 'partition=custos-print', 'javascript=false', 'devTools=false'].sort());
    expect(window.options.webPreferences).not.toHaveProperty('preload');
    expect(PRINT_PARTITION).not.toMatch(/^persist:/u);
    expect(PRINT_PARTITION).not.toBe('custos-window');
    expect(window.webContents.session).toBe(electron.partitions.get(PRINT_PARTITION));
    expect(window.webContents.session).not.toBe(electron.defaultSession);
  });

  test("the print partition's session is hardened: permissions denied, offline, only app: and data: requests", async () => {
    await electronPrinter().pdf(html);
    const session: FakeSession = electron.partitions.get(PRINT_PARTITION)!;
    expect(session.setPermissionRequestHandler.calls).toHaveLength(1);
    const deny = vi.fn();
    (session.setPermissionRequestHandler.calls[0]![0] as (...a: unknown[]) => void)({}, 'media', deny);
    expect(deny).toHaveBeenCalledWith(false);
    expect(session.enableNetworkEmulation.calls).toEqual([[{ offline: true }]]);
    expect(session.setSpellCheckerEnabled.calls).toEqual([[false]]);
    const [filter, listener] = only(session.webRequest.onBeforeRequest.calls) as [{ urls: string[] }, (d: { url: string }, cb: (r: unknown) => void) => void];
    expect(filter).toEqual({ urls: ['<all_urls>'] });
    const verdict = (url: string) => {
      const callback = vi.fn();
      listener({ url }, callback);
      return callback.mock.calls[0]![0];
    };
    expect(verdict('data:text/html;charset=utf-8;base64,PHA+')).toEqual({ cancel: false });
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1/']) expect(verdict(url), url).toEqual({ cancel: true });
  });

  test('its contents are hardened: navigation, redirects, <webview> and new windows denied, WebRTC UDP off', async () => {
    const { opened } = await windowsOf(() => electronPrinter().print(html));
    const contents: FakeWebContents = only(opened).webContents;
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent({ url: 'https://example.com/' });
      contents.emit(name, event);
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.setWebRTCIPHandlingPolicy.calls[0]).toEqual(['disable_non_proxied_udp']);
  });

  test('the document is loaded as a base64 data: URL of exactly its HTML', async () => {
    const { opened } = await windowsOf(() => electronPrinter().pdf(html));
    const [url] = only(only(opened).loadURL.calls);
    const prefix = 'data:text/html;charset=utf-8;base64,';
    expect(url.startsWith(prefix)).toBe(true);
    expect(Buffer.from(url.slice(prefix.length), 'base64').toString('utf8')).toBe(html);
  });
});

describe('print', () => {
  test('opens the system print dialog (not silent, backgrounds printed), resolves when printed, then destroys the window', async () => {
    const { opened, outcome } = await windowsOf(() => electronPrinter().print(html));
    expect(outcome).toBeUndefined();
    const window = only(opened);
    expect(window.webContents.print.calls.map((c) => c[0])).toEqual([{ silent: false, printBackground: true }]);
    expect(window.webContents.steps).toEqual(['loadURL', 'print', 'destroy']);
    expect(window.isDestroyed()).toBe(true);
  });

  test('a cancelled dialog refuses with PRINT_CANCELLED; the window is destroyed all the same', async () => {
    electron.printing.print = { success: false, failureReason: 'Print job canceled' };
    const { opened, outcome } = await windowsOf(() => electronPrinter().print(html));
    expect(outcome).toMatchObject({ code: 'PRINT_CANCELLED', details: { reason: 'Print job canceled' } });
    expect(only(opened).webContents.steps).toEqual(['loadURL', 'print', 'destroy']);
  });

  test('a failed print refuses with PRINT_FAILED and the reason; the window is destroyed all the same', async () => {
    electron.printing.print = { success: false, failureReason: 'Print job failed' };
    const { opened, outcome } = await windowsOf(() => electronPrinter().print(html));
    expect(outcome).toMatchObject({ code: 'PRINT_FAILED', details: { reason: 'Print job failed' } });
    expect(only(opened).webContents.steps).toEqual(['loadURL', 'print', 'destroy']);
  });

  test('a document that does not load is not printed: PRINT_FAILED, window destroyed', async () => {
    electron.printing.loadFails = true;
    const { opened, outcome } = await windowsOf(() => electronPrinter().print(html));
    expect(outcome).toMatchObject({ code: 'PRINT_FAILED', details: { reason: 'the document could not be loaded' } });
    expect(only(opened).webContents.steps).toEqual(['loadURL', 'destroy']);
    expect(only(opened).webContents.print.calls).toEqual([]);
  });

  test('every call opens a new window, and none outlives its call', async () => {
    const printer = electronPrinter();
    const { opened } = await windowsOf(async () => {
      await printer.print(html);
      await printer.print(html);
      await printer.pdf(html);
    });
    expect(opened).toHaveLength(3);
    expect(new Set(opened).size).toBe(3);
    expect(opened.every((w) => w.isDestroyed() && w.destroy.calls.length === 1)).toBe(true);
  });
});

describe('pdf', () => {
  test('prints to an A4 PDF with backgrounds and returns its bytes; the window is destroyed', async () => {
    const { opened, outcome } = await windowsOf(() => electronPrinter().pdf(html));
    expect(new TextDecoder().decode(outcome as Uint8Array)).toBe('%PDF-1.4 fake\n');
    const window = only(opened);
    expect(window.webContents.printToPDF.calls).toEqual([[{ printBackground: true, pageSize: 'A4' }]]);
    expect(window.webContents.steps).toEqual(['loadURL', 'printToPDF', 'destroy']);
  });

  test('a PDF that cannot be made refuses with PRINT_FAILED; the window is destroyed all the same', async () => {
    electron.printing.pdf = new Error('Printing failed');
    const { opened, outcome } = await windowsOf(() => electronPrinter().pdf(html));
    expect(outcome).toMatchObject({ code: 'PRINT_FAILED', details: { reason: 'the PDF could not be made' } });
    expect(only(opened).webContents.steps).toEqual(['loadURL', 'printToPDF', 'destroy']);
  });
});

describe('documents refused before any window opens', () => {
  test('a document without the print policy (CSP meta) is refused: PRINT_FAILED', async () => {
    const { opened, outcome } = await windowsOf(() => electronPrinter().print('<!doctype html><p>no policy</p>'));
    expect(outcome).toMatchObject({ code: 'PRINT_FAILED' });
    expect(opened).toEqual([]);
  });

  test('a document too large for a data: URL is refused rather than printed blank', async () => {
    const big = printDocument('en', 'big', `<p>${'x'.repeat(DATA_URL_MAX_CHARS)}</p>`);
    const { opened, outcome } = await windowsOf(() => electronPrinter().pdf(big));
    expect(outcome).toMatchObject({ code: 'PRINT_FAILED', details: { reason: 'the document is too large to print' } });
    expect(opened).toEqual([]);
  });
});
