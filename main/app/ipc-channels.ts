/**
 * IPC channel names shared by the preload (sender) and main (handler). One channel per AppApi
 * function. Spec: DESIGN.md "Processes" (ipcMain with sender origin checked).
 */
export const IPC_CHANNELS = Object.freeze({
  version: 'custos:version',
} as const);
