/**
 * Unit tests of the preload (main/preload/preload.ts) against a fake `electron`: it exposes exactly
 * one global, `custos`, holding exactly the AppApi functions, each forwarding to its IPC channel
 * without passing renderer values through, and opening main's result envelope (ipc-envelope.ts): a
 * refusal rejects with a plain {name, code, message, details}, which the contextBridge copies whole
 * (an Error would lose code and details). docs/architecture.md "Processes"; issue 5 "Shell".
 */
import { IPC_CHANNELS } from '../../../main/app/ipc-channels.ts';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';

const electron = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('./fake-electron.ts');
  return createFakeElectron();
});
vi.mock('electron', () => electron.module);

let exposed: unknown[][];
let api: { version: (...args: unknown[]) => Promise<string> };
const originalInvoke = electron.module.ipcRenderer.invoke;

/** Makes the next invokes answer `answer` (the fake main process). */
function mainAnswers(answer: unknown): void {
  electron.module.ipcRenderer.invoke = Object.assign(async () => answer, { calls: originalInvoke.calls });
}

beforeAll(async () => {
  await import('../../../main/preload/preload.ts');
  exposed = [...electron.module.contextBridge.exposeInMainWorld.calls];
  api = exposed[0]![1] as typeof api;
});

afterEach(() => {
  electron.module.ipcRenderer.invoke = originalInvoke;
});

test('exposes only window.custos, with only the named AppApi functions', () => {
  expect(exposed).toHaveLength(1);
  const [name, exposedApi] = exposed[0] as [string, Record<string, unknown>];
  expect(name).toBe('custos');
  expect(Object.keys(exposedApi).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
  expect(typeof exposedApi.version).toBe('function');
});

test('version() invokes its channel with no arguments and returns the value of the envelope', async () => {
  const before = originalInvoke.calls.length;
  await expect(api.version('ignored', { evil: true })).resolves.toBe('0.1.0-test');
  expect(originalInvoke.calls.slice(before)).toEqual([['custos:version']]);
});

test('a refusal rejects with a plain {name, code, message, details} that survives a structured copy', async () => {
  const error = { code: 'IPC_BAD_PAYLOAD', message: 'Custos refused a request.', details: { channel: 'custos:version', path: '0' } };
  mainAnswers({ ok: false, error });
  const rejection: unknown = await api.version().then(
    () => expect.fail('version() resolved'),
    (reason: unknown) => reason,
  );
  expect(rejection).toEqual({ name: 'CustosError', ...error });
  // Not an Error: the contextBridge would copy only an Error's message into the page.
  expect(rejection).not.toBeInstanceOf(Error);
  expect(structuredClone(rejection)).toEqual(rejection);
});

test.each([
  ['a non-string value', { ok: true, value: 42 }],
  ['a bare value (no envelope)', '0.1.0-test'],
  ['an envelope without value', { ok: true }],
  ['an error without code', { ok: false, error: { message: 'x', details: {} } }],
  ['an error with an object detail', { ok: false, error: { code: 'X', message: 'x', details: { nested: {} } } }],
  ['null', null],
])('version() refuses %s with IPC_BAD_RESPONSE', async (_name, answer) => {
  mainAnswers(answer);
  await expect(api.version()).rejects.toEqual({
    name: 'CustosError',
    code: 'IPC_BAD_RESPONSE',
    message: expect.stringMatching(/did not expect/u),
    details: { channel: 'custos:version' },
  });
});

test('each AppApi function invokes its own channel with exactly its arguments', async () => {
  const calls: { name: string; args: unknown[] }[] = [
    { name: 'choose', args: ['key-file'] },
    { name: 'airGap', args: [] },
    { name: 'procedures', args: [] },
    { name: 'inventory', args: ['t1'] },
    { name: 'readPsbt', args: ['t2', 'bitcoin'] },
    { name: 'psbtQrFrames', args: ['j1'] },
    { name: 'watchOnlyQrFrames', args: ['j1'] },
    { name: 'ethSignatureQrFrames', args: ['j1'] },
    { name: 'startQrScan', args: ['psbt-file'] },
    { name: 'qrFrame', args: ['s1', 'UR:CRYPTO-PSBT/1-3/LPAD'] },
    { name: 'stopQrScan', args: ['s1'] },
    { name: 'startVerify', args: [{ source: 't3' }] },
    { name: 'startCeremony', args: [{ procedure: 'create-wallet', dataDir: 't4', answers: {} }] },
    { name: 'jobEvents', args: ['j1', 3] },
    { name: 'answerShareWords', args: ['j1', { prompt: 'p1', words: 'abandon' }] },
    { name: 'stopCeremony', args: ['j1', 'fire drill'] },
    { name: 'printShareCard', args: ['j1', 'p1', 'fr'] },
    { name: 'saveReport', args: [{ dataDir: 't5', report: 'incidents', from: '2026-01-01', to: '2026-06-30', locale: 'en' }] },
  ];
  const fns = api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const { name, args } of calls) {
    const before = originalInvoke.calls.length;
    await fns[name]!(...args);
    expect(originalInvoke.calls.slice(before), name).toEqual([[IPC_CHANNELS[name as keyof typeof IPC_CHANNELS], ...args]]);
  }
});
