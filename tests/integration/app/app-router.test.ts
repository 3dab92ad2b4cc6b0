/**
 * The desktop app's router (main/app/app-router.ts) over the real engine, store and crypto core (a
 * worker thread), on a station set up with the real CLI: the inventory, a create-wallet with paper
 * shares whose words are typed back (a wrong card asked again), a ceremony stopped with a recorded
 * reason while a share is shown, refusals that change nothing, the auditor's verification with its
 * progress and timeline, a PSBT preview, and the air-gap state.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppApi, ShareWordsPrompt } from '../../../main/app/app-api.ts';
import { createAppRouter } from '../../../main/app/app-router.ts';
import { OFFLINE_LAPTOP, REPO, type EngineRig } from '../../support/engine-rig.ts';
import { buildPsbt } from '../../support/psbt-builder.ts';
import { RecordingPrinter } from './recording-printer.ts';
import { RouterStation } from './router-station.ts';

let station: RouterStation;
let rig: EngineRig;
let api: AppApi;
let dataDir: string;

const choose = (kind: Parameters<AppApi['choose']>[0], file: string) => station.choose(kind, file);
const follow: RouterStation['follow'] = (job, onPrompt) => station.follow(job, onPrompt);
const walletAnswers = (id: string) => station.paperWalletAnswers({ id, label: 'House reserve' }, [`${id}-B1`, `${id}-B2`]);

beforeAll(async () => {
  station = await RouterStation.start('custos-router-', ['station-setup', 'enrol-participant']);
  ({ rig, api, dataDir } = station);
}, 180_000);

afterAll(async () => {
  await station?.stop();
});

describe('the app router over the real engine', () => {
  test('the inventory is the replay of the record, and a cancelled dialog gives null', async () => {
    const inventory = await api.inventory(dataDir);
    expect(inventory.participants.map((p) => p.name)).toContain('Hana Sato');
    expect(inventory.ceremonies.map((c) => c.state)).toEqual(['closed', 'closed']);
    expect(await api.choose('folder')).toBeNull();
    expect(await api.version()).toBe('9.9.9');
  });

  test('a create-wallet with paper shares: words shown one share at a time, a wrong card asked again, the right one proves it', async () => {
    const started = station.cores.started;
    const job = await api.startCeremony({ procedure: 'create-wallet', dataDir, answers: await walletAnswers('house-paper-1') });
    const attempts: number[] = [];
    const events = await follow(job, async (p) => {
      attempts.push(p.attempt);
      expect(p.words).toHaveLength(39);
      expect(p.qr).toMatch(/^CUSTOS-SHARE1:[A-Z2-7]+=*$/u);
      const typed = p.index === 1 && p.attempt === 1 ? [...p.words].reverse().join(' ') : p.words.join(' ');
      await api.answerShareWords(job, { prompt: p.id, words: typed });
    });
    expect(attempts).toEqual([1, 2, 1]);
    const prompts = events.filter((e) => e.kind === 'prompt' && e.prompt === 'share-words');
    expect(prompts.map((p) => (p as ShareWordsPrompt).holder)).toEqual(['Dora Lindqvist', 'Dora Lindqvist', 'Emil Novak']);
    const outcome = events.at(-1)!;
    expect(outcome).toMatchObject({ kind: 'ceremony-done', state: 'closed', procedure: 'create-wallet', facts: { wallet: 'house-paper-1', quorum: '2-of-2' } });
    const entries = events.filter((e) => e.kind === 'entry');
    expect(entries.map((e) => (e as { step: string }).step)).toEqual(['open', 'generate', 'split', 'hand-over', 'hand-over', 'close']);
    expect(entries.every((e) => /^[0-9a-f]{4} [0-9a-f]{4}$/u.test((e as { code: string }).code))).toBe(true);
    // The words are not kept by the job once answered.
    const replayed = (await api.jobEvents(job, 0)).events.filter((e) => e.kind === 'prompt' && e.prompt === 'share-words');
    expect(replayed.every((p) => (p as ShareWordsPrompt).words.length === 0 && (p as ShareWordsPrompt).qr === '')).toBe(true);
    const verify = await rig.custos('verify', rig.station);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    const wallet = (await api.inventory(dataDir)).wallets.find((w) => w.id === 'house-paper-1')!;
    expect(wallet.shares.map((s) => `${s.media.join()} ${s.bagSerial} ${s.state}`)).toEqual(['paper house-paper-1-B1 held', 'paper house-paper-1-B2 held']);
    // The ceremony had a crypto core of its own, stopped when it ended (issue 14): no secret outlives it.
    expect(station.cores.started).toBe(started + 1);
    expect(station.cores.running.size).toBe(0);
  }, 180_000);

  test("stopped while a share is shown: the ceremony is aborted with the officer's reason, in the record", async () => {
    const job = await api.startCeremony({ procedure: 'create-wallet', dataDir, answers: await walletAnswers('house-paper-2') });
    await expect(api.stopCeremony(job, '   ')).rejects.toMatchObject({ code: 'REASON_MISSING' });
    const events = await follow(job, async () => {
      await api.stopCeremony(job, 'fire drill: the room is evacuated');
    });
    expect(events.at(-1)).toMatchObject({ kind: 'failed', error: { code: 'CEREMONY_STOPPED' } });
    const inventory = await api.inventory(dataDir);
    expect(inventory.ceremonies.at(-1)).toMatchObject({ procedureId: 'create-wallet@2', state: 'aborted' });
    const journal = fs
      .readdirSync(`${rig.station}/journal`)
      .map((f) => fs.readFileSync(`${rig.station}/journal/${f}`, 'utf8'))
      .join('');
    const reasons = journal
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(Buffer.from(JSON.parse(line).payload, 'base64').toString('utf8')))
      .filter((p) => p.type === 'abort')
      .map((p) => p.body.reason);
    expect(reasons.at(-1)).toContain('fire drill: the room is evacuated');
    expect((await rig.custos('verify', rig.station)).status).toBe(0);
  }, 180_000);

  test('refusals change nothing: an unknown procedure, a token of the wrong kind, a wrong passphrase', async () => {
    const before = rig.journalBytes();
    await expect(api.startCeremony({ procedure: 'make-coffee', dataDir, answers: {} })).rejects.toMatchObject({ code: 'PROCEDURE_UNKNOWN' });
    const folder = await choose('folder', rig.path('media'));
    await expect(api.startCeremony({ procedure: 'create-wallet', dataDir: folder, answers: {} })).rejects.toMatchObject({ code: 'CHOICE_UNKNOWN' });
    const answers = await walletAnswers('house-paper-3');
    const wrong = {
      ...answers,
      participants: { ...answers.participants, officer: { ...answers.participants.officer, passphrase: 'not the passphrase at all' } },
    };
    const events = await follow(await api.startCeremony({ procedure: 'create-wallet', dataDir, answers: wrong }));
    expect(events.at(-1)).toMatchObject({ kind: 'failed' });
    expect((events.at(-1) as { error: { message: string } }).error.message).not.toContain('not the passphrase');
    expect(rig.journalBytes()).toEqual(before);
  }, 120_000);

  test("the auditor's verification reports progress, then the outcome and a timeline with signer names", async () => {
    const job = await api.startVerify({ source: await choose('audit-source', rig.station) });
    const events = await follow(job);
    expect(events.some((e) => e.kind === 'progress')).toBe(true);
    const outcome = events.at(-1)!;
    if (outcome.kind !== 'verified') throw new Error(`expected a verified outcome, got ${outcome.kind}`);
    expect(outcome.ok).toBe(true);
    expect(outcome.timeline).toHaveLength(outcome.entries);
    expect(outcome.timelineTruncated).toBe(false);
    const setup = outcome.timeline.filter((e) => e.ceremony === 'station-setup-0');
    expect(setup[0]).toMatchObject({ type: 'open', procedure: 'station-setup@2' });
    expect(outcome.timeline.flatMap((e) => e.signers.map((s) => s.name))).toEqual(expect.arrayContaining(['station', 'Alice Martin', 'Dora Lindqvist']));
  }, 120_000);

  test('a PSBT preview names each output and the fee; a file that is not a PSBT is refused', async () => {
    const wallet = (await rig.replay()).wallets.find((w: { id: string }) => w.id === 'house-paper-1');
    const account = wallet.accounts.find((a: { chain: string }) => a.chain === 'bitcoin');
    const file = rig.path('coordinator/preview.psbt');
    fs.mkdirSync(rig.path('coordinator'), { recursive: true });
    fs.writeFileSync(
      file,
      buildPsbt({
        xpub: account.xpub,
        fingerprint: wallet.fingerprint,
        network: 'bitcoin',
        inputs: [[0, 0, 50_000n]],
        payments: [{ address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', amount: 40_000n }],
      }),
    );
    const view = await api.readPsbt(await choose('psbt-file', file), 'bitcoin');
    expect(view).toEqual({
      network: 'bitcoin',
      inputs: 1,
      totalIn: '50000',
      fee: '10000',
      outputs: [{ address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', amount: '40000' }],
    });
    fs.writeFileSync(rig.path('coordinator/not.psbt'), 'hello');
    await expect(api.readPsbt(await choose('psbt-file', rig.path('coordinator/not.psbt')), 'bitcoin')).rejects.toMatchObject({ code: 'PSBT_UNREADABLE' });
    await expect(api.readPsbt(await choose('psbt-file', file), 'dogecoin')).rejects.toMatchObject({ code: 'NETWORK_UNKNOWN' });
  }, 60_000);

  test('the air-gap state: offline on the offline laptop, online with a routable address', async () => {
    expect(await api.airGap()).toEqual({ online: false, reasons: [] });
    const online = createAppRouter({
      version: () => 'x',
      startCore: () => station.startCore(),
      appRoot: REPO,
      dialog: async () => null,
      printer: new RecordingPrinter(),
      scanDir: rig.path('scanned'),
      airGap: {
        root: OFFLINE_LAPTOP,
        networkInterfaces: () => ({
          eth0: [{ address: '192.0.2.7', netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal: false, cidr: '192.0.2.7/24' }],
        }),
        now: () => new Date(),
      },
    });
    const state = await online.airGap();
    expect(state.online).toBe(true);
    expect(state.reasons.join(' ')).toContain('192.0.2.7');
  });
});
