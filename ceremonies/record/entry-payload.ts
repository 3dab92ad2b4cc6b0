/**
 * The payload of a record entry (docs/record-format.md, "Entry payload"), its shape checks, and the
 * constants it uses. Every field is public: no secret ever enters a record. Amounts are decimal
 * strings, names NFC, times UTC with their source marked untrusted; order comes from `index`.
 */
import { CustosError } from '../custos-error.ts';

export const PAYLOAD_VERSION = 1;
export const ENTRY_TYPES = ['open', 'step', 'close', 'abort', 'recovery'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];
export const ZERO_HASH = '0'.repeat(64);
export const RETENTION_YEARS = 5;
export const TIME_SOURCE = 'station-clock';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A participant signature's declared role: every non-station signature is declared here. */
export interface SignerRole {
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
const FIELDS = 'body,ceremony,ceremonyPrev,index,prev,procedure,procedureId,retainUntil,seq,signers,station,step,time,type,v';

function bad(field: string, why: string): CustosError {
  return new CustosError('PAYLOAD_INVALID', `The entry's ${field} ${why}.`, { field });
}

/** True for a real instant written exactly as toISOString writes it (no 30 February). */
function realInstant(text: string): boolean {
  const t = Date.parse(text);
  return !Number.isNaN(t) && new Date(t).toISOString() === text;
}

/** Checks the shape of a parsed payload; returns it typed. */
export function checkPayload(value: unknown): EntryPayload {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('payload', 'is not an object');
  const p = value as Record<string, unknown>;
  if (Object.keys(p).sort().join(',') !== FIELDS) throw bad('fields', `must be exactly ${FIELDS}`);
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
  if (!time || typeof time !== 'object' || Object.keys(time).sort().join(',') !== 'source,trusted,utc'
    || typeof time.utc !== 'string' || !UTC.test(time.utc) || !realInstant(time.utc)
    || time.source !== TIME_SOURCE || time.trusted !== false) {
    throw bad('time', `must be {utc: "YYYY-MM-DDThh:mm:ss.sssZ", source: "${TIME_SOURCE}", trusted: false}`);
  }
  if (typeof p.retainUntil !== 'string' || !DATE.test(p.retainUntil) || !realInstant(`${p.retainUntil}T00:00:00.000Z`)) {
    throw bad('retainUntil', 'must be a date YYYY-MM-DD');
  }
  if (!Array.isArray(p.signers)) throw bad('signers', 'must be a list');
  for (const s of p.signers as unknown[]) {
    const r = s as Record<string, unknown>;
    if (!r || typeof r !== 'object' || Object.keys(r).sort().join(',') !== 'keyid,role'
      || typeof r.keyid !== 'string' || !HEX64.test(r.keyid) || typeof r.role !== 'string' || !/^[a-z]{1,32}$/u.test(r.role)) {
      throw bad('signers', 'must list {keyid, role}');
    }
  }
  if (!p.body || typeof p.body !== 'object' || Array.isArray(p.body)) throw bad('body', 'must be an object');
  return p as unknown as EntryPayload;
}

/** Retention date: the entry's UTC date plus five years (29 February becomes 28 February). */
export function retainUntil(utc: string): string {
  const d = new Date(utc);
  const year = d.getUTCFullYear() + RETENTION_YEARS;
  const month = d.getUTCMonth();
  const day = Math.min(d.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
