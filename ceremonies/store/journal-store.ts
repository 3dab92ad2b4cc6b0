/**
 * The station's append-only journal (docs/architecture.md, "Storage"; docs/record-format.md,
 * "Durability").
 * - One writer: StationLock.
 * - append(): write the whole line and its newline, then fsync; only then is it acknowledged. A
 *   failed write or fsync is never acknowledged and never retried on the same descriptor: the store
 *   is marked failed and must be reopened, which treats any partial bytes as a torn tail.
 * - open(): keeps the valid prefix. A torn last record (bytes after the last valid entry that are not
 *   a whole entry: at most one record's worth) is copied to quarantine/ durably under a name made of
 *   its segment, offset and hash (never renamed afterwards), then truncated; the caller must then
 *   append a signed `recovery` entry naming that file (RecordWriter does). A quarantine file no
 *   recovery entry names yet is pending only if it is exactly the bytes cut from the end of the
 *   journal (same segment, offset at the journal's end, size and hash), so a crash at any point of
 *   recovery is finished on the next open, once, and no planted file is ever signed for. Any other
 *   damage refuses to open and names the entry: a whole entry that chains but whose station
 *   signature fails (a crash cannot make one: it is an alteration, not a torn write), and a journal
 *   shorter than its newest checkpoint (entries acknowledged and checkpointed are missing).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { CustosError } from '../custos-error.ts';
import { decodeEntry, declaredStationKey, entryDigest, type DecodedEntry } from '../record/entry-codec.ts';
import { ZERO_HASH, type EntryPayload } from '../record/entry-payload.ts';
import { MerkleAccumulator } from '../record/merkle.ts';
import { loadVerifier } from '../record/signature-verifier.ts';
import { fsyncDirectory, realIo, writeAll, writeFileDurably, type FileIo } from './file-io.ts';
import { CHECKPOINT_DIR, JOURNAL_DIR, PROCEDURE_DIR, QUARANTINE_DIR, SEGMENT_MAX_BYTES, listSegments, segmentLines, segmentName } from './journal-files.ts';
import { StationLock } from './station-lock.ts';
import { MAX_CHECKPOINT_BYTES, MAX_LINE_BYTES, openRegularFile, readRegularFile, readRegularText } from './bounded-read.ts';
import { parseCheckpoint } from '../record/checkpoint.ts';

/** A torn tail larger than this is not "one record": the store refuses to open. */
export const MAX_TORN_BYTES = MAX_LINE_BYTES;

export interface TornTail {
  /** Quarantine file, relative to the data directory. */
  file: string;
  segment: string;
  offset: number;
  bytes: number;
  sha256: string;
}

export interface StoreState {
  size: number;
  lastLineHash: string;
  last: EntryPayload | null;
  station: { keyid: string; publicKey: Uint8Array } | null;
  /** Entries of the ceremony still open at the end of the journal (empty if none). */
  openCeremony: EntryPayload[];
  /** Line hash of each entry of the open ceremony, in order. */
  openCeremonyHashes: string[];
  /** RFC 6962 tree over every stored line, for checkpoints. */
  merkle: MerkleAccumulator;
  /** The size the newest stored checkpoint covers. */
  checkpointed: number;
  /** The index of the last close entry, or -1. */
  lastClose: number;
}

export interface OpenOptions {
  io?: FileIo;
  segmentMaxBytes?: number;
  /** Called once for every entry kept, in order (the writer's rules and projections follow it). */
  visit?: (entry: DecodedEntry) => void;
}

function damaged(where: string, index: number, reason: string): CustosError {
  return new CustosError(
    'STORE_DAMAGED',
    `The journal is damaged at entry ${index} (${where}): ${reason} Custos will not write to it. Keep the data directory as it is and run "custos verify" on a copy.`,
    { index, where },
  );
}

export class JournalStore {
  readonly dir: string;
  readonly state: StoreState;
  /** Torn tails moved to quarantine that no recovery entry has recorded yet. */
  readonly pendingRecovery: TornTail[];
  readonly io: FileIo;
  private readonly lock: StationLock;
  private readonly segmentMax: number;
  private fd: number | null = null;
  private segment: string;
  private segmentBytes: number;
  private failed: CustosError | null = null;

  private constructor(
    dir: string,
    io: FileIo,
    lock: StationLock,
    state: StoreState,
    segment: string,
    segmentBytes: number,
    pending: TornTail[],
    segmentMax: number,
  ) {
    this.dir = dir;
    this.io = io;
    this.lock = lock;
    this.state = state;
    this.segment = segment;
    this.segmentBytes = segmentBytes;
    this.pendingRecovery = pending;
    this.segmentMax = segmentMax;
  }

  static open(dir: string, options: OpenOptions = {}): JournalStore {
    const io = options.io ?? realIo;
    const created = !fs.existsSync(dir);
    let madeSub = false;
    for (const sub of ['', JOURNAL_DIR, CHECKPOINT_DIR, PROCEDURE_DIR, QUARANTINE_DIR]) {
      if (sub && !fs.existsSync(path.join(dir, sub))) madeSub = true;
      fs.mkdirSync(path.join(dir, sub), { recursive: true });
    }
    if (created) fsyncDirectory(io, path.dirname(path.resolve(dir)));
    if (madeSub) fsyncDirectory(io, dir);
    const lock = StationLock.acquire(dir);
    try {
      return JournalStore.scan(dir, io, lock, options.segmentMaxBytes ?? SEGMENT_MAX_BYTES, options.visit);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private static scan(dir: string, io: FileIo, lock: StationLock, segmentMax: number, visit: OpenOptions['visit']): JournalStore {
    let segments: string[];
    try {
      segments = listSegments(dir);
    } catch (error) {
      throw damaged(String((error as { missing?: string }).missing), 0, 'a journal segment is missing.');
    }
    const state: StoreState = {
      size: 0,
      lastLineHash: ZERO_HASH,
      last: null,
      station: null,
      openCeremony: [],
      openCeremonyHashes: [],
      merkle: new MerkleAccumulator(),
      checkpointed: 0,
      lastClose: -1,
    };
    // Each line joins the tree once the next one is accepted, or at the end if it is kept.
    let leaf: Uint8Array | null = null;
    let lastEntry: DecodedEntry | null = null;
    let lastAt: { segment: string; offset: number } | null = null;
    const recordedFiles = new Set<string>();
    // An entry that still decodes but was altered breaks the chain only at the next one: blame it
    // when its own station signature fails, else the entry where reading stopped.
    const blame = (offset: number, segment: string): CustosError =>
      lastEntry && lastAt && !stationSigned(lastEntry, state.station)
        ? damaged(`${lastAt.segment} at byte ${lastAt.offset}`, state.size - 1, 'its station signature is invalid.')
        : damaged(
            `${segment} at byte ${offset}`,
            state.size,
            'a complete line there is not the next entry (unreadable, or out of sequence): a crash cannot leave one.',
          );
    let tail: { segment: string; offset: number } | null = null;
    for (const [s, segment] of segments.entries()) {
      for (const line of segmentLines(path.join(dir, JOURNAL_DIR, segment), segment)) {
        // A torn write leaves one incomplete line at the very end (write and fsync put the newline
        // last). A complete line that is not the next entry is never a torn write: it is damage.
        if (!line.complete) {
          if (s !== segments.length - 1) throw blame(line.offset, segment);
          tail = { segment, offset: line.offset };
          continue;
        }
        let entry: DecodedEntry | null;
        try {
          entry = line.tooLong === undefined ? decodeEntry(line.bytes) : null;
        } catch {
          entry = null;
        }
        if (!entry || entry.payload.index !== state.size || entry.payload.prev !== state.lastLineHash) throw blame(line.offset, segment);
        if (leaf) state.merkle.add(leaf);
        if (lastEntry) visit?.(lastEntry);
        leaf = line.bytes;
        if (state.size === 0) state.station = declaredStationKey(entry.payload);
        if (entry.payload.type === 'recovery') recordedFiles.add(String((entry.payload.body.quarantined as { file?: unknown } | undefined)?.file));
        follow(state, entry.payload, entry.lineHash);
        lastEntry = entry;
        lastAt = { segment, offset: line.offset };
      }
    }
    // The last entry kept must carry a valid station signature. A whole entry that chains is never
    // the product of a torn write: one whose signature fails was altered, and is damage.
    if (lastEntry && lastAt && !stationSigned(lastEntry, state.station)) {
      throw damaged(`${lastAt.segment} at byte ${lastAt.offset}`, state.size - 1, 'its station signature is invalid.');
    }
    if (leaf) state.merkle.add(leaf);
    if (lastEntry) visit?.(lastEntry);
    state.checkpointed = newestCheckpoint(dir);
    if (state.checkpointed > state.size) {
      throw damaged(
        CHECKPOINT_DIR,
        state.size,
        `the journal has ${state.size} entries, but its newest checkpoint covers ${state.checkpointed}: acknowledged entries are missing.`,
      );
    }
    if (tail) quarantineTail(dir, io, tail, state.size);
    const pending = listPending(dir, segments.at(-1)).filter((t) => !recordedFiles.has(t.file));
    const segment = segments.at(-1) ?? segmentName(1);
    const segmentFile = path.join(dir, JOURNAL_DIR, segment);
    const segmentBytes = fs.existsSync(segmentFile) ? fs.statSync(segmentFile).size : 0;
    return new JournalStore(dir, io, lock, state, segment, segmentBytes, pending, segmentMax);
  }

  /** Appends one stored line (without newline); returns only once it is on disk. */
  append(line: Uint8Array): void {
    if (this.failed) throw this.failed;
    try {
      if (this.fd === null || this.segmentBytes + line.length + 1 > this.segmentMax) this.openSegmentForAppend(line.length + 1);
      const bytes = new Uint8Array(line.length + 1);
      bytes.set(line);
      bytes[line.length] = 0x0a;
      writeAll(this.io, this.fd!, bytes);
      this.io.fsyncSync(this.fd!);
      this.segmentBytes += bytes.length;
      this.state.merkle.add(line);
    } catch (error) {
      this.failed = new CustosError(
        'STORE_WRITE_FAILED',
        'The entry could not be written to disk, so it was not recorded. Check the disk, then reopen the station; nothing acknowledged was lost.',
        { cause: String((error as NodeJS.ErrnoException).code ?? 'unknown') },
      );
      if (this.fd !== null) {
        try {
          this.io.closeSync(this.fd);
        } catch {
          /* the descriptor is abandoned either way */
        }
        this.fd = null;
      }
      throw this.failed;
    }
  }

  private openSegmentForAppend(nextLength: number): void {
    if (this.fd !== null) this.io.closeSync(this.fd);
    this.fd = null;
    const current = path.join(this.dir, JOURNAL_DIR, this.segment);
    const exists = fs.existsSync(current);
    if (exists && this.segmentBytes > 0 && this.segmentBytes + nextLength > this.segmentMax) {
      this.segment = segmentName(Number(this.segment.slice(0, 6)) + 1);
      this.segmentBytes = 0;
    }
    const file = path.join(this.dir, JOURNAL_DIR, this.segment);
    const creating = !fs.existsSync(file);
    this.fd = this.io.openSync(file, 'a', 0o644);
    if (creating) fsyncDirectory(this.io, path.join(this.dir, JOURNAL_DIR));
  }

  /** Updates the state after the writer appended `payload` (whose line hashes to `hash`). */
  accepted(payload: EntryPayload, hash: string): void {
    if (this.state.size === 0) this.state.station = declaredStationKey(payload);
    follow(this.state, payload, hash);
  }

  /** Forgets a pending tail once its recovery entry is in the journal (the files stay as they are). */
  recorded(tail: TornTail): void {
    this.pendingRecovery.splice(this.pendingRecovery.indexOf(tail), 1);
  }

  get isFailed(): boolean {
    return this.failed !== null;
  }

  close(): void {
    if (this.fd !== null) this.io.closeSync(this.fd);
    this.fd = null;
    this.lock.release();
  }
}

/** Advances the state past one entry. */
function follow(state: StoreState, payload: EntryPayload, hash: string): void {
  state.size++;
  state.lastLineHash = hash;
  state.last = payload;
  if (payload.type === 'recovery') return;
  if (payload.type === 'open') {
    state.openCeremony = [payload];
    state.openCeremonyHashes = [hash];
  } else if (payload.type === 'close' || payload.type === 'abort') {
    if (payload.type === 'close') state.lastClose = payload.index;
    state.openCeremony = [];
    state.openCeremonyHashes = [];
  } else if (state.openCeremony.length) {
    state.openCeremony.push(payload);
    state.openCeremonyHashes.push(hash);
  }
}

function stationSigned(entry: DecodedEntry, station: StoreState['station']): boolean {
  if (!station) return true; // no station key yet (empty journal or no setup): nothing to check against
  const sig = entry.envelope.signatures[0];
  if (!sig || sig.keyid !== station.keyid) return false;
  return loadVerifier().verify(entryDigest(entry), station.publicKey, new Uint8Array(Buffer.from(sig.sig, 'base64')));
}

/**
 * Quarantined tails that may still need their recovery entry: only one that is exactly what this
 * store cut from the end of its journal (the last segment, at the offset where it now ends, with
 * the size, hash and name the cut gave it). Anything else in quarantine/ is left alone: a file put
 * there by someone else is never described in a signed entry.
 */
function listPending(dir: string, lastSegment: string | undefined): TornTail[] {
  const folder = path.join(dir, QUARANTINE_DIR);
  const end = lastSegment ? fileSize(path.join(dir, JOURNAL_DIR, lastSegment)) : 0;
  return fs
    .readdirSync(folder)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort()
    .flatMap((n) => {
      try {
        const tail = JSON.parse(readRegularText(path.join(folder, n), MAX_CHECKPOINT_BYTES)) as TornTail;
        if (tail.segment !== lastSegment || tail.offset !== end || tail.file !== quarantineName(tail.segment, tail.offset, tail.sha256)) return [];
        const bytes = readRegularFile(path.join(dir, tail.file), MAX_TORN_BYTES);
        return bytes.length === tail.bytes && createHash('sha256').update(bytes).digest('hex') === tail.sha256 ? [tail] : [];
      } catch {
        return []; // a description half-written by a crash: its tail is still in the journal and is found again
      }
    });
}

function fileSize(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/** The quarantine file a tail cut at `offset` of `segment` is written to. */
function quarantineName(segment: string, offset: number, sha256: string): string {
  return path.posix.join(QUARANTINE_DIR, `${segment.slice(0, 6)}-${offset}-${sha256.slice(0, 16)}.bin`);
}

/** The size the newest stored checkpoint covers (0 if none can be read). */
function newestCheckpoint(dir: string): number {
  const folder = path.join(dir, CHECKPOINT_DIR);
  let newest = 0;
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith('.checkpoint'))) {
    try {
      newest = Math.max(newest, parseCheckpoint(readRegularText(path.join(folder, name), MAX_CHECKPOINT_BYTES)).size);
    } catch {
      // an unreadable checkpoint file proves nothing either way; verify reports it
    }
  }
  return newest;
}

/** Copies the torn tail to quarantine (durably), then truncates the segment and fsyncs it. */
function quarantineTail(dir: string, io: FileIo, at: { segment: string; offset: number }, index: number): TornTail {
  const file = path.join(dir, JOURNAL_DIR, at.segment);
  const length = fileSize(file) - at.offset;
  if (length > MAX_TORN_BYTES) {
    throw damaged(`${at.segment} at byte ${at.offset}`, index, `${length} bytes after the last valid entry are more than one torn record.`);
  }
  const bytes = new Uint8Array(length);
  const { fd: readFd } = openRegularFile(file);
  try {
    for (let read = 0, n; read < length && (n = fs.readSync(readFd, bytes, read, length - read, at.offset + read)) > 0; ) read += n;
  } finally {
    fs.closeSync(readFd);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const tail: TornTail = { file: quarantineName(at.segment, at.offset, sha256), segment: at.segment, offset: at.offset, bytes: bytes.length, sha256 };
  writeFileDurably(io, path.join(dir, tail.file), bytes);
  writeFileDurably(io, path.join(dir, tail.file.replace(/\.bin$/u, '.json')), new TextEncoder().encode(JSON.stringify(tail)));
  const fd = io.openSync(file, 'r+');
  try {
    io.ftruncateSync(fd, at.offset);
    io.fsyncSync(fd);
  } finally {
    io.closeSync(fd);
  }
  return tail;
}
