/**
 * Issue 3 tamper cases, group 3: the journal's lines themselves — an entry deleted from the middle,
 * two entries swapped, the tail truncated (checkpoints left in place), a torn last record, trailing
 * garbage with and without a newline, and a duplicated entry.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { AT, ENTRY_COUNT, expectFinding, useTamperStation } from '../../../support/tamper.ts';

const ctx = useTamperStation();

describe('entries removed, reordered or repeated', () => {
  test('an entry deleted from the middle → ENTRIES_MISSING at the next', async () => {
    const { s } = ctx;
    const lines = s.lines.filter((_, i) => i !== AT.eveProveKey);
    const { report } = await ctx.run(lines);
    expectFinding(report, 'ENTRIES_MISSING', AT.eveClose, s.ceremonies.eve);
  });

  test('two entries swapped → ENTRIES_MISSING at the first, then ENTRIES_REORDERED at the second', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    [lines[AT.drillCount], lines[AT.drillSeal]] = [lines[AT.drillSeal]!, lines[AT.drillCount]!];
    const { report } = await ctx.run(lines);
    expectFinding(report, 'ENTRIES_MISSING', AT.drillSeal, s.ceremonies.drill);
    expectFinding(report, 'ENTRIES_REORDERED', AT.drillCount, s.ceremonies.drill);
  });

  test('an entry duplicated → ENTRY_DUPLICATED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines.splice(AT.eveProveKey + 1, 0, lines[AT.eveProveKey]!);
    const { report } = await ctx.run(lines);
    expectFinding(report, 'ENTRY_DUPLICATED', AT.eveProveKey, s.ceremonies.eve);
  });

  test('an entry duplicated at the end → ENTRY_DUPLICATED', async () => {
    const { s } = ctx;
    const { report } = await ctx.run([...s.lines, s.lines[AT.gusProveKey]!]);
    expectFinding(report, 'ENTRY_DUPLICATED', AT.gusProveKey, s.ceremonies.gus);
  });
});

describe('the end of the journal', () => {
  test('the last entries removed, checkpoints left → JOURNAL_TRUNCATED', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(s.lines.slice(0, AT.drillOpen));
    expectFinding(report, 'JOURNAL_TRUNCATED', AT.drillOpen);
    expect(report.entries).toBe(AT.drillOpen);
  });

  test('the last entry cut in half (a torn last record) → JOURNAL_TORN_TAIL at it', async () => {
    const { s } = ctx;
    const last = s.lines.at(-1)!;
    const { report } = await ctx.run(s.lines.slice(0, -1), { tail: last.slice(0, last.length >> 1) });
    expectFinding(report, 'JOURNAL_TORN_TAIL', ENTRY_COUNT - 1);
    expectFinding(report, 'JOURNAL_TRUNCATED', ENTRY_COUNT - 1);
  });

  test('a partial next record after the last entry → JOURNAL_TORN_TAIL', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(s.lines, { tail: s.lines[AT.eveOpen]!.slice(0, 200) });
    expectFinding(report, 'JOURNAL_TORN_TAIL', ENTRY_COUNT);
  });

  test('trailing random bytes without a newline → JOURNAL_TORN_TAIL', async () => {
    const { s } = ctx;
    const garbage = randomBytes(97).map((b) => (b === 0x0a ? 0x0b : b));
    const { report } = await ctx.run(s.lines, { tail: garbage });
    expectFinding(report, 'JOURNAL_TORN_TAIL', ENTRY_COUNT);
  });

  test('trailing random bytes with a newline → JSON_INVALID at the next index', async () => {
    const { s } = ctx;
    const garbage = randomBytes(97).map((b) => (b === 0x0a ? 0x0b : b));
    garbage[0] = 0xff; // never UTF-8
    const { report } = await ctx.run(s.lines, { tail: Buffer.concat([garbage, Buffer.from('\n')]) });
    expectFinding(report, 'JSON_INVALID', ENTRY_COUNT);
  });

  test('a trailing line of JSON that is not an envelope → ENVELOPE_INVALID at the next index', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(s.lines, { tail: '{"note":"appended by hand"}\n' });
    expectFinding(report, 'ENVELOPE_INVALID', ENTRY_COUNT);
  });
});
