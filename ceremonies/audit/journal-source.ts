/**
 * What `verify`, `replay` and `export` read: a station's data directory, or a bundle exported from
 * one (docs/record-format.md, "Bundle"). Either gives the journal's lines in order, the procedure
 * definitions by hash, and the checkpoints. Procedure files are kept only if their bytes hash to
 * their name; anything else is reported by verify as an unknown procedure.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';
import { canonicalBytes, parseCanonical } from '../record/canonical-json.ts';
import { CHECKPOINT_DIR, JOURNAL_DIR, listSegments, readProcedures, segmentLines, type JournalLine } from '../store/journal-files.ts';

export const BUNDLE_FORMAT = 'custos-bundle';
export const BUNDLE_VERSION = 1;

export interface JournalSource {
  kind: 'data-dir' | 'bundle';
  path: string;
  lines(): Iterable<JournalLine>;
  /** Procedure definitions by hash (their canonical bytes hash to the key). */
  procedures: Map<string, Uint8Array>;
  checkpoints: { name: string; note: string }[];
  /** Total bytes of journal, for progress. */
  bytes: number;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function unreadable(where: string, why: string): CustosError {
  return new CustosError('SOURCE_UNREADABLE', `Cannot read ${where}: ${why}.`, { path: where });
}

export function openDataDir(dir: string): JournalSource {
  if (!fs.existsSync(path.join(dir, JOURNAL_DIR))) throw unreadable(dir, 'it is not a Custos data directory (no journal/)');
  let segments: string[];
  try {
    segments = listSegments(dir);
  } catch (error) {
    throw unreadable(dir, `journal segment ${String((error as { missing?: string }).missing)} is missing`);
  }
  const procedures = readProcedures(dir);
  const checkpointDir = path.join(dir, CHECKPOINT_DIR);
  const checkpoints = (fs.existsSync(checkpointDir) ? fs.readdirSync(checkpointDir) : [])
    .filter((n) => n.endsWith('.checkpoint')).sort()
    .map((name) => ({ name, note: fs.readFileSync(path.join(checkpointDir, name), 'utf8') }));
  const files = segments.map((s) => path.join(dir, JOURNAL_DIR, s));
  return {
    kind: 'data-dir', path: dir, procedures, checkpoints,
    bytes: files.reduce((n, f) => n + fs.statSync(f).size, 0),
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

export function openBundle(file: string): JournalSource {
  const fd = fs.openSync(file, 'r');
  let headerBytes: Uint8Array;
  try {
    const probe = new Uint8Array(Math.min(fs.fstatSync(fd).size, 64 * 1024 * 1024));
    fs.readSync(fd, probe, 0, probe.length, 0);
    const end = probe.indexOf(0x0a);
    if (end < 0) throw unreadable(file, 'it has no header line');
    headerBytes = probe.slice(0, end);
  } finally {
    fs.closeSync(fd);
  }
  let header: BundleHeader;
  try {
    header = parseCanonical(headerBytes, 'The bundle header') as BundleHeader;
  } catch {
    throw unreadable(file, 'its header is not a Custos bundle header');
  }
  if (header.format !== BUNDLE_FORMAT || header.version !== BUNDLE_VERSION) throw unreadable(file, 'it is not a Custos bundle of a known version');
  const procedures = new Map<string, Uint8Array>();
  for (const [hash, definition] of Object.entries(header.procedures ?? {})) {
    const bytes = canonicalBytes(definition);
    if (sha256(bytes) === hash) procedures.set(hash, bytes);
  }
  const skip = headerBytes.length + 1;
  return {
    kind: 'bundle', path: file, procedures, checkpoints: Array.isArray(header.checkpoints) ? header.checkpoints : [],
    bytes: fs.statSync(file).size - skip,
    *lines() {
      for (const line of segmentLines(file, path.basename(file))) {
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
