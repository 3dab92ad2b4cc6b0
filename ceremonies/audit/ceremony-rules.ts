/**
 * The ceremony-level rules verification checks entry by entry (docs/record-format.md,
 * "Verification"): ceremonies are contiguous open … close (or abort); `seq` and `ceremonyPrev` chain
 * each ceremony; the procedure hash names an authorized definition (released, or supplied by the
 * checker: procedure-book.ts) and never changes mid-ceremony; each step belongs to the procedure,
 * comes in order, repeats within its bounds and records exactly its fields (entry-shape.ts);
 * declared signers hold the role, are on the roster and not revoked, the role may sign that step,
 * the station key is never one of them, and each role's quorum counts distinct people, each person
 * once per entry; the close summary matches. It also follows the roster, changed only by released
 * enrolment and revocation definitions; a recovery entry changes nothing. Each finding
 * carries the specifics of its message as details (findings.ts; docs/record-format.md, the table of
 * findings), built only when the finding is made.
 */
import { keyIdOf } from '../record/key-id.ts';
import { ZERO_HASH, type EntryPayload } from '../record/entry-payload.ts';
import { ABORT_STEP, type ProcedureDefinition, type StepDefinition } from '../procedures/definition.ts';
import { checkBody, checkRecovery } from './entry-shape.ts';
import type { Findings } from './findings.ts';
import { ProcedureBook } from './procedure-book.ts';
import { checkSigners } from './signer-rules.ts';
import { DEFAULT_POLICY, readPolicy, type StationPolicy } from '../procedures/station-policy.ts';
import { Roster, readParticipant, type Participant } from './roster.ts';

/**
 * What restore() needs to undo the entries checked since snapshot() (the writer's dry run of one
 * entry before it appends), taken in constant time whatever the history's length: entry() only
 * appends to the ceremony list, the ended ids, the close witnesses (keyed by a new entry's index)
 * and the roster, and changes in place only the ceremony in progress, the last ceremony summary and
 * participants' revocations. So the snapshot keeps those collections' sizes, copies of the few
 * changed objects' fields, and who was not revoked (the roster: people, not history).
 */
export interface RulesSnapshot {
  findings: number;
  current: OpenCeremony | null;
  currentFields: (Pick<OpenCeremony, 'seq' | 'lastHash' | 'stepPosition' | 'faulty'> & { stepCounts: [string, number][] }) | null;
  ceremonies: number;
  lastCeremony: { summary: CeremonySummary; fields: CeremonySummary } | null;
  ended: number;
  closeWitnesses: number;
  station: Roster['station'];
  policy: StationPolicy;
  participants: number;
  notRevoked: Participant[];
  supplied: number;
}

/** Removes what was added to a Set or Map after its first `size` entries (insertion order). */
function truncate<K>(collection: Set<K> | Map<K, unknown>, size: number): void {
  if (collection.size <= size) return;
  for (const key of [...collection.keys()].slice(size)) collection.delete(key);
}

export interface OpenCeremony {
  id: string;
  procedure: ProcedureDefinition | null;
  /** True if `procedure` is a released definition: only then do its ceremonies change the roster or inventory. */
  released: boolean;
  /** True once an entry of the ceremony broke a rule: from then on it changes neither roster nor inventory. */
  faulty: boolean;
  procedureHash: string;
  open: EntryPayload;
  seq: number;
  lastHash: string;
  stepPosition: number;
  stepCounts: Map<string, number>;
}

export interface CeremonySummary {
  id: string;
  procedureId: string;
  state: 'open' | 'closed' | 'aborted';
  openedAt: number;
  endedAt: number | null;
  entries: number;
}

export class CeremonyRules {
  readonly roster = new Roster();
  /** The station's policy, as its setup recorded it (the default for station-setup@1). */
  policy: StationPolicy = DEFAULT_POLICY;
  readonly ceremonies: CeremonySummary[] = [];
  /** Witnesses who signed each close entry, by its index (for checkpoint cosignatures). */
  readonly closeWitnesses = new Map<number, { required: number; keyids: Set<string> }>();
  private readonly findings: Findings;
  private readonly book: ProcedureBook;
  private readonly ended = new Set<string>();
  /** Hashes of the supplied (not released) definitions already reported as such. */
  private readonly suppliedSeen = new Set<string>();
  private current: OpenCeremony | null = null;

  /** `supplied`: definitions, by hash, that the checker accepts besides the released ones (procedure-book.ts). */
  constructor(findings: Findings, supplied: Map<string, Uint8Array> = new Map()) {
    this.findings = findings;
    this.book = new ProcedureBook(supplied);
  }

  /** True if `hash` names a released or supplied definition. */
  accepts(hash: string): boolean {
    return this.book.resolve(hash) !== null;
  }

  /** Marks the rules' state, so that restore() can undo what entries change from here. */
  snapshot(): RulesSnapshot {
    const c = this.current;
    const last = this.ceremonies.at(-1);
    return {
      findings: this.findings.list.length,
      current: c,
      currentFields: c && { seq: c.seq, lastHash: c.lastHash, stepPosition: c.stepPosition, faulty: c.faulty, stepCounts: [...c.stepCounts] },
      ceremonies: this.ceremonies.length,
      lastCeremony: last ? { summary: last, fields: { ...last } } : null,
      ended: this.ended.size,
      closeWitnesses: this.closeWitnesses.size,
      station: this.roster.station,
      policy: this.policy,
      participants: this.roster.participants.size,
      notRevoked: [...this.roster.participants.values()].filter((p) => p.revokedAt === null),
      supplied: this.suppliedSeen.size,
    };
  }

  /** Puts the rules back exactly as they were at `s` (a refused entry leaves no trace). */
  restore(s: RulesSnapshot): void {
    this.current = s.current;
    if (s.current && s.currentFields) {
      const { stepCounts, ...fields } = s.currentFields;
      Object.assign(s.current, fields);
      s.current.stepCounts.clear();
      for (const [step, count] of stepCounts) s.current.stepCounts.set(step, count);
    }
    this.ceremonies.length = s.ceremonies;
    if (s.lastCeremony) Object.assign(s.lastCeremony.summary, s.lastCeremony.fields);
    truncate(this.ended, s.ended);
    truncate(this.closeWitnesses, s.closeWitnesses);
    this.roster.station = s.station;
    this.policy = s.policy;
    truncate(this.roster.participants, s.participants);
    for (const p of s.notRevoked) p.revokedAt = null;
    truncate(this.suppliedSeen, s.supplied);
    this.findings.list.splice(s.findings);
  }

  /** The state of the ceremony in progress, if any (the engine reads it). */
  get inProgress(): { id: string; procedure: ProcedureDefinition | null; open: EntryPayload; stepCounts: ReadonlyMap<string, number> } | null {
    return this.current ? { id: this.current.id, procedure: this.current.procedure, open: this.current.open, stepCounts: this.current.stepCounts } : null;
  }

  /**
   * Checks one entry whose envelope decoded; `signed` are the key ids with a signature in it.
   * Returns the released definition the entry belongs to, the only source of its effects on the
   * inventory: null for a recovery entry, an entry of no released procedure, and every entry of a
   * ceremony from its first entry that breaks a rule on (a ceremony run with a key that may not
   * sign it changes nothing, though verify reports it). Signatures are checked by the caller.
   */
  entry(p: EntryPayload, hash: string, signed: string[]): ProcedureDefinition | null {
    const f = this.findings;
    if (p.type === 'recovery') {
      if (checkRecovery(p, signed, f)) {
        f.warning('RECOVERY_RECORDED', 'The station quarantined a torn record after a crash and recorded it here.', p.index, p.ceremony);
      }
      return null;
    }
    const before = f.list.length;
    if (p.index === 0) this.declareStation(p);
    const c = this.structure(p, hash);
    if (!c) return null;
    const step = this.step(c, p);
    if (step) this.signers(c, p, step, signed);
    for (let i = before; i < f.list.length && !c.faulty; i++) if (f.list[i]!.severity === 'error') c.faulty = true;
    if (p.type === 'close' || p.type === 'abort') this.end(c, p);
    return c.released && !c.faulty && p.procedure === c.procedureHash ? c.procedure : null;
  }

  private declareStation(p: EntryPayload): void {
    const station = p.body.station as { keyid?: unknown; publicKey?: unknown } | undefined;
    const setup = this.book.resolve(p.procedure);
    if (p.type !== 'open' || !setup?.released || setup.definition.id !== 'station-setup' || typeof station?.publicKey !== 'string') {
      this.findings.error('STATION_NOT_DECLARED', 'The journal must begin with a station setup that declares the station key.', p.index, p.ceremony);
      return;
    }
    const publicKey = new Uint8Array(Buffer.from(station.publicKey, 'hex'));
    if (keyIdOf(publicKey) !== station.keyid || p.station !== station.keyid) {
      this.findings.error('KEY_ID_MISMATCH', 'The station key id is not the SHA-256 of its public key.', p.index, p.ceremony, { kind: 'station' });
    }
    this.roster.station = { keyid: p.station, publicKey };
    if (setup.definition.version >= 2) {
      const policy = readPolicy(p.body.policy);
      if (policy) this.policy = policy;
      else this.findings.error('POLICY_INVALID', 'The station policy is not a number of approvers from 2 to 16.', p.index, p.ceremony);
    }
    for (const value of Array.isArray(p.body.roster) ? p.body.roster : []) {
      const participant = readParticipant(value, 0);
      if (!participant || keyIdOf(participant.publicKey) !== participant.keyid) {
        this.findings.error('KEY_ID_MISMATCH', 'A roster key id is not the SHA-256 of its public key.', p.index, p.ceremony, { kind: 'roster' });
      } else this.admit(participant, p);
    }
  }

  /**
   * Puts a participant on the roster, unless their key is the station's (the station key is never
   * a participant), is already enrolled, or their name is that of a person already active (one
   * person, one key: a person counts once).
   */
  private admit(participant: Participant, p: EntryPayload): void {
    const f = this.findings;
    const { keyid, name } = participant;
    if (keyid === this.roster.station?.keyid) {
      f.error('STATION_KEY_AS_PARTICIPANT', 'The station key is declared as a participant: it may never sign as a person.', p.index, p.ceremony, {
        kind: 'roster',
        keyid,
      });
    } else if (this.roster.participants.has(keyid)) {
      f.error('KEY_ALREADY_ENROLLED', 'This key was already enrolled: a key is enrolled once.', p.index, p.ceremony, { keyid });
    } else if (this.roster.activePerson(participant.person, p.index)) {
      f.error('PERSON_ALREADY_ENROLLED', `${name} is already on the roster with another key: revoke it before enrolling a new one.`, p.index, p.ceremony, {
        name,
        keyid,
      });
    } else this.roster.add(participant);
  }

  private structure(p: EntryPayload, hash: string): OpenCeremony | null {
    const f = this.findings;
    if (p.type === 'open') {
      if (this.current) {
        f.error('CEREMONY_NOT_ENDED', `Ceremony ${this.current.id} was never closed or aborted before the next one opened.`, p.index, this.current.id, {
          ceremony: this.current.id,
        });
        this.forget();
      }
      if (this.ended.has(p.ceremony)) f.error('CEREMONY_REUSED', 'This ceremony id was already used.', p.index, p.ceremony, { ceremony: p.ceremony });
      if (p.seq !== 0 || p.ceremonyPrev !== ZERO_HASH) {
        f.error('SEQ_MISMATCH', 'An opening entry has sequence 0 and no previous entry.', p.index, p.ceremony, { kind: 'open', expected: 0, found: p.seq });
      }
      const airGap = p.body.airGap as { online?: unknown } | undefined;
      const deviation = p.body.deviation as { kind?: unknown; reason?: unknown } | undefined;
      if (airGap?.online === true) {
        if (deviation?.kind === 'drill-online' && typeof deviation.reason === 'string' && deviation.reason.trim()) {
          f.warning(
            'AIRGAP_DEVIATION',
            `The ceremony ran on a machine that looked online, as a recorded drill deviation: ${deviation.reason.slice(0, 200)}`,
            p.index,
            p.ceremony,
            {
              reason: deviation.reason.slice(0, 200),
            },
          );
        } else f.error('AIRGAP_ONLINE', 'The ceremony opened on a machine that looked online, without a recorded deviation.', p.index, p.ceremony);
      }
      const resolved = this.book.resolve(p.procedure);
      const procedure = resolved?.definition ?? null;
      if (!resolved) {
        f.error(
          'PROCEDURE_NOT_AUTHORIZED',
          `The procedure ${p.procedureId} with this hash is not one released with Custos (nor one the auditor supplied).`,
          p.index,
          p.ceremony,
          {
            procedure: p.procedureId,
          },
        );
      } else if (!resolved.released && !this.suppliedSeen.has(p.procedure)) {
        this.suppliedSeen.add(p.procedure);
        f.warning(
          'PROCEDURE_SUPPLIED',
          `The procedure ${p.procedureId} was accepted only because the auditor supplied its definition: it is not released with Custos, and its ceremonies change neither the roster nor the inventory.`,
          p.index,
          p.ceremony,
          {
            procedure: p.procedureId,
          },
        );
      }
      if (procedure && p.index > 0 && resolved?.released && procedure.id === 'station-setup') {
        f.error('STATION_ALREADY_SET_UP', 'A station is set up once, by the first entry of its journal.', p.index, p.ceremony);
      }
      if (procedure && p.procedureId !== `${procedure.id}@${procedure.version}`) {
        f.error(
          'PROCEDURE_ID_MISMATCH',
          `The entry names ${p.procedureId}, but its procedure hash is that of ${procedure.id}@${procedure.version}.`,
          p.index,
          p.ceremony,
          {
            kind: 'hash',
            found: p.procedureId,
            expected: `${procedure.id}@${procedure.version}`,
          },
        );
      }
      this.current = {
        id: p.ceremony,
        procedure,
        released: resolved?.released === true,
        faulty: false,
        procedureHash: p.procedure,
        open: p,
        seq: 0,
        lastHash: hash,
        stepPosition: -1,
        stepCounts: new Map(),
      };
      this.ceremonies.push({ id: p.ceremony, procedureId: p.procedureId, state: 'open', openedAt: p.index, endedAt: null, entries: 1 });
      return this.current;
    }
    const c = this.current;
    if (!c || c.id !== p.ceremony) {
      if (c)
        f.error('CEREMONY_MIXED', `This entry of ceremony ${p.ceremony} sits inside ceremony ${c.id}.`, p.index, p.ceremony, {
          ceremony: p.ceremony,
          inside: c.id,
        });
      else if (this.ended.has(p.ceremony))
        f.error('ENTRY_AFTER_CLOSE', `Ceremony ${p.ceremony} had already ended.`, p.index, p.ceremony, { ceremony: p.ceremony });
      else f.error('ENTRY_OUTSIDE_CEREMONY', `Ceremony ${p.ceremony} was never opened.`, p.index, p.ceremony, { ceremony: p.ceremony });
      return null;
    }
    c.seq++;
    if (p.seq !== c.seq)
      f.error('SEQ_MISMATCH', `Expected entry ${c.seq} of the ceremony, found ${p.seq}.`, p.index, p.ceremony, {
        kind: 'sequence',
        expected: c.seq,
        found: p.seq,
      });
    if (p.ceremonyPrev !== c.lastHash) f.error('CEREMONY_CHAIN_BROKEN', 'The entry does not follow the previous entry of its ceremony.', p.index, p.ceremony);
    if (p.procedure !== c.procedureHash) f.error('PROCEDURE_CHANGED', 'The procedure changed in the middle of the ceremony.', p.index, p.ceremony);
    else if (p.procedureId !== c.open.procedureId) {
      f.error('PROCEDURE_ID_MISMATCH', `The entry names ${p.procedureId}; its ceremony runs ${c.open.procedureId}.`, p.index, p.ceremony, {
        kind: 'ceremony',
        found: p.procedureId,
        expected: c.open.procedureId,
      });
    }
    c.lastHash = hash;
    this.ceremonies.at(-1)!.entries++;
    return c;
  }

  private step(c: OpenCeremony, p: EntryPayload): StepDefinition | null {
    const f = this.findings;
    if (!c.procedure || p.procedure !== c.procedureHash) return null;
    if (p.type === 'abort') {
      if (p.step !== ABORT_STEP.id)
        f.error('STEP_UNKNOWN', 'An abort entry has the step "abort".', p.index, p.ceremony, { kind: 'abort', step: p.step, procedure: p.procedureId });
      if (typeof p.body.reason !== 'string' || !p.body.reason.trim()) f.error('ABORT_WITHOUT_REASON', 'An abort must give its reason.', p.index, p.ceremony);
      else checkBody(ABORT_STEP, p, f);
      return ABORT_STEP;
    }
    const position = c.procedure.steps.findIndex((s) => s.id === p.step);
    const step = c.procedure.steps[position];
    if (!step) {
      f.error('STEP_UNKNOWN', `Step "${p.step}" is not a step of ${p.procedureId}.`, p.index, p.ceremony, {
        kind: 'procedure',
        step: p.step,
        procedure: p.procedureId,
      });
      return null;
    }
    if (step.type !== p.type) {
      f.error('STEP_TYPE_MISMATCH', `Step "${p.step}" is of type ${step.type}, not ${p.type}.`, p.index, p.ceremony, {
        step: p.step,
        expected: step.type,
        found: p.type,
      });
    }
    const count = (c.stepCounts.get(step.id) ?? 0) + 1;
    const max = step.repeat?.max ?? 1;
    if (position < c.stepPosition)
      f.error('STEP_OUT_OF_ORDER', `Step "${p.step}" comes after a later step of the procedure.`, p.index, p.ceremony, { step: p.step });
    else if (count > max) f.error('STEP_REPEATED', `Step "${p.step}" may occur at most ${max} time(s).`, p.index, p.ceremony, { step: p.step, max });
    else {
      for (let skipped = c.stepPosition + 1; skipped < position; skipped++) {
        const s = c.procedure.steps[skipped]!;
        if ((s.repeat?.min ?? 1) > (c.stepCounts.get(s.id) ?? 0)) {
          f.error('STEP_MISSING', `Step "${s.id}" was skipped before "${p.step}".`, p.index, p.ceremony, { kind: 'skipped', step: s.id, before: p.step });
        }
      }
    }
    if (position > c.stepPosition && count === 1) {
      const previous = c.procedure.steps[c.stepPosition];
      if (previous && (c.stepCounts.get(previous.id) ?? 0) < (previous.repeat?.min ?? 1)) {
        f.error('STEP_MISSING', `Step "${previous.id}" occurred too few times.`, p.index, p.ceremony, {
          kind: 'too-few',
          step: previous.id,
          min: previous.repeat?.min ?? 1,
        });
      }
    }
    c.stepCounts.set(step.id, count);
    c.stepPosition = Math.max(c.stepPosition, position);
    if (step.type === p.type) checkBody(step, p, f);
    return step;
  }

  private signers(c: OpenCeremony, p: EntryPayload, step: StepDefinition, signed: string[]): void {
    const witnesses = checkSigners({ findings: this.findings, roster: this.roster, policy: this.policy }, c, p, step, signed);
    if (p.type === 'close') this.closeWitnesses.set(p.index, { required: c.procedure?.checkpointWitnesses ?? 0, keyids: witnesses });
  }

  private end(c: OpenCeremony, p: EntryPayload): void {
    const f = this.findings;
    const summary = this.ceremonies.at(-1)!;
    if (p.type === 'close') {
      if (p.body.entries !== p.seq) {
        f.error('CLOSE_SUMMARY_MISMATCH', `The close says ${String(p.body.entries)} entries came before it; there were ${p.seq}.`, p.index, p.ceremony, {
          found: String(p.body.entries),
          expected: p.seq,
        });
      }
      if (c.procedure) {
        for (const s of c.procedure.steps) {
          if (s.type !== 'close' && (c.stepCounts.get(s.id) ?? 0) < (s.repeat?.min ?? 1)) {
            f.error('STEP_MISSING', `Step "${s.id}" never happened before the close.`, p.index, p.ceremony, { kind: 'before-close', step: s.id });
          }
        }
      }
      this.applyRosterChanges(c, p);
    }
    summary.state = p.type === 'close' ? 'closed' : 'aborted';
    summary.endedAt = p.index;
    this.ended.add(c.id);
    this.current = null;
  }

  /** Roster changes come only from released definitions, when their ceremony closes. */
  private applyRosterChanges(c: OpenCeremony, p: EntryPayload): void {
    if (!c.released || c.faulty) return;
    if (c.procedure?.id === 'enrol-participant') {
      const participant = readParticipant(c.open.body.participant, p.index);
      if (participant && keyIdOf(participant.publicKey) === participant.keyid) this.admit(participant, p);
      else this.findings.error('KEY_ID_MISMATCH', 'The enrolled key id is not the SHA-256 of its public key.', p.index, c.id, { kind: 'enrolled' });
    } else if (c.procedure?.id === 'revoke-participant' && typeof c.open.body.keyid === 'string') {
      this.roster.revoke(c.open.body.keyid, p.index);
    }
  }

  /** The public key that verifies `keyid`'s signatures: station, roster, or the subject of an enrolment. */
  publicKeyFor(keyid: string): Uint8Array | undefined {
    const known = this.roster.publicKeyOf(keyid);
    if (known) return known;
    const participant = readParticipant(this.current?.open.body.participant, 0);
    return participant?.keyid === keyid ? participant.publicKey : undefined;
  }

  private forget(): void {
    const summary = this.ceremonies.at(-1);
    if (summary && summary.state === 'open') summary.endedAt = null;
    if (this.current) this.ended.add(this.current.id);
    this.current = null;
  }

  finish(): void {
    if (this.current) {
      this.findings.warning(
        'CEREMONY_IN_PROGRESS',
        `Ceremony ${this.current.id} is still open at the end of the journal.`,
        this.current.open.index,
        this.current.id,
        {
          ceremony: this.current.id,
        },
      );
    }
  }
}
