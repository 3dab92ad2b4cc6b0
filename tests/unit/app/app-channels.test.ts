/**
 * The app router's IPC channel table (main/app/app-channels.ts) through the one wrapper: each
 * channel reaches its router function with the parsed arguments; arguments of the wrong form, too
 * long, too large or too deep are refused as IPC_BAD_PAYLOAD before the router sees them, and the
 * refusal never quotes the value.
 */
import { describe, expect, test } from 'vitest';
import type { AppApi } from '../../../main/app/app-api.ts';
import { ANSWERS_MAX_BYTES, appChannels } from '../../../main/app/app-channels.ts';
import { IPC_CHANNELS } from '../../../main/app/ipc-channels.ts';
import { wrapHandler } from '../../../main/app/ipc-router.ts';

const seen: { name: string; args: unknown[] }[] = [];
const router = new Proxy(
  {},
  {
    get:
      (_t, name: string) =>
      async (...args: unknown[]) => {
        seen.push({ name, args });
        return name;
      },
  },
) as AppApi;
const table = appChannels(router);
const frame = { url: 'app://custos/index.html' };
const event = { senderFrame: frame, sender: { mainFrame: frame } };

async function invoke(channel: string, ...args: unknown[]) {
  const row = table.find((r) => r.channel === channel)!;
  return wrapHandler(row)(event as never, ...args);
}

describe('the app channels', () => {
  test('every AppApi function but version has its channel', () => {
    expect(table.map((r) => r.channel).sort()).toEqual(
      Object.values(IPC_CHANNELS)
        .filter((c) => c !== IPC_CHANNELS.version)
        .sort(),
    );
  });

  test('good arguments reach the router', async () => {
    seen.length = 0;
    expect(await invoke(IPC_CHANNELS.choose, 'key-file')).toEqual({ ok: true, value: 'choose' });
    expect(await invoke(IPC_CHANNELS.startCeremony, { procedure: 'create-wallet', dataDir: 't', answers: { a: { b: [1, 'x'] } } })).toEqual({
      ok: true,
      value: 'startCeremony',
    });
    expect(await invoke(IPC_CHANNELS.jobEvents, 'j', 4)).toEqual({ ok: true, value: 'jobEvents' });
    expect(await invoke(IPC_CHANNELS.startVerify, { source: 's' })).toEqual({ ok: true, value: 'startVerify' });
    expect(await invoke(IPC_CHANNELS.printShareCard, 'j', 'p', 'fr')).toEqual({ ok: true, value: 'printShareCard' });
    expect(await invoke(IPC_CHANNELS.saveReport, { dataDir: 't', report: 'inventory', locale: 'en' })).toEqual({ ok: true, value: 'saveReport' });
    expect(await invoke(IPC_CHANNELS.saveReport, { dataDir: 't', report: 'incidents', from: '2026-01-01', to: '2026-12-31', locale: 'fr' })).toEqual({
      ok: true,
      value: 'saveReport',
    });
    expect(await invoke(IPC_CHANNELS.saveReport, { dataDir: 't', report: 'ceremony', ceremony: 'create-wallet-20261123-1', locale: 'en' })).toEqual({
      ok: true,
      value: 'saveReport',
    });
    expect(seen).toEqual([
      { name: 'choose', args: ['key-file'] },
      { name: 'startCeremony', args: [{ procedure: 'create-wallet', dataDir: 't', answers: { a: { b: [1, 'x'] } } }] },
      { name: 'jobEvents', args: ['j', 4] },
      { name: 'startVerify', args: [{ source: 's' }] },
      { name: 'printShareCard', args: ['j', 'p', 'fr'] },
      { name: 'saveReport', args: [{ dataDir: 't', report: 'inventory', locale: 'en' }] },
      { name: 'saveReport', args: [{ dataDir: 't', report: 'incidents', from: '2026-01-01', to: '2026-12-31', locale: 'fr' }] },
      { name: 'saveReport', args: [{ dataDir: 't', report: 'ceremony', ceremony: 'create-wallet-20261123-1', locale: 'en' }] },
    ]);
  });

  test.each([
    ['an unknown kind of choice', IPC_CHANNELS.choose, ['/etc/passwd']],
    ['a path instead of a token', IPC_CHANNELS.inventory, ['/home/officer/station/'.repeat(10)]],
    ['an extra argument', IPC_CHANNELS.airGap, ['x']],
    ['a negative sequence number', IPC_CHANNELS.jobEvents, ['j', -1]],
    ['a fractional sequence number', IPC_CHANNELS.jobEvents, ['j', 1.5]],
    ['an unknown field', IPC_CHANNELS.startVerify, [{ source: 's', path: '/x' }]],
    ['words longer than any card', IPC_CHANNELS.answerShareWords, ['j', { prompt: 'p', words: 'abandon '.repeat(300) }]],
    ['answers over 256 KiB', IPC_CHANNELS.startCeremony, [{ procedure: 'p', dataDir: 't', answers: { big: 'x'.repeat(ANSWERS_MAX_BYTES) } }]],
    ['answers nested too deep', IPC_CHANNELS.startCeremony, [{ procedure: 'p', dataDir: 't', answers: JSON.parse(`${'{"a":'.repeat(14)}1${'}'.repeat(14)}`) }]],
    ['a stop reason of a page', IPC_CHANNELS.stopCeremony, ['j', 'x'.repeat(401)]],
    ['a card in a language the station does not print', IPC_CHANNELS.printShareCard, ['j', 'p', 'de']],
    ['a card asked with the words themselves', IPC_CHANNELS.printShareCard, ['j', 'p', 'en', ['abandon']]],
    ['a report of an unknown kind', IPC_CHANNELS.saveReport, [{ dataDir: 't', report: 'payroll', locale: 'en' }]],
    ['a report with a path', IPC_CHANNELS.saveReport, [{ dataDir: 't', report: 'inventory', locale: 'en', path: '/tmp/x.pdf' }]],
    ['a report without its language', IPC_CHANNELS.saveReport, [{ dataDir: 't', report: 'inventory' }]],
    ['a ceremony id of a page', IPC_CHANNELS.saveReport, [{ dataDir: 't', report: 'ceremony', ceremony: 'c'.repeat(129), locale: 'en' }]],
    ['a QR scan of an unknown kind', IPC_CHANNELS.startQrScan, ['key-file']],
    ['a QR text longer than any QR code holds', IPC_CHANNELS.qrFrame, ['s', 'A'.repeat(4297)]],
    ['a QR frame that is not text', IPC_CHANNELS.qrFrame, ['s', { data: 'UR:CRYPTO-PSBT/1-2/X' }]],
    ['a date longer than a day', IPC_CHANNELS.saveReport, [{ dataDir: 't', report: 'incidents', from: '2026-01-01T00:00', to: '2026-12-31', locale: 'en' }]],
  ])('refuses %s before the router sees it', async (_what, channel, args) => {
    seen.length = 0;
    const result = (await invoke(channel, ...args)) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('IPC_BAD_PAYLOAD');
    expect(seen).toEqual([]);
    expect(JSON.stringify(result)).not.toContain('abandon');
  });
});
