/**
 * The app router's IPC channels (app-router.ts), as rows of the one wrapper's table
 * (ipc-router.ts): each AppApi function with the zod schema of its arguments, every string, list
 * and object capped. A ceremony's answers are at most 256 KiB of JSON, 12 levels deep; the engine
 * then checks every field as for an answers file. A report request names its kind and language from
 * closed lists, a ceremony id of at most 128 characters and days of 10. Spec: docs/architecture.md,
 * "Processes" (each channel has a zod schema with size caps); main/app/app-api.ts.
 */
import { z } from 'zod';
import type { AppApi, CeremonyAnswers, ChooseKind, DocumentLocale, QrScanKind, ReportKind } from './app-api.ts';
import { IPC_CHANNELS } from './ipc-channels.ts';
import { defineChannel, ipcString, type ChannelDefinition } from './ipc-router.ts';

const CHOOSE_KINDS = [
  'data-dir',
  'audit-source',
  'key-file',
  'share-file',
  'psbt-file',
  'eth-request-file',
  'transaction-file',
  'balances-file',
  'public-key-file',
  'checkpoint-file',
  'folder',
  'save-file',
  'evidence-file',
  'challenge-file',
] as const satisfies readonly ChooseKind[];

const QR_SCAN_KINDS = ['psbt-file', 'eth-request-file'] as const satisfies readonly QrScanKind[];
/** The most text one QR code holds (version 40, alphanumeric mode, 4,296 characters). */
const QR_TEXT_MAX = 4296;

const LOCALES = ['en', 'fr'] as const satisfies readonly DocumentLocale[];
const REPORT_KINDS = ['inventory', 'incidents', 'ceremony', 'script'] as const satisfies readonly ReportKind[];

/** A token main handed out (a UUID), or a job id (also a UUID). */
const token = ipcString(64);
export const ANSWERS_MAX_BYTES = 256 * 1024;
const ANSWERS_MAX_DEPTH = 12;

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  return 1 + Math.max(0, ...Object.values(value as Record<string, unknown>).map(depth));
}

const answers = z
  .record(ipcString(100), z.unknown())
  .refine((v) => new TextEncoder().encode(JSON.stringify(v)).byteLength <= ANSWERS_MAX_BYTES, { message: `at most ${ANSWERS_MAX_BYTES} bytes` })
  .refine((v) => depth(v) <= ANSWERS_MAX_DEPTH, { message: `at most ${ANSWERS_MAX_DEPTH} levels` });

export function appChannels(router: AppApi): readonly ChannelDefinition[] {
  return [
    defineChannel({ channel: IPC_CHANNELS.choose, schema: z.tuple([z.enum(CHOOSE_KINDS)]), handler: ([kind]) => router.choose(kind) }),
    defineChannel({ channel: IPC_CHANNELS.airGap, schema: z.tuple([]), handler: () => router.airGap() }),
    defineChannel({ channel: IPC_CHANNELS.procedures, schema: z.tuple([]), handler: () => router.procedures() }),
    defineChannel({ channel: IPC_CHANNELS.inventory, schema: z.tuple([token]), handler: ([dir]) => router.inventory(dir) }),
    defineChannel({ channel: IPC_CHANNELS.readPsbt, schema: z.tuple([token, ipcString(16)]), handler: ([file, network]) => router.readPsbt(file, network) }),
    defineChannel({ channel: IPC_CHANNELS.psbtQrFrames, schema: z.tuple([token]), handler: ([job]) => router.psbtQrFrames(job) }),
    defineChannel({ channel: IPC_CHANNELS.watchOnlyQrFrames, schema: z.tuple([token]), handler: ([job]) => router.watchOnlyQrFrames(job) }),
    defineChannel({ channel: IPC_CHANNELS.ethSignatureQrFrames, schema: z.tuple([token]), handler: ([job]) => router.ethSignatureQrFrames(job) }),
    defineChannel({ channel: IPC_CHANNELS.startQrScan, schema: z.tuple([z.enum(QR_SCAN_KINDS)]), handler: ([kind]) => router.startQrScan(kind) }),
    defineChannel({ channel: IPC_CHANNELS.qrFrame, schema: z.tuple([token, ipcString(QR_TEXT_MAX)]), handler: ([scan, text]) => router.qrFrame(scan, text) }),
    defineChannel({ channel: IPC_CHANNELS.stopQrScan, schema: z.tuple([token]), handler: ([scan]) => router.stopQrScan(scan) }),
    defineChannel({
      channel: IPC_CHANNELS.startVerify,
      schema: z.tuple([z.strictObject({ source: token, checkpoint: token.optional() })]),
      handler: ([request]) =>
        router.startVerify(request.checkpoint === undefined ? { source: request.source } : { source: request.source, checkpoint: request.checkpoint }),
    }),
    defineChannel({
      channel: IPC_CHANNELS.startCeremony,
      schema: z.tuple([z.strictObject({ procedure: ipcString(64), dataDir: token, answers })]),
      handler: ([request]) => router.startCeremony({ procedure: request.procedure, dataDir: request.dataDir, answers: request.answers as CeremonyAnswers }),
    }),
    defineChannel({
      channel: IPC_CHANNELS.jobEvents,
      schema: z.tuple([token, z.int().min(0).max(1_000_000_000)]),
      handler: ([job, after]) => router.jobEvents(job, after),
    }),
    defineChannel({
      channel: IPC_CHANNELS.answerShareWords,
      schema: z.tuple([token, z.strictObject({ prompt: token, words: ipcString(2000) })]),
      handler: ([job, answer]) => router.answerShareWords(job, answer),
    }),
    defineChannel({
      channel: IPC_CHANNELS.answerSignRequest,
      schema: z.tuple([
        token,
        z.strictObject({ prompt: token, passphrases: z.record(ipcString(100), ipcString(1024)).refine((v) => Object.keys(v).length <= 32) }),
      ]),
      handler: ([job, answer]) => router.answerSignRequest(job, answer),
    }),
    defineChannel({
      channel: IPC_CHANNELS.answerPassphrase,
      schema: z.tuple([token, z.strictObject({ prompt: token, passphrase: ipcString(1024) })]),
      handler: ([job, answer]) => router.answerPassphrase(job, answer),
    }),
    defineChannel({
      channel: IPC_CHANNELS.answerCheckpoint,
      schema: z.tuple([token, z.strictObject({ prompt: token, checkpoint: token })]),
      handler: ([job, answer]) => router.answerCheckpoint(job, answer),
    }),
    defineChannel({
      channel: IPC_CHANNELS.stopCeremony,
      schema: z.tuple([token, ipcString(400)]),
      handler: ([job, reason]) => router.stopCeremony(job, reason),
    }),
    defineChannel({
      channel: IPC_CHANNELS.printShareCard,
      schema: z.tuple([token, token, z.enum(LOCALES)]),
      handler: ([job, prompt, locale]) => router.printShareCard(job, prompt, locale),
    }),
    defineChannel({
      channel: IPC_CHANNELS.saveReport,
      schema: z.tuple([
        z.strictObject({
          dataDir: token,
          report: z.enum(REPORT_KINDS),
          ceremony: ipcString(128).optional(),
          procedure: ipcString(64).optional(),
          wallet: ipcString(128).optional(),
          from: ipcString(10).optional(),
          to: ipcString(10).optional(),
          locale: z.enum(LOCALES),
        }),
      ]),
      handler: ([request]) =>
        router.saveReport({
          dataDir: request.dataDir,
          report: request.report,
          locale: request.locale,
          ...(request.ceremony === undefined ? {} : { ceremony: request.ceremony }),
          ...(request.procedure === undefined ? {} : { procedure: request.procedure }),
          ...(request.wallet === undefined ? {} : { wallet: request.wallet }),
          ...(request.from === undefined ? {} : { from: request.from }),
          ...(request.to === undefined ? {} : { to: request.to }),
        }),
    }),
  ];
}
