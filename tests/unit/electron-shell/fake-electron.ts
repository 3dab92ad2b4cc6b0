/**
 * A fake `electron` module for unit tests of main/app and main/preload (docs/architecture.md "Processes": the
 * Electron binary is unavailable here, so main-process code is unit-tested against a fake). Records
 * every call the shell makes in plain arrays (Vitest 5 clears vi.fn() calls before each test by
 * default, and the shell makes its calls once, at import); `ready` resolves app.whenReady().
 * Sessions are per partition (session.fromPartition returns one FakeSession per name, like
 * Electron), each with its own protocol registry; a window's web contents use the session of its
 * webPreferences.partition, or the default session. Windows record what is done to them in order
 * (`steps`: loadURL, print, printToPDF, destroy); what a print dialog, a PDF or a load answers is set
 * on `printing` before the window is made (print-window.test.ts).
 */
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';

type Listener = (...args: unknown[]) => unknown;

/** A function that records its arguments and returns what `impl` returns. */
export interface Recorder<A extends unknown[], R> {
  (...args: A): R;
  readonly calls: A[];
}

export function recorder<A extends unknown[] = unknown[], R = void>(impl?: (...args: A) => R): Recorder<A, R> {
  const calls: A[] = [];
  const fn = (...args: A): R => {
    calls.push(args);
    return impl ? impl(...args) : (undefined as R);
  };
  return Object.assign(fn, { calls });
}

/** A fake WebContents / Session-like emitter that keeps its listeners for the test to fire. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** A fake Session: every hardening call recorded, and its own protocol registry. */
export class FakeSession {
  readonly partition: string | null;
  readonly setPermissionRequestHandler = recorder();
  readonly setPermissionCheckHandler = recorder();
  readonly setDevicePermissionHandler = recorder();
  readonly setDisplayMediaRequestHandler = recorder();
  readonly setSpellCheckerEnabled = recorder<[boolean]>();
  readonly enableNetworkEmulation = recorder<[Record<string, unknown>]>();
  readonly webRequest = { onBeforeRequest: recorder() };
  readonly protocol = { handle: recorder() };
  constructor(partition: string | null = null) {
    this.partition = partition;
  }
}

/** What the fake's print machinery answers: the print dialog's callback, printToPDF, loadURL. */
export interface FakePrinting {
  print: { success: boolean; failureReason: string };
  /** Bytes printToPDF resolves with, or an Error it rejects with. */
  pdf: Uint8Array | Error;
  loadFails: boolean;
}

export function defaultPrinting(): FakePrinting {
  return { print: { success: true, failureReason: '' }, pdf: new TextEncoder().encode('%PDF-1.4 fake\n'), loadFails: false };
}

export class FakeWebContents extends FakeEmitter {
  readonly session: FakeSession;
  windowOpenHandler: ((details: unknown) => unknown) | undefined;
  readonly setWebRTCIPHandlingPolicy = recorder<[string]>();
  /** The print machinery's answers (a window's contents get a copy of the fake's `printing`). */
  printing: FakePrinting = defaultPrinting();
  /** What was done to these contents (and their window), in order. */
  readonly steps: string[] = [];
  readonly print = recorder((_options: Record<string, unknown>, callback: (success: boolean, failureReason: string) => void) => {
    this.steps.push('print');
    const { success, failureReason } = this.printing.print;
    queueMicrotask(() => callback(success, failureReason));
  });
  readonly printToPDF = recorder(async (_options: Record<string, unknown>): Promise<Uint8Array> => {
    this.steps.push('printToPDF');
    const answer = this.printing.pdf;
    if (answer instanceof Error) throw answer;
    return answer;
  });
  readonly loadURL = recorder<[string], Promise<void>>(async () => {
    this.steps.push('loadURL');
    if (this.printing.loadFails) throw new Error('ERR_FAILED (-2) loading data:…');
  });
  constructor(session: FakeSession = new FakeSession()) {
    super();
    this.session = session;
  }
  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.windowOpenHandler = handler;
  }
}

/** A preventable event like Electron's, recording whether preventDefault was called. */
export function fakeEvent(extra: Record<string, unknown> = {}): { defaultPrevented: boolean; preventDefault(): void } {
  return {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

/**
 * A fake utilityProcess child: the port it is handed is served by the REAL crypto core
 * (main/crypto-host/serve-core.ts, exactly what utility-entry.ts does in the child process).
 */
export class FakeUtilityProcess extends FakeEmitter {
  readonly ports: unknown[] = [];
  killed = false;
  readonly modulePath: string;
  readonly options: Record<string, unknown>;
  constructor(modulePath: string, options: Record<string, unknown>) {
    super();
    this.modulePath = modulePath;
    this.options = options;
  }
  async postMessage(_message: unknown, ports: unknown[] = []): Promise<void> {
    this.ports.push(...ports);
    const { serveCore } = await import('../../../main/crypto-host/serve-core.ts');
    serveCore(ports[0] as never);
  }
  kill(): boolean {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
}

export function createFakeElectron(appPath = '/nonexistent/custos') {
  let resolveReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const appEvents = new FakeEmitter();

  const app = {
    appPath,
    isPackaged: false,
    commandLine: { appendSwitch: recorder<[string, string?]>() },
    enableSandbox: recorder(),
    on: (event: string, listener: Listener) => appEvents.on(event, listener),
    whenReady: () => readyPromise,
    getAppPath(): string {
      return this.appPath;
    },
    getVersion: () => '0.1.0-test',
    /** Electron's per-user folders; the app writes only under userData (the files read by QR). */
    getPath(name: string): string {
      if (name !== 'userData') throw new Error(`the fake app has no ${name} folder`);
      return path.join(this.appPath, '.user-data');
    },
    quit: recorder(),
    exit: recorder<[number]>(),
  };

  const defaultSession = new FakeSession();
  const partitions = new Map<string, FakeSession>();
  const session = {
    defaultSession,
    fromPartition: recorder((partition: string) => {
      if (partition === '') return defaultSession;
      const existing = partitions.get(partition) ?? new FakeSession(partition);
      partitions.set(partition, existing);
      return existing;
    }),
  };

  const windows: FakeBrowserWindow[] = [];
  /** What the print machinery of the next windows answers (copied into each new window's contents). */
  const printing: FakePrinting = defaultPrinting();
  class FakeBrowserWindow extends FakeEmitter {
    static getFocusedWindow(): FakeBrowserWindow | null {
      return null;
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return [...windows];
    }
    readonly webContents: FakeWebContents;
    readonly show = recorder();
    readonly loadURL = recorder<[string], Promise<void>>(async (url: string) => this.webContents.loadURL(url));
    readonly options: Record<string, unknown>;
    private destroyed = false;
    readonly destroy = recorder(() => {
      this.webContents.steps.push('destroy');
      this.destroyed = true;
      this.webContents.emit('destroyed');
    });
    isDestroyed(): boolean {
      return this.destroyed;
    }
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      const partition = (options.webPreferences as { partition?: string } | undefined)?.partition;
      this.webContents = new FakeWebContents(partition === undefined ? defaultSession : session.fromPartition(partition));
      this.webContents.printing = structuredClone(printing);
      windows.push(this);
      // Electron emits web-contents-created for every new web contents.
      appEvents.emit('web-contents-created', fakeEvent(), this.webContents);
    }
  }

  const utilityProcesses: FakeUtilityProcess[] = [];
  class FakeMessageChannelMain {
    readonly port1: unknown;
    readonly port2: unknown;
    constructor() {
      const { port1, port2 } = new MessageChannel();
      this.port1 = Object.assign(port1, { start: () => undefined });
      this.port2 = port2;
    }
  }

  const module = {
    app,
    utilityProcess: {
      fork: recorder((modulePath: string, _args: string[], options: Record<string, unknown>) => {
        const child = new FakeUtilityProcess(modulePath, options);
        utilityProcesses.push(child);
        return child;
      }),
    },
    MessageChannelMain: FakeMessageChannelMain,
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: recorder(), handle: recorder() },
    session,
    crashReporter: { start: recorder() },
    dialog: {
      showOpenDialog: recorder(async () => ({ canceled: true, filePaths: [] as string[] })),
      showSaveDialog: recorder(async () => ({ canceled: true, filePath: '' })),
    },
    ipcMain: { handle: recorder() },
    Menu: { setApplicationMenu: recorder(), buildFromTemplate: recorder((template: unknown) => ({ template })) },
    shell: { openExternal: recorder() },
    contextBridge: { exposeInMainWorld: recorder() },
    ipcRenderer: { invoke: recorder<unknown[], Promise<unknown>>(async () => ({ ok: true, value: '0.1.0-test' })) },
  };

  return { module, app, appEvents, windows, printing, defaultSession, partitions, utilityProcesses, ready: () => resolveReady() };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Lets pending promise callbacks (whenReady().then) run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
