/**
 * Unit tests of the preload (main/preload/preload.ts) against a fake `electron`: it exposes exactly
 * one global, `custos`, holding exactly the AppApi functions, each forwarding to its IPC channel
 * without passing renderer values through. DESIGN.md "Processes" (contextBridge, named functions).
 */
import { beforeAll, expect, test, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fake-electron.ts');
  return createFakeElectron();
});
vi.mock('electron', () => electron.module);

let exposed: unknown[][];

beforeAll(async () => {
  await import('../../../main/preload/preload.ts');
  exposed = [...electron.module.contextBridge.exposeInMainWorld.calls];
});

test('exposes only window.custos, with only the named AppApi functions', () => {
  expect(exposed).toHaveLength(1);
  const [name, api] = exposed[0] as [string, Record<string, unknown>];
  expect(name).toBe('custos');
  expect(Object.keys(api)).toEqual(['version']);
  expect(typeof api.version).toBe('function');
});

test('version() invokes its channel with no arguments and returns the string', async () => {
  const api = exposed[0]![1] as { version: (...args: unknown[]) => Promise<string> };
  const before = electron.module.ipcRenderer.invoke.calls.length;
  await expect(api.version('ignored', { evil: true })).resolves.toBe('0.1.0-test');
  expect(electron.module.ipcRenderer.invoke.calls.slice(before)).toEqual([['custos:version']]);
});

test('version() refuses a non-string answer', async () => {
  const api = exposed[0]![1] as { version: () => Promise<string> };
  const original = electron.module.ipcRenderer.invoke;
  electron.module.ipcRenderer.invoke = Object.assign(async () => 42 as unknown, { calls: original.calls });
  try {
    await expect(api.version()).rejects.toThrow(/IPC_BAD_RESPONSE/u);
  } finally {
    electron.module.ipcRenderer.invoke = original;
  }
});
