/**
 * Issue 3 tamper cases, group 5: who signs. Every forgery here is re-signed by every key involved
 * and the rest of the journal re-chained (full collusion), so that only the signer rules catch it:
 * a key not on the roster, a rostered key in a role it does not hold or that the step does not
 * allow, one signature counted twice toward a quorum, and a revoked key signing after revocation.
 */
import { describe, expect, test } from 'vitest';
import {
  AT, editEnvelope, editLine, expectErrorsOnlyAt, expectFinding, signPayload, useTamperStation,
} from '../../../support/tamper.ts';

const ctx = useTamperStation();

describe('signers', () => {
  test('a key not on the roster declared as witness, with its signature → SIGNER_UNKNOWN', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, (p) => {
      p.signers.push({ keyid: s.mallory.keyid, role: 'witness' });
    }, s.keys, {
      signatures: (sigs, type, bytes) => [...sigs, { keyid: s.mallory.keyid, sig: signPayload(s.mallory, type, bytes) }],
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'SIGNER_UNKNOWN', AT.eveProveKey, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });

  test('a key not on the roster replacing the only witness → SIGNER_UNKNOWN and QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const bob = s.witnesses[0]!;
    const lines = s.lines.slice();
    lines[AT.eveClose] = editLine(lines[AT.eveClose]!, (p) => {
      p.signers = p.signers.map((r) => (r.keyid === bob.keyid ? { keyid: s.mallory.keyid, role: 'witness' } : r));
    }, s.keys, {
      signatures: (sigs, type, bytes) => sigs.map((x) => (x.keyid === bob.keyid ? { keyid: s.mallory.keyid, sig: signPayload(s.mallory, type, bytes) } : x)),
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose + 1 });
    expectFinding(report, 'SIGNER_UNKNOWN', AT.eveClose, s.ceremonies.eve);
    expectFinding(report, 'QUORUM_NOT_MET', AT.eveClose, s.ceremonies.eve);
  });

  test('a holder declared as witness → ROLE_NOT_HELD', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.finnProveKey] = editLine(lines[AT.finnProveKey]!, (p) => {
      p.signers.push({ keyid: s.eve.keyid, role: 'witness' });
    }, s.keys, {
      signatures: (sigs, type, bytes) => [...sigs, { keyid: s.eve.keyid, sig: signPayload(s.eve, type, bytes) }],
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.finnClose });
    expectFinding(report, 'ROLE_NOT_HELD', AT.finnProveKey, s.ceremonies.finn);
    expectErrorsOnlyAt(report, AT.finnProveKey);
  });

  test('an officer declared on a step with no officer rule → ROLE_NOT_ALLOWED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editLine(lines[AT.confirmRoster]!, (p) => {
      p.signers.push({ keyid: s.officer.keyid, role: 'officer' });
    }, s.keys, {
      signatures: (sigs, type, bytes) => [...sigs, { keyid: s.officer.keyid, sig: signPayload(s.officer, type, bytes) }],
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'ROLE_NOT_ALLOWED', AT.confirmRoster, s.ceremonies.setup);
    expectErrorsOnlyAt(report, AT.confirmRoster);
  });

  test('the subject role claimed by someone other than the participant enrolled → ROLE_NOT_HELD', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, (p) => {
      p.signers.push({ keyid: s.witnesses[2]!.keyid, role: 'subject' });
    }, s.keys, {
      signatures: (sigs, type, bytes) => [...sigs, { keyid: s.witnesses[2]!.keyid, sig: signPayload(s.witnesses[2]!, type, bytes) }],
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'ROLE_NOT_HELD', AT.eveProveKey, s.ceremonies.eve);
  });
});

describe('one signature counted twice toward a threshold', () => {
  test('the same witness declared twice and signing twice (in place of a second witness) → SIGNATURE_DUPLICATE and QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const [bob, chloe] = s.witnesses as [typeof s.officer, typeof s.officer];
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editLine(lines[AT.confirmRoster]!, (p) => {
      p.signers = p.signers.map((r) => (r.keyid === chloe.keyid ? { ...r, keyid: bob.keyid } : r));
    }, s.keys, {
      signatures: (sigs) => sigs.map((x) => (x.keyid === chloe.keyid ? { ...sigs.find((y) => y.keyid === bob.keyid)! } : x)),
    });
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
    lines[AT.confirmRoster] = editLine(lines[AT.confirmRoster]!, (p) => {
      p.signers.push({ keyid: bob.keyid, role: 'witness' });
    }, s.keys);
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'SIGNATURE_DUPLICATE', AT.confirmRoster, s.ceremonies.setup);
    expect(report.findings.filter((f) => f.code === 'QUORUM_NOT_MET')).toEqual([]);
  });
});

describe('a revoked key', () => {
  test('Finn, revoked, signs a later step (declared as witness, a role that step allows) → SIGNER_REVOKED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.gusProveKey] = editLine(lines[AT.gusProveKey]!, (p) => {
      p.signers.push({ keyid: s.finn.keyid, role: 'witness' });
    }, s.keys, {
      signatures: (sigs, type, bytes) => [...sigs, { keyid: s.finn.keyid, sig: signPayload(s.finn, type, bytes) }],
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.gusClose });
    expectFinding(report, 'SIGNER_REVOKED', AT.gusProveKey, s.ceremonies.gus);
    expectErrorsOnlyAt(report, AT.gusProveKey);
  });

  test('Finn, revoked, as the only witness of a close → SIGNER_REVOKED and QUORUM_NOT_MET', async () => {
    const { s } = ctx;
    const dan = s.witnesses[2]!;
    const lines = s.lines.slice();
    lines[AT.drillClose] = editLine(lines[AT.drillClose]!, (p) => {
      p.signers = p.signers.map((r) => (r.keyid === dan.keyid ? { keyid: s.finn.keyid, role: 'witness' } : r));
    }, s.keys, {
      signatures: (sigs, type, bytes) => sigs.map((x) => (x.keyid === dan.keyid ? { keyid: s.finn.keyid, sig: signPayload(s.finn, type, bytes) } : x)),
    });
    const { report } = await ctx.run(lines);
    expectFinding(report, 'SIGNER_REVOKED', AT.drillClose, s.ceremonies.drill);
    expectFinding(report, 'QUORUM_NOT_MET', AT.drillClose, s.ceremonies.drill);
  });

  test('Finn, before his revocation, declared as witness (a role he never held) → ROLE_NOT_HELD, not SIGNER_REVOKED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.revokeClose] = editLine(lines[AT.revokeClose]!, (p) => {
      p.signers.push({ keyid: s.finn.keyid, role: 'witness' });
    }, s.keys, {
      signatures: (sigs, type, bytes) => [...sigs, { keyid: s.finn.keyid, sig: signPayload(s.finn, type, bytes) }],
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.revokeClose + 1 });
    expectFinding(report, 'ROLE_NOT_HELD', AT.revokeClose, s.ceremonies.revokeFinn);
    expect(report.findings.filter((f) => f.code === 'SIGNER_REVOKED')).toEqual([]);
  });
});
