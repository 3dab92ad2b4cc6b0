/**
 * Issue 3 tamper cases, group 1: single bit flips in a stored entry, none re-signed — in the
 * payload (a base64 character changed so that the payload still decodes), in a signature, in a
 * signature's key id, and in the payload type.
 */
import { describe, expect, test } from 'vitest';
import { decodeEntry } from '../../../../ceremonies/record/entry-codec.ts';
import {
  AT,
  decodeLine,
  editEnvelope,
  encodeEnvelope,
  expectErrorsOnlyAt,
  expectFinding,
  flipBase64Bit,
  flipHexDigit,
  useTamperStation,
} from '../../../support/tamper.ts';

const ctx = useTamperStation();
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Flips one bit of one base64 character of the payload, at the first place where the entry still
 * decodes (canonical JSON of the right shape) and only its body changed.
 */
function flipPayloadCharacter(line: string): string {
  const { envelope, payload } = decodeLine(line);
  const { body: _body, ...rest } = payload;
  for (let at = 0; at < envelope.payload.length - 4; at++) {
    for (let bit = 0; bit < 6; bit++) {
      const c = BASE64[BASE64.indexOf(envelope.payload[at]!) ^ (1 << bit)]!;
      const candidate = encodeEnvelope({ ...envelope, payload: envelope.payload.slice(0, at) + c + envelope.payload.slice(at + 1) });
      try {
        const { body: _b, ...after } = decodeEntry(new Uint8Array(Buffer.from(candidate))).payload;
        if (JSON.stringify(after) === JSON.stringify(rest)) return candidate;
      } catch {
        // this flip breaks the framing; try the next one
      }
    }
  }
  throw new Error('no decodable flip');
}

describe('a bit flipped in the payload', () => {
  test('a base64 character of the payload changed (still decodes) → SIGNATURE_INVALID at that entry', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = flipPayloadCharacter(lines[AT.eveProveKey]!);
    expect(lines[AT.eveProveKey]).not.toBe(s.lines[AT.eveProveKey]);
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'SIGNATURE_INVALID', AT.eveProveKey, s.ceremonies.eve);
    // Every signature of the entry fails: the station's and both participants'.
    expect(report.findings.filter((f) => f.code === 'SIGNATURE_INVALID' && f.index === AT.eveProveKey)).toHaveLength(3);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });

  test('the same, verified on worker threads → SIGNATURE_INVALID at that entry', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = flipPayloadCharacter(lines[AT.confirmRoster]!);
    const { report } = await ctx.run(lines, { threads: 2 });
    expect(report.threads).toBe(2);
    expectFinding(report, 'SIGNATURE_INVALID', AT.confirmRoster, s.ceremonies.setup);
    // Not re-chained: the next entry no longer follows it.
    expectFinding(report, 'PREV_MISMATCH', AT.setupClose, s.ceremonies.setup);
  });
});

describe('a bit flipped in a signature', () => {
  test('the low bit of s in the station signature → SIGNATURE_INVALID', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editEnvelope(lines[AT.eveProveKey]!, (e) => {
      e.signatures[0]!.sig = flipBase64Bit(e.signatures[0]!.sig, -1, 0);
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'SIGNATURE_INVALID', AT.eveProveKey, s.ceremonies.eve);
    expect(report.findings.find((f) => f.code === 'SIGNATURE_INVALID')?.message).toMatch(/station signature/u);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });

  test('a bit of r in a witness signature → SIGNATURE_INVALID', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.confirmRoster] = editEnvelope(lines[AT.confirmRoster]!, (e) => {
      e.signatures[2]!.sig = flipBase64Bit(e.signatures[2]!.sig, 10, 3);
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose });
    expectFinding(report, 'SIGNATURE_INVALID', AT.confirmRoster, s.ceremonies.setup);
    expect(report.findings.find((f) => f.code === 'SIGNATURE_INVALID')?.message).toMatch(/participant signature/u);
    expectErrorsOnlyAt(report, AT.confirmRoster);
  });

  test('a bit of the DER header → SIGNATURE_MALFORMED', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editEnvelope(lines[AT.eveProveKey]!, (e) => {
      e.signatures[0]!.sig = flipBase64Bit(e.signatures[0]!.sig, 0, 0); // 0x30 SEQUENCE → 0x31
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'SIGNATURE_MALFORMED', AT.eveProveKey, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });
});

describe('a bit flipped in a key id', () => {
  test("the station signature's key id → STATION_SIGNATURE_MISSING (it can no longer be attributed)", async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editEnvelope(lines[AT.eveProveKey]!, (e) => {
      e.signatures[0]!.keyid = flipHexDigit(e.signatures[0]!.keyid, 20);
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'STATION_SIGNATURE_MISSING', AT.eveProveKey, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });

  test("a witness signature's key id → the declared witness did not sign, the signature is undeclared, quorum short", async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editEnvelope(lines[AT.eveProveKey]!, (e) => {
      e.signatures[2]!.keyid = flipHexDigit(e.signatures[2]!.keyid, 63);
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'SIGNATURE_MISSING', AT.eveProveKey, s.ceremonies.eve);
    expectFinding(report, 'SIGNATURE_UNDECLARED', AT.eveProveKey, s.ceremonies.eve);
    expectFinding(report, 'QUORUM_NOT_MET', AT.eveProveKey, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });
});

describe('a bit flipped in the payload type', () => {
  test('"version=1" → "version=0" → PAYLOAD_TYPE_INVALID', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editEnvelope(lines[AT.eveProveKey]!, (e) => {
      e.payloadType = e.payloadType.replace(/1$/u, '0');
    });
    expect(lines[AT.eveProveKey]).not.toBe(s.lines[AT.eveProveKey]);
    const { report } = await ctx.run(lines);
    expectFinding(report, 'PAYLOAD_TYPE_INVALID', AT.eveProveKey);
  });
});
