/**
 * Tools for the tamper tests of the record (issue 3): a real station built once with test keys
 * (setup, two enrolments, a revocation, a third enrolment and a four-step drill ceremony), copies
 * of its data directory, the journal's lines read and written, an entry decoded, edited and
 * re-encoded (canonically or on purpose not), and entries RE-SIGNED with the test keys, as an
 * attacker holding the station key (and, for full collusion, every participant's key) would. Also
 * re-chaining every later entry and re-signing the stored checkpoints, so that only the rule under
 * test can catch a forgery.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { compactToDer, derToCompact } from '../../crypto/der-signature.ts';
import { signDigest } from '../../crypto/signing-key.ts';
import { openBundle, openDataDir } from '../../ceremonies/audit/journal-source.ts';
import { verifyJournal, type VerifyOptions, type VerifyReport } from '../../ceremonies/audit/verify.ts';
import type { Finding } from '../../ceremonies/audit/findings.ts';
import { procedureHash, type ProcedureDefinition } from '../../ceremonies/procedures/definition.ts';
import { canonicalBytes, canonicalString } from '../../ceremonies/record/canonical-json.ts';
import { checkpointText, parseCheckpoint, signCheckpoint, signatureLine } from '../../ceremonies/record/checkpoint.ts';
import { signingDigest } from '../../ceremonies/record/dsse.ts';
import { ZERO_HASH } from '../../ceremonies/record/entry-payload.ts';
import { merkleRoot } from '../../ceremonies/record/merkle.ts';
import { CHECKPOINT_DIR, JOURNAL_DIR } from '../../ceremonies/store/journal-files.ts';
import { OFFLINE_EVIDENCE, enrol, revoke, setUpStation, steppingClock, tempDir, testSigner, type TestSigner, type TestStation } from './test-station.ts';

/** secp256k1 group order. */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** A four-step procedure kept by the station like any other (its definition lands in procedures/). */
export const DRILL: ProcedureDefinition = {
  id: 'tamper-drill',
  version: 1,
  title: { en: 'Tamper drill (tests only)', fr: 'Exercice de falsification (tests seulement)' },
  purpose: { en: 'Gives the tamper tests a procedure with two middle steps.', fr: 'Donne aux tests une procédure à deux étapes intermédiaires.' },
  requirements: ['R1'],
  steps: [
    { id: 'open', type: 'open', title: { en: 'Open', fr: 'Ouvrir' }, signers: [{ role: 'officer', min: 1, max: 1 }], records: ['purpose'] },
    { id: 'count', type: 'step', title: { en: 'Count', fr: 'Compter' }, signers: [{ role: 'witness', min: 1 }], records: ['count'] },
    { id: 'seal', type: 'step', title: { en: 'Seal', fr: 'Sceller' }, signers: [{ role: 'witness', min: 1 }], records: ['seal'] },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close', fr: 'Clore' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 1,
};

/** The tests' own procedures, supplied to the writer and to verify as an auditor would pass them (--procedures). */
export const SUPPLIED: Map<string, Uint8Array> = new Map([[procedureHash(DRILL), canonicalBytes(DRILL)]]);

/** Where each entry of the tamper station sits (entry index = line position). */
export const AT = {
  setupOpen: 0,
  confirmRoster: 1,
  setupClose: 2,
  eveOpen: 3,
  eveProveKey: 4,
  eveClose: 5,
  finnOpen: 6,
  finnProveKey: 7,
  finnClose: 8,
  revokeOpen: 9,
  revokeClose: 10,
  gusOpen: 11,
  gusProveKey: 12,
  gusClose: 13,
  drillOpen: 14,
  drillCount: 15,
  drillSeal: 16,
  drillClose: 17,
} as const;
export const ENTRY_COUNT = 18;

export type Keyring = Map<string, TestSigner>;

export interface TamperStation {
  /** The pristine data directory: copy it (copyDataDir), never change it. */
  dir: string;
  station: TestSigner;
  officer: TestSigner;
  /** Bob, Chloé, Dan. */
  witnesses: TestSigner[];
  eve: TestSigner;
  /** Enrolled as approver, then revoked (entry AT.revokeClose). */
  finn: TestSigner;
  gus: TestSigner;
  /** A witness-looking key that was never enrolled. */
  mallory: TestSigner;
  /** Every test key above, by key id: what a fully colluding attacker can sign with. */
  keys: Keyring;
  /** Checkpoint notes the witnesses kept, in order (sizes 3, 6, 9, 11, 14, 18). */
  retained: string[];
  /** The journal's lines (without newlines). */
  lines: string[];
  /** Ceremony ids by name. */
  ceremonies: { setup: string; eve: string; finn: string; revokeFinn: string; gus: string; drill: string };
}

function keyringOf(signers: TestSigner[]): Keyring {
  return new Map(signers.map((s) => [s.keyid, s]));
}

/** A station set up with another station key (a second station). */
export async function setUpStationWith(station: TestSigner, dir = tempDir('custos-tamper-'), clock = steppingClock()): Promise<TestStation> {
  return setUpStation(dir, clock, station, [DRILL]);
}

async function runDrill(t: TestStation, ceremony: string): Promise<void> {
  const [bob, , dan] = t.witnesses as [TestSigner, TestSigner, TestSigner];
  const officer = { signer: t.officer, role: 'officer' as const };
  await t.writer.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: DRILL,
    body: { purpose: 'quarterly drill', airGap: OFFLINE_EVIDENCE },
    participants: [officer],
  });
  await t.writer.append({ ceremony, type: 'step', step: 'count', procedure: DRILL, body: { count: 3 }, participants: [{ signer: dan, role: 'witness' }] });
  await t.writer.append({ ceremony, type: 'step', step: 'seal', procedure: DRILL, body: { seal: 'bag 42' }, participants: [{ signer: bob, role: 'witness' }] });
  await t.writer.append({
    ceremony,
    type: 'close',
    step: 'close',
    procedure: DRILL,
    body: { entries: 3 },
    participants: [officer, { signer: dan, role: 'witness' }],
  });
  t.retained.push((await t.writer.checkpoint([dan])).note);
}

/** Builds the tamper station (18 entries, 6 checkpoints). Build it once per test file (beforeAll). */
export async function buildTamperStation(): Promise<TamperStation> {
  const station = testSigner('station');
  const t = await setUpStationWith(station, tempDir('custos-tamper-base-'));
  const eve = testSigner('holder Eve', ['holder']);
  const finn = testSigner('approver Finn', ['approver']);
  const gus = testSigner('holder Gus', ['holder']);
  const mallory = testSigner('mallory', ['witness']);
  try {
    await enrol(t, eve);
    await enrol(t, finn);
    await revoke(t, finn.keyid);
    await enrol(t, gus);
    await runDrill(t, 'drill-1');
  } finally {
    t.writer.close();
  }
  const lines = readJournal(t.dir);
  if (lines.length !== ENTRY_COUNT) throw new Error(`the tamper station has ${lines.length} entries, expected ${ENTRY_COUNT}`);
  const ceremonyAt = (i: number) => payloadOf(lines[i]!).ceremony as string;
  return {
    dir: t.dir,
    station,
    officer: t.officer,
    witnesses: t.witnesses,
    eve,
    finn,
    gus,
    mallory,
    keys: keyringOf([station, t.officer, ...t.witnesses, eve, finn, gus, mallory]),
    retained: t.retained,
    lines,
    ceremonies: {
      setup: ceremonyAt(AT.setupOpen),
      eve: ceremonyAt(AT.eveOpen),
      finn: ceremonyAt(AT.finnOpen),
      revokeFinn: ceremonyAt(AT.revokeOpen),
      gus: ceremonyAt(AT.gusOpen),
      drill: ceremonyAt(AT.drillOpen),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Data directories and the journal's bytes

export function copyDataDir(src: string, prefix = 'custos-tamper-'): string {
  const dir = tempDir(prefix);
  cpSync(src, dir, { recursive: true });
  return dir;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function journalFile(dir: string): string {
  return join(dir, JOURNAL_DIR, '000001.jsonl');
}

export function readJournalBytes(dir: string): Buffer {
  return readFileSync(journalFile(dir));
}

export function writeJournalBytes(dir: string, bytes: Uint8Array): void {
  writeFileSync(journalFile(dir), bytes);
}

/** The journal's complete lines (the text after the last newline, if any, is dropped). */
export function readJournal(dir: string): string[] {
  const text = readJournalBytes(dir).toString('utf8');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .slice(0, -1);
}

/** Writes lines, each followed by a newline; `tail` is appended after them as it is. */
export function writeJournal(dir: string, lines: string[], tail: Uint8Array | string = ''): void {
  const body = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
  writeJournalBytes(dir, Buffer.concat([body, typeof tail === 'string' ? Buffer.from(tail, 'utf8') : tail]));
}

export function lineHashOf(line: string): string {
  return createHash('sha256').update(line, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Entries: decode, edit, re-encode, re-sign

export interface RawSignature {
  keyid: string;
  sig: string;
}

export interface RawEnvelope {
  payload: string;
  payloadType: string;
  signatures: RawSignature[];
}

/** A payload as plain JSON, free to edit (no shape checks). */
export type RawPayload = Record<string, unknown> & {
  index: number;
  prev: string;
  ceremony: string;
  seq: number;
  ceremonyPrev: string;
  type: string;
  step: string;
  signers: { keyid: string; role: string }[];
  body: Record<string, unknown>;
};

export interface RawEntry {
  envelope: RawEnvelope;
  payloadBytes: Buffer;
  payload: RawPayload;
}

/** Decodes a line leniently (JSON.parse, no canonical or shape checks). */
export function decodeLine(line: string): RawEntry {
  const envelope = JSON.parse(line) as RawEnvelope;
  const payloadBytes = Buffer.from(envelope.payload, 'base64');
  return { envelope, payloadBytes, payload: JSON.parse(payloadBytes.toString('utf8')) as RawPayload };
}

export function payloadOf(line: string): RawPayload {
  return decodeLine(line).payload;
}

/** The stored form of an envelope (RFC 8785, as the writer stores it). */
export function encodeEnvelope(envelope: RawEnvelope): string {
  return canonicalString(envelope);
}

/** Canonical (RFC 8785) payload bytes; for non-canonical bytes pass `encode` to editLine. */
export function payloadBytesOf(payload: unknown): Buffer {
  return Buffer.from(canonicalBytes(payload));
}

/** A DER signature (base64) by `signer` over the DSSE digest of (payloadType, payload bytes). */
export function signPayload(signer: TestSigner, payloadType: string, payloadBytes: Uint8Array): string {
  return Buffer.from(signDigest(signer.secret, signingDigest(payloadType, payloadBytes))).toString('base64');
}

export type Resign = 'all' | 'station' | 'none';

/**
 * Sets the envelope's payload (and type) and re-signs: `all` re-makes every signature the keyring
 * can make, `station` only the first (the station's), `none` keeps the old signatures.
 */
export function resignEnvelope(
  envelope: RawEnvelope,
  payloadBytes: Uint8Array,
  keys: Keyring,
  resign: Resign,
  payloadType = envelope.payloadType,
): RawEnvelope {
  const signatures = envelope.signatures.map((s, i) => {
    const key = keys.get(s.keyid);
    const mine = resign === 'all' || (resign === 'station' && i === 0);
    return key && mine ? { keyid: s.keyid, sig: signPayload(key, payloadType, payloadBytes) } : { ...s };
  });
  return { payload: Buffer.from(payloadBytes).toString('base64'), payloadType, signatures };
}

export interface EditOptions {
  resign?: Resign;
  /** Edits the envelope's signatures after re-signing (add, drop, duplicate). */
  signatures?: (signatures: RawSignature[], payloadType: string, payloadBytes: Uint8Array) => RawSignature[];
  /** Payload bytes from the edited payload; default canonical. */
  encode?: (payload: RawPayload) => Uint8Array;
  payloadType?: string;
}

/** Edits one line's payload, re-encodes it and re-signs it (default: every key the keyring has). */
export function editLine(line: string, edit: (p: RawPayload) => void, keys: Keyring, options: EditOptions = {}): string {
  const { envelope, payload } = decodeLine(line);
  edit(payload);
  const bytes = options.encode ? options.encode(payload) : payloadBytesOf(payload);
  const payloadType = options.payloadType ?? envelope.payloadType;
  const next = resignEnvelope(envelope, bytes, keys, options.resign ?? 'all', payloadType);
  if (options.signatures) next.signatures = options.signatures(next.signatures, payloadType, bytes);
  return encodeEnvelope(next);
}

/** `line` with `signer` declared as `role` and signing it too (every other signature re-made). */
export function addSigner(line: string, keys: Keyring, signer: TestSigner, role: string): string {
  return editLine(
    line,
    (p) => {
      p.signers.push({ keyid: signer.keyid, role });
    },
    keys,
    {
      signatures: (sigs, type, bytes) => [...sigs, { keyid: signer.keyid, sig: signPayload(signer, type, bytes) }],
    },
  );
}

/**
 * `line` with `by` declared and signing where the key `replaced` was, as `role` (every other
 * signature re-made).
 */
export function replaceSigner(line: string, keys: Keyring, replaced: string, by: TestSigner, role: string): string {
  return editLine(
    line,
    (p) => {
      p.signers = p.signers.map((r) => (r.keyid === replaced ? { keyid: by.keyid, role } : r));
    },
    keys,
    {
      signatures: (sigs, type, bytes) => sigs.map((x) => (x.keyid === replaced ? { keyid: by.keyid, sig: signPayload(by, type, bytes) } : x)),
    },
  );
}

/** Edits the envelope only (signatures or type), leaving the payload and its signatures as they are. */
export function editEnvelope(line: string, edit: (e: RawEnvelope) => void): string {
  const { envelope } = decodeLine(line);
  edit(envelope);
  return encodeEnvelope(envelope);
}

/** The same DER signature with s replaced by n − s (the high-S twin), strict DER, base64. */
export function highS(sigBase64: string): string {
  const compact = derToCompact(new Uint8Array(Buffer.from(sigBase64, 'base64')));
  let s = 0n;
  for (const b of compact.subarray(32)) s = (s << 8n) | BigInt(b);
  let t = SECP256K1_N - s;
  for (let i = 63; i >= 32; i--) {
    compact[i] = Number(t & 0xffn);
    t >>= 8n;
  }
  return Buffer.from(compactToDer(compact)).toString('base64');
}

/** Flips one bit of a lowercase hex digit so that it stays a lowercase hex digit ('0'↔'1', 'b'↔'c'…). */
export function flipHexDigit(hex: string, at: number): string {
  const c = hex[at]!;
  const flipped = String.fromCharCode(c.charCodeAt(0) ^ 1);
  const swap = /[0-9a-f]/u.test(flipped) ? flipped : String.fromCharCode(c.charCodeAt(0) ^ 2);
  if (!/[0-9a-f]/u.test(swap)) throw new Error(`cannot flip hex digit ${c}`);
  return hex.slice(0, at) + swap + hex.slice(at + 1);
}

/** Flips bit `bit` of byte `at` of a base64 value. */
export function flipBase64Bit(value: string, at: number, bit = 0): string {
  const bytes = Buffer.from(value, 'base64');
  bytes[at < 0 ? bytes.length + at : at]! ^= 1 << bit;
  return bytes.toString('base64');
}

// ---------------------------------------------------------------------------------------------
// Re-chaining and checkpoints (what an attacker holding the keys does after a forgery)

/**
 * Re-chains the entries from position `from` on: index = position, prev = hash of the line before,
 * ceremonyPrev (for seq > 0) = hash of the latest earlier line of the same ceremony; then re-signs
 * each of them with every key the keyring has. Returns the new lines.
 */
export function rechain(lines: string[], from: number, keys: Keyring): string[] {
  const out = lines.slice();
  const lastOfCeremony = new Map<string, string>();
  for (let i = 0; i < out.length; i++) {
    const { payload } = decodeLine(out[i]!);
    if (i >= from) {
      out[i] = editLine(
        out[i]!,
        (p) => {
          p.index = i;
          p.prev = i === 0 ? ZERO_HASH : lineHashOf(out[i - 1]!);
          const before = lastOfCeremony.get(p.ceremony);
          if (p.seq > 0 && before) p.ceremonyPrev = before;
        },
        keys,
      );
    }
    lastOfCeremony.set(payload.ceremony, lineHashOf(out[i]!));
  }
  return out;
}

export function checkpointFiles(dir: string): string[] {
  return readdirSync(join(dir, CHECKPOINT_DIR))
    .filter((n) => n.endsWith('.checkpoint'))
    .sort();
}

export function checkpointName(size: number): string {
  return `${String(size).padStart(12, '0')}.checkpoint`;
}

export function readCheckpointFile(dir: string, size: number): string {
  return readFileSync(join(dir, CHECKPOINT_DIR, checkpointName(size)), 'utf8');
}

export function writeCheckpointFile(dir: string, size: number, note: string): void {
  mkdirSync(join(dir, CHECKPOINT_DIR), { recursive: true });
  writeFileSync(join(dir, CHECKPOINT_DIR, checkpointName(size)), note);
}

export function removeCheckpoints(dir: string, keep: (size: number) => boolean = () => false): void {
  for (const name of checkpointFiles(dir)) {
    if (!keep(Number(name.slice(0, 12)))) rmSync(join(dir, CHECKPOINT_DIR, name));
  }
}

/**
 * Replaces the stored checkpoints by what the station would have written for `lines`: one after
 * each close, signed by the station and cosigned by the witnesses who signed that close. Returns
 * the notes by size (what the witnesses would have kept).
 */
export async function rewriteCheckpoints(dir: string, lines: string[], keys: Keyring, station: TestSigner): Promise<Map<number, string>> {
  removeCheckpoints(dir);
  const notes = new Map<number, string>();
  const bytes = lines.map((l) => new Uint8Array(Buffer.from(l, 'utf8')));
  for (let i = 0; i < lines.length; i++) {
    const { payload, envelope } = decodeLine(lines[i]!);
    if (payload.type !== 'close') continue;
    const signed = new Set(envelope.signatures.map((s) => s.keyid));
    const witnesses = payload.signers
      .filter((s) => s.role === 'witness' && signed.has(s.keyid))
      .map((s) => keys.get(s.keyid))
      .filter((s) => s !== undefined);
    const note = await signCheckpoint(station, witnesses, i + 1, merkleRoot(bytes.slice(0, i + 1)));
    writeCheckpointFile(dir, i + 1, note);
    notes.set(i + 1, note);
  }
  return notes;
}

/**
 * Re-signs a checkpoint note with a new root and/or size: the station signs if `station` is given
 * (else its old signature is kept), and `witnesses` cosign (else the old cosignatures are kept).
 */
export async function reSignCheckpoint(
  note: string,
  change: { root?: Uint8Array; size?: number },
  station?: TestSigner,
  witnesses?: TestSigner[],
): Promise<string> {
  const c = parseCheckpoint(note);
  const stationKeyid = c.origin.slice('custos-station/'.length);
  const size = change.size ?? c.size;
  const root = change.root ?? c.root;
  if (station && witnesses) return signCheckpoint(station, witnesses, size, root);
  const text = checkpointText(stationKeyid, size, root);
  const old = note.slice(note.indexOf('\n\n') + 2);
  if (!station) return `${text}\n${old}`;
  const stationLine = signatureLine('station', station.keyid, await station.sign(createHash('sha256').update(text, 'utf8').digest()));
  return `${text}\n${stationLine}${old
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('\u2014 station '))
    .map((l) => `${l}\n`)
    .join('')}`;
}

// ---------------------------------------------------------------------------------------------
// Verification

export async function verifyDir(dir: string, retained?: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  return verifyJournal(openDataDir(dir), {
    supplied: SUPPLIED,
    ...options,
    ...(retained === undefined ? {} : { retainedCheckpoints: [{ label: 'kept by a witness', note: retained }] }),
  });
}

export async function verifyBundleFile(file: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  return verifyJournal(openBundle(file), options);
}

export function errors(report: VerifyReport): Finding[] {
  return report.findings.filter((f) => f.severity === 'error');
}

/** Compact "CODE@index" list of the error findings, for failure messages. */
export function summary(report: VerifyReport): string[] {
  return errors(report).map((f) => `${f.code}@${f.index ?? '-'}`);
}

// ---------------------------------------------------------------------------------------------
// Test-file scaffolding

export interface TamperRun {
  report: VerifyReport;
  dir: string;
  lines: string[];
  /** Checkpoint notes written when the run re-chained (by size), for use as retained checkpoints. */
  notes: Map<number, string>;
}

export interface RunOptions {
  /** Re-chain and re-sign (every key) the entries from this position on, then rewrite the checkpoints. */
  rechainFrom?: number;
  /** Bytes written after the last line (no newline added). */
  tail?: Uint8Array | string;
  /** A checkpoint a witness kept. */
  retained?: string;
  /**
   * Signature threads (default 1: a tiny journal verifies fastest on the calling thread). With more,
   * signatures go to the workers in batches of 4, so that the station's 60 or so reach them.
   */
  threads?: number;
  /** Changes the copied data directory before verification (checkpoints…). */
  prepare?: (dir: string) => void | Promise<void>;
}

/**
 * Builds the tamper station once for the test file (beforeAll) and removes it and every copy
 * afterwards; `run` writes tampered lines to a fresh copy and verifies it.
 */
export function useTamperStation() {
  let station: TamperStation | undefined;
  const dirs: string[] = [];
  beforeAll(async () => {
    station = await buildTamperStation();
  });
  afterAll(() => {
    if (station) removeDir(station.dir);
    for (const d of dirs) removeDir(d);
  });
  const api = {
    get s(): TamperStation {
      if (!station) throw new Error('the tamper station is built in beforeAll');
      return station;
    },
    copy(): string {
      const dir = copyDataDir(api.s.dir);
      dirs.push(dir);
      return dir;
    },
    async run(lines: string[], options: RunOptions = {}): Promise<TamperRun> {
      const s = api.s;
      const dir = api.copy();
      let out = lines;
      let notes = new Map<number, string>();
      if (options.rechainFrom !== undefined) {
        out = rechain(lines, options.rechainFrom, s.keys);
        notes = await rewriteCheckpoints(dir, out, s.keys, s.station);
      }
      writeJournal(dir, out, options.tail);
      await options.prepare?.(dir);
      const threads = options.threads ?? 1;
      const report = await verifyDir(dir, options.retained, { threads, ...(threads > 1 ? { batchSize: 4 } : {}) });
      return { report, dir, lines: out, notes };
    },
  };
  return api;
}

/** Asserts the record is invalid and carries an error `code` at entry `index` (and ceremony). */
export function expectFinding(report: VerifyReport, code: string, index: number | null, ceremony?: string): void {
  const seen = `errors: ${summary(report).join(', ') || 'none'}`;
  expect(report.ok, seen).toBe(false);
  expect(report.findings, seen).toContainEqual(
    expect.objectContaining({
      severity: 'error',
      code,
      index,
      ...(ceremony === undefined ? {} : { ceremony }),
    }),
  );
}

/** Asserts every error is at entry `index` (the forgery was caught where it is, nowhere else). */
export function expectErrorsOnlyAt(report: VerifyReport, index: number | null): void {
  expect(
    errors(report)
      .filter((f) => f.index !== index)
      .map((f) => `${f.code}@${f.index ?? '-'}`),
    `errors: ${summary(report).join(', ')}`,
  ).toEqual([]);
}

/** Asserts the record verifies with no error (warnings allowed). */
export function expectValid(report: VerifyReport): void {
  expect(summary(report)).toEqual([]);
  expect(report.ok).toBe(true);
}
