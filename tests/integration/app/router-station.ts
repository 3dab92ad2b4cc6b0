/**
 * A station for the tests of the desktop app's router (main/app/app-router.ts) over the real engine,
 * store and crypto core: made with the real CLI from the docs/answers examples (EngineRig), a crypto
 * core in a worker thread, and the router with a dialog that answers the paths queued in `picks`
 * (null: the officer closed it) and a printer that records what it is given. With the helpers the
 * router tests share: a participant's passphrase, a file chosen through the dialog, a participant's
 * answer, the answers of a paper create-wallet, and a job followed to its end.
 */
import fs from 'node:fs';
import type { AppApi, CheckpointPrompt, JobEvent, PassphrasePrompt, ShareWordsPrompt, SignRequest } from '../../../main/app/app-api.ts';
import { createAppRouter } from '../../../main/app/app-router.ts';
import { startWorkerHost, type CryptoHost } from '../../../main/crypto-host/worker-host.ts';
import { EngineRig, OFFLINE_LAPTOP, REPO } from '../../support/engine-rig.ts';
import { RecordingPrinter } from './recording-printer.ts';

/** Crypto cores started for ceremonies, as the app starts one (a worker thread here), counted. */
class Cores {
  started = 0;
  readonly running = new Set<CryptoHost>();

  async start(): Promise<CryptoHost> {
    const host = await startWorkerHost();
    this.started++;
    this.running.add(host);
    return {
      client: host.client,
      stop: async () => {
        this.running.delete(host);
        await host.stop();
      },
    };
  }
}

export class RouterStation {
  readonly rig: EngineRig;
  /** The crypto cores the router started for its ceremonies, and those still running. */
  readonly cores: Cores;
  readonly api: AppApi;
  readonly printer: RecordingPrinter;
  /** What the next dialogs answer, in order; an empty queue answers null. */
  readonly picks: (string | null)[];
  /** The station's data directory, as the token the data-directory dialog gave. */
  dataDir = '';

  private constructor(rig: EngineRig, cores: Cores, api: AppApi, printer: RecordingPrinter, picks: (string | null)[]) {
    this.rig = rig;
    this.cores = cores;
    this.api = api;
    this.printer = printer;
    this.picks = picks;
  }

  /** A station that has lived the given docs/answers examples, in order, and the router over it. */
  static async start(prefix: string, examples: string[]): Promise<RouterStation> {
    const rig = await EngineRig.create(prefix);
    for (const example of examples) {
      const r = await rig.run(example);
      if (r.status !== 0) throw new Error(`${example}: ${r.stderr}`);
    }
    const printer = new RecordingPrinter();
    const picks: (string | null)[] = [];
    const cores = new Cores();
    const api = createAppRouter({
      version: () => '9.9.9',
      startCore: () => cores.start(),
      appRoot: REPO,
      dialog: async () => picks.shift() ?? null,
      printer,
      airGap: { root: OFFLINE_LAPTOP, networkInterfaces: () => ({}), now: () => new Date() },
      scanDir: rig.path('scanned'),
    });
    const station = new RouterStation(rig, cores, api, printer, picks);
    station.dataDir = await station.choose('data-dir', rig.station);
    return station;
  }

  /** A crypto core for one ceremony, counted with the router's. */
  startCore(): Promise<CryptoHost> {
    return this.cores.start();
  }

  async stop(): Promise<void> {
    for (const host of this.cores.running) await host.stop();
    this.rig.dispose();
  }

  /** The passphrase of a participant of the examples (`station` for the station key). */
  passphrase(label: string): string {
    return fs.readFileSync(this.rig.path(`passphrases/${label}.txt`), 'utf8').replace(/\r?\n$/u, '');
  }

  /** The token of `file` chosen through the dialog of `kind`. */
  async choose(kind: Parameters<AppApi['choose']>[0], file: string): Promise<string> {
    this.picks.push(file);
    return (await this.api.choose(kind))!.token;
  }

  /** A participant's answer: their key file (chosen through the dialog) and passphrase. */
  async person(keyFile: string, label: string) {
    return { keyFile: { $chosen: await this.choose('key-file', this.rig.path(keyFile)) }, passphrase: this.passphrase(label) };
  }

  /** The answers of a 2-of-2 house wallet on bitcoin whose two holders take paper shares. */
  async paperWalletAnswers(wallet: { id: string; label: string }, bagSerials: [string, string]) {
    return {
      station: { passphrase: this.passphrase('station') },
      participants: {
        officer: await this.person('keys/alice-martin.key', 'alice'),
        w1: await this.person('keys/bob-okafor.key', 'bob'),
        w2: await this.person('keys/chloe-dubois.key', 'chloe'),
        h1: await this.person('keys/dora-lindqvist.key', 'dora'),
        h2: await this.person('keys/emil-novak.key', 'emil'),
      },
      officer: 'officer',
      witnesses: ['w1', 'w2'],
      witnessCheckpoints: {
        w1: { $chosen: await this.choose('save-file', this.rig.path('media/bob/checkpoint.txt')) },
        w2: { $chosen: await this.choose('save-file', this.rig.path('media/chloe/checkpoint.txt')) },
      },
      wallet: { ...wallet, class: 'house' },
      chains: ['bitcoin'],
      threshold: 2,
      holders: [
        { name: 'h1', media: ['paper'], bagSerial: bagSerials[0] },
        { name: 'h2', media: ['paper'], bagSerial: bagSerials[1] },
      ],
      confirm: { holdersReceivedShares: true },
    };
  }

  /**
   * Follows a job to its end, handing each share prompt to `onPrompt`. The people agree to each sign
   * request (`onSign`: by default with no passphrase typed, the answers carrying them) and answer each
   * passphrase prompt with `onPassphrase` (by default: refused, the test did not expect it).
   */
  async follow(
    job: string,
    onPrompt: (p: ShareWordsPrompt) => Promise<void> = async () => undefined,
    people: {
      onSign?: (p: SignRequest) => Promise<void>;
      onPassphrase?: (p: PassphrasePrompt) => Promise<void>;
      onCheckpoint?: (p: CheckpointPrompt) => Promise<void>;
    } = {},
  ): Promise<JobEvent[]> {
    const seen: JobEvent[] = [];
    let next = 0;
    for (;;) {
      const update = await this.api.jobEvents(job, next);
      next = update.next;
      for (const event of update.events) {
        seen.push(event);
        if (event.kind !== 'prompt') continue;
        if (event.prompt === 'share-words') await onPrompt(event);
        else if (event.prompt === 'sign') await (people.onSign?.(event) ?? this.api.answerSignRequest(job, { prompt: event.id, passphrases: {} }));
        else if (event.prompt === 'checkpoint') {
          if (!people.onCheckpoint) throw new Error(`unexpected checkpoint prompt for ${event.who}`);
          await people.onCheckpoint(event);
        } else if (people.onPassphrase) await people.onPassphrase(event);
        else throw new Error(`unexpected passphrase prompt for ${event.field}`);
      }
      if (update.finished) return seen;
    }
  }
}
