/**
 * A journal writer PROCESS for the crash tests of issue 3 (tests/integration/store). Node 24 runs
 * it directly as TypeScript:
 *
 *   node tests/support/crash-writer.ts <dataDir> [write|write-split|hold|try] [maxAppends]
 *
 * - write (default): opens the station (the first run sets it up with setUpStation), aborts a
 *   ceremony a killed predecessor left open (as the engine does), then enrols participants in a
 *   loop, checkpointing after each close, until killed (or `maxAppends`).
 * - write-split: the same, through a FileIo that splits every write into two write(2) calls
 *   4 ms apart, cut at a random byte (short writes, as the kernel may do). SIGKILL never tears
 *   one write(2); split, a kill can land inside a record (a real torn tail) or inside the
 *   quarantine and temp files that recovery and checkpoints write.
 * Protocol on stdout, one line each, written synchronously and only AFTER the append returned
 * (= was acknowledged):
 *     ready <size>                 the writer is open (recovery and lock handled), size entries
 *     ack <index> <lineHash>       entry <index>, whose stored line hashes to <lineHash>, is durable
 *     checkpoint <size>            a checkpoint file of that size was written
 *     lock-wait <pid|null>         the store was locked; waiting for it (garbage lock < 5 s old)
 * - hold: opens the JournalStore, prints `locked <pid>`, then holds the lock until killed.
 * - try: tries to open the JournalStore once and prints the outcome as one JSON line
 *   ({"ok":true} or {"ok":false,"code":…,"details":…}), then closes it.
 * Writing to a closed stdout (the test is gone) throws EPIPE and ends the process.
 */
import fs from 'node:fs';
import { CustosError } from '../../ceremonies/custos-error.ts';
import type { ProcedureDefinition } from '../../ceremonies/procedures/definition.ts';
import { authorizedProcedure } from '../../ceremonies/procedures/released.ts';
import { enrolParticipant } from '../../ceremonies/procedures/enrol-participant.ts';
import { RecordWriter, type Appended } from '../../ceremonies/record/record-writer.ts';
import { realIo, type FileIo } from '../../ceremonies/store/file-io.ts';
import { JournalStore } from '../../ceremonies/store/journal-store.ts';
import { journalLines } from '../../ceremonies/store/journal-files.ts';
import { decodeEntry } from '../../ceremonies/record/entry-codec.ts';
import { rosterEntry, setUpStation, testSigner, OFFLINE_EVIDENCE } from './test-station.ts';

// The same test keys as setUpStation (tests/support/test-station.ts).
const station = testSigner('station');
const officer = testSigner('officer Alice', ['officer']);
const witness = testSigner('witness Bob', ['witness']);

function say(line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let done = 0;
  while (done < bytes.length) {
    try {
      done += fs.writeSync(1, bytes, done, bytes.length - done);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    }
  }
}

/** realIo, but each write goes out as two write(2) calls, 4 ms apart, cut at a random byte. */
const pause = new Int32Array(new SharedArrayBuffer(4));
const splitIo: FileIo = {
  ...realIo,
  writeSync(fd, buffer, offset, length) {
    if (offset !== 0 || length < 2) return realIo.writeSync(fd, buffer, offset, length);
    const written = realIo.writeSync(fd, buffer, offset, 1 + Math.floor(Math.random() * (length - 1)));
    Atomics.wait(pause, 0, 0, 4);
    return written;
  },
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function hasEntries(dir: string): boolean {
  try {
    for (const line of journalLines(dir)) if (line.complete) return true;
  } catch {
    return false;
  }
  return false;
}

function procedureOf(hash: string): ProcedureDefinition {
  const known = authorizedProcedure(hash);
  if (!known) throw new Error(`procedure ${hash} is not a released one`);
  return known;
}

/** Opens the writer, waiting out a lock whose holder cannot be named (garbage, less than 5 s old). */
async function openWriter(dir: string, io: FileIo): Promise<RecordWriter> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await RecordWriter.open(dir, station, { io });
    } catch (error) {
      const e = error as CustosError;
      if (e.code !== 'STORE_LOCKED' || e.details.pid !== null || attempt > 40) throw error;
      say(`lock-wait ${String(e.details.pid)}`);
      await sleep(250);
    }
  }
}

async function write(dir: string, io: FileIo, maxAppends: number): Promise<void> {
  if (!hasEntries(dir)) {
    const t = await setUpStation(dir);
    t.writer.close();
    // setUpStation returned: every entry it wrote was acknowledged.
    for (const line of journalLines(dir)) {
      const entry = decodeEntry(line.bytes);
      say(`ack ${entry.payload.index} ${entry.lineHash}`);
    }
  }
  const writer = await openWriter(dir, io);
  say(`ready ${writer.store.state.size}`);
  const acked = (a: Appended) => say(`ack ${a.index} ${a.lineHash}`);
  if (writer.checkpointOwed) {
    // Killed between a close and its checkpoint: the witness, still present, cosigns it now.
    const { size } = await writer.checkpoint([witness]);
    say(`checkpoint ${size}`);
  }
  const open = writer.store.state.openCeremony[0];
  if (open) {
    acked(
      await writer.append({
        ceremony: open.ceremony,
        type: 'abort',
        step: 'abort',
        procedure: procedureOf(open.procedure),
        body: { reason: 'writer was interrupted' },
        participants: [
          { signer: officer, role: 'officer' },
          { signer: witness, role: 'witness' },
        ],
      }),
    );
  }
  const run = `${process.pid.toString(36)}-${Date.now().toString(36)}`;
  let appends = 0;
  for (let n = 0; appends < maxAppends; n++) {
    const person = testSigner(`holder ${run}-${n}`, ['holder']);
    const ceremony = `kill-${run}-${n}`;
    acked(
      await writer.append({
        ceremony,
        type: 'open',
        step: 'open',
        procedure: enrolParticipant,
        body: { participant: rosterEntry(person), airGap: OFFLINE_EVIDENCE },
        participants: [{ signer: officer, role: 'officer' }],
      }),
    );
    acked(
      await writer.append({
        ceremony,
        type: 'step',
        step: 'prove-key',
        procedure: enrolParticipant,
        body: { keyid: person.keyid },
        participants: [
          { signer: person, role: 'subject' },
          { signer: witness, role: 'witness' },
        ],
      }),
    );
    acked(
      await writer.append({
        ceremony,
        type: 'close',
        step: 'close',
        procedure: enrolParticipant,
        body: { entries: 2 },
        participants: [
          { signer: officer, role: 'officer' },
          { signer: witness, role: 'witness' },
        ],
      }),
    );
    appends += 3;
    const { size } = await writer.checkpoint([witness]);
    say(`checkpoint ${size}`);
  }
  writer.close();
}

async function hold(dir: string): Promise<void> {
  const store = JournalStore.open(dir);
  say(`locked ${process.pid}`);
  // Held until killed; gives up after a minute so a forgotten child cannot linger.
  await sleep(60_000);
  store.close();
}

function attempt(dir: string): void {
  try {
    JournalStore.open(dir).close();
    say(JSON.stringify({ ok: true }));
  } catch (error) {
    const e = error as CustosError;
    say(JSON.stringify({ ok: false, code: e.code ?? null, details: e.details ?? null, message: e.message }));
  }
}

const [dir, mode = 'write', max = '100000'] = process.argv.slice(2);
if (!dir) throw new Error('usage: crash-writer.ts <dataDir> [write|write-split|hold|try] [maxAppends]');
if (mode === 'write' || mode === 'write-split') await write(dir, mode === 'write' ? realIo : splitIo, Number(max));
else if (mode === 'hold') await hold(dir);
else if (mode === 'try') attempt(dir);
else throw new Error(`unknown mode ${mode}`);
