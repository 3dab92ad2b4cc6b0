/**
 * Issue 3, "Crash tests": injected I/O failures (docs/architecture.md "Storage"). Through a FileIo wrapping
 * the real one: EIO and ENOSPC on write, a short write then EIO, EIO and ENOSPC on fsync, EIO on
 * the directory fsync of a new segment. Each time the append is not acknowledged
 * (STORE_WRITE_FAILED), the store is marked failed and never writes again on that descriptor, and
 * after reopening with the real I/O the store is consistent: partial bytes quarantined with a
 * recovery entry, every acknowledged entry there, verify ok. Also: a checkpoint that hits ENOSPC
 * fails without leaving a visible partial `.checkpoint`, and a new segment's directory is fsynced
 * before its first entry is acknowledged.
 */
import { afterAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDataDir } from '../../../ceremonies/audit/journal-source.ts';
import { verifyJournal } from '../../../ceremonies/audit/verify.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { enrolParticipant } from '../../../ceremonies/procedures/enrol-participant.ts';
import { decodeEntry } from '../../../ceremonies/record/entry-codec.ts';
import { RecordWriter, type Appended } from '../../../ceremonies/record/record-writer.ts';
import { realIo, type FileIo } from '../../../ceremonies/store/file-io.ts';
import { CHECKPOINT_DIR, JOURNAL_DIR, QUARANTINE_DIR, journalLines } from '../../../ceremonies/store/journal-files.ts';
import { enrol, rosterEntry, setUpStation, tempDir, testSigner, type TestStation, OFFLINE_EVIDENCE } from '../../support/test-station.ts';

const root = tempDir('custos-faults-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let dirs = 0;

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
const isSegment = (file: string) => /[/\\]journal[/\\]\d{6}\.jsonl$/u.test(file);

interface Call {
  op: 'open' | 'write' | 'fsync' | 'close' | 'ftruncate' | 'rename';
  fd: number;
  file: string;
  bytes?: number;
}

type Target = (file: string) => boolean;
type Fault = { on: 'write'; code: string; where: Target; short?: boolean } | { on: 'fsync'; code: string; where: Target };

/** The real FileIo, logging every call with the file behind its descriptor, failing when armed. */
class FaultyIo implements FileIo {
  readonly calls: Call[] = [];
  /** Bytes that reached the file through a short write before the failure. */
  readonly partial: Uint8Array[] = [];
  /** Bytes of each write that failed (what the caller tried to write). */
  readonly attempted: Uint8Array[] = [];
  fault: Fault | null = null;
  fired = 0;
  private readonly files = new Map<number, string>();

  fileOf(fd: number): string {
    return this.files.get(fd) ?? '?';
  }

  openSync(file: string, flags: string, mode?: number): number {
    const fd = realIo.openSync(file, flags, mode);
    this.files.set(fd, file);
    this.calls.push({ op: 'open', fd, file });
    return fd;
  }

  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number {
    const file = this.fileOf(fd);
    this.calls.push({ op: 'write', fd, file, bytes: length });
    const f = this.fault;
    if (f?.on === 'write' && f.where(file)) {
      if (f.short && this.partial.length === 0) {
        const n = Math.max(1, Math.floor(length / 2));
        const written = realIo.writeSync(fd, buffer, offset, n);
        this.partial.push(buffer.slice(offset, offset + written));
        return written;
      }
      this.fired++;
      this.attempted.push(buffer.slice(offset, offset + length));
      throw errno(f.code);
    }
    return realIo.writeSync(fd, buffer, offset, length);
  }

  fsyncSync(fd: number): void {
    const file = this.fileOf(fd);
    this.calls.push({ op: 'fsync', fd, file });
    const f = this.fault;
    if (f?.on === 'fsync' && f.where(file)) {
      this.fired++;
      throw errno(f.code);
    }
    realIo.fsyncSync(fd);
  }

  closeSync(fd: number): void {
    this.calls.push({ op: 'close', fd, file: this.fileOf(fd) });
    this.files.delete(fd);
    realIo.closeSync(fd);
  }

  ftruncateSync(fd: number, length: number): void {
    this.calls.push({ op: 'ftruncate', fd, file: this.fileOf(fd), bytes: length });
    realIo.ftruncateSync(fd, length);
  }

  renameSync(from: string, to: string): void {
    this.calls.push({ op: 'rename', fd: -1, file: `${from} -> ${to}` });
    realIo.renameSync(from, to);
  }
}

function journalHashes(dir: string): string[] {
  return [...journalLines(dir)].map((l) => {
    expect(l.complete).toBe(true);
    return sha256(l.bytes);
  });
}

async function expectVerifies(dir: string): Promise<void> {
  const report = await verifyJournal(openDataDir(dir), { threads: 1 });
  const allowed = ['RECOVERY_RECORDED', 'CEREMONY_IN_PROGRESS'];
  expect(report.findings.filter((f) => f.severity === 'error' || !allowed.includes(f.code))).toEqual([]);
  expect(report.ok).toBe(true);
}

/**
 * A station with setup and one enrolment done by the real I/O, reopened through a FaultyIo. With
 * `fullSegment`, the segment size limit is the first segment's size: the next entry starts a new one.
 */
async function stationWithFaultyIo(fullSegment = false): Promise<{
  t: TestStation;
  io: FaultyIo;
  writer: RecordWriter;
  acked: string[];
  segmentMaxBytes?: number;
}> {
  const t = await setUpStation(path.join(root, `station-${dirs++}`));
  await enrol(t, testSigner('holder Eve', ['holder']));
  t.writer.close();
  const io = new FaultyIo();
  const segmentMaxBytes = fullSegment ? fs.statSync(path.join(t.dir, JOURNAL_DIR, '000001.jsonl')).size : undefined;
  const writer = await RecordWriter.open(t.dir, t.station, segmentMaxBytes ? { io, segmentMaxBytes } : { io });
  return { t, io, writer, acked: journalHashes(t.dir), segmentMaxBytes };
}

const frank = testSigner('holder Frank', ['holder']);
const openEnrolment = (t: TestStation) => ({
  ceremony: 'enrol-frank',
  type: 'open' as const,
  step: 'open',
  procedure: enrolParticipant,
  body: { participant: rosterEntry(frank), airGap: OFFLINE_EVIDENCE },
  participants: [{ signer: t.officer, role: 'officer' as const }],
});
const proveKey = (t: TestStation) => ({
  ceremony: 'enrol-frank',
  type: 'step' as const,
  step: 'prove-key',
  procedure: enrolParticipant,
  body: { keyid: frank.keyid },
  participants: [
    { signer: frank, role: 'subject' as const },
    { signer: t.witnesses[0]!, role: 'witness' as const },
  ],
});
const abort = (t: TestStation) => ({
  ceremony: 'enrol-frank',
  type: 'abort' as const,
  step: 'abort',
  procedure: enrolParticipant,
  body: { reason: 'the disk failed' },
  participants: [
    { signer: t.officer, role: 'officer' as const },
    { signer: t.witnesses[0]!, role: 'witness' as const },
  ],
});

async function rejection(promise: Promise<unknown>): Promise<CustosError> {
  return promise.then(
    (value) => {
      throw new Error(`acknowledged although the disk failed: ${JSON.stringify(value).slice(0, 200)}`);
    },
    (error: unknown) => error as CustosError,
  );
}

describe('a failed append is never acknowledged, never retried, and the reopened store is consistent', () => {
  const cases: { name: string; fault: Fault; leaves: 'nothing' | 'partial' | 'whole line' }[] = [
    { name: 'EIO on write', fault: { on: 'write', code: 'EIO', where: isSegment }, leaves: 'nothing' },
    { name: 'ENOSPC on write', fault: { on: 'write', code: 'ENOSPC', where: isSegment }, leaves: 'nothing' },
    { name: 'a short write then EIO', fault: { on: 'write', code: 'EIO', where: isSegment, short: true }, leaves: 'partial' },
    { name: 'EIO on fsync', fault: { on: 'fsync', code: 'EIO', where: isSegment }, leaves: 'whole line' },
    { name: 'ENOSPC on fsync', fault: { on: 'fsync', code: 'ENOSPC', where: isSegment }, leaves: 'whole line' },
  ];

  for (const { name, fault, leaves } of cases) {
    test(name, async () => {
      const { t, io, writer, acked } = await stationWithFaultyIo();
      // One more acknowledged entry through the faulty I/O, unarmed: the segment's descriptor is open.
      const opened: Appended = await writer.append(openEnrolment(t));
      acked.push(opened.lineHash);
      const sizeBefore = fs.statSync(path.join(t.dir, JOURNAL_DIR, '000001.jsonl')).size;

      io.fault = fault;
      const mark = io.calls.length;
      const error = await rejection(writer.append(proveKey(t)));
      expect(error).toBeInstanceOf(CustosError);
      expect(error.code).toBe('STORE_WRITE_FAILED');
      expect(error.details.cause).toBe(fault.code);
      expect(io.fired).toBe(1);
      expect(writer.store.isFailed).toBe(true);
      // The descriptor the failure happened on.
      const failedOn = io.calls.slice(mark).findLast((c) => (c.op === 'write' || c.op === 'fsync') && isSegment(c.file))!;
      expect(failedOn).toBeDefined();
      // It is abandoned (closed), never written again.
      const afterFailure = io.calls.length;
      expect(io.calls.slice(mark).some((c) => c.op === 'close' && c.fd === failedOn.fd)).toBe(true);

      // A second append on the same store fails at once: no write, fsync or open on the journal.
      io.fault = null;
      const again = await rejection(writer.append(abort(t)));
      expect(again.code).toBe('STORE_WRITE_FAILED');
      const retried = io.calls.slice(afterFailure).filter((c) => isSegment(c.file) || c.fd === failedOn.fd);
      expect(retried, 'the failed store touched the journal again').toEqual([]);
      writer.close();
      expect(fs.existsSync(path.join(t.dir, 'custos.lock'))).toBe(false);

      // What the failure left on disk.
      const onDisk = fs.readFileSync(path.join(t.dir, JOURNAL_DIR, '000001.jsonl')).subarray(sizeBefore);
      if (leaves === 'nothing') expect(onDisk.length).toBe(0);
      if (leaves === 'partial') expect(onDisk.equals(Buffer.from(io.partial[0]!))).toBe(true);
      if (leaves === 'whole line') expect(onDisk.at(-1)).toBe(0x0a);

      // Reopened with the real I/O (as the next run of the program would).
      const reopened = await RecordWriter.open(t.dir, t.station);
      const lines = [...journalLines(t.dir)].map((l) => decodeEntry(l.bytes));
      const hashes = lines.map((l) => l.lineHash);
      expect(hashes.slice(0, acked.length), 'an acknowledged entry is missing or changed').toEqual(acked);
      const after = lines.slice(acked.length).map((l) => l.payload);
      if (leaves === 'nothing') expect(after).toEqual([]);
      if (leaves === 'partial') {
        // The partial line is quarantined, exactly, and recorded.
        expect(after.map((p) => p.type)).toEqual(['recovery']);
        expect(after[0]!.body.quarantined).toMatchObject({ bytes: onDisk.length, sha256: sha256(onDisk) });
        const bins = fs.readdirSync(path.join(t.dir, QUARANTINE_DIR)).filter((n) => n.endsWith('.bin'));
        expect(bins.map((n) => fs.readFileSync(path.join(t.dir, QUARANTINE_DIR, n)).equals(onDisk))).toEqual([true]);
      }
      if (leaves === 'whole line') {
        // The line reached the file before fsync failed; it is complete and validly signed, so the
        // store keeps it although it was never acknowledged (the caller must not assume it absent).
        expect(after.map((p) => p.step)).toEqual(['prove-key']);
      }
      // The station goes on: the interrupted ceremony can be ended.
      await reopened.append(abort(t));
      reopened.close();
      await expectVerifies(t.dir);
    });
  }

  test('EIO on the directory fsync after creating a new segment', async () => {
    const { t, io, writer, acked, segmentMaxBytes } = await stationWithFaultyIo(true);
    const journalDir = path.join(t.dir, JOURNAL_DIR);
    expect(fs.readdirSync(journalDir)).toEqual(['000001.jsonl']);
    io.fault = { on: 'fsync', code: 'EIO', where: (file) => file === journalDir };
    const error = await rejection(writer.append(openEnrolment(t)));
    expect(error.code).toBe('STORE_WRITE_FAILED');
    expect(io.fired).toBe(1);
    // The new segment was created, but nothing was written to it.
    expect(io.calls.filter((c) => c.op === 'write' && isSegment(c.file))).toEqual([]);
    io.fault = null;
    expect((await rejection(writer.append(openEnrolment(t)))).code).toBe('STORE_WRITE_FAILED');
    writer.close();
    const reopened = await RecordWriter.open(t.dir, t.station, { segmentMaxBytes });
    expect([...journalLines(t.dir)].map((l) => sha256(l.bytes))).toEqual(acked);
    await reopened.append(openEnrolment(t));
    await reopened.append(abort(t));
    reopened.close();
    await expectVerifies(t.dir);
  });
});

test("a new segment's directory entry is fsynced before its first entry is acknowledged", async () => {
  const { t, io, writer } = await stationWithFaultyIo(true);
  const journalDir = path.join(t.dir, JOURNAL_DIR);
  const mark = io.calls.length;
  await writer.append(openEnrolment(t));
  const calls = io.calls.slice(mark);
  const created = calls.findIndex((c) => c.op === 'open' && c.file.endsWith('000002.jsonl'));
  const dirSynced = calls.findIndex((c) => c.op === 'fsync' && c.file === journalDir);
  const written = calls.findIndex((c) => c.op === 'write' && c.file.endsWith('000002.jsonl'));
  const fileSynced = calls.findLastIndex((c) => c.op === 'fsync' && c.file.endsWith('000002.jsonl'));
  expect(created).toBeGreaterThanOrEqual(0);
  expect(dirSynced).toBeGreaterThan(created);
  expect(written).toBeGreaterThan(created);
  expect(fileSynced).toBeGreaterThan(written);
  writer.close();
});

describe('a checkpoint that cannot be written', () => {
  const inCheckpoints = (file: string) => path.basename(path.dirname(file)) === CHECKPOINT_DIR;

  for (const fault of [
    { on: 'write', code: 'ENOSPC', where: inCheckpoints },
    { on: 'fsync', code: 'ENOSPC', where: inCheckpoints },
  ] as Fault[]) {
    test(`ENOSPC on ${fault.on}: the call rejects and no partial .checkpoint is visible`, async () => {
      const { t, io, writer } = await stationWithFaultyIo();
      const dir = path.join(t.dir, CHECKPOINT_DIR);
      const before = fs.readdirSync(dir).sort();
      // Two more entries, so the checkpoint is of a new size (a new file name).
      await writer.append(openEnrolment(t));
      await writer.append(abort(t));
      io.fault = fault;
      const failure = await writer.checkpoint([t.witnesses[0]!]).then(
        () => null,
        (e: unknown) => e as { code?: string; details?: { cause?: unknown } },
      );
      expect(failure, 'the checkpoint was reported written').not.toBeNull();
      // The cause is named, as the bare errno or in a CustosError's details.
      expect([failure!.code, failure!.details?.cause]).toContain('ENOSPC');
      expect(io.fired).toBe(1);
      const after = fs.readdirSync(dir).sort();
      expect(after.filter((n) => n.endsWith('.checkpoint'))).toEqual(before);
      // Whatever is left over is a hidden temp file, never read as a checkpoint. (writeFileDurably
      // does not remove its temp file when the write or fsync fails: `.<name>.<pid>.tmp` stays.)
      const leftovers = after.filter((n) => !before.includes(n));
      for (const n of leftovers) expect(n).toMatch(/^\..*\.tmp$/u);
      // The journal is untouched by the failure; the checkpoint succeeds once there is space.
      io.fault = null;
      await writer.checkpoint([t.witnesses[0]!]);
      writer.close();
      await expectVerifies(t.dir);
    });
  }
});
