/**
 * What ships is what is tested: the BUILT main bundle (dist/main/main.js, `npm run build`), loaded
 * under Node with the fake `electron` module, answers the auditor's verification over its real IPC
 * channels (the channel table, zod schemas and wrapHandler the Electron app registers, called as
 * the app's own top frame): a journal of more than a thousand signatures is verified on worker
 * threads, which the bundle must find beside itself (dist/main/signature-worker.js). Before the build
 * emitted that file, this verification failed in the packaged app and passed from the sources.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { IPC_CHANNELS } from '../../../main/app/ipc-channels.ts';
import { enrol, setUpStation, testSigner, type TestStation } from '../../support/test-station.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUNDLE = path.join(ROOT, 'dist', 'main', 'main.js');

const electron = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../../unit/electron-shell/fake-electron.ts');
  return createFakeElectron();
});
vi.mock('electron', () => electron.module);

let station: TestStation;
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-built-main-'));
type Handler = (event: unknown, ...args: unknown[]) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
const mainFrame = { url: 'app://custos/index.html' };
const fromApp = { senderFrame: mainFrame, sender: { mainFrame } };

function channel(name: string): Handler {
  const found = electron.module.ipcMain.handle.calls.find((c) => c[0] === name);
  expect(found, `the built bundle registers ${name}`).toBeDefined();
  return found![1] as Handler;
}

async function call<T>(name: string, ...args: unknown[]): Promise<T> {
  const answer = await channel(name)(fromApp, ...args);
  if (!answer.ok) throw new Error(`${name}: ${answer.error?.code} ${answer.error?.message}`);
  return answer.value as T;
}

beforeAll(async () => {
  if (!fs.existsSync(BUNDLE) || !fs.existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error(`${BUNDLE} is missing: this test runs the built app; run "npm run build" first (npm test does).`);
  }
  // A station whose journal holds well over a thousand signatures: a setup and 110 enrolments.
  station = await setUpStation(path.join(home, 'station'));
  for (let i = 0; i < 110; i++) await enrol(station, testSigner(`holder ${i}`, ['holder']));
  station.writer.close();

  electron.app.appPath = ROOT;
  const savedArgv = process.argv;
  process.argv = ['/opt/Custos/custos', ROOT];
  try {
    await import(/* @vite-ignore */ BUNDLE);
  } finally {
    process.argv = savedArgv;
  }
  electron.ready();
  await vi.waitFor(() => expect(electron.module.ipcMain.handle.calls.length).toBeGreaterThan(0), { timeout: 60_000 });
}, 180_000);
afterAll(() => fs.rmSync(home, { recursive: true, force: true }));

test('the bundle is the built one, and its signature worker was built beside it', () => {
  expect(fs.readFileSync(BUNDLE, 'utf8')).not.toMatch(/new (Worker|URL)\("\.\/[a-z-]+\.ts"/u);
  expect(fs.existsSync(path.join(ROOT, 'dist', 'main', 'signature-worker.js'))).toBe(true);
});

test('the auditor path of the built bundle verifies a journal of more than 1,000 signatures on worker threads', async () => {
  electron.module.dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [station.dir] })) as never;
  const source = await call<{ token: string; name: string }>(IPC_CHANNELS.choose, 'audit-source');
  expect(source.name).toBe('station');
  const job = await call<string>(IPC_CHANNELS.startVerify, { source: source.token });
  let after = 0;
  let outcome: Record<string, unknown> | undefined;
  for (let tries = 0; tries < 600 && outcome === undefined; tries++) {
    const update = await call<{ events: Record<string, unknown>[]; next: number; finished: boolean }>(IPC_CHANNELS.jobEvents, job, after);
    after = update.next;
    const failed = update.events.find((e) => e.kind === 'failed');
    if (failed) throw new Error(`the verification failed: ${JSON.stringify(failed)}`);
    outcome = update.events.find((e) => e.kind === 'verified');
    if (update.finished && outcome === undefined) throw new Error('the job finished without a verification');
  }
  expect(outcome).toMatchObject({ ok: true, findings: [] });
  expect(outcome!.signatures as number).toBeGreaterThanOrEqual(1000);
  // More than the calling thread: batches went to worker threads started from the built file.
  expect(outcome!.threads as number).toBeGreaterThan(1);
}, 180_000);
