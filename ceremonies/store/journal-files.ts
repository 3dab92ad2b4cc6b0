/**
 * The data directory's layout (docs/record-format.md, "Data directory") and reading the journal's
 * lines in order, segment by segment, with bounded memory. A line is the bytes before a newline; a
 * final run of bytes without a newline is reported as incomplete (a torn write, never acknowledged).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const JOURNAL_DIR = 'journal';
export const CHECKPOINT_DIR = 'checkpoints';
export const PROCEDURE_DIR = 'procedures';
export const QUARANTINE_DIR = 'quarantine';
export const SEGMENT_PATTERN = /^(\d{6})\.jsonl$/u;
/** A new segment starts once the current one reaches this size. */
export const SEGMENT_MAX_BYTES = 32 * 1024 * 1024;

export function segmentName(n: number): string {
  return `${String(n).padStart(6, '0')}.jsonl`;
}

/** Segment file names in order; throws if numbering has a gap (a segment deleted). */
export function listSegments(dir: string): string[] {
  const journal = path.join(dir, JOURNAL_DIR);
  if (!fs.existsSync(journal)) return [];
  const names = fs.readdirSync(journal).filter((n) => SEGMENT_PATTERN.test(n)).sort();
  names.forEach((name, i) => {
    if (name !== segmentName(i + 1)) throw Object.assign(new Error(`segment ${segmentName(i + 1)} is missing`), { missing: segmentName(i + 1) });
  });
  return names;
}

export interface JournalLine {
  segment: string;
  /** Byte offset of the line in its segment. */
  offset: number;
  bytes: Uint8Array;
  /** False for trailing bytes with no newline. */
  complete: boolean;
}

const NEWLINE = 0x0a;

/**
 * Lines of one segment file, read in chunks. Each read fills a new chunk and the lines in it are
 * views of it, not copies (a line kept by the caller keeps its chunk); only a line that straddles
 * two chunks is copied.
 */
export function* segmentLines(file: string, segment: string, chunkSize = 1 << 20): Generator<JournalLine> {
  const fd = fs.openSync(file, 'r');
  try {
    let carry = new Uint8Array(0);
    let carryOffset = 0;
    let position = 0;
    for (;;) {
      const chunk = new Uint8Array(chunkSize);
      const read = fs.readSync(fd, chunk, 0, chunkSize, position);
      if (read === 0) break;
      position += read;
      const buffer = carry.length ? concat(carry, chunk.subarray(0, read)) : chunk.subarray(0, read);
      let start = 0;
      for (let i = buffer.indexOf(NEWLINE); i !== -1; i = buffer.indexOf(NEWLINE, start)) {
        yield { segment, offset: carryOffset + start, bytes: buffer.subarray(start, i), complete: true };
        start = i + 1;
      }
      carryOffset += start;
      carry = buffer.slice(start);
    }
    if (carry.length) yield { segment, offset: carryOffset, bytes: carry, complete: false };
  } finally {
    fs.closeSync(fd);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Every line of the journal, in order. */
export function* journalLines(dir: string): Generator<JournalLine> {
  for (const segment of listSegments(dir)) yield* segmentLines(path.join(dir, JOURNAL_DIR, segment), segment);
}

/** Procedure definitions kept in procedures/ whose bytes hash to their file name. */
export function readProcedures(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const folder = path.join(dir, PROCEDURE_DIR);
  for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(folder, name)));
    if (createHash('sha256').update(bytes).digest('hex') === name.replace(/\.json$/u, '')) out.set(name.replace(/\.json$/u, ''), bytes);
  }
  return out;
}
