/**
 * A station at work: its data directory, its key (sealed in `station.key`, unlocked in the crypto
 * core while the station is open), the record writer, the crypto core client, the clock and the
 * air-gap sources. `Station.create` makes a new station key for station setup; `Station.open` opens
 * an existing one. Closing wipes the station key's handle and releases the journal's lock.
 */
import type { EvidenceItem } from '../record/evidence.ts';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CryptoClient } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import { openDataDir } from '../audit/journal-source.ts';
import { replayJournal } from '../audit/replay.ts';
import { Incidents } from '../inventory/incidents.ts';
import type { ProcedureDefinition } from '../procedures/definition.ts';
import type { EntryPayload, JsonValue } from '../record/entry-payload.ts';
import { Wallets } from '../inventory/wallets.ts';
import { RecordWriter, type Appended } from '../record/record-writer.ts';
import { coreSigner, type Signer } from '../record/signer.ts';
import { OWNER_ONLY, writeFileDurably, realIo } from '../store/file-io.ts';
import { SYSTEM, checkAirGap, type AirGapEvidence, type AirGapSources } from './air-gap.ts';
import { buildHash } from './build-identity.ts';
import { naming } from './sealed-file-errors.ts';
import type { Resumption } from './resumption.ts';

const STATION_KEY_FILE = 'station.key';

/**
 * The crypto-core session that holds one open station's key: its own for each Station, so that
 * closing (or failing to open) one station never wipes another's key held by the same core.
 */
function stationSession(): string {
  return `station-${randomUUID()}`;
}

export interface StationOptions {
  client: CryptoClient;
  /** The station key's passphrase. */
  passphrase: string;
  clock?: () => Date;
  airGap?: AirGapSources;
  /** Where the running code lives, for the build hash. */
  appRoot: string;
  /** Told of each entry a ceremony appends (the desktop app shows each signed step as it lands). */
  onAppended?: (entry: Appended) => void;
  /** The signal that asked the run to stop (SIGINT, SIGTERM), if one came: no further step is signed. */
  stopRequested?: () => string | null;
  /**
   * Shown each entry before it is signed, for the people present to agree (a terminal asks "yes");
   * throws to decline, and nothing more is signed.
   */
  confirmEntry?: (entry: EntryToSign) => void | Promise<void>;
  /**
   * Resuming (custos run --resume): the inventory is built as it stood when the open ceremony
   * opened; the effects of its recorded entries are applied again as the resumed run matches them
   * (Station.replayHeld), so the run checks its answers against the state its first run saw.
   */
  holdBackOpen?: boolean;
}

/** One person who signs an entry: their name, the role they sign in, their label in the answers, and whether their key is still locked. */
export interface EntrySigner {
  name: string;
  role: string;
  who?: string;
  locked: boolean;
}

/** What is about to be signed: the procedure, the step, what it records, and who signs it. */
export interface EntryToSign {
  procedure: ProcedureDefinition;
  type: 'open' | 'step' | 'close' | 'abort';
  step: string;
  body: { [key: string]: JsonValue };
  signers: EntrySigner[];
}

export class Station {
  readonly dir: string;
  readonly client: CryptoClient;
  readonly writer: RecordWriter;
  readonly signer: Signer;
  readonly clock: () => Date;
  readonly airGapSources: AirGapSources;
  readonly build: string;
  /** The inventory's wallets, following the journal. */
  readonly wallets: Wallets;
  readonly incidents: Incidents;
  /** Set when this run resumes the ceremony an interrupted run left open (custos run --resume). */
  resumption: Resumption | undefined;
  /** The evidence files the answers give the ceremony's steps, by step id (evidence-plan.ts). */
  evidence: ReadonlyMap<string, EvidenceItem[]> = new Map();
  /** The open ceremony's recorded entries not yet applied to the inventory, by index (holdBackOpen). */
  private held = new Map<number, () => void>();
  /** The crypto-core session holding this station's key. */
  private readonly session: string;
  private readonly onAppended: ((entry: Appended) => void) | undefined;
  private readonly stopRequested: () => string | null;
  private readonly confirmEntry: ((entry: EntryToSign) => void | Promise<void>) | undefined;

  private constructor(dir: string, options: StationOptions, writer: RecordWriter, signer: Signer, wallets: Wallets, incidents: Incidents, session: string) {
    this.session = session;
    this.wallets = wallets;
    this.incidents = incidents;
    this.dir = dir;
    this.client = options.client;
    this.writer = writer;
    this.signer = signer;
    this.clock = options.clock ?? (() => new Date());
    this.airGapSources = options.airGap ?? SYSTEM;
    this.build = buildHash(options.appRoot);
    this.onAppended = options.onAppended;
    this.stopRequested = options.stopRequested ?? (() => null);
    this.confirmEntry = options.confirmEntry;
  }

  /** Lets the people present see, and agree to, an entry before it is signed (StationOptions.confirmEntry). */
  async confirm(entry: EntryToSign): Promise<void> {
    await this.confirmEntry?.(entry);
  }

  /** Creates the station key for a new station (its setup ceremony comes next). */
  static async create(dir: string, options: StationOptions): Promise<Station> {
    const keyFile = path.join(dir, STATION_KEY_FILE);
    if (fs.existsSync(keyFile) || fs.existsSync(path.join(dir, 'journal'))) {
      // A setup that never closed (aborted, or interrupted) leaves a station with no roster: say so, and what to do.
      const unfinished = !setUpInRecord(dir);
      throw new CustosError(
        'STATION_EXISTS',
        unfinished
          ? 'This folder holds a station whose setup never finished (it was aborted or interrupted): keep this folder as the record of what happened, and set up the station in a new, empty folder. Nothing was changed.'
          : 'This folder already holds a station. Nothing was changed.',
        { dir },
      );
    }
    fs.mkdirSync(dir, { recursive: true });
    const key = await options.client.call('createSigningKey', { passphrase: options.passphrase });
    writeFileDurably(realIo, keyFile, key.keyFile, OWNER_ONLY);
    return Station.open(dir, options);
  }

  static async open(dir: string, options: StationOptions): Promise<Station> {
    let keyFile: Uint8Array;
    try {
      keyFile = new Uint8Array(fs.readFileSync(path.join(dir, STATION_KEY_FILE)));
    } catch {
      throw new CustosError('STATION_NOT_FOUND', `No station key was found in ${dir}. Run station setup first.`, { dir });
    }
    const session = stationSession();
    const unlocked = await naming('the station key (station)', 'station', () =>
      options.client.call('unlockSigningKey', { ceremonyId: session, keyFile, passphrase: options.passphrase }),
    );
    const signer = coreSigner(options.client, unlocked);
    try {
      const wallets = new Wallets();
      const incidents = new Incidents();
      const apply = (p: EntryPayload, procedure: ProcedureDefinition | null) => {
        wallets.apply(p, procedure);
        incidents.apply(p, procedure);
      };
      // With holdBackOpen, a ceremony's entries reach the inventory once it has ended; those of the one
      // still open at the end of the journal are held back (for a resume to apply them again).
      let current: [EntryPayload, ProcedureDefinition | null][] = [];
      let loaded = false;
      const writer = await RecordWriter.open(dir, signer, {
        clock: options.clock,
        observe: (p, procedure) => {
          if (!options.holdBackOpen || loaded) return apply(p, procedure);
          current.push([p, procedure]);
          if (p.type === 'close' || p.type === 'abort' || p.type === 'recovery') {
            for (const [held, heldProcedure] of current) apply(held, heldProcedure);
            current = [];
          }
        },
      });
      loaded = true;
      const station = new Station(dir, options, writer, signer, wallets, incidents, session);
      station.held = new Map(current.map(([p, procedure]) => [p.index, () => apply(p, procedure)]));
      return station;
    } catch (error) {
      await options.client.call('endCeremony', { ceremonyId: session });
      throw error;
    }
  }

  /**
   * Undoes Station.create when setup failed before its first entry: removes the station key and the
   * empty store folders it made, nothing else.
   */
  static discardUnused(dir: string): void {
    const journal = path.join(dir, 'journal');
    const entries = fs.existsSync(journal) ? fs.readdirSync(journal).filter((n) => fs.statSync(path.join(journal, n)).size > 0) : [];
    if (entries.length) return;
    fs.rmSync(path.join(dir, STATION_KEY_FILE), { force: true });
    for (const sub of ['journal', 'checkpoints', 'procedures', 'quarantine']) {
      const folder = path.join(dir, sub);
      if (fs.existsSync(folder)) {
        for (const n of fs.readdirSync(folder)) fs.rmSync(path.join(folder, n), { force: true });
        fs.rmdirSync(folder);
      }
    }
  }

  /**
   * Before each entry of a ceremony: once the run was asked to stop (Ctrl-C, SIGTERM), nothing more
   * is signed; the run's failure path then aborts the ceremony with this reason (run-context.ts guarded).
   */
  checkNotStopped(opened: boolean): void {
    const signal = this.stopRequested();
    if (signal === null) return;
    throw new CustosError(
      'RUN_INTERRUPTED',
      opened
        ? `The run was stopped (${signal}): the ceremony is aborted with that reason. Run it again from its start (a station setup: in a new, empty folder).`
        : `The run was stopped (${signal}) before the ceremony opened. Nothing was recorded.`,
      { signal },
    );
  }

  /** A recorded entry a resumed run matched: its effects reach the inventory now, as they did when it was signed. */
  replayHeld(index: number): void {
    this.held.get(index)?.();
    this.held.delete(index);
  }

  /** Applies every entry still held back, in order (a station opened with holdBackOpen that does not resume after all). */
  releaseHeld(): void {
    for (const index of [...this.held.keys()]) this.replayHeld(index);
  }

  /** Tells the onAppended listener, if any, of an entry just appended. */
  appended(entry: Appended): void {
    this.onAppended?.(entry);
  }

  get rules() {
    return this.writer.rules;
  }

  airGap(): AirGapEvidence {
    return checkAirGap(this.airGapSources);
  }

  async close(): Promise<void> {
    this.writer.close();
    await this.client.call('endCeremony', { ceremonyId: this.session });
  }
}

/** Whether the record in `dir` holds a station setup that closed (a station with a roster). */
function setUpInRecord(dir: string): boolean {
  try {
    return replayJournal(openDataDir(dir)).ceremonies.some((c) => c.procedureId.startsWith('station-setup@') && c.state === 'closed');
  } catch {
    return true; // unreadable: said as a station, as before
  }
}
