/**
 * The payload of a record entry (docs/record-format.md, "Entry payload"), its shape checks, and the
 * constants it uses. Every field is public: no secret ever enters a record. Amounts are decimal
 * strings, names NFC, times UTC with their source marked untrusted; order comes from `index`.
 */
import { CustosError } from '../custos-error.ts';

export const PAYLOAD_VERSION = 1;
const ENTRY_TYPES = ['open', 'step', 'close', 'abort', 'recovery'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
export const ZERO_HASH = '0'.repeat(64);
const RETENTION_YEARS = 5;
export const TIME_SOURCE = 'station-clock';
/** The procedureId of a store's `recovery` entry (it names no procedure definition). */
export const RECOVERY_PROCEDURE = 'store-recovery@1';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A participant signature's declared role: every non-station signature is declared here. */
interface SignerRole {
  keyid: string;
  role: string;
}

export interface EntryPayload {
  v: number;
  station: string;
  index: number;
  prev: string;
  ceremony: string;
  seq: number;
  ceremonyPrev: string;
  procedure: string;
  procedureId: string;
  step: string;
  type: EntryType;
  time: { utc: string; source: string; trusted: boolean };
  retainUntil: string;
  signers: SignerRole[];
  body: { [key: string]: JsonValue };
}

const HEX64 = /^[0-9a-f]{64}$/u;
const ID = /^[A-Za-z0-9._:@-]{1,128}$/u;
const UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/u;
const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const FIELD_LIST = [
  'body',
  'ceremony',
  'ceremonyPrev',
  'index',
  'prev',
  'procedure',
  'procedureId',
  'retainUntil',
  'seq',
  'signers',
  'station',
  'step',
  'time',
  'type',
  'v',
];
const FIELDS = FIELD_LIST.join(',');
const TIME_FIELDS = ['source', 'trusted', 'utc'];
const SIGNER_FIELDS = ['keyid', 'role'];
const ROLE = /^[a-z]{1,32}$/u;

function bad(field: string, why: string): CustosError {
  return new CustosError('PAYLOAD_INVALID', `The entry's ${field} ${why}.`, { field });
}

/**
 * True if the object's own keys are exactly `sorted` (a list in sorted order), in any order. The
 * keys of a canonical payload already come in sorted order, so the usual case is one comparison
 * per key, without sorting or joining.
 */
function hasExactly(value: object, sorted: readonly string[]): boolean {
  const keys = Object.keys(value);
  if (keys.length !== sorted.length) return false;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== sorted[i]) {
      keys.sort();
      for (let j = 0; j < keys.length; j++) if (keys[j] !== sorted[j]) return false;
      return true;
    }
  }
  return true;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1 to 12) of `year` in the proleptic Gregorian calendar, as Date counts them. */
function daysInMonth(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1]!;
}

/** The decimal number in text[at, at + length), all of them ASCII digits (the caller's regex says so). */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * True for a real instant written exactly as toISOString writes it (no 30 February, no hour 24, no
 * second 60), for text that matches UTC. Date.parse then toISOString gives back such text, and only
 * such text (tests/unit/record-payload-dates.test.ts compares the two on every field's edges);
 * this is the same judgement by arithmetic, without two Date conversions per entry.
 */
function realInstant(text: string): boolean {
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    digits(text, 11, 2) <= 23 &&
    digits(text, 14, 2) <= 59 &&
    digits(text, 17, 2) <= 59
  );
}

/** Checks the shape of a parsed payload; returns it typed. */
export function checkPayload(value: unknown): EntryPayload {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('payload', 'is not an object');
  const p = value as Record<string, unknown>;
  if (!hasExactly(p, FIELD_LIST)) throw bad('fields', `must be exactly ${FIELDS}`);
  if (p.v !== PAYLOAD_VERSION) throw bad('version', `must be ${PAYLOAD_VERSION}`);
  for (const f of ['station', 'prev', 'ceremonyPrev', 'procedure'] as const) {
    if (typeof p[f] !== 'string' || !HEX64.test(p[f] as string)) throw bad(f, 'must be 64 lowercase hex characters');
  }
  for (const f of ['index', 'seq'] as const) {
    if (!Number.isSafeInteger(p[f]) || (p[f] as number) < 0) throw bad(f, 'must be a whole number from 0');
  }
  for (const f of ['ceremony', 'procedureId', 'step'] as const) {
    if (typeof p[f] !== 'string' || !ID.test(p[f] as string)) throw bad(f, 'must be 1 to 128 letters, digits or . _ : @ -');
  }
  if (!ENTRY_TYPES.includes(p.type as EntryType)) throw bad('type', `must be one of ${ENTRY_TYPES.join(', ')}`);
  const time = p.time as Record<string, unknown>;
  if (
    !time ||
    typeof time !== 'object' ||
    !hasExactly(time, TIME_FIELDS) ||
    typeof time.utc !== 'string' ||
    !UTC.test(time.utc) ||
    !realInstant(time.utc) ||
    time.source !== TIME_SOURCE ||
    time.trusted !== false
  ) {
    throw bad('time', `must be {utc: "YYYY-MM-DDThh:mm:ss.sssZ", source: "${TIME_SOURCE}", trusted: false}`);
  }
  if (typeof p.retainUntil !== 'string' || !DATE.test(p.retainUntil) || !realInstant(`${p.retainUntil}T00:00:00.000Z`)) {
    throw bad('retainUntil', 'must be a date YYYY-MM-DD');
  }
  if (!Array.isArray(p.signers)) throw bad('signers', 'must be a list');
  for (const s of p.signers as unknown[]) {
    const r = s as Record<string, unknown>;
    if (
      !r ||
      typeof r !== 'object' ||
      !hasExactly(r, SIGNER_FIELDS) ||
      typeof r.keyid !== 'string' ||
      !HEX64.test(r.keyid) ||
      typeof r.role !== 'string' ||
      !ROLE.test(r.role)
    ) {
      throw bad('signers', 'must list {keyid, role}');
    }
  }
  if (!p.body || typeof p.body !== 'object' || Array.isArray(p.body)) throw bad('body', 'must be an object');
  return p as unknown as EntryPayload;
}

/**
 * Retention date: the entry's UTC date plus five years (29 February becomes 28 February). For a
 * time in toISOString form (every checked payload's), read from the text; else through Date.
 */
export function retainUntil(utc: string): string {
  let year: number;
  let month: number;
  let day: number;
  if (UTC.test(utc) && realInstant(utc)) {
    year = digits(utc, 0, 4) + RETENTION_YEARS;
    month = digits(utc, 5, 2);
    day = Math.min(digits(utc, 8, 2), daysInMonth(year, month));
  } else {
    const d = new Date(utc);
    year = d.getUTCFullYear() + RETENTION_YEARS;
    month = d.getUTCMonth() + 1;
    day = Math.min(d.getUTCDate(), new Date(Date.UTC(year, month, 0)).getUTCDate());
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
