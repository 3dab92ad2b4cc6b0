/**
 * One ceremony in progress (docs/architecture.md, "One ceremony, end to end"): opening it checks
 * the air gap and records the evidence and the build hash; each step is appended through the writer
 * (which applies the verification rules); closing records the entry count, then the station and the
 * witnesses present sign the checkpoint, which each witness keeps. A failure after opening aborts
 * the ceremony with its reason, and every secret the crypto core holds for it is wiped when it
 * ends.
 */
import type { EvidenceItem } from '../record/evidence.ts';
import fs from 'node:fs';
import { CustosError } from '../custos-error.ts';
import { procedureRef, type ProcedureDefinition, type SignerRole } from '../procedures/definition.ts';
import type { JsonValue } from '../record/entry-payload.ts';
import type { Signer } from '../record/signer.ts';
import type { AirGapEvidence } from './air-gap.ts';
import { NOT_RESUMABLE } from './resumption.ts';
import { eraseShareFile } from './share-file-erasure.ts';
import type { LaterSigner } from './participant-keys.ts';
import type { EntrySigner, EntryToSign, Station } from './station.ts';

export type Body = { [key: string]: JsonValue };
export type Participants = { signer: Signer; role: SignerRole }[];

export interface OpenOptions {
  /** Run although the machine looks online: a recorded deviation, reported by verify as a warning. */
  drillOnline?: string;
}

/**
 * The signers of an entry by name (a participant present carries their roster name) and role, with
 * their label in the answers and whether their key is still locked (the guided ceremony asks them).
 */
function named(participants: Participants): EntrySigner[] {
  return participants.map((p) => {
    const signer = p.signer as Signer & { name?: string; who?: string } & Partial<LaterSigner>;
    return {
      name: signer.name ?? signer.keyid.slice(0, 16),
      role: p.role,
      ...(signer.who === undefined ? {} : { who: signer.who }),
      locked: signer.locked?.() ?? false,
    };
  });
}

/** Shows the entry to the people present (Station.confirm), then unlocks the keys of its signers still locked. */
async function agree(station: Station, entry: EntryToSign, participants: Participants): Promise<void> {
  await station.confirm(entry);
  for (const p of participants) await (p.signer as Partial<LaterSigner>).unlock?.();
}

function evidenceBody(evidence: AirGapEvidence): Body {
  return JSON.parse(JSON.stringify(evidence)) as Body;
}

/** The `evidence` field of the opening entry, when the answers give the open step evidence. */
function evidenceOf(station: Station, step: string): Body {
  const items = station.evidence.get(step);
  return items ? { evidence: items.map((i) => ({ ...i })) } : {};
}

export class CeremonyRun {
  readonly station: Station;
  readonly id: string;
  readonly procedure: ProcedureDefinition;
  private readonly drillOnline: string | undefined;
  private ended = false;
  /** True once the close entry is recorded: from then on the ceremony can no longer be aborted. */
  closed = false;
  /** Share files this ceremony wrote whose hand-over is not signed yet: erased if it is aborted. */
  private readonly unsigned = new Set<string>();

  /** The evidence files not yet named, by step id: each goes into its step's first entry, what is left into the close. */
  private readonly evidence: Map<string, EvidenceItem[]>;

  private constructor(station: Station, id: string, procedure: ProcedureDefinition, drillOnline: string | undefined) {
    this.station = station;
    this.id = id;
    this.procedure = procedure;
    this.drillOnline = drillOnline;
    this.evidence = new Map(station.evidence);
  }

  /** Refuses evidence given for a step the procedure does not have (before anything is recorded). */
  private static requireEvidenceSteps(station: Station, procedure: ProcedureDefinition): void {
    for (const step of station.evidence.keys()) {
      if (!procedure.steps.some((s) => s.id === step)) {
        throw new CustosError(
          'EVIDENCE_STEP_UNKNOWN',
          `Evidence is given for step "${step}", which ${procedure.id} does not have (its steps: ${procedure.steps.map((s) => s.id).join(', ')}). Nothing was recorded.`,
          { step: step.slice(0, 64), procedure: procedure.id },
        );
      }
    }
  }

  /** `body` with the evidence of `step` if any is still to be named (taken: it is named once). */
  private withEvidence(step: string, body: Body): Body {
    const items = this.evidence.get(step);
    if (!items) return body;
    this.evidence.delete(step);
    return { ...body, evidence: items.map((i) => ({ ...i })) };
  }

  /** Refuses while the machine looks online, unless this is a recorded drill deviation. */
  static requireOffline(station: Pick<Station, 'airGap'>, drillOnline: string | undefined): AirGapEvidence {
    const evidence = station.airGap();
    if (evidence.online && !drillOnline?.trim()) {
      throw new CustosError(
        'AIRGAP_ONLINE',
        `This machine looks connected to a network (${evidence.reasons.join('; ')}). Disconnect it before any ceremony. Nothing was recorded.`,
        { reasons: evidence.reasons.join('; ') },
      );
    }
    return evidence;
  }

  static async open(
    station: Station,
    procedure: ProcedureDefinition,
    id: string,
    body: Body,
    participants: Participants,
    options: OpenOptions = {},
  ): Promise<CeremonyRun> {
    const resuming = station.resumption;
    if (!resuming) CeremonyRun.requireNoneWaiting(station);
    CeremonyRun.requireEvidenceSteps(station, procedure);
    const evidence = CeremonyRun.requireOffline(station, options.drillOnline);
    const deviation: Body = evidence.online ? { deviation: { kind: 'drill-online', reason: options.drillOnline!.trim() } } : {};
    station.checkNotStopped(false);
    const draft = {
      ceremony: id,
      type: 'open' as const,
      step: 'open',
      procedure,
      participants,
      body: { ...body, airGap: evidenceBody(evidence), build: station.build, ...deviation, ...evidenceOf(station, 'open') },
    };
    // Resuming: the open recorded by the interrupted run stands for this one (matched, not signed again).
    if (!resuming?.take({ ...draft, procedureId: procedureRef(procedure) })) {
      await agree(
        station,
        { procedure, type: 'open', step: 'open', body: { ...body, ...evidenceOf(station, 'open') }, signers: named(participants) },
        participants,
      );
      station.appended(await station.writer.append(draft));
    }
    const run = new CeremonyRun(station, id, procedure, options.drillOnline);
    run.evidence.delete('open');
    return run;
  }

  /** An open ceremony (a rotation waiting for its sweep, or a run that was killed) must end before another opens. */
  static requireNoneWaiting(station: Pick<Station, 'rules' | 'writer'>): void {
    const waiting = station.rules.inProgress;
    if (waiting) {
      const procedure = waiting.procedure?.id ?? 'unknown procedure';
      const dir = station.writer.store.dir;
      const abort = `abort it with an officer and a witness (custos abort ${dir} --reason "…")`;
      // Which way out, in one line: a rotation's second sitting, a resume, or only an abort.
      const how =
        procedure === 'compromise-rotation'
          ? `finish it with its second sitting (the sweep), or ${abort}`
          : NOT_RESUMABLE.has(procedure)
            ? `it cannot be resumed (a ${procedure} makes something new each run): ${abort}, then run it again`
            : `resume it with the same answers (custos run ${procedure} ${dir} --answers <the same file> --resume), or ${abort}`;
      throw new CustosError('CEREMONY_WAITING', `Ceremony ${waiting.id} (${procedure}) is still open: ${how}, before another ceremony. Nothing was recorded.`, {
        ceremony: waiting.id,
        dir,
      });
    }
  }

  /** Takes up the ceremony in progress (a rotation continued in a second sitting), after the air-gap check. */
  static resume(station: Station, procedure: ProcedureDefinition, options: OpenOptions = {}): CeremonyRun {
    const waiting = station.rules.inProgress;
    if (!waiting || waiting.procedure?.id !== procedure.id) {
      throw new CustosError('CEREMONY_NOT_WAITING', `No ${procedure.id} ceremony is open and waiting on this station. Nothing was recorded.`, {
        procedure: procedure.id,
      });
    }
    CeremonyRun.requireEvidenceSteps(station, procedure);
    CeremonyRun.requireOffline(station, options.drillOnline);
    return new CeremonyRun(station, waiting.id, procedure, options.drillOnline);
  }

  /**
   * Takes up whatever ceremony is open on the station, of any procedure, to abort it: one a run left
   * open when it was killed (SIGKILL, power loss), or a rotation waiting for its sweep.
   */
  static takeOver(station: Station): CeremonyRun {
    const open = station.rules.inProgress;
    if (!open || !open.procedure) {
      throw new CustosError('NO_CEREMONY_OPEN', 'No ceremony is open on this station: there is nothing to abort. Nothing was recorded.', {});
    }
    return new CeremonyRun(station, open.id, open.procedure, undefined);
  }

  /** Before a step that needs a secret: the machine must still be offline. */
  checkOffline(): void {
    CeremonyRun.requireOffline(this.station, this.drillOnline);
  }

  async step(step: string, given: Body, participants: Participants): Promise<number> {
    this.station.checkNotStopped(true);
    const body = this.withEvidence(step, given);
    const replayed = this.station.resumption?.take({ ceremony: this.id, type: 'step', step, body, participants, procedureId: procedureRef(this.procedure) });
    if (replayed) return replayed.index;
    await agree(this.station, { procedure: this.procedure, type: 'step', step, body, signers: named(participants) }, participants);
    this.station.checkNotStopped(true);
    const appended = await this.station.writer.append({ ceremony: this.id, type: 'step', step, procedure: this.procedure, body, participants });
    this.station.appended(appended);
    return appended.index;
  }

  /** Closes, then signs the checkpoint with the witnesses present; returns the checkpoint note. */
  async close(participants: Participants, witnesses: Signer[]): Promise<string> {
    this.station.checkNotStopped(true);
    const seq = this.station.writer.store.state.openCeremony.length;
    // The close names its own evidence and any given for a step the ceremony did not reach.
    const left = [...this.evidence.values()].flat();
    this.evidence.clear();
    const body: Body = left.length > 0 ? { entries: seq, evidence: left.map((i) => ({ name: i.name, sha256: i.sha256 })) } : { entries: seq };
    // A resumed run that reaches its close with recorded entries left over did not do what was recorded: refused.
    this.station.resumption?.take({
      ceremony: this.id,
      type: 'close',
      step: 'close',
      body,
      participants,
      procedureId: procedureRef(this.procedure),
    });
    await agree(this.station, { procedure: this.procedure, type: 'close', step: 'close', body, signers: named(participants) }, participants);
    this.station.checkNotStopped(true);
    this.station.appended(
      await this.station.writer.append({
        ceremony: this.id,
        type: 'close',
        step: 'close',
        procedure: this.procedure,
        body,
        participants,
      }),
    );
    this.closed = true;
    try {
      return (await this.station.writer.checkpoint(witnesses)).note;
    } finally {
      await this.end();
    }
  }

  /**
   * Ends the ceremony without closing it, with its reason, signed by an officer and a witness
   * (ABORT_STEP). An abort the people asked for (`confirm`) is shown to them first; the abort of a
   * run that failed or was stopped is not: it must land.
   */
  async abort(reason: string, officer: Signer, witness: Signer, confirm = false): Promise<void> {
    const participants: Participants = [
      { signer: officer, role: 'officer' },
      { signer: witness, role: 'witness' },
    ];
    if (confirm)
      await agree(this.station, { procedure: this.procedure, type: 'abort', step: 'abort', body: { reason }, signers: named(participants) }, participants);
    try {
      this.station.appended(
        await this.station.writer.append({
          ceremony: this.id,
          type: 'abort',
          step: 'abort',
          procedure: this.procedure,
          body: { reason },
          participants,
        }),
      );
    } finally {
      this.eraseUnsigned();
      await this.end();
    }
  }

  /** A share file written for a holder: erased if the ceremony is aborted before its hand-over is signed. */
  wroteShareFile(file: string): void {
    this.unsigned.add(file);
  }

  /** The hand-over of `file` is signed: it is its holder's now, and an abort leaves it (listed under the wallet). */
  handedOver(file: string): void {
    this.unsigned.delete(file);
  }

  /** Erases the share files whose hand-over was never signed (an abort); a file already gone is left so. */
  private eraseUnsigned(): void {
    for (const file of this.unsigned) {
      try {
        if (fs.existsSync(file)) eraseShareFile(file);
      } catch {
        // Unreachable now (a medium pulled out): docs/cli.md tells the officer to destroy it.
      }
    }
    this.unsigned.clear();
  }

  /** Wipes every secret the crypto core holds for this ceremony. */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.station.client.call('endCeremony', { ceremonyId: this.id });
  }
}
