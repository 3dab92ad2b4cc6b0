/**
 * Issue 2 "Done when": drives generate → split → export → import → combine → review → sign (a PSBT and,
 * issue 18, an Ethereum transfer) → key creation and use through the protocol over a real worker's MessagePort, records every message
 * that crosses it (responses, errors), and asserts none carries the wallet's entropy, seed, mnemonic
 * or xprv (as bytes, hex, or the words in order), nor a signing key's private key. The secrets are
 * recovered independently in the test from the shares (the only secret that may leave the core).
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import { bytesToHex } from '@noble/hashes/utils.js';
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { HDKey } from '@scure/bip32';
import { combine } from 'shamir-secret-sharing';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CryptoClient, CryptoError } from '../../crypto/protocol.ts';
import { open, SealedKind } from '../../crypto/sealed-file.ts';
import { decodeEnvelope } from '../../crypto/share-envelope.ts';
import { wordsToEnvelope } from '../../crypto/share-words.ts';
import { ETH_FEE_CAP, FOREIGN_ETH_ADDRESS, etherRequest } from '../support/eth-request.ts';
import { buildPsbt, foreignAddress } from '../support/psbt-builder.ts';

const seen: unknown[] = [];
let worker: Worker;
let client: CryptoClient;

beforeAll(() => {
  const { port1, port2 } = new MessageChannel();
  worker = new Worker(new URL('../../main/crypto-host/worker-entry.ts', import.meta.url), {
    workerData: { port: port2 },
    transferList: [port2],
    env: {},
  });
  port1.on('message', (m: unknown) => seen.push(m));
  client = new CryptoClient(port1);
});
afterAll(async () => {
  await worker.terminate();
});

/** Flattens a message into text: strings as they are, byte arrays as hex. */
function flatten(value: unknown, out: string[] = [], bytes: Uint8Array[] = []): { text: string; bytes: Uint8Array[] } {
  if (value instanceof Uint8Array) {
    out.push(bytesToHex(value));
    bytes.push(value);
  } else if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => flatten(v, out, bytes));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => flatten(v, out, bytes));
  else out.push(String(value));
  return { text: out.join('\n'), bytes };
}

function containsBytes(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

test('no response, event or error carries a wallet or signing-key secret', async () => {
  const passphrase = 'correct horse battery staple';
  const made = await client.call('generateWallet', { ceremonyId: 'c1', chains: ['bitcoin', 'ethereum'], dice: '123456'.repeat(17) });
  const split = await client.call('splitWallet', { wallet: made.wallet, threshold: 2, shareCount: 3 });
  const words = await Promise.all(split.shares.map((s) => client.call('exportShareWords', { share: s.share })));
  const file = await client.call('exportShareFile', { share: split.shares[1]!.share, passphrase });
  const a = await client.call('importShareWords', { ceremonyId: 'c2', words: words[0]!.words.join(' ') });
  const b = await client.call('importShareFile', { ceremonyId: 'c2', file: file.file, passphrase });
  const rebuilt = await client.call('combineShares', {
    ceremonyId: 'c2',
    shares: [a.share, b.share],
    expectedFingerprint: made.fingerprint,
    chains: ['bitcoin', 'ethereum'],
  });
  const psbt = buildPsbt({
    xpub: rebuilt.accounts[0]!.xpub,
    fingerprint: made.fingerprint,
    network: 'bitcoin',
    inputs: [[0, 1, 100_000n]],
    payments: [{ address: foreignAddress('bitcoin'), amount: 98_000n }],
  });
  const summary = await client.call('reviewPsbt', { xpub: rebuilt.accounts[0]!.xpub, fingerprint: made.fingerprint, psbt, network: 'bitcoin' });
  await client.call('signPsbt', { wallet: rebuilt.wallet, psbt, network: 'bitcoin', approvedDigest: summary.digest });
  const ethRequest = etherRequest({ from: rebuilt.accounts[1]!.addresses[0]!, to: FOREIGN_ETH_ADDRESS, value: 10n ** 17n });
  const ethParams = {
    wallet: rebuilt.wallet,
    xpub: rebuilt.accounts[1]!.xpub,
    request: ethRequest,
    network: 'mainnet' as const,
    tokens: [],
    maxFeeWei: ETH_FEE_CAP,
  };
  const ethSummary = await client.call('reviewEthTransfer', ethParams);
  await client.call('signEthTransfer', { ...ethParams, approvedDigest: ethSummary.digest });
  const refusals = [
    client.call('signEthTransfer', { ...ethParams, approvedDigest: '00'.repeat(32) }),
    client.call('combineShares', { ceremonyId: 'c3', shares: [a.share], expectedFingerprint: made.fingerprint, chains: ['bitcoin'] }),
    client.call('combineShares', { ceremonyId: 'c3', shares: [a.share, b.share], expectedFingerprint: '00000000', chains: ['bitcoin'] }),
    client.call('signPsbt', { wallet: rebuilt.wallet, psbt, network: 'bitcoin', approvedDigest: '00'.repeat(32) }),
    client.call('importShareWords', { ceremonyId: 'c3', words: words[0]!.words.slice(1).concat('zzzz').join(' ') }),
  ];
  for (const r of refusals) await expect(r).rejects.toBeInstanceOf(CryptoError);
  const key = await client.call('createSigningKey', { passphrase });
  const unlocked = await client.call('unlockSigningKey', { ceremonyId: 'c4', keyFile: key.keyFile, passphrase });
  await client.call('signDigest', { key: unlocked.key, digest: new Uint8Array(32).fill(9) });

  // Recover the secrets independently: decode two shares, combine with the library, derive.
  const envelopes = [wordsToEnvelope(words[0]!.words.join(' ')), wordsToEnvelope(words[2]!.words.join(' '))].map(decodeEnvelope);
  const entropy = await combine(envelopes.map((e) => e.share));
  const mnemonic = entropyToMnemonic(entropy, wordlist);
  const seed = mnemonicToSeedSync(mnemonic);
  const master = HDKey.fromMasterSeed(seed);
  expect(master.fingerprint.toString(16).padStart(8, '0')).toBe(made.fingerprint);
  const account = master.derive("m/84'/0'/0'");
  const ethKey = master.derive("m/44'/60'/0'/0/0");
  const signingSecret = open(SealedKind.signingKey, key.keyFile, passphrase);
  const secrets: [string, Uint8Array | string][] = [
    ['entropy', entropy],
    ['seed', seed],
    ['master private key', master.privateKey!],
    ['mnemonic', mnemonic],
    ['xprv', master.privateExtendedKey],
    ['account xprv', account.privateExtendedKey],
    ['account private key', account.privateKey!],
    ['Ethereum account private key', master.derive("m/44'/60'/0'").privateKey!],
    ['Ethereum address private key', ethKey.privateKey!],
    ['signing private key', signingSecret],
  ];

  const words24 = mnemonic.split(' ');
  function leaks(message: unknown): string[] {
    const { text, bytes } = flatten(message);
    const lowered = text.toLowerCase();
    const found: string[] = [];
    for (const [name, secret] of secrets) {
      const hex = typeof secret === 'string' ? secret.toLowerCase() : bytesToHex(secret);
      if (lowered.includes(hex)) found.push(`${name} as text`);
      if (typeof secret !== 'string' && bytes.some((b) => containsBytes(b, secret))) found.push(`${name} as bytes`);
    }
    const tokens = lowered.split(/[^a-z]+/u);
    for (let i = 0; i + 24 <= tokens.length; i++) {
      if (tokens.slice(i, i + 24).join(' ') === words24.join(' ')) found.push('mnemonic words in order');
    }
    return found;
  }

  // The scanner itself must see each secret when it is there (so this test can fail).
  expect(leaks({ result: { x: bytesToHex(entropy) } })).toContain('entropy as text');
  expect(leaks({ result: { file: Uint8Array.of(1, ...seed, 2) } })).toContain('seed as bytes');
  expect(leaks({ error: { message: words24.join(', ').toUpperCase() } })).toContain('mnemonic words in order');
  expect(leaks({ result: [master.privateExtendedKey] })).toContain('xprv as text');
  expect(leaks({ result: { k: signingSecret } })).toContain('signing private key as bytes');

  expect(seen.length).toBeGreaterThan(15);
  for (const message of seen) expect(leaks(message)).toEqual([]);
});
