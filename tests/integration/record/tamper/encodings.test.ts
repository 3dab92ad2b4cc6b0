/**
 * Issue 3 tamper cases, group 6: byte forms. A high-S signature (s replaced by n − s, strict DER),
 * payload type confusion (re-signed under the other type), non-canonical payload bytes (whitespace,
 * key order; re-signed by every key) and a non-canonical stored line, duplicate JSON keys
 * (re-signed) in the payload and in the envelope.
 */
import { describe, test } from 'vitest';
import { AT, editEnvelope, editLine, expectErrorsOnlyAt, expectFinding, highS, useTamperStation } from '../../../support/tamper.ts';

const ctx = useTamperStation();

describe('signature malleability', () => {
  test('the station signature in its high-S form → SIGNATURE_HIGH_S', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editEnvelope(lines[AT.eveProveKey]!, (e) => {
      e.signatures[0]!.sig = highS(e.signatures[0]!.sig);
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'SIGNATURE_HIGH_S', AT.eveProveKey, s.ceremonies.eve);
    expectErrorsOnlyAt(report, AT.eveProveKey);
  });

  test('a witness signature in its high-S form → SIGNATURE_HIGH_S', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.setupClose] = editEnvelope(lines[AT.setupClose]!, (e) => {
      e.signatures[3]!.sig = highS(e.signatures[3]!.sig);
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.setupClose + 1 });
    expectFinding(report, 'SIGNATURE_HIGH_S', AT.setupClose, s.ceremonies.setup);
    expectErrorsOnlyAt(report, AT.setupClose);
  });
});

describe('payload type confusion', () => {
  for (const type of ['application/vnd.in-toto+json', 'application/vnd.custos.entry+json; version=2', 'application/vnd.custos.entry+json;version=1']) {
    test(`signed as "${type}" → PAYLOAD_TYPE_INVALID`, async () => {
      const { s } = ctx;
      const lines = s.lines.slice();
      lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, () => {}, s.keys, { payloadType: type });
      const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
      expectFinding(report, 'PAYLOAD_TYPE_INVALID', AT.eveProveKey);
    });
  }
});

describe('non-canonical bytes', () => {
  test('the payload with whitespace, re-signed → JSON_NOT_CANONICAL', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, () => {}, s.keys, {
      encode: (p) => Buffer.from(JSON.stringify(p, null, 2)),
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'JSON_NOT_CANONICAL', AT.eveProveKey);
  });

  test('the payload with its keys out of order, re-signed → JSON_NOT_CANONICAL', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, () => {}, s.keys, {
      encode: (p) => Buffer.from(JSON.stringify(Object.fromEntries(Object.entries(p).reverse()))),
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'JSON_NOT_CANONICAL', AT.eveProveKey);
  });

  test('a number written as 2.0 in the payload, re-signed → JSON_NOT_CANONICAL', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveClose] = editLine(lines[AT.eveClose]!, () => {}, s.keys, {
      encode: (p) => Buffer.from(JSON.stringify(p).replace('"entries":2', '"entries":2.0')),
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose + 1 });
    expectFinding(report, 'JSON_NOT_CANONICAL', AT.eveClose);
  });

  test('the stored line itself with whitespace (signatures intact) → JSON_NOT_CANONICAL', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = JSON.stringify(JSON.parse(lines[AT.eveProveKey]!), null, 1).replace(/\n/gu, ' ');
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'JSON_NOT_CANONICAL', AT.eveProveKey);
  });
});

describe('duplicate JSON keys', () => {
  test('"body" twice in the payload, re-signed → JSON_DUPLICATE_KEY', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, () => {}, s.keys, {
      // JSON.parse keeps the last "body": the real one. A lenient reader would see nothing wrong.
      encode: (p) => Buffer.from(JSON.stringify(p).replace('{"body":', `{"body":{"keyid":"${s.mallory.keyid}"},"body":`)),
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'JSON_DUPLICATE_KEY', AT.eveProveKey);
  });

  test('"keyid" twice inside a signer of the payload, re-signed → JSON_DUPLICATE_KEY', async () => {
    const { s } = ctx;
    const bob = s.witnesses[0]!;
    const lines = s.lines.slice();
    lines[AT.eveProveKey] = editLine(lines[AT.eveProveKey]!, () => {}, s.keys, {
      encode: (p) => Buffer.from(JSON.stringify(p).replace(`{"keyid":"${bob.keyid}"`, `{"keyid":"${s.mallory.keyid}","keyid":"${bob.keyid}"`)),
    });
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'JSON_DUPLICATE_KEY', AT.eveProveKey);
  });

  test('"payload" twice in the stored envelope → JSON_DUPLICATE_KEY', async () => {
    const { s } = ctx;
    const lines = s.lines.slice();
    const line = lines[AT.eveProveKey]!;
    lines[AT.eveProveKey] = line.replace('{"payload":', `{"payload":${JSON.stringify(JSON.parse(s.lines[AT.gusProveKey]!).payload)},"payload":`);
    const { report } = await ctx.run(lines, { rechainFrom: AT.eveClose });
    expectFinding(report, 'JSON_DUPLICATE_KEY', AT.eveProveKey);
  });
});
