/**
 * Issue 4, "The engine" (headless `custos run` from an answers file; DESIGN.md "Command line": "tests
 * run those examples") and principle 1 (no secret on the station's disk): each example of
 * docs/answers/ runs unchanged, in the order a station lives them (station-setup, enrol-participant,
 * create-wallet of a 3-of-5 client wallet, backup-drill, revoke-participant), through the real
 * `custos run` in one workspace (tests/support/engine-rig.ts). After each, `custos verify` exits 0
 * (also against the checkpoint each witness kept) and `custos replay --json` shows the expected state.
 * Then the wallet's secrets are recovered independently from 3 of the 5 sealed share files (sealed
 * file + envelope + shamir-secret-sharing + @scure/bip39/bip32, as tests/integration/secret-leak.test.ts
 * does), checked against the recorded fingerprint and xpubs, and every file of the workspace (data
 * directory, output media, the share files themselves), every file the runs left in the OS temp dir,
 * and every output of the CLI is searched for them: none may appear.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bytesToHex } from '@noble/hashes/utils.js';
import { HDKey } from '@scure/bip32';
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { combine } from 'shamir-secret-sharing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { open, SealedKind } from '../../../crypto/sealed-file.ts';
import { decodeEnvelope } from '../../../crypto/share-envelope.ts';
import { EngineRig, filesUnder, shareFilesIn, type AnswersJson, type CliResult } from '../../support/engine-rig.ts';

let rig: EngineRig;
/** Top-level entries of the OS temp dir before anything ran (to find what the runs left there). */
let tmpBefore: Set<string>;
/** Everything the CLI printed, searched for secrets too. */
const printed: string[] = [];
/** Warnings verify reported after each example (reported, not judged here). */
const warnings: string[] = [];

beforeAll(async () => {
  tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
  rig = await EngineRig.create('custos-answers-');
}, 180_000);
afterAll(() => rig?.dispose());

function seen(r: CliResult): CliResult {
  printed.push(r.stdout, r.stderr);
  return r;
}

/** Runs one example unchanged; then verify (plain and against each witness's checkpoint) and replay. */
async function runExample(name: string): Promise<AnswersJson> {
  const r = seen(await rig.run(name));
  expect(r.stderr).toBe('');
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toMatch(new RegExp(`^${name}: ceremony ${name}-\\d+ closed`, 'u'));
  const verify = seen(await rig.custos('verify', rig.station, '--json'));
  expect(verify.status, verify.stdout).toBe(0);
  const report = JSON.parse(verify.stdout);
  expect(report.ok).toBe(true);
  expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  warnings.push(...report.findings.map((f: { code: string }) => `${name}: ${f.code}`));
  const kept = Object.values(rig.answers(name).witnessCheckpoints ?? {}) as string[];
  expect(kept.length).toBeGreaterThan(0);
  for (const file of kept) {
    // The note each witness keeps is the station's latest checkpoint, and the journal still reaches it.
    const latest = fs.readdirSync(path.join(rig.station, 'checkpoints')).sort().at(-1)!;
    expect(fs.readFileSync(rig.path(file), 'utf8')).toBe(fs.readFileSync(path.join(rig.station, 'checkpoints', latest), 'utf8'));
    expect(seen(await rig.custos('verify', rig.station, '--checkpoint', rig.path(file))).status).toBe(0);
  }
  return rig.replay();
}

const byName = (projection: AnswersJson) => Object.fromEntries(
  projection.participants.map((p: AnswersJson) => [p.name, `${p.roles.join('+')} ${p.state}`]),
);
const keyidOf = (projection: AnswersJson, name: string): string => projection.participants.find((p: AnswersJson) => p.name === name).keyid;
const WALLET = 'northwind-pension-cold-1';
const HOLDERS = ['Dora Lindqvist', 'Emil Novak', 'Farid Haddad', 'Gita Rao', 'Hana Sato'];
let created: AnswersJson;

describe('the answers examples, in order, through the real CLI', () => {
  test('station-setup.json: the station, its roster, the witnesses keep the checkpoint', async () => {
    const p = await runExample('station-setup');
    expect(byName(p)).toEqual({
      'Alice Martin': 'officer active', 'Bob Okafor': 'witness active', 'Chloé Dubois': 'witness active', 'Ivan Petrov': 'witness active',
      'Dora Lindqvist': 'holder active', 'Emil Novak': 'holder active', 'Farid Haddad': 'holder active', 'Gita Rao': 'holder active',
    });
    expect(p.participants.every((x: AnswersJson) => x.enrolledAt === 0)).toBe(true);
    expect(p.ceremonies.map((c: AnswersJson) => `${c.id} ${c.procedureId} ${c.state}`)).toEqual(['station-setup-0 station-setup@1 closed']);
    expect(p.station).toMatch(/^[0-9a-f]{64}$/u);
    expect(p.wallets).toEqual([]);
  }, 120_000);

  test('enrol-participant.json: Hana Sato joins as holder', async () => {
    const p = await runExample('enrol-participant');
    expect(byName(p)['Hana Sato']).toBe('holder active');
    expect(p.participants).toHaveLength(9);
    expect(p.ceremonies.at(-1)).toMatchObject({ procedureId: 'enrol-participant@1', state: 'closed' });
    expect(p.participants.find((x: AnswersJson) => x.name === 'Hana Sato').enrolledAt).toBe(p.ceremonies.at(-1).endedAt);
  }, 120_000);

  test('create-wallet.json: a 3-of-5 client wallet, active, five shares held in their bags', async () => {
    const p = await runExample('create-wallet');
    expect(p.wallets).toHaveLength(1);
    const w = p.wallets[0];
    created = w;
    expect(w).toMatchObject({
      id: WALLET, class: 'client', ownerRef: 'CL-2026-0042', label: 'Northwind Pension Fund, cold storage', state: 'active',
      threshold: 3, shareCount: 5, chains: ['bitcoin', 'ethereum'], drillIntervalDays: 180, lastDrill: null,
      provenShares: 5, quorumProven: true, drillOverdue: false,
    });
    expect(w.fingerprint).toMatch(/^[0-9a-f]{8}$/u);
    expect(w.accounts.map((a: AnswersJson) => `${a.chain} ${a.path}`)).toEqual(["bitcoin m/84'/0'/0'", "ethereum m/44'/60'/0'"]);
    expect(w.shares.map((s: AnswersJson) => [s.index, s.state, s.bagSerial, s.media])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [i, 'held', `TB-2026-00010${i}`, ['file']]),
    );
    expect(w.shares.map((s: AnswersJson) => s.holder)).toEqual(HOLDERS.map((n) => keyidOf(p, n)));
    // Each holder's medium holds exactly their share file, under the name the record gives.
    for (const [i, label] of ['dora', 'emil', 'farid', 'gita', 'hana'].entries()) {
      const files = shareFilesIn(rig.path(`media/${label}`));
      expect(files.map((f) => ({ ...f, file: path.basename(f.file) }))).toEqual([
        { file: w.shares[i].fileName, fingerprint: w.fingerprint, set: w.setId.slice(0, 8), index: i + 1, count: 5 },
      ]);
    }
  }, 180_000);

  test('backup-drill.json: three holders prove their shares, one bag replaced; the wallet is drilled', async () => {
    expect(rig.placeShares('backup-drill', created.fingerprint)).toHaveLength(3);
    const p = await runExample('backup-drill');
    const w = p.wallets[0];
    expect(w).toMatchObject({ id: WALLET, state: 'active', provenShares: 5, quorumProven: true, drillOverdue: false });
    expect(w.lastDrill).not.toBeNull();
    expect(Date.parse(w.lastDrill)).toBeGreaterThan(Date.parse(created.createdAt));
    expect(p.ceremonies.at(-1)).toMatchObject({ procedureId: 'backup-drill@1', state: 'closed' });
    for (const i of [0, 1, 2]) {
      expect(Date.parse(w.shares[i].lastProven), `share ${i + 1}`).toBeGreaterThan(Date.parse(created.shares[i].lastProven));
      expect(Date.parse(w.shares[i].lastProven)).toBeLessThanOrEqual(Date.parse(w.lastDrill));
    }
    for (const i of [3, 4]) expect(w.shares[i].lastProven).toBe(created.shares[i].lastProven);
    expect(w.lastProven).toBe(w.shares[2].lastProven);
    expect(w.shares.map((s: AnswersJson) => s.bagSerial)).toEqual(['TB-2026-000101', 'TB-2026-000102', 'TB-2026-000219', 'TB-2026-000104', 'TB-2026-000105']);
  }, 180_000);

  test('revoke-participant.json: Ivan Petrov is revoked, everyone else stays', async () => {
    const p = await runExample('revoke-participant');
    const ivan = p.participants.find((x: AnswersJson) => x.name === 'Ivan Petrov');
    expect(ivan).toMatchObject({ state: 'revoked', revokedAt: p.ceremonies.at(-1).endedAt });
    expect(p.participants.filter((x: AnswersJson) => x.state === 'revoked').map((x: AnswersJson) => x.name)).toEqual(['Ivan Petrov']);
    expect(p.ceremonies.map((c: AnswersJson) => `${c.procedureId} ${c.state}`)).toEqual([
      'station-setup@1 closed', 'enrol-participant@1 closed', 'create-wallet@1 closed', 'backup-drill@1 closed', 'revoke-participant@1 closed',
    ]);
    expect(p.wallets[0]).toMatchObject({ state: 'active', quorumProven: true });
    // Verify reported nothing at all along the way (a warning would be listed here).
    expect(warnings).toEqual([]);
  }, 120_000);
});

describe('no secret of the wallet anywhere the runs wrote', () => {
  /** The recovered secrets: name → bytes, or text (matched as is and lower-cased). */
  const secrets: { name: string; bytes?: Uint8Array; text?: string }[] = [];
  let words: string[] = [];

  function containsWords(lowered: string): boolean {
    const tokens = lowered.split(/[^a-z]+/u).filter(Boolean);
    const first = words[0]!;
    for (let i = tokens.indexOf(first); i >= 0 && i + words.length <= tokens.length; i = tokens.indexOf(first, i + 1)) {
      if (words.every((w, j) => tokens[i + j] === w)) return true;
    }
    return false;
  }

  /** The secrets found in a buffer: raw bytes, hex, base64, text, and the mnemonic words in order. */
  function leaks(buffer: Buffer): string[] {
    const found: string[] = [];
    const text = buffer.toString('latin1');
    const lowered = text.toLowerCase();
    for (const s of secrets) {
      if (s.bytes) {
        if (buffer.indexOf(s.bytes) >= 0) found.push(`${s.name} as bytes`);
        if (lowered.includes(bytesToHex(s.bytes))) found.push(`${s.name} as hex`);
        if (text.includes(Buffer.from(s.bytes).toString('base64').slice(0, -4))) found.push(`${s.name} as base64`);
      }
      if (s.text && text.includes(s.text)) found.push(`${s.name} as text`);
    }
    if (containsWords(lowered)) found.push('mnemonic words in order');
    // A DSSE journal line carries its payload in base64: search the decoded payloads as well.
    for (const m of text.matchAll(/"payload":"([A-Za-z0-9+/=]+)"/gu)) found.push(...leaks(Buffer.from(m[1]!, 'base64')).map((l) => `${l} (in a payload)`));
    return found;
  }

  test('the secrets recovered from 3 of the 5 sealed share files reproduce the recorded wallet', async () => {
    const p = await rig.replay();
    const w = p.wallets[0];
    const create = rig.answers('create-wallet');
    const opened = create.holders.map((h: AnswersJson, i: number) => {
      const sealed = new Uint8Array(fs.readFileSync(path.join(rig.path(h.outputDir), w.shares[i].fileName)));
      const passphrase = fs.readFileSync(rig.path(h.sharePassphraseFile), 'utf8').replace(/\r?\n$/u, '');
      const envelope = open(SealedKind.share, sealed, passphrase);
      return { envelope, decoded: decodeEnvelope(envelope) };
    });
    for (const [i, o] of opened.entries()) {
      expect(o.decoded).toMatchObject({ index: i + 1, threshold: 3, shareCount: 5 });
      expect(bytesToHex(o.decoded.fingerprint)).toBe(w.fingerprint);
      secrets.push({ name: `share ${i + 1} envelope`, bytes: o.envelope }, { name: `share ${i + 1}`, bytes: o.decoded.share });
    }
    // Two different quorums, none of them the drill's (1, 2, 3), give the same entropy.
    const entropy = await combine([opened[1]!, opened[3]!, opened[4]!].map((o) => o.decoded.share));
    expect(bytesToHex(await combine([opened[0]!, opened[2]!, opened[4]!].map((o) => o.decoded.share)))).toBe(bytesToHex(entropy));
    const mnemonic = entropyToMnemonic(entropy, wordlist);
    words = mnemonic.split(' ');
    expect(words).toHaveLength(24);
    const seed = mnemonicToSeedSync(mnemonic);
    const master = HDKey.fromMasterSeed(seed);
    expect(master.fingerprint.toString(16).padStart(8, '0')).toBe(w.fingerprint);
    secrets.push(
      { name: 'entropy', bytes: entropy }, { name: 'seed', bytes: seed }, { name: 'master private key', bytes: master.privateKey! },
      { name: 'master chain code', bytes: master.chainCode! }, { name: 'xprv', text: master.privateExtendedKey }, { name: 'mnemonic', text: mnemonic },
    );
    for (const account of w.accounts) {
      const node = master.derive(account.path);
      expect(node.publicExtendedKey, account.chain).toBe(account.xpub);
      secrets.push({ name: `${account.chain} account xprv`, text: node.privateExtendedKey }, { name: `${account.chain} account key`, bytes: node.privateKey! });
      for (let i = 0; i < account.addresses.length; i++) {
        secrets.push({ name: `${account.chain} address ${i} key`, bytes: node.deriveChild(0).deriveChild(i).privateKey! });
      }
    }
    expect(secrets.length).toBeGreaterThan(20);

    // The scanner sees each kind of secret when it is there (so the search below can fail).
    expect(leaks(Buffer.concat([Buffer.from('x'), Buffer.from(seed), Buffer.from('y')]))).toContain('seed as bytes');
    expect(leaks(Buffer.from(`{"e":"${bytesToHex(entropy).toUpperCase()}"}`))).toContain('entropy as hex');
    expect(leaks(Buffer.from(`1. ${words.join('\n2. ')}`.toUpperCase()))).toContain('mnemonic words in order');
    expect(leaks(Buffer.from(`key=${master.privateExtendedKey};`))).toContain('xprv as text');
    expect(leaks(Buffer.from(opened[2]!.decoded.share))).toContain('share 3 as bytes');
    const payload = Buffer.from(JSON.stringify({ body: { seed: bytesToHex(seed) } })).toString('base64');
    expect(leaks(Buffer.from(`{"payload":"${payload}","payloadType":"x"}`))).toContain('seed as hex (in a payload)');
  }, 120_000);

  test('not in the data directory, the output media, the share files, the OS temp dir, nor the CLI output', () => {
    expect(words).toHaveLength(24);
    const files = filesUnder(rig.root).map((rel) => path.join(rig.root, rel));
    // What the runs left in the OS temp dir: the TMPDIR the CLI ran with (inside the workspace), and
    // anything new in this process's temp dir (another suite's files there are searched too: harmless).
    const fresh = fs.readdirSync(os.tmpdir()).filter((n) => !tmpBefore.has(n)).map((n) => path.join(os.tmpdir(), n)).filter((f) => f !== rig.root);
    for (const entry of fresh) {
      try {
        if (fs.statSync(entry).isDirectory()) files.push(...filesUnder(entry).map((rel) => path.join(entry, rel)));
        else files.push(entry);
      } catch {
        // gone already (another process's temporary file)
      }
    }
    const scanned = { data: 0, media: 0, shares: 0 };
    const found: string[] = [];
    for (const file of files) {
      let bytes: Buffer;
      try {
        if (!fs.statSync(file).isFile() || fs.statSync(file).size > 64 * 1024 * 1024) continue;
        bytes = fs.readFileSync(file);
      } catch {
        continue;
      }
      const rel = path.relative(rig.root, file);
      if (rel.startsWith('station/')) scanned.data++;
      if (rel.startsWith('media/')) scanned.media++;
      if (file.endsWith('.cshare')) scanned.shares++;
      found.push(...leaks(bytes).map((l) => `${l} in ${file}`));
    }
    found.push(...leaks(Buffer.from(printed.join('\n'))).map((l) => `${l} in the CLI's output`));
    expect(found).toEqual([]);
    // The search covered the journal, the checkpoints, the five share files and the drill's copies of three.
    expect(scanned.data).toBeGreaterThanOrEqual(7);
    expect(scanned.shares).toBe(8);
    expect(scanned.media).toBe(8 + 2);
    expect(printed.length).toBeGreaterThan(20);
  }, 120_000);
});
