/**
 * What `verify`, `replay` and `export` read: a station's data directory, or a bundle exported from
 * one (docs/record-format.md, "Bundle"). Either gives the journal's lines in order, the procedure
 * definitions the station kept, by hash, and the checkpoints. Procedure files are kept only if
 * their bytes hash to their name. Every file is read as hostile input (store/bounded-read.ts): only
 * regular files, each under its cap; what is refused is listed for verify to report.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';
import { canonicalBytes, parseCanonical } from '../record/canonical-json.ts';
import { FileRefused, MAX_BUNDLE_HEADER_BYTES, MAX_CHECKPOINT_BYTES, MAX_DEFINITION_BYTES, openRegularFile, readRegularText } from '../store/bounded-read.ts';
import { CHECKPOINT_DIR, JOURNAL_DIR, listSegments, readProcedures, segmentLines, type JournalLine, type RefusedFile } from '../store/journal-files.ts';

export const BUNDLE_FORMAT = 'custos-bundle';
export const BUNDLE_VERSION = 1;
/** All the stored checkpoints' notes together (a station writes one of a few hundred bytes per ceremony). */
const MAX_CHECKPOINTS_BYTES = 32 * 1024 * 1024;

export interface JournalSource {
  kind: 'data-dir' | 'bundle';
  path: string;
  lines(): Iterable<JournalLine>;
  /**
   * The procedure definitions the station kept, by hash (their canonical bytes hash to the key):
   * copied into bundles for independent tools; verify does not trust them (procedure-book.ts).
   */
  procedures: Map<string, Uint8Array>;
  checkpoints: { name: string; note: string }[];
  /** Files of the source that were not read (not regular, or over their cap): verify reports each. */
  refused: RefusedFile[];
  /** Total bytes of journal, for progress. */
  bytes: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function unreadable(where: string, why: string): CustosError {
  return new CustosError('SOURCE_UNREADABLE', `Cannot read ${where}: ${why}.`, { path: where });
}

/** The stored checkpoints: regular files of at most MAX_CHECKPOINT_BYTES, MAX_CHECKPOINTS_BYTES in all. */
function readCheckpoints(dir: string, refused: RefusedFile[]): { name: string; note: string }[] {
  const folder = path.join(dir, CHECKPOINT_DIR);
  const out: { name: string; note: string }[] = [];
  let total = 0;
  for (const name of (fs.existsSync(folder) ? fs.readdirSync(folder) : []).filter((n) => n.endsWith('.checkpoint')).sort()) {
    const file = path.join(folder, name);
    try {
      const note = readRegularText(file, Math.min(MAX_CHECKPOINT_BYTES, MAX_CHECKPOINTS_BYTES - total));
      total += note.length;
      out.push({ name, note });
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      refused.push({ file: path.join(CHECKPOINT_DIR, name), reason: error.reason });
    }
  }
  return out;
}

export function openDataDir(dir: string): JournalSource {
  if (!fs.existsSync(path.join(dir, JOURNAL_DIR))) throw unreadable(dir, 'it is not a Custos data directory (no journal/)');
  let segments: string[];
  try {
    segments = listSegments(dir);
  } catch (error) {
    throw unreadable(dir, `journal segment ${String((error as { missing?: string }).missing)} is missing`);
  }
  const files = segments.map((s) => path.join(dir, JOURNAL_DIR, s));
  let bytes = 0;
  for (const file of files) {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) throw unreadable(file, 'a journal segment is not a regular file (a link, a device or a folder)');
    bytes += stat.size;
  }
  const refused: RefusedFile[] = [];
  const procedures = readProcedures(dir, refused);
  const checkpoints = readCheckpoints(dir, refused);
  return {
    kind: 'data-dir',
    path: dir,
    procedures,
    checkpoints,
    refused,
    bytes,
    *lines() {
      for (const [i, file] of files.entries()) yield* segmentLines(file, segments[i]!);
    },
  };
}

interface BundleHeader {
  format: string;
  version: number;
  station: string;
  exported: string;
  entries: number;
  procedures: Record<string, unknown>;
  checkpoints: { name: string; note: string }[];
}

/** The bundle's first line, read up to MAX_BUNDLE_HEADER_BYTES (a regular file; the named path may be a link). */
function readBundleHeader(file: string): { headerBytes: Uint8Array; size: number } {
  let opened;
  try {
    opened = openRegularFile(file, true);
  } catch (error) {
    throw unreadable(file, error instanceof FileRefused && error.reason === 'not-regular' ? 'it is not a regular file' : 'it cannot be opened');
  }
  const { fd, size } = opened;
  try {
    const probe = new Uint8Array(Math.min(size, MAX_BUNDLE_HEADER_BYTES + 1));
    let read = 0;
    for (let n; read < probe.length && (n = fs.readSync(fd, probe, read, probe.length - read, read)) > 0; ) read += n;
    const end = probe.subarray(0, read).indexOf(0x0a);
    if (end < 0)
      throw unreadable(file, read > MAX_BUNDLE_HEADER_BYTES ? `its header line is longer than ${MAX_BUNDLE_HEADER_BYTES} bytes` : 'it has no header line');
    return { headerBytes: probe.slice(0, end), size };
  } finally {
    fs.closeSync(fd);
  }
}

export function openBundle(file: string): JournalSource {
  const { headerBytes, size } = readBundleHeader(file);
  let header: BundleHeader;
  try {
    header = parseCanonical(headerBytes, 'The bundle header') as BundleHeader;
  } catch {
    throw unreadable(file, 'its header is not a Custos bundle header');
  }
  if (header.format !== BUNDLE_FORMAT || header.version !== BUNDLE_VERSION) throw unreadable(file, 'it is not a Custos bundle of a known version');
  const refused: RefusedFile[] = [];
  const procedures = new Map<string, Uint8Array>();
  for (const [hash, definition] of Object.entries(header.procedures ?? {})) {
    const bytes = canonicalBytes(definition);
    if (bytes.length > MAX_DEFINITION_BYTES) refused.push({ file: `procedures/${hash.slice(0, 64)}`, reason: 'too-large' });
    else if (sha256(bytes) === hash) procedures.set(hash, bytes);
  }
  const checkpoints: { name: string; note: string }[] = [];
  for (const c of Array.isArray(header.checkpoints) ? header.checkpoints : []) {
    const name = typeof c?.name === 'string' ? c.name.slice(0, 64) : '?';
    if (typeof c?.note !== 'string' || c.note.length > MAX_CHECKPOINT_BYTES) refused.push({ file: `checkpoints/${name}`, reason: 'too-large' });
    else checkpoints.push({ name, note: c.note });
  }
  const skip = headerBytes.length + 1;
  return {
    kind: 'bundle',
    path: file,
    procedures,
    checkpoints,
    refused,
    bytes: size - skip,
    *lines() {
      for (const line of segmentLines(file, path.basename(file), undefined, undefined, true)) {
        if (line.offset === 0) continue;
        yield { ...line, offset: line.offset - skip };
      }
    },
  };
}

/** A data directory or a bundle file, whichever `target` is. */
export function openSource(target: string): JournalSource {
  if (!fs.existsSync(target)) throw unreadable(target, 'it does not exist');
  return fs.statSync(target).isDirectory() ? openDataDir(target) : openBundle(target);
}
