/**
 * `custos export`: writes a self-contained bundle of a data directory (docs/record-format.md,
 * "Bundle"): one canonical JSON header line (format, version, station, export time, entry count,
 * the procedure definitions by hash, the checkpoints covered), then every complete journal line
 * verbatim. Written to a temporary file, fsynced, renamed into place, directory fsynced.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';
import { canonicalBytes, parseCanonical } from '../record/canonical-json.ts';
import { parseCheckpoint } from '../record/checkpoint.ts';
import { decodeEntry } from '../record/entry-codec.ts';
import { fsyncDirectory, realIo, writeAll } from '../store/file-io.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, openDataDir } from './journal-source.ts';

export interface ExportResult {
  file: string;
  entries: number;
  checkpoints: number;
  bytes: number;
  /** Bytes of a torn last record left out (the store quarantines them on next open). */
  tornBytesOmitted: number;
}

export function exportBundle(dir: string, out: string, now = new Date()): ExportResult {
  const source = openDataDir(dir);
  // First pass: count the complete lines and read the station; the second pass copies them.
  let entries = 0;
  let station = '';
  let torn = 0;
  for (const line of source.lines()) {
    if (!line.complete) {
      torn = line.bytes.length;
      break;
    }
    if (entries === 0) {
      try {
        station = decodeEntry(line.bytes).payload.station;
      } catch {
        station = '';
      }
    }
    entries++;
  }
  const procedures: Record<string, unknown> = {};
  for (const [hash, bytes] of source.procedures) procedures[hash] = parseCanonical(bytes);
  const checkpoints = source.checkpoints.filter(({ note }) => {
    try {
      return parseCheckpoint(note).size <= entries;
    } catch {
      return true; // kept as it is: verify reports it
    }
  });
  const header = canonicalBytes({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    station,
    exported: now.toISOString(),
    entries,
    procedures,
    checkpoints,
  });
  const target = path.resolve(out);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new CustosError(
      'EXPORT_TARGET_IS_DIRECTORY',
      'The bundle must be a file path, not a folder (for example bundle.custos in it). Nothing was written.',
      { path: out },
    );
  }
  const folder = path.dirname(target);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new CustosError(
      'EXPORT_FOLDER_MISSING',
      `The folder ${folder} does not exist: create it, or choose another place for the bundle. Nothing was written.`,
      { folder },
    );
  }
  const temp = `${target}.${process.pid}.partial`;
  const fd = realIo.openSync(temp, 'w', 0o644);
  let bytes = 0;
  const put = (part: Uint8Array) => {
    writeAll(realIo, fd, part);
    writeAll(realIo, fd, NEWLINE);
    bytes += part.length + 1;
  };
  try {
    put(header);
    let copied = 0;
    for (const line of source.lines()) {
      if (!line.complete || copied === entries) break;
      put(line.bytes);
      copied++;
    }
    realIo.fsyncSync(fd);
  } catch (error) {
    realIo.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw error;
  }
  realIo.closeSync(fd);
  realIo.renameSync(temp, target);
  fsyncDirectory(realIo, path.dirname(target));
  return { file: target, entries, checkpoints: checkpoints.length, bytes, tornBytesOmitted: torn };
}

const NEWLINE = Uint8Array.of(0x0a);
