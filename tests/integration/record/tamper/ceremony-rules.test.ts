/**
 * Issue 3 tamper cases, group 7: the ceremony rules, with every forgery re-signed by every key and
 * the rest of the journal re-chained: a step out of order, a step not in the procedure, the
 * procedure swapped mid-ceremony (by hash, and by its id@version alone), an entry after the close,
 * a close summary that does not match.
 */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { revokeParticipant } from '../../../../ceremonies/procedures/revoke-participant.ts';
import { procedureHash } from '../../../../ceremonies/procedures/definition.ts';
import { AT, editLine, expectErrorsOnlyAt, expectFinding, expectValid, signPayload, summary, useTamperStation } from '../../../support/tamper.ts';

const ctx = useTamperStation();

describe('steps', () => {
  test('two middle steps swapped (count after seal), re-signed → STEP_OUT_OF_ORDER', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.drillCount] = editLine(
      lines[AT.drillCount]!,
      (p) => {
        p.step = 'seal';
        p.body = { seal: 'bag 42' };
      },
      s.keys,
    );
    lines[AT.drillSeal] = editLine(
      lines[AT.drillSeal]!,
      (p) => {
        p.step = 'count';
        p.body = { count: 3 };
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.drillSeal });
    expectFinding(report, 'STEP_OUT_OF_ORDER', AT.drillSeal, s.ceremonies.drill);
    expectFinding(report, 'STEP_MISSING', AT.drillCount, s.ceremonies.drill);
  });

  test('an enrolment step repeated after a later one (the opening step again, as a step) → STEP_OUT_OF_ORDER', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    const extra = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.step = 'open';
      },
      s.keys,
    );
    lines.splice(AT.eveClose, 0, extra);
    lines[AT.eveClose + 1] = editLine(
      lines[AT.eveClose + 1]!,
      (p) => {
        p.seq = 3;
        p.body.entries = 3;
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'STEP_OUT_OF_ORDER', AT.eveClose, s.ceremonies.eve);
  });

  test('a step that is not in the procedure → STEP_UNKNOWN', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.step = 'sign-cheque';
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'STEP_UNKNOWN', AT.eveProveKey, s.ceremonies.eve);
  });

  /** The drill's seal step turned into an abort signed by the officer, the journal ending there. */
  function abortAtSeal(step: string): string[] {
    const { s } = ctx;
    const lines = s.lines.slice(0, AT.drillSeal + 1);
    lines[AT.drillSeal] = editLine(
      lines[AT.drillSeal]!,
      (p) => {
        p.type = 'abort';
        p.step = step;
        p.body = { reason: 'bag torn' };
        p.signers = [
          { keyid: s.officer.keyid, role: 'officer' },
          { keyid: s.witnesses[0]!.keyid, role: 'witness' },
        ];
      },
      s.keys,
      {
        signatures: (sigs, type, bytes) => [
          sigs[0]!,
          { keyid: s.officer.keyid, sig: signPayload(s.officer, type, bytes) },
          { keyid: s.witnesses[0]!.keyid, sig: signPayload(s.witnesses[0]!, type, bytes) },
        ],
      },
    );
    return lines;
  }

  test('control: a well-formed abort, re-signed → valid', async () => {
    const { report } = await ctx.run(abortAtSeal('abort'), { rechainFrom: AT.drillSeal + 1 });
    expectValid(report);
  });

  test('an abort entry whose step is not "abort" → STEP_UNKNOWN', async () => {
    const { s } = ctx;
    const { report } = await ctx.run(abortAtSeal('seal'), { rechainFrom: AT.drillSeal + 1 });
    expectFinding(report, 'STEP_UNKNOWN', AT.drillSeal, s.ceremonies.drill);
    expectErrorsOnlyAt(report, AT.drillSeal);
  });
});

describe('procedures', () => {
  test('the procedure hash of a step changed to another known procedure, re-signed → PROCEDURE_CHANGED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.procedure = procedureHash(revokeParticipant);
        p.procedureId = 'revoke-participant@1';
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'PROCEDURE_CHANGED', AT.eveProveKey, s.ceremonies.eve);
  });

  test('the procedure hash of a close changed to an unknown one, re-signed → PROCEDURE_CHANGED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.revokeClose] = editLine(
      lines[AT.revokeClose]!,
      (p) => {
        p.procedure = createHash('sha256').update('a procedure of my own').digest('hex');
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.revokeClose + 1 });
    expectFinding(report, 'PROCEDURE_CHANGED', AT.revokeClose, s.ceremonies.revokeFinn);
  });
});

describe('the procedure reference (id@version) bound to the procedure hash', () => {
  // The entry names its procedure twice: by hash and by id@version. The roster follows the id
  // (enrolment, revocation), so an id that does not name the hashed definition must be an error.
  // The code is not settled yet: any PROCEDURE_* code at the entry passes.
  const procedureFinding = (index: number, ceremony: string) =>
    expect.objectContaining({
      severity: 'error',
      index,
      ceremony,
      code: expect.stringMatching(/^PROCEDURE_/u),
    });

  test('the procedure id of a step changed, re-signed → a PROCEDURE_* error at it', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.procedureId = 'revoke-participant@1';
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expect(report.ok, summary(report).join(', ')).toBe(false);
    expect(report.findings).toContainEqual(procedureFinding(AT.eveProveKey, s.ceremonies.eve));
  });

  test("the procedure id of an enrolment's opening changed, re-signed → a PROCEDURE_* error (else Eve silently leaves the roster)", async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveOpen] = editLine(
      lines[AT.eveOpen]!,
      (p) => {
        p.procedureId = 'tamper-drill@1';
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveOpen + 1 });
    expect(report.ok, summary(report).join(', ')).toBe(false);
    expect(report.findings).toContainEqual(procedureFinding(AT.eveOpen, s.ceremonies.eve));
  });

  test("the procedure id of a revocation's opening changed, re-signed → a PROCEDURE_* error (else Finn's revocation is silently undone)", async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.revokeOpen] = editLine(
      lines[AT.revokeOpen]!,
      (p) => {
        p.procedureId = 'tamper-drill@1';
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.revokeOpen + 1 });
    expect(report.ok, summary(report).join(', ')).toBe(false);
    expect(report.findings).toContainEqual(procedureFinding(AT.revokeOpen, s.ceremonies.revokeFinn));
  });
});

describe('closing', () => {
  test('an entry after the close, correctly chained and re-signed → ENTRY_AFTER_CLOSE', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    const late = editLine(
      lines[AT.eveProveKey]!,
      (p) => {
        p.seq = 3;
        p.body = { keyid: s.eve.keyid, note: 'one more' };
      },
      s.keys,
    );
    lines.splice(AT.eveClose + 1, 0, late);
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose + 1 });
    expectFinding(report, 'ENTRY_AFTER_CLOSE', AT.eveClose + 1, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveClose + 1);
  });

  test('a close whose summary counts one entry too many, re-signed → CLOSE_SUMMARY_MISMATCH', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveClose] = editLine(
      lines[AT.eveClose]!,
      (p) => {
        p.body.entries = 3;
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose + 1 });
    expectFinding(report, 'CLOSE_SUMMARY_MISMATCH', AT.eveClose, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveClose);
  });

  test('a close whose summary is missing, re-signed → CLOSE_SUMMARY_MISMATCH', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.drillClose] = editLine(
      lines[AT.drillClose]!,
      (p) => {
        p.body = {};
      },
      s.keys,
    );
    const { report } = await ctx.run(lines);
    expectFinding(report, 'CLOSE_SUMMARY_MISMATCH', AT.drillClose, s.ceremonies.drill);
  });
});
