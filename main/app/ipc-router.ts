/**
 * The one IPC wrapper: every channel the preload may invoke is registered here, as a row of a table
 * `{channel, schema, handler}`. For each message the wrapper (1) accepts only the top frame of a
 * page served from app:// (isTrustedSender), (2) parses the argument tuple with the channel's zod
 * schema, whose strings, arrays and byte payloads all carry size caps (the ipc* helpers below), and
 * (3) answers with the result envelope of ipc-envelope.ts, never by throwing: a Custos or crypto
 * error crosses as its {code, message, details}, anything else as INTERNAL with a generic sentence
 * (app-error.ts), so no stack, path or library text reaches the page. Spec: docs/architecture.md,
 * "Processes" (IPC through one wrapper: sender frame the top frame of app://, zod schema with size
 * caps, errors as {code, message, details}); VS Code's check of channel, origin and frame.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { APP_HOST, APP_SCHEME } from './app-protocol.ts';
import { toAppError } from './app-error.ts';
import type { IpcResult } from './ipc-envelope.ts';

/** The subset of an invoke event the sender check reads (lets unit tests pass a fake). */
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

// ---------- Schemas with caps: every channel schema is built from these ----------

/** A string of at most `max` UTF-16 code units. */
export function ipcString(max: number) {
  return z.string().max(max);
}

/** An array of at most `max` items. */
export function ipcArray<T extends z.ZodType>(item: T, max: number) {
  return z.array(item).max(max);
}

/** Bytes (a Uint8Array; Electron delivers a Buffer as one) of at most `maxBytes`. */
export function ipcBytes(maxBytes: number) {
  return z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength <= maxBytes, { message: `at most ${maxBytes} bytes` });
}

/** The argument list of a channel: a fixed-length tuple (extra arguments are refused). */
export type ArgsSchema = z.ZodTuple;

/** One row of the channel table. */
export interface ChannelDefinition<S extends ArgsSchema = ArgsSchema> {
  readonly channel: string;
  readonly schema: S;
  /** Receives the parsed argument tuple (method syntax: rows of any schema fit one table). */
  handler(args: z.output<S>, event: IpcMainInvokeEvent): unknown;
}

/** Declares a row with its handler's argument types inferred from the schema. */
export function defineChannel<S extends ArgsSchema>(definition: ChannelDefinition<S>): ChannelDefinition<S> {
  return definition;
}

/**
 * The wrapped handler of one channel (what ipcMain.handle receives): sender check, schema check,
 * then the handler, its outcome always as an envelope.
 */
export function wrapHandler<S extends ArgsSchema>(definition: ChannelDefinition<S>) {
  const { channel, schema } = definition;
  return async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<IpcResult> => {
    try {
      if (!isTrustedSender(event)) {
        throw new CustosError('IPC_UNTRUSTED_SENDER', 'Custos refused a request that did not come from its own window. Nothing was changed.', { channel });
      }
      const parsed = schema.safeParse(args);
      if (!parsed.success) {
        // Where and what kind of problem, never the value (it may be a passphrase or share words).
        const issue = parsed.error.issues[0];
        throw new CustosError('IPC_BAD_PAYLOAD', 'Custos refused a request whose content has the wrong form or size. Nothing was changed. Report it.', {
          channel,
          path: issue ? issue.path.map(String).join('.') : '',
          problem: issue?.code ?? 'invalid',
        });
      }
      return { ok: true, value: await definition.handler(parsed.data, event) };
    } catch (error) {
      const body = toAppError(error);
      // The page gets a generic sentence; the station log gets where it happened and the error's
      // class, never its text (library messages can quote what they were given).
      if (body.code === 'INTERNAL') console.error(`Custos: unexpected ${error instanceof Error ? error.name : typeof error} on ${channel}`);
      return { ok: false, error: body };
    }
  };
}

/** Registers one channel through the wrapper. */
export function registerChannel<S extends ArgsSchema>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  schema: S,
  handler: ChannelDefinition<S>['handler'],
): void {
  ipcMain.handle(channel, wrapHandler({ channel, schema, handler }));
}

/** Registers a whole table; a channel named twice is a programming error, refused up front. */
export function registerChannels(ipcMain: Pick<IpcMain, 'handle'>, table: readonly ChannelDefinition[]): void {
  const names = table.map((row) => row.channel);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) throw new Error(`IPC channel ${twice} is declared twice.`);
  for (const row of table) ipcMain.handle(row.channel, wrapHandler(row));
}
