/**
 * The data directory's layout (docs/record-format.md, "Data directory") and reading the journal's
 * lines in order, segment by segment, with bounded memory and in linear time (bounded-read.ts). A line is the bytes before a newline; a
 * final run of bytes without a newline is reported as incomplete (a torn write, never acknowledged).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FileRefused, MAX_DEFINITION_BYTES, MAX_LINE_BYTES, openRegularFile, readRegularFile, type RefusalReason } from './bounded-read.ts';

export const JOURNAL_DIR = 'journal';
export const CHECKPOINT_DIR = 'checkpoints';
export const PROCEDURE_DIR = 'procedures';
export const QUARANTINE_DIR = 'quarantine';
const SEGMENT_PATTERN = /^(\d{6})\.jsonl$/u;
/** A new segment starts once the current one reaches this size. */
export const SEGMENT_MAX_BYTES = 32 * 1024 * 1024;

export function segmentName(n: number): string {
  return `${String(n).padStart(6, '0')}.jsonl`;
}

/** Segment file names in order; throws if numbering has a gap (a segment deleted). */
export function listSegments(dir: string): string[] {
  const journal = path.join(dir, JOURNAL_DIR);
  if (!fs.existsSync(journal)) return [];
  const names = fs
    .readdirSync(journal)
    .filter((n) => SEGMENT_PATTERN.test(n))
    .sort();
  names.forEach((name, i) => {
    if (name !== segmentName(i + 1)) throw Object.assign(new Error(`segment ${segmentName(i + 1)} is missing`), { missing: segmentName(i + 1) });
  });
  return names;
}

export interface JournalLine {
  segment: string;
  /** Byte offset of the line in its segment. */
  offset: number;
  /** The line's bytes; empty for a line longer than the cap (see `tooLong`). */
  bytes: Uint8Array;
  /** False for trailing bytes with no newline. */
  complete: boolean;
  /** Set, to the line's length, for a line longer than MAX_LINE_BYTES: its bytes were not kept. */
  tooLong?: number;
}

const NEWLINE = 0x0a;
const EMPTY = new Uint8Array(0);

/**
 * Lines of one segment file (a regular file: no symlink unless `followLinks`, as for a bundle
 * named on the command line), read in chunks, in time linear in the file's size. Each read fills a
 * new chunk and the lines in it are views of it, not copies (a line kept by the caller keeps its
 * chunk); a line that spans chunks is joined once, at its newline. A line longer than `maxLine`
 * is not kept: its bytes are dropped as they are read and it is reported with `tooLong`, so memory
 * stays within one line's cap whatever the file holds.
 */
export function* segmentLines(file: string, segment: string, chunkSize = 1 << 20, maxLine = MAX_LINE_BYTES, followLinks = false): Generator<JournalLine> {
  const { fd } = openRegularFile(file, followLinks);
  try {
    /** The start of the current line, from earlier chunks (empty once it is too long). */
    let parts: Uint8Array[] = [];
    let partsLength = 0;
    let lineOffset = 0;
    let position = 0;
    /** A chunk nothing refers to (read in the middle of a line too long to keep): read into again. */
    let spare: Uint8Array | null = null;
    for (;;) {
      const chunk: Uint8Array = spare ?? new Uint8Array(chunkSize);
      spare = null;
      const read = fs.readSync(fd, chunk, 0, chunkSize, position);
      if (read === 0) break;
      const view = chunk.subarray(0, read);
      let start = 0;
      for (let i = view.indexOf(NEWLINE); i !== -1; i = view.indexOf(NEWLINE, start)) {
        const length = partsLength + i - start;
        if (length > maxLine) yield { segment, offset: lineOffset, bytes: EMPTY, complete: true, tooLong: length };
        else
          yield {
            segment,
            offset: lineOffset,
            bytes: partsLength ? concat([...parts, view.subarray(start, i)], length) : view.subarray(start, i),
            complete: true,
          };
        parts = [];
        partsLength = 0;
        start = i + 1;
        lineOffset = position + start;
      }
      if (start < read) {
        partsLength += read - start;
        if (partsLength <= maxLine) parts.push(view.subarray(start));
        else parts = [];
      }
      if (start === 0 && partsLength > maxLine) spare = chunk;
      position += read;
    }
    if (partsLength > maxLine) yield { segment, offset: lineOffset, bytes: EMPTY, complete: false, tooLong: partsLength };
    else if (partsLength) yield { segment, offset: lineOffset, bytes: concat(parts, partsLength), complete: false };
  } finally {
    fs.closeSync(fd);
  }
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Every line of the journal, in order. */
export function* journalLines(dir: string): Generator<JournalLine> {
  for (const segment of listSegments(dir)) yield* segmentLines(path.join(dir, JOURNAL_DIR, segment), segment);
}

/** A file of a data directory that was not read, and why (bounded-read.ts). */
export interface RefusedFile {
  file: string;
  reason: RefusalReason;
}

/**
 * Procedure definition files in `folder` whose bytes hash to their name (`<sha256>.json`): regular
 * files of at most MAX_DEFINITION_BYTES; any other file is listed in `refused`. Used for the copies
 * a station keeps beside its journal and for the definitions an auditor supplies.
 */
export function readProcedureFolder(folder: string, refused: RefusedFile[] = []): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder).sort() : []) {
    if (!name.endsWith('.json')) continue;
    let bytes: Uint8Array;
    try {
      bytes = readRegularFile(path.join(folder, name), MAX_DEFINITION_BYTES);
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      refused.push({ file: path.join(path.basename(folder), name), reason: error.reason });
      continue;
    }
    if (createHash('sha256').update(bytes).digest('hex') === name.slice(0, -'.json'.length)) out.set(name.slice(0, -'.json'.length), bytes);
  }
  return out;
}

/** Procedure definitions kept in a data directory's procedures/ (readProcedureFolder). */
export function readProcedures(dir: string, refused: RefusedFile[] = []): Map<string, Uint8Array> {
  return readProcedureFolder(path.join(dir, PROCEDURE_DIR), refused);
}
