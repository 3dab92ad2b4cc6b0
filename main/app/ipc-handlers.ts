/**
 * The shell's own IPC channels, declared as a table for the one wrapper (ipc-router.ts): each row
 * names its channel (ipc-channels.ts), the zod schema of its argument tuple with size caps, and its
 * handler. Only `version` lives here; the ceremony, inventory and audit channels of the app router
 * (app-router.ts) join the same wrapper as rows of their own table. Spec: docs/architecture.md,
 * "Processes" (ipcMain, sender origin checked, payload validated) and the AppApi contract
 * (app-api.ts).
 */
import type { IpcMain } from 'electron';
import { z } from 'zod';
import { IPC_CHANNELS } from './ipc-channels.ts';
import { defineChannel, registerChannels, type ChannelDefinition } from './ipc-router.ts';

/** What the handlers need from the application (app.getVersion in production). */
export interface IpcServices {
  readonly version: () => string;
}

/** The shell's channel table. */
export function shellChannels(services: IpcServices): readonly ChannelDefinition[] {
  return [
    defineChannel({
      channel: IPC_CHANNELS.version,
      schema: z.tuple([]), // version takes no argument
      handler: () => services.version(),
    }),
  ];
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, services: IpcServices): void {
  registerChannels(ipcMain, shellChannels(services));
}
