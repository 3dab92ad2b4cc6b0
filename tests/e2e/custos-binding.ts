/**
 * Binds `window.custos` in a Playwright page the way Electron does, with what ships: the BUILT
 * preload (dist/main/preload.cjs) runs in the page, its `ipcRenderer.invoke` carried by one
 * Playwright binding to main's channel table (the shell's and the app's rows, main/app/app-channels.ts)
 * registered through the same registerChannels and wrapHandler as main.ts, called as the app's own
 * top frame (app://custos/index.html): every payload the renderer sends is parsed by its channel's
 * zod schema, every answer is the IPC envelope the preload opens. Behind the table, the REAL router
 * (main/app/app-router.ts) over the real engine, store and crypto core (a worker thread) in the test
 * process. The station's file dialog is a queue the test fills (TestDialog). The printer is the
 * test's: Electron's print window does not exist here, so a spec passes one made from Playwright
 * (playwrightPrinter: real Chromium PDFs); by default print() records and pdf() refuses.
 * Spec: docs/architecture.md "Processes" (Tests: window.custos bound with page.exposeBinding).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { IpcMainInvokeEvent } from 'electron';
import type { AppApi, ChooseKind } from '../../main/app/app-api.ts';
import { appChannels } from '../../main/app/app-channels.ts';
import { createAppRouter, type Printer } from '../../main/app/app-router.ts';
import { shellChannels } from '../../main/app/ipc-handlers.ts';
import { registerChannels } from '../../main/app/ipc-router.ts';
import { startWorkerHost, type CryptoHost } from '../../main/crypto-host/worker-host.ts';
import { OFFLINE_LAPTOP } from '../support/engine-rig.ts';
import { REPO_ROOT } from './renderer-server.ts';

const BINDING = '__custosTestBridge';

export const APP_VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The station's dialog in tests: each `choose(kind)` takes the next path queued for that kind. */
export class TestDialog {
  private readonly queue: { kind: ChooseKind; path: string | null }[] = [];

  /** Queues the answer of the next dialog of `kind` (null: the officer cancels). */
  next(kind: ChooseKind, chosen: string | null): void {
    this.queue.push({ kind, path: chosen });
  }

  readonly choose = async (kind: ChooseKind): Promise<string | null> => {
    const i = this.queue.findIndex((q) => q.kind === kind);
    if (i < 0) throw new Error(`the test did not queue a ${kind} choice`);
    return this.queue.splice(i, 1)[0]!.path;
  };
}

/** A printer that records what it is asked to print; `pdf` is refused (pass playwrightPrinter for PDFs). */
export class RecordingPrinter implements Printer {
  readonly printed: string[] = [];

  async print(html: string): Promise<void> {
    this.printed.push(html);
  }

  async pdf(): Promise<Uint8Array> {
    throw new Error('this test app has no PDF printer: pass startTestApp({ printer: playwrightPrinter(browser) })');
  }
}

/**
 * A printer backed by the test's own Chromium. `pdf(html)` is real: a new page (in a context of its
 * own, every request refused) gets the document with setContent and prints it with page.pdf, A4.
 * `print(html)` only records the HTML it was given: a real print dialog cannot be driven from a
 * test (and the sandboxed print window is Electron's; its unit test is
 * tests/unit/electron-shell/print-window.test.ts).
 */
export function playwrightPrinter(browser: Browser): Printer & { readonly printed: string[]; readonly pdfs: string[] } {
  const printed: string[] = [];
  const pdfs: string[] = [];
  return {
    printed,
    pdfs,
    async print(html) {
      printed.push(html);
    },
    async pdf(html) {
      pdfs.push(html);
      const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
      try {
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load' });
        return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true }));
      } finally {
        await context.close();
      }
    },
  };
}

export interface TestApp {
  readonly api: AppApi;
  readonly dialog: TestDialog;
  readonly printer: Printer;
  /** Where the files read by QR are written. */
  readonly scanDir: string;
  stop(): Promise<void>;
}

/**
 * The real router over a worker-thread crypto core; the air gap is read from the offline-laptop
 * fixture; the printer is `options.printer`, or a RecordingPrinter.
 */
export async function startTestApp(options: { online?: boolean; printer?: Printer; clock?: () => Date } = {}): Promise<TestApp> {
  const dialog = new TestDialog();
  // Where the files read by QR are written: a folder of this app's own.
  const scanDir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-e2e-scanned-'));
  // A crypto core for each ceremony, stopped when it ends, as the app does (app-router.ts).
  const running = new Set<CryptoHost>();
  const startCore = async (): Promise<CryptoHost> => {
    const host = await startWorkerHost();
    running.add(host);
    return {
      client: host.client,
      stop: async () => {
        running.delete(host);
        await host.stop();
      },
    };
  };
  const printer = options.printer ?? new RecordingPrinter();
  const api = createAppRouter({
    version: () => APP_VERSION,
    startCore,
    appRoot: REPO_ROOT,
    dialog: dialog.choose,
    printer,
    scanDir,
    ...(options.clock ? { clock: options.clock } : {}),
    airGap: options.online
      ? {
          root: '/',
          networkInterfaces: () => ({
            eth0: [{ address: '192.0.2.7', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.7/24' }],
          }),
          now: () => new Date(),
        }
      : { root: OFFLINE_LAPTOP, networkInterfaces: () => ({}), now: () => new Date() },
  });
  return {
    api,
    dialog,
    printer,
    scanDir,
    stop: async () => {
      for (const host of running) await host.stop();
    },
  };
}

/** The preload the app ships (npm run build); the e2e global setup builds it first. */
const PRELOAD = path.join(REPO_ROOT, 'dist', 'main', 'preload.cjs');

/** What an invoke from the app's own window looks like to main's wrapper: its top frame, on app://. */
const APP_FRAME = { url: 'app://custos/index.html' };
const FROM_APP_WINDOW = { senderFrame: APP_FRAME, sender: { mainFrame: APP_FRAME } } as unknown as IpcMainInvokeEvent;

export async function bindCustosApi(page: Page, api: AppApi): Promise<void> {
  if (!fs.existsSync(PRELOAD)) throw new Error(`${PRELOAD} is missing: the e2e suite drives the built app; run "npm run build" first.`);
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  registerChannels(
    {
      handle: (channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) => {
        handlers.set(channel, handler);
      },
    } as never,
    [...shellChannels({ version: () => APP_VERSION }), ...appChannels(api)],
  );
  await page.exposeBinding(BINDING, async (_source, channel: unknown, args: unknown) => {
    const handler = typeof channel === 'string' ? handlers.get(channel) : undefined;
    // A channel main does not register is what Electron answers for it: no handler.
    if (!handler || !Array.isArray(args)) throw new Error(`No handler registered for '${String(channel)}'`);
    return handler(FROM_APP_WINDOW, ...args);
  });
  // The built preload, run as Electron runs a sandboxed preload: CommonJS, with `electron` giving it
  // contextBridge (window.custos, frozen as the bridge hands it over) and ipcRenderer (the binding).
  // Injected as the init script's own text (no eval in the page: the app's CSP forbids it).
  await page.addInitScript({
    content: `(() => {
  const scope = globalThis;
  const electron = {
    contextBridge: {
      exposeInMainWorld: (key, api) => { Object.defineProperty(scope, key, { value: Object.freeze({ ...api }), enumerable: true }); },
    },
    ipcRenderer: {
      // Looked up at call time: the binding may be installed after this script runs.
      invoke: (channel, ...args) => scope[${JSON.stringify(BINDING)}](channel, args),
    },
  };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('the preload may not require ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${fs.readFileSync(PRELOAD, 'utf8')}
  })(require, module, module.exports);
})();`,
  });
}
