/**
 * Binds `window.custos` in a Playwright page to real functions in the test process, with the shape
 * of the AppApi contract (main/app/app-api.ts) — the role the preload plays in Electron. One
 * binding carries every call; the init script exposes only the named functions, frozen.
 * Spec: DESIGN.md "Processes" (Tests: window.custos bound with page.exposeBinding).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AppApi } from '../../main/app/app-api.ts';
import { REPO_ROOT } from './renderer-server.ts';

const BINDING = '__custosTestBridge';

/** The main-side implementation of the AppApi for the tests: the version comes from package.json. */
export function testAppApi(): AppApi {
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
  return { version: async () => version };
}

export async function bindCustosApi(page: Page, api: AppApi = testAppApi()): Promise<void> {
  const functions = api as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const names = Object.keys(functions);
  await page.exposeBinding(BINDING, async (_source, name: unknown, args: unknown) => {
    if (typeof name !== 'string' || !names.includes(name) || !Array.isArray(args)) throw new Error('unknown AppApi call');
    return functions[name]!(...args);
  });
  await page.addInitScript(
    ({ binding, names: exposed }) => {
      const scope = globalThis as unknown as Record<string, unknown>;
      // Looked up at call time: the binding may be installed after this script runs.
      const call = (name: string, args: unknown[]) => (scope[binding] as (n: string, a: unknown[]) => Promise<unknown>)(name, args);
      const api = Object.fromEntries(exposed.map((name) => [name, (...args: unknown[]) => call(name, args)]));
      Object.defineProperty(scope, 'custos', { value: Object.freeze(api), enumerable: true });
    },
    { binding: BINDING, names },
  );
}
