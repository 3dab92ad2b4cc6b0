/**
 * Builds, signs and appends entries (docs/record-format.md): fills `index`, `prev`, `seq`,
 * `ceremonyPrev`, the procedure hash, the time and the retention date; gathers the station's and
 * the participants' signatures over the same DSSE digest, checks each before writing, and appends
 * the line durably. Before appending, the entry goes through the very rules `custos verify` applies
 * (CeremonyRules): an entry verify would flag (wrong role, quorum short, step out of order, unknown
 * or revoked key…) is refused with that finding's code, and nothing is written. Only released
 * procedure definitions (procedures/released.ts) may open a ceremony; a test may supply its own,
 * as an auditor may to verify (never the product). On opening a store that quarantined a torn
 * tail, it first records a signed `recovery` entry saying what was removed. After a close, it
 * signs the checkpoint.
 */
import path from 'node:path';
import fs from 'node:fs';
import { CeremonyRules } from '../audit/ceremony-rules.ts';
import { MeaningRules } from '../audit/meaning-rules.ts';
import { Findings } from '../audit/findings.ts';
import { CustosError } from '../custos-error.ts';
import { isErrorCode } from '../../common/errors/registry.ts';
import { procedureHash, procedureRef, type ProcedureDefinition, type SignerRole } from '../procedures/definition.ts';
import { writeFileDurably } from '../store/file-io.ts';
import { CHECKPOINT_DIR, PROCEDURE_DIR } from '../store/journal-files.ts';
import { JournalStore, type OpenOptions, type TornTail } from '../store/journal-store.ts';
import { canonicalBytes } from './canonical-json.ts';
import { signCheckpoint } from './checkpoint.ts';
import { ENTRY_PAYLOAD_TYPE, signingDigest } from './dsse.ts';
import { encodeLine, lineHash } from './entry-codec.ts';
import {
  PAYLOAD_VERSION,
  RECOVERY_PROCEDURE,
  TIME_SOURCE,
  ZERO_HASH,
  retainUntil,
  type EntryPayload,
  type EntryType,
  type JsonValue,
} from './entry-payload.ts';
import { loadVerifier } from './signature-verifier.ts';
import type { Signer } from './signer.ts';

export interface EntryDraft {
  ceremony: string;
  type: Exclude<EntryType, 'recovery'>;
  step: string;
  procedure: ProcedureDefinition;
  body: { [key: string]: JsonValue };
  participants: { signer: Signer; role: SignerRole }[];
}

export interface Appended {
  index: number;
  lineHash: string;
  payload: EntryPayload;
}

/**
 * Sees each entry's payload in order, with the released definition it belongs to (null for a
 * recovery entry or a supplied procedure): the only source of an entry's effects on projections.
 */
export type Observer = (payload: EntryPayload, procedure: ProcedureDefinition | null) => void;

export interface WriterOptions extends OpenOptions {
  clock?: () => Date;
  observe?: Observer;
  /** Definitions accepted besides the released ones: tests' own procedures only, never the product. */
  supplied?: ProcedureDefinition[];
}

export class RecordWriter {
  readonly store: JournalStore;
  /** The rules of verification, following every entry of the journal. */
  readonly rules: CeremonyRules;
  /** What entries mean (meaning-rules.ts), judged before each append too. */
  readonly meaning: MeaningRules;
  private readonly findings: Findings;
  private readonly station: Signer;
  private readonly clock: () => Date;
  private readonly observe: Observer | undefined;

  private constructor(
    store: JournalStore,
    rules: CeremonyRules,
    meaning: MeaningRules,
    findings: Findings,
    station: Signer,
    clock: () => Date,
    observe: Observer | undefined,
  ) {
    this.store = store;
    this.rules = rules;
    this.meaning = meaning;
    this.findings = findings;
    this.station = station;
    this.clock = clock;
    this.observe = observe;
  }

  /**
   * Opens the store and records any torn tail it quarantined. `observe` sees every entry's payload
   * in order: those already in the journal, then each one appended (projections follow it).
   */
  static async open(dir: string, station: Signer, options: WriterOptions = {}): Promise<RecordWriter> {
    const findings = new Findings();
    const supplied = new Map((options.supplied ?? []).map((d) => [procedureHash(d), canonicalBytes(d)] as const));
    const rules = new CeremonyRules(findings, supplied);
    const meaning = new MeaningRules(findings);
    const store = JournalStore.open(dir, {
      ...options,
      visit: (entry) => {
        const procedure = rules.entry(
          entry.payload,
          entry.lineHash,
          entry.envelope.signatures.map((s) => s.keyid),
        );
        meaning.entry(entry.payload, procedure);
        options.observe?.(entry.payload, procedure);
        options.visit?.(entry);
      },
    });
    const writer = new RecordWriter(store, rules, meaning, findings, station, options.clock ?? (() => new Date()), options.observe);
    try {
      if (store.state.station && store.state.station.keyid !== station.keyid) {
        throw new CustosError('STATION_KEY_MISMATCH', 'This is not the key of the station that owns this data directory. Nothing was changed.');
      }
      await writer.recordPendingRecovery();
      return writer;
    } catch (error) {
      store.close();
      throw error;
    }
  }

  /**
   * Records each quarantined tail in a signed recovery entry. On a journal with no entry yet (the
   * very first write was torn) the station is not declared, so the recovery is recorded right after
   * the first entry instead.
   */
  private async recordPendingRecovery(): Promise<void> {
    if (this.store.state.size === 0) return;
    for (const tail of [...this.store.pendingRecovery]) await this.recordRecovery(tail);
  }

  private async recordRecovery(tail: TornTail): Promise<void> {
    const state = this.store.state;
    const ceremony = `recovery-${state.size}`;
    await this.write(
      {
        ceremony,
        seq: 0,
        ceremonyPrev: ZERO_HASH,
        procedure: ZERO_HASH,
        procedureId: RECOVERY_PROCEDURE,
        step: 'recovery',
        type: 'recovery',
        signers: [],
        body: { quarantined: { file: tail.file, segment: tail.segment, offset: tail.offset, bytes: tail.bytes, sha256: tail.sha256 } },
      },
      [],
    );
    this.store.recorded(tail);
  }

  /** Appends one entry of the ceremony in progress (or opens one). */
  async append(draft: EntryDraft): Promise<Appended> {
    const open = this.store.state.openCeremony;
    const hash = procedureHash(draft.procedure);
    let seq = 0;
    let ceremonyPrev = ZERO_HASH;
    if (draft.type === 'open') {
      if (open.length) {
        throw new CustosError('CEREMONY_ALREADY_OPEN', `Ceremony ${open[0]!.ceremony} is still open: close or abort it first. Nothing was recorded.`, {
          ceremony: open[0]!.ceremony,
        });
      }
      if (!this.rules.accepts(hash)) {
        throw new CustosError(
          'PROCEDURE_NOT_AUTHORIZED',
          `The procedure ${procedureRef(draft.procedure)} is not one released with this version of Custos. Nothing was recorded.`,
          {
            procedure: procedureRef(draft.procedure),
          },
        );
      }
      this.keepProcedure(draft.procedure, hash);
    } else {
      if (!open.length || open[0]!.ceremony !== draft.ceremony) {
        throw new CustosError('CEREMONY_NOT_OPEN', `Ceremony ${draft.ceremony} is not the one in progress. Nothing was recorded.`, {
          ceremony: draft.ceremony,
        });
      }
      if (open[0]!.procedure !== hash) {
        throw new CustosError('PROCEDURE_CHANGED', 'A ceremony keeps the procedure it was opened with. Nothing was recorded.', { ceremony: draft.ceremony });
      }
      seq = open.length;
      ceremonyPrev = this.store.state.openCeremonyHashes.at(-1)!;
    }
    const appended = await this.write(
      {
        ceremony: draft.ceremony,
        seq,
        ceremonyPrev,
        procedure: hash,
        procedureId: procedureRef(draft.procedure),
        step: draft.step,
        type: draft.type,
        body: draft.body,
        signers: draft.participants.map((p) => ({ keyid: p.signer.keyid, role: p.role })),
      },
      draft.participants.map((p) => p.signer),
    );
    if (this.store.pendingRecovery.length) await this.recordPendingRecovery();
    return appended;
  }

  private async write(fields: Omit<EntryPayload, 'v' | 'station' | 'index' | 'prev' | 'time' | 'retainUntil'>, participants: Signer[]): Promise<Appended> {
    const state = this.store.state;
    const utc = this.clock().toISOString();
    const payload: EntryPayload = {
      ...fields,
      v: PAYLOAD_VERSION,
      station: this.station.keyid,
      index: state.size,
      prev: state.lastLineHash,
      time: { utc, source: TIME_SOURCE, trusted: false },
      retainUntil: retainUntil(utc),
    };
    const payloadBytes = canonicalBytes(payload);
    const digest = signingDigest(ENTRY_PAYLOAD_TYPE, payloadBytes);
    const signatures: { keyid: string; sig: Uint8Array }[] = [];
    const verifier = loadVerifier();
    for (const signer of [this.station, ...participants]) {
      const sig = await signer.sign(digest);
      if (!verifier.verify(digest, signer.publicKey, sig)) {
        throw new CustosError('SIGNATURE_REFUSED', 'A signature did not verify, so the entry was not recorded. Check the key file.', {
          keyid: signer.keyid,
        });
      }
      signatures.push({ keyid: signer.keyid, sig });
    }
    const line = encodeLine(payloadBytes, signatures);
    const hash = lineHash(line);
    const snapshot = this.rules.snapshot();
    const pending = this.meaning.save();
    const procedure = this.rules.entry(
      payload,
      hash,
      signatures.map((s) => s.keyid),
    );
    this.meaning.judge(payload, procedure);
    const refused = this.findings.list.slice(snapshot.findings).find((f) => f.severity === 'error');
    if (refused) {
      this.rules.restore(snapshot);
      this.meaning.restore(pending);
      const where = { ceremony: payload.ceremony, step: payload.step };
      if (!isErrorCode(refused.code))
        throw new CustosError('RECORD_RULE_BROKEN', `${refused.message} Nothing was recorded.`, { ...where, finding: refused.code });
      throw CustosError.told(refused.code, `${refused.message} Nothing was recorded.`, where);
    }
    try {
      this.store.append(line);
    } catch (error) {
      this.rules.restore(snapshot);
      this.meaning.restore(pending);
      throw error;
    }
    this.meaning.apply(payload, procedure);
    this.store.accepted(payload, hash);
    this.observe?.(payload, procedure);
    return { index: payload.index, lineHash: hash, payload };
  }

  /** Keeps a copy of the definition beside the journal, for auditors' own tools (verify does not trust it). */
  private keepProcedure(definition: ProcedureDefinition, hash: string): void {
    const file = path.join(this.store.dir, PROCEDURE_DIR, `${hash}.json`);
    if (!fs.existsSync(file)) writeFileDurably(this.store.io, file, canonicalBytes(definition));
  }

  /**
   * True when the last close has no stored checkpoint after it (a crash came between the close and
   * its checkpoint): verify reports CLOSE_NOT_CHECKPOINTED until a checkpoint cosigned by a witness
   * covers it (the next ceremony's, or one written now with the witnesses present).
   */
  get checkpointOwed(): boolean {
    const { lastClose, checkpointed } = this.store.state;
    return lastClose >= 0 && checkpointed <= lastClose;
  }

  /** Signs a checkpoint of the whole journal with the station and the witnesses present. */
  async checkpoint(witnesses: Signer[]): Promise<{ size: number; note: string; file: string }> {
    const state = this.store.state;
    const note = await signCheckpoint(this.station, witnesses, state.size, state.merkle.root());
    const file = path.join(this.store.dir, CHECKPOINT_DIR, `${String(state.size).padStart(12, '0')}.checkpoint`);
    try {
      writeFileDurably(this.store.io, file, new TextEncoder().encode(note));
    } catch (error) {
      throw new CustosError(
        'CHECKPOINT_WRITE_FAILED',
        'The checkpoint could not be written to disk. The entries are recorded; write the checkpoint again once the disk is fixed.',
        {
          cause: String((error as NodeJS.ErrnoException).code ?? 'unknown'),
        },
      );
    }
    state.checkpointed = Math.max(state.checkpointed, state.size);
    return { size: state.size, note, file };
  }

  close(): void {
    this.store.close();
  }
}
