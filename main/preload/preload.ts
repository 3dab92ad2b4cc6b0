/**
 * Preload of the sandboxed renderer (built to dist/main/preload.cjs: sandboxed preloads must be
 * CommonJS). Exposes exactly the AppApi functions as `window.custos`, each a thin ipcRenderer.invoke
 * that passes no renderer object through, and opens main's result envelope (ipc-envelope.ts): a
 * value is returned, a refusal rejects with a plain `{name: 'CustosError', code, message, details}`
 * (an Error would reach the page stripped of its code and details by the contextBridge).
 * Spec: docs/architecture.md, "Processes" (contextBridge, named functions) and main/app/app-api.ts.
 * Main checks every argument against its channel's schema (app-channels.ts); the answers are
 * main's own views, typed by the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { AppApi } from '../app/app-api.ts';
import { IPC_CHANNELS } from '../app/ipc-channels.ts';
import { badResponse, unwrapIpcResult } from '../app/ipc-envelope.ts';

/** Invokes a channel and returns the value of its envelope (or rejects with its failure). */
async function call(channel: string, ...args: unknown[]): Promise<unknown> {
  return unwrapIpcResult(channel, await ipcRenderer.invoke(channel, ...args));
}

const api = {
  version: async (): Promise<string> => {
    const value = await call(IPC_CHANNELS.version);
    if (typeof value !== 'string') throw badResponse(IPC_CHANNELS.version);
    return value;
  },
  choose: async (kind) => (await call(IPC_CHANNELS.choose, kind)) as Awaited<ReturnType<AppApi['choose']>>,
  airGap: async () => (await call(IPC_CHANNELS.airGap)) as Awaited<ReturnType<AppApi['airGap']>>,
  procedures: async () => (await call(IPC_CHANNELS.procedures)) as Awaited<ReturnType<AppApi['procedures']>>,
  inventory: async (dataDir) => (await call(IPC_CHANNELS.inventory, dataDir)) as Awaited<ReturnType<AppApi['inventory']>>,
  readPsbt: async (file, network) => (await call(IPC_CHANNELS.readPsbt, file, network)) as Awaited<ReturnType<AppApi['readPsbt']>>,
  psbtQrFrames: async (job) => (await call(IPC_CHANNELS.psbtQrFrames, job)) as Awaited<ReturnType<AppApi['psbtQrFrames']>>,
  watchOnlyQrFrames: async (job) => (await call(IPC_CHANNELS.watchOnlyQrFrames, job)) as Awaited<ReturnType<AppApi['watchOnlyQrFrames']>>,
  ethSignatureQrFrames: async (job) => (await call(IPC_CHANNELS.ethSignatureQrFrames, job)) as Awaited<ReturnType<AppApi['ethSignatureQrFrames']>>,
  startQrScan: async (kind) => (await call(IPC_CHANNELS.startQrScan, kind)) as string,
  qrFrame: async (scan, text) => (await call(IPC_CHANNELS.qrFrame, scan, text)) as Awaited<ReturnType<AppApi['qrFrame']>>,
  stopQrScan: async (scan) => {
    await call(IPC_CHANNELS.stopQrScan, scan);
  },
  startVerify: async (request) => (await call(IPC_CHANNELS.startVerify, { ...request })) as string,
  startCeremony: async (request) => (await call(IPC_CHANNELS.startCeremony, { ...request })) as string,
  jobEvents: async (job, after) => (await call(IPC_CHANNELS.jobEvents, job, after)) as Awaited<ReturnType<AppApi['jobEvents']>>,
  answerShareWords: async (job, answer) => {
    await call(IPC_CHANNELS.answerShareWords, job, { prompt: answer.prompt, words: answer.words });
  },
  answerSignRequest: async (job, answer) => {
    await call(IPC_CHANNELS.answerSignRequest, job, { prompt: answer.prompt, passphrases: { ...answer.passphrases } });
  },
  answerPassphrase: async (job, answer) => {
    await call(IPC_CHANNELS.answerPassphrase, job, { prompt: answer.prompt, passphrase: answer.passphrase });
  },
  answerCheckpoint: async (job, answer) => {
    await call(IPC_CHANNELS.answerCheckpoint, job, { prompt: answer.prompt, checkpoint: answer.checkpoint });
  },
  stopCeremony: async (job, reason) => {
    await call(IPC_CHANNELS.stopCeremony, job, reason);
  },
  printShareCard: async (job, prompt, locale) => {
    await call(IPC_CHANNELS.printShareCard, job, prompt, locale);
  },
  saveReport: async (request) => (await call(IPC_CHANNELS.saveReport, { ...request })) as Awaited<ReturnType<AppApi['saveReport']>>,
} satisfies AppApi;

contextBridge.exposeInMainWorld('custos', api);
