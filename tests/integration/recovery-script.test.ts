/**
 * Integration: docs/recovery/custos-recover.py (docs/recovery.md) rebuilds a wallet from shares the
 * real core exported, as words and as a sealed file (docs/share-format.md), without Custos; refuses
 * too few shares, a mistyped word, mixed wallets and a wrong passphrase; and matches its documents.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { HDKey } from '@scure/bip32';
import { startWorkerHost, type CryptoHost } from '../../main/crypto-host/worker-host.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT = join(ROOT, 'docs/recovery/custos-recover.py');
const PASSPHRASE = 'vault door seven, blue ink';

/** The worked example of docs/share-format.md (2-of-3 over entropy 0x7f × 32). */
const EXAMPLE = {
  fingerprint: '0d9250da',
  mnemonic:
    'legal winner thank year wave sausage worth useful legal winner thank year wave sausage worth useful ' + 'legal winner thank year wave sausage worth title',
  share1: '010123456789abcdef0d9250da020301552b01d7fd83a9341e604a9cb6c8e2e9c3bd97416b153fa288f6dc0a205e74482a7732c35d',
  share1Qr: 'CUSTOS-SHARE1:AEASGRLHRGV433YNSJINUAQDAFKSWAOX7WB2SNA6MBFJZNWI4LU4HPMXIFVRKP5CRD3NYCRALZ2EQKTXGLBV2',
  share1Commitment: 'cf1b46ca1a161636afe0e1b3ab9bac0b37e0acc6fd546fa98a3861e19b01ea05',
  share3Sealed:
    '435553544f5353460101110801000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324' +
    '252627' +
    '1a75be848c7ab04c91be8eef82dc30e3f7713d8381098a168d9984175ae2056fa5e3cfae7b8a1927f90d87d7c732b4f40f05' +
    '1774ee285dbbbfec288d0641283d303b182131',
  share3Passphrase: 'correct horse battery staple',
};

let host: CryptoHost;
let dir: string;
let fingerprint: string;
const files: Record<string, string> = {};

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function recover(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync('python3', [SCRIPT, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function printed(stdout: string): { fingerprint: string; mnemonic: string } {
  return {
    fingerprint: /^fingerprint: ([0-9a-f]{8})$/mu.exec(stdout)?.[1] ?? '',
    mnemonic: /^mnemonic: (.+)$/mu.exec(stdout)?.[1] ?? '',
  };
}

function fingerprintOf(mnemonic: string): string {
  return HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic)).fingerprint.toString(16).padStart(8, '0');
}

beforeAll(async () => {
  host = await startWorkerHost();
  dir = mkdtempSync(join(tmpdir(), 'custos-recover-'));
  const c = host.client;
  const wallet = await c.call('generateWallet', { ceremonyId: 'recover-a', chains: ['bitcoin'] });
  fingerprint = wallet.fingerprint;
  const split = await c.call('splitWallet', { wallet: wallet.wallet, threshold: 3, shareCount: 5 });
  const w1 = await c.call('exportShareWords', { share: split.shares[0]!.share });
  const w2 = await c.call('exportShareWords', { share: split.shares[1]!.share });
  const sealed = await c.call('exportShareFile', { share: split.shares[2]!.share, passphrase: PASSPHRASE });
  // Share 1 as a holder might type it from paper: numbered lines. Share 2 on one line.
  files.share1 = write('share1.txt', w1.words.map((w, i) => `${i + 1}. ${w}`).join('\n') + '\n');
  files.share2 = write('share2.txt', w2.words.join(' ') + '\n');
  files.share3 = write(sealed.fileName, sealed.file);
  files.pass3 = write('share3-passphrase.txt', PASSPHRASE + '\n');
  files.wrongPass = write('wrong-passphrase.txt', PASSPHRASE + '!\n');
  // Share 1 with word 5 replaced by another list word: still 39 known words, wrong checksum.
  const typo = [...w1.words];
  typo[4] = wordlist[(wordlist.indexOf(typo[4]!) + 1) % 2048]!;
  files.typo = write('share1-typo.txt', typo.join(' ') + '\n');
  // A share of another wallet, with the same quorum.
  const other = await c.call('generateWallet', { ceremonyId: 'recover-b', chains: ['bitcoin'] });
  const otherSplit = await c.call('splitWallet', { wallet: other.wallet, threshold: 3, shareCount: 5 });
  const o3 = await c.call('exportShareWords', { share: otherSplit.shares[2]!.share });
  files.other = write('other-wallet-share3.txt', o3.words.join(' ') + '\n');
  await c.call('endCeremony', { ceremonyId: 'recover-a' });
  await c.call('endCeremony', { ceremonyId: 'recover-b' });
});

afterAll(async () => {
  await host?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('custos-recover.py', () => {
  test('rebuilds the wallet from two word shares and one sealed share', () => {
    const r = recover('--passphrase-file', files.pass3!, files.share1!, files.share2!, files.share3!);
    expect(r.stderr).not.toMatch(/REFUSED/u);
    expect(r.status).toBe(0);
    const out = printed(r.stdout);
    expect(out.fingerprint).toBe(fingerprint);
    expect(out.mnemonic.split(' ')).toHaveLength(24);
    expect(validateMnemonic(out.mnemonic, wordlist)).toBe(true);
    expect(fingerprintOf(out.mnemonic)).toBe(fingerprint);
  });

  test('refuses two shares of a 3-of-5 split', () => {
    const r = recover(files.share1!, files.share2!);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/too few shares/iu);
    expect(r.stdout).toBe('');
  });

  test('refuses a share with a changed word, naming the checksum', () => {
    const r = recover('--passphrase-file', files.pass3!, files.typo!, files.share2!, files.share3!);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/checksum/iu);
    expect(r.stdout).toBe('');
  });

  test('refuses shares of two different wallets', () => {
    const r = recover(files.share1!, files.share2!, files.other!);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/another wallet/iu);
    expect(r.stdout).toBe('');
  });

  test('refuses a sealed share with the wrong passphrase', () => {
    const r = recover('--passphrase-file', files.wrongPass!, files.share1!, files.share2!, files.share3!);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/passphrase is wrong/iu);
    expect(r.stdout).toBe('');
  });

  test('exits 2 on a usage error', () => {
    const r = recover('--passphrase-file', files.pass3!, files.share1!, files.share2!);
    expect(r.status).toBe(2);
  });

  test('recovers the worked example of docs/share-format.md, which the core accepts too', async () => {
    const doc = readFileSync(join(ROOT, 'docs/share-format.md'), 'utf8');
    for (const value of [EXAMPLE.share1, EXAMPLE.share1Qr, EXAMPLE.share1Commitment, EXAMPLE.share3Sealed]) {
      expect(doc.replace(/\s+/gu, '')).toContain(value);
    }
    const qrFile = write('example-share1.txt', EXAMPLE.share1Qr + '\n');
    const sealedFile = write('example-share3.cshare', Buffer.from(EXAMPLE.share3Sealed, 'hex'));
    const passFile = write('example-passphrase.txt', EXAMPLE.share3Passphrase);
    const r = recover('--fingerprint', EXAMPLE.fingerprint, '--passphrase-file', passFile, qrFile, sealedFile);
    expect(r.status).toBe(0);
    expect(printed(r.stdout)).toEqual({ fingerprint: EXAMPLE.fingerprint, mnemonic: EXAMPLE.mnemonic });

    const c = host.client;
    const a = await c.call('importShareFile', {
      ceremonyId: 'example',
      file: Buffer.from(EXAMPLE.share3Sealed, 'hex'),
      passphrase: EXAMPLE.share3Passphrase,
    });
    const words = /Words:\s*\n+```\n([\s\S]*?)```/u.exec(doc)?.[1] ?? '';
    const b = await c.call('importShareWords', { ceremonyId: 'example', words });
    expect(b.commitment).toBe(EXAMPLE.share1Commitment);
    const combined = await c.call('combineShares', {
      ceremonyId: 'example',
      shares: [a.share, b.share],
      expectedFingerprint: EXAMPLE.fingerprint,
      chains: ['bitcoin'],
    });
    expect(combined.fingerprint).toBe(EXAMPLE.fingerprint);
    await c.call('endCeremony', { ceremonyId: 'example' });
  });
});

describe('recovery documents', () => {
  test('docs/recovery.md holds the script verbatim', () => {
    const doc = readFileSync(join(ROOT, 'docs/recovery.md'), 'utf8');
    const blocks = [...doc.matchAll(/^```python\n([\s\S]*?)^```$/gmu)].map((m) => m[1]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toBe(readFileSync(SCRIPT, 'utf8'));
  });

  test('docs/recovery/bip39-english.txt is the BIP39 English list', () => {
    const text = readFileSync(join(ROOT, 'docs/recovery/bip39-english.txt'), 'utf8');
    expect(text).toBe(wordlist.join('\n') + '\n');
  });
});
