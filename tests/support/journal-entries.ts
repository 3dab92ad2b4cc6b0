/**
 * The entries of a station's journal as payloads (docs/record-format.md "Stored line"), read with the
 * store's own reader and decoder: for tests that check who signed a step, or what a step recorded,
 * beyond what `custos replay` projects.
 */
import { decodeEntry } from '../../ceremonies/record/entry-codec.ts';
import type { EntryPayload } from '../../ceremonies/record/entry-payload.ts';
import { journalLines } from '../../ceremonies/store/journal-files.ts';

/** Every entry's payload, in journal order. */
export function journalPayloads(dataDir: string): EntryPayload[] {
  return [...journalLines(dataDir)].map((line) => decodeEntry(line.bytes).payload);
}

/** The entries of the last ceremony of `procedure` (its id without version), in order. */
export function lastCeremonyEntries(dataDir: string, procedure: string): EntryPayload[] {
  const all = journalPayloads(dataDir);
  const open = all.filter((p) => p.type === 'open' && p.procedureId.split('@')[0] === procedure).at(-1);
  if (!open) throw new Error(`no ${procedure} ceremony in ${dataDir}`);
  return all.filter((p) => p.ceremony === open.ceremony);
}
