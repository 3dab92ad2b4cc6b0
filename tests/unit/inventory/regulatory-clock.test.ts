/**
 * The regulatory clock (issue 19, "Regulatory clock"; ceremonies/inventory/regulatory-clock.ts): which
 * criteria make an incident major, and each report's deadline at its exact boundary — the initial
 * notification 4 hours after classification but never later than 24 hours after detection, the
 * intermediate 72 hours after the initial, the final one calendar month after the intermediate
 * (the month's last day when it is shorter) — with made, late, open, missed and waiting.
 */
import { describe, expect, test } from 'vitest';
import { reportDeadlines, type Classification, type Notification } from '../../../ceremonies/inventory/regulatory-clock.ts';
import { isMajor } from '../../../common/incidents/major-incident.ts';

const none = {
  'critical-services': false,
  'data-losses': false,
  'clients-affected': false,
  'reputational-impact': false,
  'duration-downtime': false,
  'geographical-spread': false,
  'economic-impact': false,
};
const classified = (detectedAt: string, classifiedAt: string): Classification => ({
  major: true,
  criteria: { ...none, 'critical-services': true, 'data-losses': true },
  detectedAt,
  classifiedAt,
});
const at = (iso: string) => new Date(iso);
const notice = (report: Notification['report'], when: string): Notification => ({ report, at: when, authority: 'AMF', reference: `AMF-${report}` });

describe('major or not', () => {
  test('critical services with data losses, or with two other criteria; never without critical services', () => {
    expect(isMajor({ ...none, 'critical-services': true, 'data-losses': true })).toBe(true);
    expect(isMajor({ ...none, 'critical-services': true, 'clients-affected': true, 'economic-impact': true })).toBe(true);
    expect(isMajor({ ...none, 'critical-services': true, 'clients-affected': true })).toBe(false);
    expect(isMajor({ ...none, 'data-losses': true, 'clients-affected': true, 'economic-impact': true, 'reputational-impact': true })).toBe(false);
    expect(isMajor(none)).toBe(false);
  });

  test('an incident not classified major owes no report', () => {
    expect(reportDeadlines(null, [], at('2026-12-07T00:00:00Z'))).toEqual([]);
    expect(reportDeadlines({ ...classified('2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z'), major: false }, [], at('2026-12-08T00:00:00Z'))).toEqual([]);
  });
});

describe('deadlines', () => {
  test('the initial notification: 4 hours after classification, open to the millisecond, then missed; later ones wait', () => {
    const c = classified('2026-12-07T08:00:00Z', '2026-12-07T09:00:00Z');
    const [initial, intermediate, final] = reportDeadlines(c, [], at('2026-12-07T13:00:00.000Z'));
    expect(initial).toEqual({ report: 'initial', due: '2026-12-07T13:00:00.000Z', madeAt: null, reference: null, state: 'open' });
    expect(intermediate).toMatchObject({ report: 'intermediate', due: null, state: 'waiting' });
    expect(final).toMatchObject({ report: 'final', due: null, state: 'waiting' });
    expect(reportDeadlines(c, [], at('2026-12-07T13:00:00.001Z'))[0]!.state).toBe('missed');
  });

  test('classified late, the initial notification is due 24 hours after detection, not 4 hours after classification', () => {
    const c = classified('2026-12-07T08:00:00Z', '2026-12-08T06:00:00Z');
    expect(reportDeadlines(c, [], at('2026-12-08T07:00:00Z'))[0]).toMatchObject({ due: '2026-12-08T08:00:00.000Z', state: 'open' });
  });

  test('each report made starts the next one’s clock: 72 hours, then one calendar month (the last day of a shorter month)', () => {
    const c = classified('2027-01-27T08:00:00Z', '2027-01-27T09:00:00Z');
    const made = [notice('initial', '2027-01-27T12:00:00Z'), notice('intermediate', '2027-01-31T10:00:00Z')];
    const [initial, intermediate, final] = reportDeadlines(c, made, at('2027-02-01T00:00:00Z'));
    expect(initial).toMatchObject({ state: 'made', madeAt: '2027-01-27T12:00:00Z', reference: 'AMF-initial' });
    // Due 72 hours after the initial (30 January 12:00); made on 31 January: late.
    expect(intermediate).toMatchObject({ due: '2027-01-30T12:00:00.000Z', state: 'made-late' });
    // One month after 31 January is the last day of February.
    expect(final).toMatchObject({ due: '2027-02-28T10:00:00.000Z', state: 'open' });
    expect(reportDeadlines(c, made, at('2027-02-28T10:00:00.001Z'))[2]!.state).toBe('missed');
    expect(reportDeadlines(c, [...made, notice('final', '2027-02-20T09:00:00Z')], at('2027-03-30T00:00:00Z'))[2]!.state).toBe('made');
  });
});
