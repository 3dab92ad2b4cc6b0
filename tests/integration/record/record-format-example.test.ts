/**
 * docs/record-format.md and the code cannot drift apart: the worked example (tests/support/
 * record-example.ts) regenerates byte for byte into tests/fixtures/record-example/; the document
 * quotes the fixture verbatim; verifyJournal finds it valid; and the format is re-checked without
 * Custos's record code: the DSSE PAE built by hand, the station signature with node:crypto
 * (OpenSSL) from the SPKI DER, the line hash chain with plain SHA-256, and the checkpoint roots with
 * a naive RFC 6962 implementation. Where bash, jq, xxd and openssl are installed, the document's
 * "Checking with standard tools" commands run as written on the fixture.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPublicKey, verify as cryptoVerify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDataDir } from '../../../ceremonies/audit/journal-source.ts';
import { verifyJournal } from '../../../ceremonies/audit/verify.ts';
import { EXAMPLE_FIXTURE, exampleFiles, writeRecordExample, type RecordExample } from '../../support/record-example.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DOC = readFileSync(join(ROOT, 'docs/record-format.md'), 'utf8');
/** The entry the document dissects. */
const QUOTED = 6;
const SPKI_PREFIX = Buffer.from('3036301006072a8648ce3d020106052b8104000a032200', 'hex');
const PAYLOAD_TYPE = 'application/vnd.custos.entry+json; version=1';

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest();

/** The journal's stored lines (without newline), read naively. */
function fixtureLines(): Buffer[] {
  const raw = readFileSync(join(EXAMPLE_FIXTURE, 'journal/000001.jsonl'));
  expect(raw.at(-1)).toBe(0x0a);
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = raw.indexOf(0x0a); i !== -1; i = raw.indexOf(0x0a, start)) {
    lines.push(raw.subarray(start, i));
    start = i + 1;
  }
  return lines;
}

interface Envelope {
  payload: string;
  payloadType: string;
  signatures: { keyid: string; sig: string }[];
}
const envelopeOf = (line: Buffer) => JSON.parse(line.toString('utf8')) as Envelope;
const payloadOf = (line: Buffer) => Buffer.from(envelopeOf(line).payload, 'base64');

/** PAE per the DSSE spec, built without dsse.ts. */
function pae(type: string, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${body.length} `), body]);
}

/** RFC 6962 section 2.1, straight from the definition. */
function naiveRoot(leaves: Buffer[]): Buffer {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return sha256(Buffer.concat([Buffer.of(0), leaves[0]!]));
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.concat([Buffer.of(1), naiveRoot(leaves.slice(0, k)), naiveRoot(leaves.slice(k))]));
}

function spkiKey(publicKeyHex: string) {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, Buffer.from(publicKeyHex, 'hex')]), format: 'der', type: 'spki' });
}

const stationKey = () =>
  (JSON.parse(payloadOf(fixtureLines()[0]!).toString('utf8')) as { body: { station: { keyid: string; publicKey: string } } }).body.station;

describe('the fixture is what the code writes', () => {
  let example: RecordExample;
  let work: string;
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'custos-record-example-'));
    example = await writeRecordExample(join(work, 'station'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test('regenerating the example gives the fixture byte for byte (journal, checkpoints, procedures)', () => {
    const fresh = exampleFiles(example.dir);
    const fixture = exampleFiles(EXAMPLE_FIXTURE);
    expect([...fresh.keys()]).toEqual([...fixture.keys()]);
    expect(fresh.size).toBe(7);
    for (const [name, bytes] of fresh) {
      expect(
        Buffer.compare(bytes, fixture.get(name)!),
        `${name} differs: run "node tests/support/record-example.ts" only if the format changed on purpose`,
      ).toBe(0);
    }
    expect(example.checkpoints).toEqual(
      ['000000000003', '000000000006', '000000000008'].map((n) => readFileSync(join(EXAMPLE_FIXTURE, `checkpoints/${n}.checkpoint`), 'utf8')),
    );
  });

  test('verifyJournal finds the fixture valid', async () => {
    const report = await verifyJournal(openDataDir(EXAMPLE_FIXTURE), { threads: 1 });
    expect(report.findings).toEqual([]);
    expect(report).toMatchObject({ ok: true, entries: 8, ceremonies: 3, station: example.station.keyid });
    expect(report.checkpoint).toEqual({ size: 8, root: readFileSync(join(EXAMPLE_FIXTURE, 'checkpoints/000000000008.checkpoint'), 'utf8').split('\n')[2] });
  });
});

describe('the format, checked without the record code', () => {
  test('each prev is the plain SHA-256 of the previous stored line, and index counts from 0', () => {
    let prev = '0'.repeat(64);
    fixtureLines().forEach((line, index) => {
      const p = JSON.parse(payloadOf(line).toString('utf8')) as { index: number; prev: string };
      expect(p).toMatchObject({ index, prev });
      prev = sha256(line).toString('hex');
    });
  });

  test('the station key id is SHA-256 of the SPKI DER, and node:crypto (OpenSSL) verifies the quoted entry', () => {
    const station = stationKey();
    expect(sha256(Buffer.concat([SPKI_PREFIX, Buffer.from(station.publicKey, 'hex')])).toString('hex')).toBe(station.keyid);
    const line = fixtureLines()[QUOTED]!;
    const envelope = envelopeOf(line);
    expect(envelope.payloadType).toBe(PAYLOAD_TYPE);
    expect(envelope.signatures[0]!.keyid).toBe(station.keyid);
    const message = pae(envelope.payloadType, payloadOf(line));
    const der = Buffer.from(envelope.signatures[0]!.sig, 'base64');
    expect(cryptoVerify('sha256', message, spkiKey(station.publicKey), der)).toBe(true);
    message[message.length - 2]! ^= 1;
    expect(cryptoVerify('sha256', message, spkiKey(station.publicKey), der)).toBe(false);
  });

  test('each checkpoint carries the naive RFC 6962 root of its first lines and an OpenSSL-valid station signature', () => {
    const lines = fixtureLines();
    const station = stationKey();
    for (const size of [3, 6, 8]) {
      const note = readFileSync(join(EXAMPLE_FIXTURE, `checkpoints/${String(size).padStart(12, '0')}.checkpoint`), 'utf8');
      const [origin, sizeText, root] = note.split('\n');
      expect(origin).toBe(`custos-station/${station.keyid}`);
      expect(sizeText).toBe(String(size));
      expect(root).toBe(naiveRoot(lines.slice(0, size)).toString('base64'));
      const text = note.slice(0, note.indexOf('\n\n') + 1);
      const blob = Buffer.from(/^\u2014 station (\S+)$/mu.exec(note)![1]!, 'base64');
      expect(blob.subarray(0, 4).toString('hex')).toBe(station.keyid.slice(0, 8));
      expect(cryptoVerify('sha256', Buffer.from(text, 'utf8'), spkiKey(station.publicKey), blob.subarray(4))).toBe(true);
    }
  });
});

describe('docs/record-format.md quotes the fixture', () => {
  const lines = fixtureLines();
  const line = lines[QUOTED]!;
  const payload = payloadOf(line);
  const message = pae(PAYLOAD_TYPE, payload);
  const header = message.subarray(0, message.length - payload.length).toString('utf8');

  test('the entry line, its payload, its PAE and its hashes', () => {
    expect(DOC).toContain(`\n${line.toString('utf8')}\n`);
    expect(DOC).toContain(`\n${payload.toString('utf8')}\n`);
    expect(DOC).toContain(`"${header}"`);
    expect(DOC).toContain(sha256(message).toString('hex'));
    expect(DOC).toContain(sha256(line).toString('hex'));
    expect(DOC).toContain(sha256(lines.at(-1)!).toString('hex'));
  });

  test('the station key, its key id and PEM', () => {
    const station = stationKey();
    expect(DOC).toContain(station.publicKey);
    expect(DOC).toContain(station.keyid);
    expect(DOC).toContain(spkiKey(station.publicKey).export({ type: 'spki', format: 'pem' }).toString());
  });

  test('the checkpoint note of size 8, verbatim', () => {
    expect(DOC).toContain(`\n${readFileSync(join(EXAMPLE_FIXTURE, 'checkpoints/000000000008.checkpoint'), 'utf8')}`);
  });
});

describe('the documented standard-tool commands', () => {
  const tools = ['bash', 'jq', 'openssl', 'xxd', 'base64', 'sha256sum'];
  const missing = tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  const script = [...DOC.slice(DOC.indexOf('<!-- standard-tools:begin -->'), DOC.indexOf('<!-- standard-tools:end -->')).matchAll(/```sh\n([\s\S]*?)```/gu)]
    .map((m) => m[1])
    .join('\n');
  if (missing.length) console.warn(`Skipping the standard-tool commands of docs/record-format.md: ${missing.join(', ')} not installed.`);

  test('the document has them', () => {
    expect(script).toMatch(/openssl dgst -sha256 -verify/u);
  });

  test.skipIf(missing.includes('openssl'))('openssl dgst -sha256 -verify accepts the quoted entry and refuses a changed one (skipped without openssl)', () => {
    const work = mkdtempSync(join(tmpdir(), 'custos-openssl-'));
    try {
      const envelope = envelopeOf(fixtureLines()[QUOTED]!);
      writeFileSync(join(work, 'station.pem'), spkiKey(stationKey().publicKey).export({ type: 'spki', format: 'pem' }));
      writeFileSync(join(work, 'sig.der'), Buffer.from(envelope.signatures[0]!.sig, 'base64'));
      const pae = message();
      writeFileSync(join(work, 'pae.bin'), pae);
      pae[pae.length - 2]! ^= 1;
      writeFileSync(join(work, 'changed.bin'), pae);
      const run = (file: string) =>
        spawnSync('openssl', ['dgst', '-sha256', '-verify', 'station.pem', '-signature', 'sig.der', file], { cwd: work, encoding: 'utf8' });
      const good = run('pae.bin');
      expect(good.stdout.trim()).toBe('Verified OK');
      expect(good.status).toBe(0);
      const bad = run('changed.bin');
      expect(bad.stdout.trim()).toBe('Verification failure');
      expect(bad.status).toBe(1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  test.skipIf(missing.length > 0)(`run as written on the fixture (skipped if any of ${tools.join(', ')} is missing)`, () => {
    const work = mkdtempSync(join(tmpdir(), 'custos-doc-tools-'));
    try {
      writeFileSync(join(work, 'check.sh'), script);
      const r = spawnSync('bash', ['-euo', 'pipefail', join(work, 'check.sh')], {
        cwd: EXAMPLE_FIXTURE,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, TMPDIR: work },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const station = stationKey();
      const out = r.stdout;
      expect(out).toContain(`${station.keyid}\n`);
      // the quoted entry's station signature, then each of its two signatures, then the checkpoint's two
      expect(out.match(/Verified OK/gu)?.length).toBe(5);
      expect(out).not.toMatch(/failure|mismatch|broken/iu);
      expect(out).toContain(`${sha256(message()).toString('hex')}\n`);
      expect(out).toContain(`8 entries, last line hash ${sha256(fixtureLines().at(-1)!).toString('hex')}\n`);
      const root = readFileSync(join(EXAMPLE_FIXTURE, 'checkpoints/000000000008.checkpoint'), 'utf8').split('\n')[2]!;
      expect(out.split('\n').filter((l) => l === root)).toHaveLength(2);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  function message(): Buffer {
    return pae(PAYLOAD_TYPE, payloadOf(fixtureLines()[QUOTED]!));
  }
});
