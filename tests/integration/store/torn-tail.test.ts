/**
 * Issue 3, "Crash tests": torn tails and other damage found on open (docs/architecture.md "Storage").
 * - The last record cut at EVERY byte offset: the valid prefix is kept byte for byte, the partial
 *   record is quarantined (exactly its bytes), a signed `recovery` entry records its size and
 *   hash, and the result verifies.
 * - A zero tail (1…4096 zero bytes, as a file system leaves after a crash) and random garbage tails
 *   without a newline: quarantined + recovery + verify ok. Garbage holding a newline is damage (a
 *   crash leaves one incomplete line: the newline is written last).
 * - The last complete line with a broken station signature is damage, never a torn record: a
 *   rollback of a signed close by spoiling its signature is refused (issue 14).
 * - Damage that is not a torn tail refuses to open (STORE_DAMAGED, naming the entry): a flipped
 *   byte in a middle entry, more than 1 MiB after the last valid entry.
 * - A crash during recovery itself (before the truncation; after the truncation but before the
 *   recovery entry; while the quarantine description is written) leaves a store that reopens and
 *   records the tail once; reopening after a recovery records nothing more.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDataDir } from '../../../ceremonies/audit/journal-source.ts';
import { verifyJournal } from '../../../ceremonies/audit/verify.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { enrolParticipant } from '../../../ceremonies/procedures/enrol-participant.ts';
import { decodeEntry } from '../../../ceremonies/record/entry-codec.ts';
import type { EntryPayload } from '../../../ceremonies/record/entry-payload.ts';
import { RecordWriter } from '../../../ceremonies/record/record-writer.ts';
import { realIo, type FileIo } from '../../../ceremonies/store/file-io.ts';
import { JOURNAL_DIR, QUARANTINE_DIR, segmentName } from '../../../ceremonies/store/journal-files.ts';
import { MAX_TORN_BYTES } from '../../../ceremonies/store/journal-store.ts';
import { enrol, rosterEntry, setUpStation, tempDir, testSigner, OFFLINE_EVIDENCE } from '../../support/test-station.ts';

const station = testSigner('station');
const root = tempDir('custos-torn-tail-');
const template = path.join(root, 'template');
const SEGMENT = segmentName(1);
const journalOf = (dir: string) => path.join(dir, JOURNAL_DIR, SEGMENT);
const noFsync: FileIo = { ...realIo, fsyncSync: () => {} };
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The intact journal, the offset where its last record starts, and each line's start offset. */
let J: Buffer;
let S: number;
let starts: number[];

beforeAll(async () => {
  // Station setup, two enrolments (each checkpointed), then the opening entry of a third: the last
  // record. Cutting it leaves a journal whose ceremonies are all closed and checkpoints all valid.
  const t = await setUpStation(template);
  await enrol(t, testSigner('holder Eve', ['holder']));
  await enrol(t, testSigner('holder Frank', ['holder']));
  const grace = testSigner('holder Grace', ['holder']);
  await t.writer.append({
    ceremony: 'enrol-grace',
    type: 'open',
    step: 'open',
    procedure: enrolParticipant,
    body: { participant: rosterEntry(grace), airGap: OFFLINE_EVIDENCE },
    participants: [{ signer: t.officer, role: 'officer' }],
  });
  t.writer.close();
  J = fs.readFileSync(journalOf(template));
  starts = [0];
  for (let i = J.indexOf(0x0a); i !== -1 && i + 1 < J.length; i = J.indexOf(0x0a, i + 1)) starts.push(i + 1);
  S = starts.at(-1)!;
  expect(J.at(-1)).toBe(0x0a);
  expect(starts.length).toBe(10);
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let work = 0;
/** A fresh copy of the template data directory whose journal is `journal`. */
function stationWith(journal: Uint8Array): string {
  const dir = path.join(root, `work-${work++}`);
  fs.cpSync(template, dir, { recursive: true });
  fs.writeFileSync(journalOf(dir), journal);
  return dir;
}

async function reopen(dir: string, io?: FileIo): Promise<number> {
  const writer = await RecordWriter.open(dir, station, io ? { io } : {});
  const size = writer.store.state.size;
  writer.close();
  return size;
}

function quarantined(dir: string): { name: string; bytes: Buffer }[] {
  const q = path.join(dir, QUARANTINE_DIR);
  return fs
    .readdirSync(q)
    .filter((n) => n.endsWith('.bin'))
    .sort()
    .map((name) => ({ name, bytes: fs.readFileSync(path.join(q, name)) }));
}

function lineCount(bytes: Uint8Array): number {
  return bytes.reduce((n, b) => n + (b === 0x0a ? 1 : 0), 0);
}

/** After reopening: `kept` is intact, `removed` is in quarantine, and one recovery entry records it. */
function expectRecovered(dir: string, kept: Buffer, removed: Buffer): EntryPayload {
  const after = fs.readFileSync(journalOf(dir));
  expect(after.subarray(0, kept.length).equals(kept)).toBe(true);
  const rest = after.subarray(kept.length);
  expect(lineCount(rest)).toBe(1);
  expect(rest.at(-1)).toBe(0x0a);
  const recovery = decodeEntry(rest.subarray(0, -1)).payload;
  expect(recovery).toMatchObject({ type: 'recovery', index: lineCount(kept), step: 'recovery' });
  expect(recovery.body.quarantined).toMatchObject({ bytes: removed.length, sha256: sha256(removed), offset: kept.length, segment: SEGMENT });
  const files = quarantined(dir);
  expect(files.length).toBe(1);
  expect(files[0]!.bytes.equals(removed)).toBe(true);
  return recovery;
}

async function expectVerifies(dir: string, allowed: string[] = ['RECOVERY_RECORDED']): Promise<void> {
  const report = await verifyJournal(openDataDir(dir), { threads: 1 });
  expect(report.findings.filter((f) => f.severity === 'error' || !allowed.includes(f.code))).toEqual([]);
  expect(report.ok).toBe(true);
}

async function expectDamaged(dir: string, index?: number): Promise<CustosError> {
  const before = fs.readFileSync(journalOf(dir));
  const error = await RecordWriter.open(dir, station).then(
    (w) => {
      w.close();
      return null;
    },
    (e: unknown) => e as CustosError,
  );
  expect(error, 'the store opened (and recovered) instead of refusing').toBeInstanceOf(CustosError);
  expect(error!.code).toBe('STORE_DAMAGED');
  if (index !== undefined) expect(error!.details.index).toBe(index);
  // Refusing changes nothing: no truncation, nothing quarantined, the lock released.
  expect(fs.readFileSync(journalOf(dir)).equals(before)).toBe(true);
  expect(quarantined(dir)).toEqual([]);
  expect(fs.existsSync(path.join(dir, 'custos.lock'))).toBe(false);
  return error!;
}

describe('a torn last record', () => {
  test('cut at every byte offset, from its first byte to its newline: prefix kept, partial record quarantined and recorded', async () => {
    const started = performance.now();
    const kept = J.subarray(0, S);
    const length = J.length - S;
    let verified = 0;
    // One data directory, its journal rewritten and its quarantine emptied for each cut.
    const dir = stationWith(J);
    const quarantine = path.join(dir, QUARANTINE_DIR);
    for (let cut = S; cut <= J.length; cut++) {
      fs.writeFileSync(journalOf(dir), J.subarray(0, cut));
      for (const n of fs.readdirSync(quarantine)) fs.rmSync(path.join(quarantine, n));
      const k = cut - S;
      const sampled = k < 4 || k > length - 4 || k % 50 === 0;
      // No power is lost here, so fsync changes nothing this test observes: skipped outside the sample
      // (≈ 10 per recovery, 1600 recoveries). Durability ordering is fault-injection.test.ts's subject.
      const size = await reopen(dir, sampled ? realIo : noFsync);
      if (cut === J.length) {
        // Cut after the newline: nothing is torn, nothing changes.
        expect(size).toBe(starts.length);
        expect(fs.readFileSync(journalOf(dir)).equals(J)).toBe(true);
        expect(quarantined(dir)).toEqual([]);
      } else if (cut === S) {
        // The whole record is gone (never written): the journal is a valid prefix, nothing to recover.
        expect(size).toBe(starts.length - 1);
        expect(fs.readFileSync(journalOf(dir)).equals(kept)).toBe(true);
        expect(quarantined(dir)).toEqual([]);
      } else {
        expect(size).toBe(starts.length);
        expectRecovered(dir, kept, J.subarray(S, cut));
      }
      if (sampled) {
        await expectVerifies(dir, cut === J.length ? ['CEREMONY_IN_PROGRESS'] : ['RECOVERY_RECORDED']);
        verified++;
      }
    }
    expect(verified).toBeGreaterThan(8);
    console.info(`torn tail: ${length + 1} cuts of a ${length}-byte record, ${verified} verified, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, 120_000);

  test('a zero tail (1…4096 zero bytes) after the last entry is quarantined and recorded', async () => {
    const kept = J.subarray(0, S);
    for (const n of [1, 2, 3, 7, 64, 511, 512, 1000, 1531, 4095, 4096]) {
      const zeros = Buffer.alloc(n);
      const dir = stationWith(Buffer.concat([kept, zeros]));
      await reopen(dir);
      expectRecovered(dir, kept, zeros);
      await expectVerifies(dir);
    }
  });

  test('the last record overwritten by zeros (its length written, not its data) is quarantined and recorded', async () => {
    const kept = J.subarray(0, S);
    const zeros = Buffer.alloc(J.length - S);
    const dir = stationWith(Buffer.concat([kept, zeros]));
    await reopen(dir);
    expectRecovered(dir, kept, zeros);
    await expectVerifies(dir);
  });

  test('random garbage tails without a newline are quarantined whole and recorded; with one, they are damage', async () => {
    const kept = J.subarray(0, S);
    let seed = 0x5eed;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 16; i++) {
      const tail = Buffer.alloc(1 + Math.floor(random() * 4096));
      for (let b = 0; b < tail.length; b++) tail[b] = Math.floor(random() * 256);
      for (let b = 0; b < tail.length; b++) if (tail[b] === 0x0a) tail[b] = 0x20;
      if (i % 2 === 0) for (let k = 0; k < 1 + (i % 5); k++) tail[Math.floor(random() * tail.length)] = 0x0a;
      if (i === 4) tail[tail.length - 1] = 0x0a; // garbage that ends like a complete line
      if (i === 6) tail[0] = 0x0a; // an empty line first
      const dir = stationWith(Buffer.concat([kept, tail]));
      if (tail.includes(0x0a)) {
        // A crash leaves one incomplete line (the newline is written last): a complete line of
        // garbage was put there, and is refused at the entry after the last valid one.
        await expectDamaged(dir, lineCount(kept));
        continue;
      }
      await reopen(dir);
      expectRecovered(dir, kept, tail);
      await expectVerifies(dir);
    }
  });

  test('the last complete line with a broken station signature is damage, not a torn record: STORE_DAMAGED naming it', async () => {
    const line = J.subarray(S, J.length - 1).toString('utf8');
    const envelope = JSON.parse(line) as { signatures: { keyid: string; sig: string }[] };
    const sig = envelope.signatures[0]!;
    expect(sig.keyid).toBe(station.keyid);
    const at = line.indexOf(sig.sig) + 40; // a character inside the base64 DER signature
    const broken = line.slice(0, at) + (line[at] === 'A' ? 'B' : 'A') + line.slice(at + 1);
    const dir = stationWith(Buffer.concat([J.subarray(0, S), Buffer.from(`${broken}\n`)]));
    const error = await expectDamaged(dir, lineCount(J) - 1);
    expect(error.message).toMatch(/station signature is invalid/u);
  });

  test('the recovery entry names the quarantine file that holds the removed bytes', async () => {
    const kept = J.subarray(0, S);
    const removed = J.subarray(S, S + 100);
    const dir = stationWith(Buffer.concat([kept, removed]));
    await reopen(dir);
    const recovery = expectRecovered(dir, kept, removed);
    const file = (recovery.body.quarantined as { file: string }).file;
    // An auditor follows the record to the quarantined bytes.
    expect(
      fs.existsSync(path.join(dir, file)),
      `${file} named by the recovery entry does not exist (quarantine has ${quarantined(dir)
        .map((q) => q.name)
        .join(', ')})`,
    ).toBe(true);
    expect(fs.readFileSync(path.join(dir, file)).equals(removed)).toBe(true);
  });
});

describe('damage that is not a torn tail refuses to open', () => {
  const middle = 4;
  const flip = (at: number, mask = 0x01) => {
    const copy = Buffer.from(J);
    copy[at]! ^= mask;
    return copy;
  };

  test('a flipped byte in a middle entry: STORE_DAMAGED naming that entry', async () => {
    const start = starts[middle]!;
    const end = starts[middle + 1]! - 1; // its newline
    const line = J.subarray(start, end).toString('utf8');
    const sigAt = start + line.indexOf('"sig":"') + 7 + 30;
    const payloadAt = start + line.indexOf('"payload":"') + 11 + 200;
    const cases: [string, number, number][] = [
      ['its first byte', start, 0x20], // '{' → '['
      ['its payload', payloadAt, 0x01],
      ['a signature', sigAt, 0x01],
      ['its last byte', end - 1, 0x01],
      ['its newline', end, 0x20],
    ];
    const wrong: string[] = [];
    for (const [what, at, mask] of cases) {
      const dir = stationWith(flip(at, mask));
      const error = await RecordWriter.open(dir, station).then(
        (w) => {
          w.close();
          return null;
        },
        (e: unknown) => e as CustosError,
      );
      if (error?.code !== 'STORE_DAMAGED' || error.details.index !== middle) {
        wrong.push(
          `${what} (byte ${at}): ${
            error
              ? `${error.code} index ${String(error.details.index)}`
              : `opened, size ${lineCount(fs.readFileSync(journalOf(dir)))}, quarantined ${quarantined(dir)
                  .map((q) => `${q.name} (${q.bytes.length} bytes, ${lineCount(q.bytes)} lines)`)
                  .join(', ')}`
          }`,
        );
      }
    }
    expect(wrong, 'each flip must be refused as STORE_DAMAGED naming entry 4').toEqual([]);
  });

  test('a flipped byte in a middle entry leaves the journal untouched', async () => {
    await expectDamaged(stationWith(flip(starts[middle]!, 0x20)), middle);
  });

  test('more than 1 MiB of garbage after the last entry: STORE_DAMAGED', async () => {
    const garbage = Buffer.alloc(MAX_TORN_BYTES + 1, 0x41);
    for (let i = 4096; i < garbage.length; i += 4096) garbage[i] = 0x0a;
    const error = await expectDamaged(stationWith(Buffer.concat([J, garbage])));
    expect(error.details.index).toBe(starts.length);
  });

  test('more than 1 MiB of zeros after the last entry: STORE_DAMAGED', async () => {
    await expectDamaged(stationWith(Buffer.concat([J, Buffer.alloc(MAX_TORN_BYTES + 1)])), starts.length);
  });
});

describe('a crash during recovery', () => {
  const crash = () => Object.assign(new Error('simulated crash'), { code: 'SIMULATED_CRASH' });
  const kept = () => J.subarray(0, S);
  const removed = () => J.subarray(S, S + 700);

  /** Reopens after the simulated crash, as the next run of the program would; returns the journal's recovery entries. */
  async function recoverAfterCrash(dir: string): Promise<EntryPayload[]> {
    await reopen(dir);
    const lines = fs.readFileSync(journalOf(dir)).subarray(S).toString('utf8').split('\n').filter(Boolean);
    return lines.map((l) => decodeEntry(Buffer.from(l)).payload);
  }

  test('before the torn tail is truncated (quarantine copy written): the next open records it once', async () => {
    const dir = stationWith(Buffer.concat([kept(), removed()]));
    const io: FileIo = {
      ...realIo,
      ftruncateSync: () => {
        throw crash();
      },
    };
    await expect(RecordWriter.open(dir, station, { io })).rejects.toMatchObject({ code: 'SIMULATED_CRASH' });
    const recoveries = await recoverAfterCrash(dir);
    expect(recoveries.map((p) => p.type)).toEqual(['recovery']);
    expect(quarantined(dir).map((q) => q.bytes.equals(removed()))).toEqual([true]);
    await expectVerifies(dir);
  });

  test('after truncation, before the recovery entry is appended: the next open records it once', async () => {
    const dir = stationWith(Buffer.concat([kept(), removed()]));
    const journal = journalOf(dir);
    let journalFd = -1;
    const io: FileIo = {
      ...realIo,
      openSync: (file, flags, mode) => {
        const fd = realIo.openSync(file, flags, mode);
        if (file === journal && flags === 'a') journalFd = fd;
        return fd;
      },
      writeSync: (fd, buffer, offset, length) =>
        fd === journalFd
          ? (() => {
              throw crash();
            })()
          : realIo.writeSync(fd, buffer, offset, length),
    };
    await expect(RecordWriter.open(dir, station, { io })).rejects.toMatchObject({ code: 'STORE_WRITE_FAILED' });
    expect(fs.readFileSync(journal).equals(kept())).toBe(true); // truncated, nothing appended
    const recoveries = await recoverAfterCrash(dir);
    expect(recoveries.map((p) => p.type)).toEqual(['recovery']);
    expect(quarantined(dir).map((q) => q.bytes.equals(removed()))).toEqual([true]);
    await expectVerifies(dir);
  });

  test('reopening after a recovery, again and again, records the tail once and never renames its file', async () => {
    const dir = stationWith(Buffer.concat([kept(), removed()]));
    for (let run = 0; run < 3; run++) await reopen(dir);
    const recoveries = await recoverAfterCrash(dir);
    expect(recoveries.map((p) => p.type)).toEqual(['recovery']);
    const file = (recoveries[0]!.body.quarantined as { file: string }).file;
    expect(fs.existsSync(path.join(dir, file))).toBe(true);
    await expectVerifies(dir);
  });

  test('a crash while writing the quarantine description: the next opens are not stuck', async () => {
    const dir = stationWith(Buffer.concat([kept(), removed()]));
    const io: FileIo = {
      ...realIo,
      renameSync: (from, to) => {
        if (to.endsWith('.json') && to.includes(QUARANTINE_DIR)) throw crash();
        realIo.renameSync(from, to);
      },
    };
    await expect(RecordWriter.open(dir, station, { io })).rejects.toMatchObject({ code: 'SIMULATED_CRASH' });
    const outcomes: string[] = [];
    for (let run = 0; run < 3; run++) {
      outcomes.push(
        await reopen(dir).then(
          (size) => `opened (${size} entries)`,
          (e: NodeJS.ErrnoException) => `failed: ${e.code ?? ''} ${e.message}`,
        ),
      );
    }
    expect(
      outcomes.every((o) => o.startsWith('opened')),
      outcomes.join('; '),
    ).toBe(true);
    const recoveries = await recoverAfterCrash(dir);
    expect(recoveries.map((p) => p.type)).toEqual(['recovery']);
    await expectVerifies(dir);
  });
});
