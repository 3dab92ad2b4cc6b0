/**
 * The insider's toolkit for the attack tests of issue 14 (docs/threat-model.md, "The guarantee"):
 * writes arbitrary journals entry by entry, signing each with any subset of keys it is given (the
 * station's, participants', fresh ones), chaining `index`, `prev`, `seq` and `ceremonyPrev` as the
 * writer would, naming any procedure by any hash, and signing checkpoints with whatever keys it
 * holds. It goes through none of the writer's checks: it is what someone holding the station's
 * disk and key, and perhaps one participant's key, can produce. Tests give it exactly the keys the
 * adversary they play holds.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signDigest } from '../../crypto/signing-key.ts';
import { procedureHash, procedureRef, type ProcedureDefinition } from '../../ceremonies/procedures/definition.ts';
import { canonicalBytes } from '../../ceremonies/record/canonical-json.ts';
import { signCheckpoint } from '../../ceremonies/record/checkpoint.ts';
import { ENTRY_PAYLOAD_TYPE, signingDigest } from '../../ceremonies/record/dsse.ts';
import { encodeLine, lineHash } from '../../ceremonies/record/entry-codec.ts';
import { RECOVERY_PROCEDURE, TIME_SOURCE, ZERO_HASH, retainUntil, type EntryType, type JsonValue } from '../../ceremonies/record/entry-payload.ts';
import { merkleRoot } from '../../ceremonies/record/merkle.ts';
import { CHECKPOINT_DIR, JOURNAL_DIR, PROCEDURE_DIR } from '../../ceremonies/store/journal-files.ts';
import type { TestSigner } from './test-station.ts';

export interface ForgedSigner {
  signer: TestSigner;
  role: string;
}

export interface ForgedEntry {
  ceremony: string;
  type: EntryType;
  step: string;
  /** A definition (its real hash and ref), or any hash and ref the attacker likes. */
  procedure: ProcedureDefinition | { hash: string; ref: string };
  body: { [key: string]: JsonValue };
  /** Declared and signing, after the station. */
  signers?: ForgedSigner[];
  /** Signing without being declared. */
  extraSignatures?: TestSigner[];
}

const decoder = new TextDecoder();

export class Attacker {
  readonly station: TestSigner;
  readonly lines: string[];
  private readonly ceremonies = new Map<string, { seq: number; last: string }>();
  private clock: number;

  /** Continues `lines` (a real journal's, or none) as the station `station`. */
  constructor(station: TestSigner, lines: string[] = [], start = Date.parse('2026-12-01T09:00:00.000Z')) {
    this.station = station;
    this.lines = lines.slice();
    this.clock = start;
    for (const line of this.lines) {
      const payload = JSON.parse(Buffer.from((JSON.parse(line) as { payload: string }).payload, 'base64').toString('utf8')) as {
        ceremony: string;
        seq: number;
        type: string;
      };
      if (payload.type !== 'recovery') this.ceremonies.set(payload.ceremony, { seq: payload.seq, last: lineHash(Buffer.from(line, 'utf8')) });
    }
  }

  get size(): number {
    return this.lines.length;
  }

  /** Moves the attacker's clock `days` ahead: the next entries are dated that much later. */
  skipDays(days: number): void {
    this.clock += days * 86_400_000;
  }

  private prev(): string {
    return this.lines.length ? lineHash(Buffer.from(this.lines.at(-1)!, 'utf8')) : ZERO_HASH;
  }

  /** Appends one entry, signed by the station first, then by each signer and extra signature. */
  append(e: ForgedEntry): string {
    const { hash, ref } = 'steps' in e.procedure ? { hash: procedureHash(e.procedure), ref: procedureRef(e.procedure) } : e.procedure;
    const chain = this.ceremonies.get(e.ceremony);
    const opening = e.type === 'open' || e.type === 'recovery';
    const utc = new Date((this.clock += 60_000)).toISOString();
    const signers = e.signers ?? [];
    const payload = {
      v: 1,
      station: this.station.keyid,
      index: this.lines.length,
      prev: this.prev(),
      ceremony: e.ceremony,
      seq: opening || !chain ? 0 : chain.seq + 1,
      ceremonyPrev: opening || !chain ? ZERO_HASH : chain.last,
      procedure: hash,
      procedureId: ref,
      step: e.step,
      type: e.type,
      time: { utc, source: TIME_SOURCE, trusted: false },
      retainUntil: retainUntil(utc),
      signers: signers.map((s) => ({ keyid: s.signer.keyid, role: s.role })),
      body: e.body,
    };
    const bytes = canonicalBytes(payload);
    const digest = signingDigest(ENTRY_PAYLOAD_TYPE, bytes);
    const keys = [this.station, ...signers.map((s) => s.signer), ...(e.extraSignatures ?? [])];
    const line = decoder.decode(
      encodeLine(
        bytes,
        keys.map((k) => ({ keyid: k.keyid, sig: signDigest(k.secret, digest) })),
      ),
    );
    this.lines.push(line);
    if (e.type !== 'recovery') this.ceremonies.set(e.ceremony, { seq: payload.seq, last: lineHash(Buffer.from(line, 'utf8')) });
    return line;
  }

  /** A recovery entry (station alone) with any fields the attacker chooses. */
  recovery(fields: Partial<Pick<ForgedEntry, 'ceremony' | 'step' | 'procedure' | 'body'>> = {}): string {
    return this.append({
      ceremony: fields.ceremony ?? `recovery-${this.lines.length}`,
      type: 'recovery',
      step: fields.step ?? 'recovery',
      procedure: fields.procedure ?? { hash: ZERO_HASH, ref: RECOVERY_PROCEDURE },
      body: fields.body ?? {},
    });
  }

  /** A checkpoint of the journal so far, signed by the station and cosigned by `witnesses`. */
  async checkpoint(witnesses: TestSigner[]): Promise<{ size: number; note: string }> {
    const root = merkleRoot(this.lines.map((l) => new Uint8Array(Buffer.from(l, 'utf8'))));
    return { size: this.lines.length, note: await signCheckpoint(this.station, witnesses, this.lines.length, root) };
  }

  /** Writes the journal (and optionally checkpoints and definition files) into `dir`, a data directory. */
  writeTo(dir: string, checkpoints: { size: number; note: string }[] = [], definitions: ProcedureDefinition[] = []): void {
    mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
    mkdirSync(join(dir, CHECKPOINT_DIR), { recursive: true });
    mkdirSync(join(dir, PROCEDURE_DIR), { recursive: true });
    writeFileSync(join(dir, JOURNAL_DIR, '000001.jsonl'), this.lines.map((l) => `${l}\n`).join(''));
    for (const c of checkpoints) writeFileSync(join(dir, CHECKPOINT_DIR, `${String(c.size).padStart(12, '0')}.checkpoint`), c.note);
    for (const d of definitions) {
      const bytes = canonicalBytes(d);
      writeFileSync(join(dir, PROCEDURE_DIR, `${createHash('sha256').update(bytes).digest('hex')}.json`), bytes);
    }
  }
}
