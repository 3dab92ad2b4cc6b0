/**
 * Issue 3 tamper cases, group 4: an entry replayed from another ceremony (re-signed with a fitting
 * index and prev, so that only the ceremony rules catch it; and verbatim, not re-signed), and an
 * entry replayed from another station (verbatim; re-chained and signed by that station's key; and
 * signed by it while claiming to be ours).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrol, testSigner, type TestStation } from '../../../support/test-station.ts';
import {
  AT,
  editLine,
  expectErrorsOnlyAt,
  expectFinding,
  lineHashOf,
  readJournal,
  removeDir,
  setUpStationWith,
  useTamperStation,
} from '../../../support/tamper.ts';

const ctx = useTamperStation();

describe('an entry replayed from another ceremony', () => {
  test('from an earlier, closed ceremony into an open one, re-signed, re-indexed and re-chained → CEREMONY_MIXED', async () => {
    const { s } = ctx;
    // Eve's prove-key step copied right after the opening of Finn's enrolment.
    const lines = s.lines.slice();
    lines.splice(AT.finnOpen + 1, 0, s.lines[AT.eveProveKey]!);
    const { report } = await ctx.run(lines, { rechainFrom: AT.finnOpen + 1 });
    expectFinding(report, 'CEREMONY_MIXED', AT.finnOpen + 1, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.finnOpen + 1);
  });

  test('from a later ceremony into an open one, re-signed, re-indexed and re-chained → CEREMONY_MIXED', async () => {
    const { s } = ctx;
    // Gus's prove-key step (a later enrolment) copied right after the opening of Finn's enrolment.
    const lines = s.lines.slice();
    lines.splice(AT.finnOpen + 1, 0, s.lines[AT.gusProveKey]!);
    const { report } = await ctx.run(lines, { rechainFrom: AT.finnOpen + 1 });
    expectFinding(report, 'CEREMONY_MIXED', AT.finnOpen + 1, s.ceremonies.gus);
    expectErrorsOnlyAt(report, AT.finnOpen + 1);
  });

  test('the same copy, not re-signed (verbatim line) → a chain code for that entry', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines.splice(AT.finnOpen + 1, 0, s.lines[AT.eveProveKey]!);
    const { report } = await ctx.run(lines);
    // The line is byte for byte entry 4 again: it is named by its own index.
    expectFinding(report, 'ENTRY_DUPLICATED', AT.eveProveKey, s.ceremonies.eve);
  });

  test('a verbatim line of a later ceremony → ENTRIES_MISSING at it, ENTRIES_REORDERED after it', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines.splice(AT.finnOpen + 1, 0, s.lines[AT.gusProveKey]!);
    const { report } = await ctx.run(lines);
    expectFinding(report, 'ENTRIES_MISSING', AT.gusProveKey, s.ceremonies.gus);
    expectFinding(report, 'ENTRIES_REORDERED', AT.finnProveKey, s.ceremonies.finn);
  });
});

describe('an entry replayed from another station', () => {
  let other: TestStation;
  let otherLines: string[];
  const otherStation = testSigner('station B');

  beforeAll(async () => {
    // Same people, same clock, same enrolment of Eve: its entry 4 differs from ours only by station
    // and chain.
    other = await setUpStationWith(otherStation);
    try {
      await enrol(other, ctx.s.eve);
    } finally {
      other.writer.close();
    }
    otherLines = readJournal(other.dir);
  });
  afterAll(() => {
    if (other) removeDir(other.dir);
  });

  test("the other station's line, verbatim → STATION_MISMATCH and STATION_SIGNATURE_MISSING", async () => {
    const { s } = ctx;
    expect(otherLines[AT.eveProveKey]).not.toBe(s.lines[AT.eveProveKey]);
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = otherLines[AT.eveProveKey]!;
    const { report } = await ctx.run(lines);
    expectFinding(report, 'STATION_MISMATCH', AT.eveProveKey, s.ceremonies.eve);
    expectFinding(report, 'STATION_SIGNATURE_MISSING', AT.eveProveKey, s.ceremonies.eve);
  });

  test('re-indexed and re-chained into our journal, signed by the other station → STATION_MISMATCH and STATION_SIGNATURE_MISSING', async () => {
    const { s } = ctx;
    const keys = new Map([...s.keys].filter(([keyid]) => keyid !== s.station.keyid));
    keys.set(otherStation.keyid, otherStation);
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      otherLines[AT.eveProveKey]!,
      (p) => {
        p.index = AT.eveProveKey;
        p.prev = lineHashOf(s.lines[AT.eveOpen]!);
        p.ceremonyPrev = lineHashOf(s.lines[AT.eveOpen]!);
      },
      keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'STATION_MISMATCH', AT.eveProveKey, s.ceremonies.eve);
    expectFinding(report, 'STATION_SIGNATURE_MISSING', AT.eveProveKey, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });

  test("signed by the other station's key but claiming to be ours (station field and key id) → SIGNATURE_INVALID", async () => {
    const { s } = ctx;
    const impostor = { ...otherStation, keyid: s.station.keyid, publicKey: s.station.publicKey };
    const keys = new Map([...s.keys, [s.station.keyid, impostor]]);
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      s.lines[AT.eveProveKey]!,
      (p) => {
        p.body.keyid = s.mallory.keyid;
      },
      keys,
    );
    const { report } = await ctx.run(lines);
    expectFinding(report, 'SIGNATURE_INVALID', AT.eveProveKey, s.ceremonies.eve);
    expect(report.findings.filter((f) => f.index === AT.eveProveKey).map((f) => f.message)).toEqual([expect.stringMatching(/station signature/u)]);
  });
});
