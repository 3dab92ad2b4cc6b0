/**
 * Unit tests of the one IPC wrapper (main/app/ipc-router.ts) and the shell's channel table
 * (main/app/ipc-handlers.ts), with a recording fake ipcMain: only the top frame of app:// is heard;
 * each channel's zod schema with its caps refuses a malformed or oversized payload before the
 * handler runs; every outcome is an envelope; Custos and crypto errors keep {code, message,
 * details}; anything else is INTERNAL with a generic sentence and no stack or library text.
 * Issue 5 "Shell" (IPC through one wrapper); docs/architecture.md "Processes" and principle 6.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { CryptoError } from '../../../crypto/protocol.ts';
import { INTERNAL_MESSAGE } from '../../../main/app/app-error.ts';
import { registerIpcHandlers, shellChannels } from '../../../main/app/ipc-handlers.ts';
import {
  defineChannel,
  ipcArray,
  ipcBytes,
  ipcString,
  isTrustedSender,
  registerChannel,
  registerChannels,
  type ChannelDefinition,
} from '../../../main/app/ipc-router.ts';
import { recorder } from './fake-electron.ts';

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

const mainFrame = { url: 'app://custos/index.html' };
const TRUSTED = { senderFrame: mainFrame, sender: { mainFrame } };

/** Registers a table on a fake ipcMain and returns the wrapped handler of each channel. */
function register(table: readonly ChannelDefinition[]): Map<string, Handler> {
  const ipcMain = { handle: recorder<[string, Handler]>() };
  registerChannels(ipcMain as never, table);
  return new Map(ipcMain.handle.calls);
}

afterEach(() => vi.restoreAllMocks());

describe('isTrustedSender', () => {
  test.each([
    ['the top frame of app://custos', TRUSTED, true],
    ['a sub-frame of the app page', { senderFrame: { url: 'app://custos/index.html' }, sender: { mainFrame } }, false],
    ['a https top frame', { senderFrame: { url: 'https://custos/' }, sender: { mainFrame: null } }, false],
    ['another app:// host', { senderFrame: { url: 'app://evil/index.html' }, sender: { mainFrame: null } }, false],
    ['a file:// page', { senderFrame: { url: 'file:///index.html' }, sender: { mainFrame: null } }, false],
    ['no frame (destroyed)', { senderFrame: null, sender: { mainFrame } }, false],
    ['an unparsable URL', { senderFrame: { url: 'not a url' }, sender: { mainFrame: null } }, false],
  ])('%s: %s', (_name, event, expected) => {
    const fixed = event.sender.mainFrame === null ? { ...event, sender: { mainFrame: event.senderFrame } } : event;
    expect(isTrustedSender(fixed as never)).toBe(expected);
  });
});

describe('the wrapper', () => {
  const echo = defineChannel({
    channel: 'test:echo',
    schema: z.tuple([ipcString(8), ipcArray(z.number().int(), 3), ipcBytes(4)]),
    handler: async ([text, numbers, bytes]) => ({ text, sum: numbers.reduce((a, b) => a + b, 0), size: bytes.byteLength }),
  });
  const handlers = register([echo]);
  const call = (event: unknown, ...args: unknown[]) => handlers.get('test:echo')!(event, ...args);

  test('runs the handler with the parsed arguments and answers {ok: true, value}', async () => {
    await expect(call(TRUSTED, 'abc', [1, 2, 3], new Uint8Array(4))).resolves.toEqual({ ok: true, value: { text: 'abc', sum: 6, size: 4 } });
  });

  test('refuses an untrusted sender before parsing, without running the handler', async () => {
    const handler = vi.fn();
    const guarded = register([defineChannel({ channel: 'test:guarded', schema: z.tuple([]), handler })]).get('test:guarded')!;
    const subFrame = { senderFrame: { url: 'app://custos/index.html' }, sender: { mainFrame } };
    await expect(guarded(subFrame)).resolves.toEqual({
      ok: false,
      error: { code: 'IPC_UNTRUSTED_SENDER', message: expect.stringMatching(/did not come from its own window/u), details: { channel: 'test:guarded' } },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  test.each([
    ['a string over its cap', ['123456789', [1], new Uint8Array(1)], '0', 'too_big'],
    ['an array over its cap', ['a', [1, 2, 3, 4], new Uint8Array(1)], '1', 'too_big'],
    ['bytes over their cap', ['a', [1], new Uint8Array(5)], '2', 'custom'],
    ['bytes that are not bytes', ['a', [1], [0, 1]], '2', 'custom'],
    ['a wrong item type', ['a', [1.5], new Uint8Array(1)], '1.0', 'invalid_type'],
    ['a missing argument', ['a', [1]], '', 'too_small'],
    ['an extra argument', ['a', [1], new Uint8Array(1), 'extra'], '', 'too_big'],
  ])('refuses %s with IPC_BAD_PAYLOAD naming where, never the value', async (_name, args, where, problem) => {
    const result = (await call(TRUSTED, ...args)) as { ok: false; error: { code: string; message: string; details: Record<string, unknown> } };
    expect(result).toEqual({
      ok: false,
      error: { code: 'IPC_BAD_PAYLOAD', message: expect.stringMatching(/wrong form or size/u), details: { channel: 'test:echo', path: where, problem } },
    });
    expect(JSON.stringify(result)).not.toMatch(/123456789/u);
  });

  test('a CustosError crosses with its code, message and details', async () => {
    const failing = register([
      defineChannel({
        channel: 'test:custos',
        schema: z.tuple([]),
        handler: () => {
          throw new CustosError('PSBT_TOO_LARGE', 'This PSBT file is larger than 1 MiB. Nothing was changed.', { limit: 1048576, file: 'a.psbt' });
        },
      }),
    ]).get('test:custos')!;
    await expect(failing(TRUSTED)).resolves.toEqual({
      ok: false,
      error: { code: 'PSBT_TOO_LARGE', message: 'This PSBT file is larger than 1 MiB. Nothing was changed.', details: { limit: 1048576, file: 'a.psbt' } },
    });
  });

  test('a CryptoError (rejected promise) crosses with its code, message and details', async () => {
    const failing = register([
      defineChannel({
        channel: 'test:crypto',
        schema: z.tuple([]),
        handler: async () => Promise.reject(new CryptoError('SHARE_WORD_UNKNOWN', 'Word 7 is not a word of the share word list.', { position: 7 })),
      }),
    ]).get('test:crypto')!;
    await expect(failing(TRUSTED)).resolves.toEqual({
      ok: false,
      error: { code: 'SHARE_WORD_UNKNOWN', message: 'Word 7 is not a word of the share word list.', details: { position: 7 } },
    });
  });

  test.each([
    ['an Error', () => new TypeError('Cannot read properties of undefined (reading "abandon ability able")')],
    ['a string', () => 'abandon ability able'],
    ['an object with a code', () => ({ code: 'ENOENT', message: "open '/home/officer/secret.key'", stack: 'at x' })],
  ])('anything else (%s) crosses as INTERNAL with the generic sentence, no text, no stack', async (_name, thrown) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = register([
      defineChannel({
        channel: 'test:bug',
        schema: z.tuple([]),
        handler: () => {
          throw thrown();
        },
      }),
    ]).get('test:bug')!;
    const result = await failing(TRUSTED);
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE, details: {} } });
    expect(JSON.stringify(result)).not.toMatch(/abandon|secret\.key|ENOENT|stack|at x|TypeError/u);
    // The station log says where, not what.
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]![0])).toMatch(/on test:bug$/u);
    expect(String(logged.mock.calls[0]![0])).not.toMatch(/abandon|secret\.key|ENOENT/u);
  });

  test('the answer is always plain data (structured-clone safe), never an Error', async () => {
    const answers = [await call(TRUSTED, 'a', [], new Uint8Array(0)), await call(TRUSTED, 'too long a string')];
    for (const answer of answers) expect(structuredClone(answer)).toEqual(answer);
  });
});

describe('registration', () => {
  test('registerChannel registers one wrapped handler', async () => {
    const ipcMain = { handle: recorder<[string, Handler]>() };
    registerChannel(ipcMain as never, 'test:one', z.tuple([ipcString(3)]), ([text]) => text.toUpperCase());
    const [[channel, handler]] = ipcMain.handle.calls as [[string, Handler]];
    expect(channel).toBe('test:one');
    await expect(handler(TRUSTED, 'abc')).resolves.toEqual({ ok: true, value: 'ABC' });
    await expect(handler(TRUSTED, 'abcd')).resolves.toMatchObject({ ok: false, error: { code: 'IPC_BAD_PAYLOAD' } });
  });

  test('no file of main/ but ipc-router.ts listens on ipcMain: every channel goes through the wrapper', () => {
    const mainDir = fileURLToPath(new URL('../../../main/', import.meta.url));
    const listening = fs
      .readdirSync(mainDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.relative(mainDir, path.join(entry.parentPath, entry.name)))
      .filter((file) => /ipcMain\.(handle|handleOnce|on|once|addListener)\(/u.test(fs.readFileSync(path.join(mainDir, file), 'utf8')));
    expect(listening).toEqual([path.join('app', 'ipc-router.ts')]);
  });

  test('a table naming a channel twice is refused before anything is registered', () => {
    const ipcMain = { handle: recorder<[string, Handler]>() };
    const row = defineChannel({ channel: 'test:twice', schema: z.tuple([]), handler: () => 1 });
    expect(() => registerChannels(ipcMain as never, [row, { ...row }])).toThrow(/test:twice is declared twice/u);
    expect(ipcMain.handle.calls).toEqual([]);
  });
});

describe("the shell's channels", () => {
  test('the table has version only, with an empty tuple schema', () => {
    const table = shellChannels({ version: () => '1.2.3' });
    expect(table.map((row) => row.channel)).toEqual(['custos:version']);
    expect(table[0]!.schema.safeParse([]).success).toBe(true);
    expect(table[0]!.schema.safeParse(['x']).success).toBe(false);
  });

  test('registerIpcHandlers wires the table through the wrapper', async () => {
    const ipcMain = { handle: recorder<[string, Handler]>() };
    registerIpcHandlers(ipcMain as never, { version: () => '1.2.3' });
    const handler = new Map(ipcMain.handle.calls).get('custos:version')!;
    await expect(handler(TRUSTED)).resolves.toEqual({ ok: true, value: '1.2.3' });
    await expect(handler({ senderFrame: null, sender: { mainFrame } })).resolves.toMatchObject({ ok: false, error: { code: 'IPC_UNTRUSTED_SENDER' } });
  });
});
