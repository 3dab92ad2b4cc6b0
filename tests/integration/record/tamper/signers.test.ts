/**
 * Issue 3 tamper cases, group 5: who signs. Every forgery here is re-signed by every key involved
 * and the rest of the journal re-chained (full collusion), so that only the signer rules catch it:
 * a key not on the roster, a rostered key in a role it does not hold or that the step does not
 * allow, one signature counted twice toward a quorum, and a revoked key signing after revocation.
 */
import { describe, expect, test } from 'vitest';
import { AT, addSigner, editEnvelope, editLine, expectErrorsOnlyAt, expectFinding, replaceSigner, useTamperStation } from '../../../support/tamper.ts';

const ctx = useTamperStation();

describe('signers', () => {
  test('a key not on the roster declared as witness, with its signature → SIGNER_UNKNOWN', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = addSigner(lines[AT.eveProveKey]!, s.keys, s.mallory, 'witness');
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'SIGNER_UNKNOWN', AT.eveProveKey, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });

  test('a key not on the roster replacing the only witness → SIGNER_UNKNOWN and QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const bob = s.witnesses[0]!;
    const lines = s.lines.slice();
    lines[AT.eveClose] = replaceSigner(lines[AT.eveClose]!, s.keys, bob.keyid, s.mallory, 'witness');
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose + 1 });
    expectFinding(report, 'SIGNER_UNKNOWN', AT.eveClose, s.ceremonies.eve);
    expectFinding(report, 'QUORUM_NOT_MET', AT.eveClose, s.ceremonies.eve);
  });

  test('a holder declared as witness → ROLE_NOT_HELD', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.finnProveKey] = addSigner(lines[AT.finnProveKey]!, s.keys, s.eve, 'witness');
    const { report } = await ctx.run(lines, { rechainFrom: AT.finnClose });
    expectFinding(report, 'ROLE_NOT_HELD', AT.finnProveKey, s.ceremonies.finn);
    expectErrorsOnlyAt(report, AT.finnProveKey);
  });

  test('an officer declared on a step with no officer rule → ROLE_NOT_ALLOWED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = addSigner(lines[AT.confirmRoster]!, s.keys, s.officer, 'officer');
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'ROLE_NOT_ALLOWED', AT.confirmRoster, s.ceremonies.setup);
    expectErrorsOnlyAt(report, AT.confirmRoster);
  });

  test('the subject role claimed by someone other than the participant enrolled → ROLE_NOT_HELD', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = addSigner(lines[AT.eveProveKey]!, s.keys, s.witnesses[2]!, 'subject');
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'ROLE_NOT_HELD', AT.eveProveKey, s.ceremonies.eve);
  });
});

describe('one signature counted twice toward a threshold', () => {
  test('the same witness declared twice and signing twice (in place of a second witness) → SIGNATURE_DUPLICATE and QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const [bob, chloe] = s.witnesses as [typeof s.officer, typeof s.officer];
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editLine(
      lines[AT.confirmRoster]!,
      (p) => {
        p.signers = p.signers.map((r) => (r.keyid === chloe.keyid ? { ...r, keyid: bob.keyid } : r));
      },
      s.keys,
      {
        signatures: (sigs) => sigs.map((x) => (x.keyid === chloe.keyid ? { ...sigs.find((y) => y.keyid === bob.keyid)! } : x)),
      },
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'SIGNATURE_DUPLICATE', AT.confirmRoster, s.ceremonies.setup);
    expectFinding(report, 'QUORUM_NOT_MET', AT.confirmRoster, s.ceremonies.setup);
    expectErrorsOnlyAt(report, AT.confirmRoster);
  });

  test('the envelope carries one witness signature twice (payload untouched) → SIGNATURE_DUPLICATE, SIGNATURE_MISSING, QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const [bob, chloe] = s.witnesses as [typeof s.officer, typeof s.officer];
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editEnvelope(lines[AT.confirmRoster]!, (e) => {
      const bobSig = e.signatures.find((x) => x.keyid === bob.keyid)!;
      e.signatures = e.signatures.map((x) => (x.keyid === chloe.keyid ? { ...bobSig } : x));
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'SIGNATURE_DUPLICATE', AT.confirmRoster, s.ceremonies.setup);
    expectFinding(report, 'SIGNATURE_MISSING', AT.confirmRoster, s.ceremonies.setup);
    expectFinding(report, 'QUORUM_NOT_MET', AT.confirmRoster, s.ceremonies.setup);
    expectErrorsOnlyAt(report, AT.confirmRoster);
  });

  test('a witness declared twice in signers, the quorum otherwise met → SIGNATURE_DUPLICATE', async () => {
    const { s } = ctx;
    const bob = s.witnesses[0]!;
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editLine(
      lines[AT.confirmRoster]!,
      (p) => {
        p.signers.push({ keyid: bob.keyid, role: 'witness' });
      },
      s.keys,
    );
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'SIGNATURE_DUPLICATE', AT.confirmRoster, s.ceremonies.setup);
    expect(report.findings.filter((f) => f.code === 'QUORUM_NOT_MET')).toEqual([]);
  });
});

describe('a revoked key', () => {
  test('Finn, revoked, signs a later step (declared as witness, a role that step allows) → SIGNER_REVOKED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.gusProveKey] = addSigner(lines[AT.gusProveKey]!, s.keys, s.finn, 'witness');
    const { report } = await ctx.run(lines, { rechainFrom: AT.gusClose });
    expectFinding(report, 'SIGNER_REVOKED', AT.gusProveKey, s.ceremonies.gus);
    expectErrorsOnlyAt(report, AT.gusProveKey);
  });

  test('Finn, revoked, as the only witness of a close → SIGNER_REVOKED and QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const dan = s.witnesses[2]!;
    const lines = s.lines.slice();
    lines[AT.drillClose] = replaceSigner(lines[AT.drillClose]!, s.keys, dan.keyid, s.finn, 'witness');
    const { report } = await ctx.run(lines);
    expectFinding(report, 'SIGNER_REVOKED', AT.drillClose, s.ceremonies.drill);
    expectFinding(report, 'QUORUM_NOT_MET', AT.drillClose, s.ceremonies.drill);
  });

  test('Finn, before his revocation, declared as witness (a role he never held) → ROLE_NOT_HELD, not SIGNER_REVOKED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.revokeClose] = addSigner(lines[AT.revokeClose]!, s.keys, s.finn, 'witness');
    const { report } = await ctx.run(lines, { rechainFrom: AT.revokeClose + 1 });
    expectFinding(report, 'ROLE_NOT_HELD', AT.revokeClose, s.ceremonies.revokeFinn);
    expect(report.findings.filter((f) => f.code === 'SIGNER_REVOKED')).toEqual([]);
  });
});
