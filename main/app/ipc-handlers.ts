/**
 * Main-side handlers of the preload's IPC channels (ipc-channels.ts). Every message is accepted only
 * from the top frame of a page served by app:// (sender origin checked); anything else is refused
 * with an error. Spec: DESIGN.md "Processes" (ipcMain, sender origin checked, payload validated) and
 * the AppApi contract (app-api.ts).
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol.ts';
import { IPC_CHANNELS } from './ipc-channels.ts';

/** What the handlers need from the application (app.getVersion in production). */
export interface IpcServices {
  readonly version: () => string;
}

/** The subset of an invoke event the origin check reads (lets unit tests pass a fake). */
export type SenderInfo = Pick<IpcMainInvokeEvent, 'senderFrame'> & {
  readonly sender: { readonly mainFrame: unknown };
};

/** True only for the top frame of a page loaded from the app:// origin. */
export function isTrustedSender(event: SenderInfo): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  try {
    // WHATWG URL gives non-special schemes an opaque origin, so compare scheme and host instead.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, services: IpcServices): void {
  ipcMain.handle(IPC_CHANNELS.version, (event, ...args: unknown[]) => {
    if (!isTrustedSender(event)) throw new Error('IPC_UNTRUSTED_SENDER: refused a message from outside the app.');
    if (args.length !== 0) throw new Error('IPC_BAD_PAYLOAD: version takes no arguments.');
    return services.version();
  });
}
