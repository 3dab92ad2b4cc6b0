/**
 * Preload of the sandboxed renderer (built to dist/main/preload.cjs: sandboxed preloads must be
 * CommonJS). Exposes exactly the AppApi functions as `window.custos`, each a thin ipcRenderer.invoke
 * that passes no renderer object through. Spec: DESIGN.md "Processes" (contextBridge, named
 * functions) and main/app/app-api.ts.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { AppApi } from '../app/app-api.ts';
import { IPC_CHANNELS } from '../app/ipc-channels.ts';

const api = {
  version: async (): Promise<string> => {
    const value: unknown = await ipcRenderer.invoke(IPC_CHANNELS.version);
    if (typeof value !== 'string') throw new Error('IPC_BAD_RESPONSE: version is not a string.');
    return value;
  },
} satisfies AppApi;

contextBridge.exposeInMainWorld('custos', api);
