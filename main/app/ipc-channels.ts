/**
 * IPC channel names shared by the preload (sender) and main (handler). One channel per AppApi
 * function. Spec: docs/architecture.md, "Processes" (ipcMain with sender origin checked).
 */
export const IPC_CHANNELS = Object.freeze({
  version: 'custos:version',
  choose: 'custos:choose',
  airGap: 'custos:air-gap',
  procedures: 'custos:procedures',
  inventory: 'custos:inventory',
  readPsbt: 'custos:read-psbt',
  psbtQrFrames: 'custos:psbt-qr-frames',
  watchOnlyQrFrames: 'custos:watch-only-qr-frames',
  ethSignatureQrFrames: 'custos:eth-signature-qr-frames',
  startQrScan: 'custos:start-qr-scan',
  qrFrame: 'custos:qr-frame',
  stopQrScan: 'custos:stop-qr-scan',
  startVerify: 'custos:start-verify',
  startCeremony: 'custos:start-ceremony',
  jobEvents: 'custos:job-events',
  answerShareWords: 'custos:answer-share-words',
  answerSignRequest: 'custos:answer-sign-request',
  answerPassphrase: 'custos:answer-passphrase',
  answerCheckpoint: 'custos:answer-checkpoint',
  stopCeremony: 'custos:stop-ceremony',
  printShareCard: 'custos:print-share-card',
  saveReport: 'custos:save-report',
} as const);
