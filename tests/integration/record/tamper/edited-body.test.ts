/**
 * Issue 3 tamper cases, group 2: a body field edited without re-signing; and edited then re-signed
 * by the station alone, so that the participants' signatures no longer match.
 */
import { describe, expect, test } from 'vitest';
import { AT, editLine, expectErrorsOnlyAt, expectFinding, useTamperStation } from '../../../support/tamper.ts';

const ctx = useTamperStation();

describe('a body field edited', () => {
  test('not re-signed → SIGNATURE_INVALID at it (station and participants)', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.body.keyid = s.mallory.keyid;
      },
      s.keys,
      { resign: 'none' },
    );
    const { report } = await ctx.run(lines);
    expectFinding(report, 'SIGNATURE_INVALID', AT.eveProveKey, s.ceremonies.eve);
    const invalid = report.findings.filter((f) => f.code === 'SIGNATURE_INVALID' && f.index === AT.eveProveKey);
    expect(invalid.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringMatching(/station/u), expect.stringMatching(/participant/u)]));
    // The stored line changed, so the next entry's prev no longer names it.
    expectFinding(report, 'PREV_MISMATCH', AT.eveClose, s.ceremonies.eve);
  });

  test('not re-signed, later entries re-chained by the station key too → still SIGNATURE_INVALID at it', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.revokeOpen] = editLine(
      lines[AT.revokeOpen]!,
      (p) => {
        p.body.reason = 'retired';
      },
      s.keys,
      { resign: 'none' },
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.revokeClose });
    expectFinding(report, 'SIGNATURE_INVALID', AT.revokeOpen, s.ceremonies.revokeFinn);
    expectErrorsOnlyAt(report, AT.revokeOpen);
  });

  test('re-signed by the station only → a participant signature is SIGNATURE_INVALID', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.revokeOpen] = editLine(
      lines[AT.revokeOpen]!,
      (p) => {
        p.body.keyid = s.gus.keyid; // revoke Gus's key instead of Finn's
      },
      s.keys,
      { resign: 'station' },
    );
    const { report } = await ctx.run(lines);
    expectFinding(report, 'SIGNATURE_INVALID', AT.revokeOpen, s.ceremonies.revokeFinn);
    const atEntry = report.findings.filter((f) => f.code === 'SIGNATURE_INVALID' && f.index === AT.revokeOpen);
    expect(atEntry.map((f) => f.message)).toEqual([expect.stringMatching(/participant signature/u)]);
  });

  test('re-signed by the station only, on a step signed by two witnesses → SIGNATURE_INVALID twice', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editLine(
      lines[AT.confirmRoster]!,
      (p) => {
        p.body.rosterHash = '0'.repeat(64);
      },
      s.keys,
      { resign: 'station' },
    );
    const { report } = await ctx.run(lines);
    const atEntry = report.findings.filter((f) => f.code === 'SIGNATURE_INVALID' && f.index === AT.confirmRoster);
    expect(atEntry.map((f) => f.message)).toEqual([expect.stringMatching(/participant/u), expect.stringMatching(/participant/u)]);
    expectFinding(report, 'SIGNATURE_INVALID', AT.confirmRoster, s.ceremonies.setup);
  });
});
