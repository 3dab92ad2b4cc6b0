/**
 * Entry payload times and retention dates must be real instants in toISOString form: an impossible
 * date (30 February, hour 25) is refused as PAYLOAD_INVALID, not silently normalised.
 */
import { expect, test } from 'vitest';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { checkPayload, retainUntil } from '../../ceremonies/record/entry-payload.ts';

const HEX = 'a'.repeat(64);
const payload = (utc: string, retain = retainUntil('2026-01-10T10:00:00.000Z')) => ({
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

function code(fn: () => unknown): string {
  try {
    fn();
    return 'accepted';
  } catch (error) {
    return (error as CustosError).code;
  }
}

test('real instants are accepted; impossible ones are refused', () => {
  expect(code(() => checkPayload(payload('2026-01-10T10:00:00.000Z')))).toBe('accepted');
  expect(code(() => checkPayload(payload('2026-02-30T10:00:00.000Z')))).toBe('PAYLOAD_INVALID');
  expect(code(() => checkPayload(payload('2026-01-10T25:00:00.000Z')))).toBe('PAYLOAD_INVALID');
  expect(code(() => checkPayload(payload('2026-01-10T10:00:00.000Z', '2031-02-29')))).toBe('PAYLOAD_INVALID');
});

test('retention is five years later, 29 February becoming 28 February', () => {
  expect(retainUntil('2028-02-29T12:00:00.000Z')).toBe('2033-02-28');
  expect(retainUntil('2026-11-23T09:00:00.000Z')).toBe('2031-11-23');
});
