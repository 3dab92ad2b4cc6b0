/**
 * checkPayload judges times and retention dates by arithmetic, and retainUntil computes from the
 * text (ADR 0011): both must agree with the Date round trip they replace (Date.parse, then
 * toISOString gives back the text; retention from the UTC fields of new Date) on every field's
 * edges: leap years and centuries, day 0 and 32, month 0 and 13, hour 24, minute and second 60.
 */
import { expect, test } from 'vitest';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { checkPayload, retainUntil } from '../../ceremonies/record/entry-payload.ts';

const HEX = 'a'.repeat(64);
const payload = (utc: string, retain: string) => ({
  body: {},
  ceremony: 'c-1',
  ceremonyPrev: HEX,
  index: 0,
  prev: HEX,
  procedure: HEX,
  procedureId: 'x@1',
  retainUntil: retain,
  seq: 0,
  signers: [],
  station: HEX,
  step: 'open',
  time: { source: 'station-clock', trusted: false, utc },
  type: 'open',
  v: 1,
});

function accepted(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    expect((error as CustosError).code).toBe('PAYLOAD_INVALID');
    return false;
  }
}

/** The judgement before: a real instant is one that Date reads and writes back unchanged. */
function roundTrips(text: string): boolean {
  const t = Date.parse(text);
  return !Number.isNaN(t) && new Date(t).toISOString() === text;
}

/** The retention date as computed before, through Date. */
function retainByDate(utc: string): string {
  const d = new Date(utc);
  const year = d.getUTCFullYear() + 5;
  const month = d.getUTCMonth();
  const day = Math.min(d.getUTCDate(), new Date(Date.UTC(year, month + 1, 0)).getUTCDate());
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const YEARS = [0, 1, 4, 99, 100, 400, 1900, 1999, 2000, 2024, 2026, 2100, 2400, 9995, 9999];

test('times: the arithmetic accepts exactly what the Date round trip accepts', () => {
  const retain = '2031-01-10';
  let checked = 0;
  for (const year of YEARS) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        for (const [hour, minute, second] of [
          [0, 0, 0],
          [23, 59, 59],
          [24, 0, 0],
          [25, 0, 0],
          [12, 60, 0],
          [12, 0, 60],
          [99, 99, 99],
        ] as const) {
          for (const ms of ['000', '999']) {
            const utc = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${ms}Z`;
            expect(
              accepted(() => checkPayload(payload(utc, retain))),
              utc,
            ).toBe(roundTrips(utc));
            checked++;
          }
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(40_000);
});

test('retention dates: the arithmetic accepts exactly what the Date round trip accepts', () => {
  const utc = '2026-01-10T10:00:00.000Z';
  for (const year of YEARS) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
        expect(
          accepted(() => checkPayload(payload(utc, date))),
          date,
        ).toBe(roundTrips(`${date}T00:00:00.000Z`));
      }
    }
  }
});

test('retainUntil gives what Date gave, for every day of 1995 to 2105 and the far years', () => {
  const days: string[] = [];
  for (let t = Date.UTC(1995, 0, 1); t < Date.UTC(2106, 0, 1); t += 86_400_000) days.push(new Date(t + 37_000_123).toISOString());
  for (const year of YEARS) for (const md of ['01-01', '02-28', '02-29', '03-01', '12-31']) days.push(`${pad(year, 4)}-${md}T23:59:59.999Z`);
  for (const utc of days) {
    if (!roundTrips(utc)) continue;
    expect(retainUntil(utc), utc).toBe(retainByDate(utc));
  }
  // Text not in toISOString form still goes through Date, as before.
  expect(retainUntil('2028-02-29T12:00:00Z')).toBe(retainByDate('2028-02-29T12:00:00Z'));
});
