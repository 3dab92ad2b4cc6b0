/**
 * What every station e2e spec sets up the same way: a workspace whose station lives the CLI examples
 * it names (docs/answers/, run with the real `custos`; the drill's share files placed first; copied
 * from the run's snapshot of the longest first part of them, station-snapshots.ts), then
 * anything else the spec prepares; the built renderer served locally; the real router bound to each
 * page as window.custos; and each page guarded (no request but the local server, no page error).
 * Call it at the top of a spec; it registers the hooks and gives the suite once it is ready.
 * Spec: issue 5 ("End-to-end tests in Debian Chromium … with window.custos bound to the real router").
 */
import { test, type Browser } from '@playwright/test';
import { EngineRig } from '../support/engine-rig.ts';
import { bindCustosApi, startTestApp, type TestApp } from './custos-binding.ts';
import { PageGuard } from './page-guard.ts';
import { snapshotFor } from './station-snapshots.ts';
import { startRendererServer, type RendererServer } from './renderer-server.ts';

export interface StationSuite {
  readonly rig: EngineRig;
  readonly server: RendererServer;
  readonly app: TestApp;
  /** Loads the app's first screen in a page. */
  load(page: import('@playwright/test').Page): Promise<void>;
}

export interface StationSuiteOptions {
  /** The temp folder's prefix. */
  readonly prefix: string;
  /** The CLI examples the station lives first, in order. */
  readonly examples: readonly string[];
  /** Anything else before the app starts (after the examples). */
  readonly prepare?: (rig: EngineRig) => Promise<void> | void;
  /** How the test app is started (e.g. a printer backed by the test's browser). */
  readonly app?: (browser: Browser) => Parameters<typeof startTestApp>[0];
}

/** Registers the suite's hooks; the returned function gives the suite inside tests. */
export function stationSuite(options: StationSuiteOptions): () => StationSuite {
  let suite: StationSuite | undefined;
  let rig: EngineRig | undefined;
  let server: RendererServer | undefined;
  let app: TestApp | undefined;
  const guard = new PageGuard();

  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000); // people's keys and the station's ceremonies are made with the real CLI (scrypt)
    const start = snapshotFor(process.env.CUSTOS_E2E_SNAPSHOTS, options.examples);
    rig = start.folder ? EngineRig.fromSnapshot(start.folder, options.prefix) : await EngineRig.create(options.prefix);
    await rig.runExamples(start.rest);
    await options.prepare?.(rig);
    server = await startRendererServer();
    app = await startTestApp(options.app?.(browser));
    const origin = server.origin;
    suite = {
      rig,
      server,
      app,
      load: async (page) => {
        await page.goto(`${origin}/`);
      },
    };
  });

  test.afterAll(async () => {
    await server?.close();
    await app?.stop();
    rig?.dispose();
  });

  test.beforeEach(async ({ page }) => {
    guard.watch(page);
    await bindCustosApi(page, app!.api);
  });

  test.afterEach(() => guard.expectClean(server!.origin));

  return () => {
    if (!suite) throw new Error('The station suite is not ready (its beforeAll failed or has not run).');
    return suite;
  };
}
