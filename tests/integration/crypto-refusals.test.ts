/**
 * Every refusal of the crypto core, through the real protocol (issue 2: "Every refusal has a stable
 * code … at least 20 cases"; codes in crypto/protocol.ts CRYPTO_ERROR_CODES, explained to officers in
 * docs/errors.md). Each case below sends a request the core must refuse over the worker thread's
 * MessagePort (startWorkerHost) and checks that:
 *   - the call rejects with a CryptoError carrying the exact stable `code`;
 *   - `message` is a sentence (a capital, several words), and the expected `details` are there;
 *   - neither `message` nor `details` contain any secret the test handed in or holds (passphrases,
 *     dice rolls, share words, a mistyped word, QR payloads, key bytes);
 *   - the core is still usable afterwards (ping answers), and the refused request left no secret
 *     behind: every case gets a fresh ceremony id, and `endCeremony` for it releases nothing (or
 *     only what the case itself created on purpose).
 * A last test checks that the table covers every code, so a new code without a refusal case fails.
 * Sealing and opening a file costs about a second (scrypt N = 2^17), so fixtures are made once.
 */
import { createHash } from 'node:crypto';
import { HDKey } from '@scure/bip32';
import * as bitcoin from 'bitcoinjs-lib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorkerHost, type CryptoHost } from '../../main/crypto-host/worker-host.ts';
import {
  CRYPTO_ERROR_CODES,
  CryptoError,
  type CryptoClient,
  type CryptoErrorCode,
  type Handle,
  type Operation,
  type Params,
  type Result,
} from '../../crypto/protocol.ts';
import { ENGLISH } from '../../crypto/mnemonic-seed.ts';
import { parsePsbt, reviewPsbt } from '../../crypto/psbt-review.ts';
import { signReviewed } from '../../crypto/psbt-sign.ts';
import { SealedKind, WRITE_PARAMS, seal } from '../../crypto/sealed-file.ts';
import { envelopeToWords, wordsToEnvelope } from '../../crypto/share-words.ts';
import { TESTNET_VERSIONS, describeWallet, withMasterKey } from '../../crypto/wallet-accounts.ts';
import { parseEthRequest } from '../../crypto/eth-request.ts';
import { reviewEthTransfer } from '../../crypto/eth-review.ts';
import { signReviewedEth } from '../../crypto/eth-sign.ts';
import { ETH_FEE_CAP, FOREIGN_ETH_ADDRESS, TEST_TOKEN, approveData, etherRequest } from '../support/eth-request.ts';
import { accountKey, buildPsbt, foreignAddress, keyAt, type Spend } from '../support/psbt-builder.ts';

// ---------------------------------------------------------------------------------------------
// Fixtures (made once: scrypt is slow on purpose)

const PASSPHRASE = 'correct horse battery staple 42';
const WRONG_PASSPHRASE = 'incorrect donkey battery staple 42';
const SHORT_PASSPHRASE = 'Zq9-xK2!';
const FAST = { logN: 15, r: 8, p: 1 };

interface Fixtures {
  walletA: Handle;
  fpA: string;
  xpubA: string; // regtest account tpub
  ethXpubA: string; // A's Ethereum account key (xpub)
  walletB: Handle;
  fpB: string;
  sharesA: Handle[]; // split handles of A, 2-of-3
  sharesA2: Handle[]; // a second split of A, 2-of-3
  sharesB: Handle[];
  wordsA: string[][];
  qrA: string[];
  shareFile: Uint8Array; // share 1 of A sealed to PASSPHRASE
  keyFile: Uint8Array; // signing key sealed to PASSPHRASE
  key: Handle;
  publicKey: string;
  signature: Uint8Array; // DER signature by `key` over DIGEST
  zeroKeyFile: Uint8Array; // kind 2 file whose plaintext is 32 zero bytes
}
let host: CryptoHost;
let fx: Fixtures;
const DIGEST = new Uint8Array(32).fill(7);

/** Strings that must never appear in any refusal: passphrases, words, payloads. Grows in beforeAll. */
const SECRETS: string[] = [PASSPHRASE, WRONG_PASSPHRASE, SHORT_PASSPHRASE];

beforeAll(async () => {
  host = await startWorkerHost();
  const c = host.client;
  const a = await c.call('generateWallet', { ceremonyId: 'fixtures', chains: ['regtest', 'bitcoin'] });
  const b = await c.call('generateWallet', { ceremonyId: 'fixtures', chains: ['regtest'] });
  const splitA = await c.call('splitWallet', { wallet: a.wallet, threshold: 2, shareCount: 3 });
  const splitA2 = await c.call('splitWallet', { wallet: a.wallet, threshold: 2, shareCount: 3 });
  const splitB = await c.call('splitWallet', { wallet: b.wallet, threshold: 2, shareCount: 3 });
  const exported = await Promise.all(splitA.shares.map((s) => c.call('exportShareWords', { share: s.share })));
  const [shareFile, signingKey] = await Promise.all([
    c.call('exportShareFile', { share: splitA.shares[0]!.share, passphrase: PASSPHRASE }),
    c.call('createSigningKey', { passphrase: PASSPHRASE }),
  ]);
  const unlocked = await c.call('unlockSigningKey', { ceremonyId: 'fixtures', keyFile: signingKey.keyFile, passphrase: PASSPHRASE });
  const { signature } = await c.call('signDigest', { key: unlocked.key, digest: DIGEST });
  const ethA = await c.call('describeWallet', { wallet: a.wallet, chains: ['ethereum'], addressCount: 0 });
  fx = {
    walletA: a.wallet,
    ethXpubA: ethA.accounts[0]!.xpub,
    fpA: a.fingerprint,
    xpubA: a.accounts[0]!.xpub,
    walletB: b.wallet,
    fpB: b.fingerprint,
    sharesA: splitA.shares.map((s) => s.share),
    sharesA2: splitA2.shares.map((s) => s.share),
    sharesB: splitB.shares.map((s) => s.share),
    wordsA: exported.map((e) => e.words),
    qrA: exported.map((e) => e.qr),
    shareFile: shareFile.file,
    keyFile: signingKey.keyFile,
    key: unlocked.key,
    publicKey: unlocked.publicKey,
    signature,
    zeroKeyFile: seal(SealedKind.signingKey, new Uint8Array(32), PASSPHRASE, WRITE_PARAMS),
  };
  for (const words of fx.wordsA) {
    for (let i = 0; i + 3 <= words.length; i++) SECRETS.push(words.slice(i, i + 3).join(' '));
  }
  for (const qr of fx.qrA) SECRETS.push(qr.slice('CUSTOS-SHARE1:'.length, 'CUSTOS-SHARE1:'.length + 24));
}, 60_000);

afterAll(async () => {
  await host?.stop();
});

// ---------------------------------------------------------------------------------------------
// Helpers

/** Posts any operation name with any params, as a confused or hostile caller could. */
function raw(c: CryptoClient, op: string, params: unknown): Promise<unknown> {
  return (c as unknown as { call(op: string, params: unknown): Promise<unknown> }).call(op, params);
}

/** Calls with deliberately ill-typed params. */
function loose<O extends Operation>(c: CryptoClient, op: O, params: Record<string, unknown>): Promise<Result<O>> {
  return c.call(op, params as Params<O>);
}

/** Wallet A on Ethereum mainnet, with the test token listed and the test fee cap (the request is the case's). */
const ethParams = () => ({
  wallet: fx.walletA,
  xpub: fx.ethXpubA,
  request: new Uint8Array(),
  network: 'mainnet' as const,
  tokens: [TEST_TOKEN],
  maxFeeWei: ETH_FEE_CAP,
});

/** Wallet A's first Ethereum address, as the core describes it. */
async function ethAddressOfA(c: CryptoClient): Promise<string> {
  return (await c.call('describeWallet', { wallet: fx.walletA, chains: ['ethereum'], addressCount: 1 })).accounts[0]!.addresses[0]!;
}

/** Share words as one typed line. */
const line = (words: string[]) => words.join(' ');

function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

/** Share n of A's envelope, changed by `mutate`, with a freshly computed (valid) checksum, as words. */
function reforged(n: number, mutate: (envelope: Uint8Array) => void): string {
  const envelope = wordsToEnvelope(line(fx.wordsA[n]!));
  mutate(envelope);
  envelope.set(sha256(envelope.subarray(0, 49)).subarray(0, 4), 49);
  return line(envelopeToWords(envelope));
}

function flipped(file: Uint8Array, at: number, value?: number): Uint8Array {
  const copy = file.slice();
  copy[at] = value ?? copy[at]! ^ 0x01;
  return copy;
}

const REGTEST = bitcoin.networks.regtest;
const fpBytes = () => Uint8Array.from(Buffer.from(fx.fpA, 'hex'));
/** The same account key with mainnet version bytes (xpub…): not a key of a test network. */
const mainnetVersionOf = (tpub: string) => {
  const k = accountKey(tpub, 'regtest');
  return new HDKey({ depth: k.depth, index: k.index, parentFingerprint: k.parentFingerprint, chainCode: k.chainCode!, publicKey: k.publicKey! })
    .publicExtendedKey;
};
const ourKey = (chain: 0 | 1, index: number) => keyAt(accountKey(fx.xpubA, 'regtest'), chain, index);
const ourAddress = (chain: 0 | 1, index: number) => bitcoin.payments.p2wpkh({ pubkey: ourKey(chain, index), network: REGTEST }).address!;

/** A plain regtest spend of wallet A: 100,000 sats in, 90,000 out to someone, 9,000 change. */
function spend(overrides: Partial<Spend> = {}): Uint8Array {
  return buildPsbt({
    xpub: fx.xpubA,
    fingerprint: fx.fpA,
    network: 'regtest',
    inputs: [[0, 0, 100_000n]],
    payments: [{ address: foreignAddress('regtest', 7), amount: 90_000n }],
    change: [1, 0, 9_000n],
    ...overrides,
  });
}

function fundingTx(script: Uint8Array, amount: bigint, salt: number): bitcoin.Transaction {
  const tx = new bitcoin.Transaction();
  tx.version = 2;
  const hash = new Uint8Array(32);
  new DataView(hash.buffer).setUint32(0, 0x1000 + salt);
  tx.addInput(hash, 0);
  tx.addOutput(script, amount);
  return tx;
}

interface CoinSpec {
  /** Derivation path claimed in the PSBT (default m/84'/1'/0'/0/0), with the key of that path. */
  path?: string;
  claimed?: [0 | 1, number];
  /** The key the coin really pays to (default: the claimed one). */
  pays?: [0 | 1, number];
  form?: 'wpkh' | 'pkh' | 'sh-wpkh';
  utxo?: 'witness' | 'previous' | 'both' | 'conflicting';
  sighashType?: number;
  /** Adds a (bogus) partial signature by the key at this path of ours. */
  partialSig?: [0 | 1, number];
}

interface OutSpec {
  /** Pays this address; with `claimed`, also claims a key of ours for it (a change output). */
  address: string;
  amount: bigint;
  claimed?: [0 | 1, number];
}

/** A regtest PSBT for wallet A with one coin of 100,000 sats shaped by `coin`, built with bitcoinjs-lib. */
function oddPsbt(coin: CoinSpec, outputs: OutSpec[] = [{ address: foreignAddress('regtest', 7), amount: 99_000n }]): Uint8Array {
  const claimed = coin.claimed ?? [0, 0];
  const pubkey = ourKey(...claimed);
  const paysKey = ourKey(...(coin.pays ?? claimed));
  const form = coin.form ?? 'wpkh';
  const wpkh = bitcoin.payments.p2wpkh({ pubkey: paysKey, network: REGTEST });
  const script =
    form === 'wpkh'
      ? wpkh.output!
      : form === 'pkh'
        ? bitcoin.payments.p2pkh({ pubkey: paysKey, network: REGTEST }).output!
        : bitcoin.payments.p2sh({ redeem: wpkh, network: REGTEST }).output!;
  const prev = fundingTx(script, 100_000n, 1);
  const utxo = coin.utxo ?? 'witness';
  const psbt = new bitcoin.Psbt({ network: REGTEST });
  psbt.addInput({
    hash: prev.getId(),
    index: 0,
    ...(utxo === 'witness' || utxo === 'both' || utxo === 'conflicting'
      ? { witnessUtxo: { script, value: utxo === 'conflicting' ? 100_001n : 100_000n } }
      : {}),
    ...(utxo === 'previous' || utxo === 'both' || utxo === 'conflicting' ? { nonWitnessUtxo: prev.toBuffer() } : {}),
    ...(form === 'sh-wpkh' ? { redeemScript: wpkh.output! } : {}),
    ...(coin.sighashType !== undefined ? { sighashType: coin.sighashType } : {}),
    bip32Derivation: [{ masterFingerprint: fpBytes(), path: coin.path ?? `m/84'/1'/0'/${claimed[0]}/${claimed[1]}`, pubkey }],
  });
  for (const o of outputs) {
    psbt.addOutput({
      address: o.address,
      value: o.amount,
      ...(o.claimed
        ? { bip32Derivation: [{ masterFingerprint: fpBytes(), path: `m/84'/1'/0'/${o.claimed[0]}/${o.claimed[1]}`, pubkey: ourKey(...o.claimed) }] }
        : {}),
    });
  }
  if (coin.partialSig) {
    // After the outputs: bitcoinjs-lib refuses to change a transaction that carries signatures.
    psbt.updateInput(0, { partialSig: [{ pubkey: ourKey(...coin.partialSig), signature: Buffer.from('300602010102010101', 'hex') }] });
  }
  return Uint8Array.from(psbt.toBuffer());
}

/** Reviews `psbt` on wallet A (regtest) and signs it with the digest the review produced. */
async function reviewThenSign(c: CryptoClient, psbt: Uint8Array): Promise<unknown> {
  const summary = await c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt, network: 'regtest' });
  return c.call('signPsbt', { wallet: fx.walletA, psbt, network: 'regtest', approvedDigest: summary.digest });
}

// ---------------------------------------------------------------------------------------------
// The table

interface Refusal {
  code: CryptoErrorCode;
  why: string;
  /** Makes the refused call. `fresh` is a ceremony id no other case uses. */
  run: (c: CryptoClient, fresh: string) => Promise<unknown>;
  /** Details the refusal must carry (a subset). */
  details?: Record<string, string | number | boolean>;
  /** Secrets of this case, on top of SECRETS, that neither message nor details may contain. */
  secrets?: () => string[];
  /** How many handles `fresh` holds afterwards because the case made them on purpose (default 0). */
  held?: number;
}

const MISTYPED = 'qwertyuiop';
const DICE_BAD = '12345612345612345612345612345612345612345x6';

const cases: Refusal[] = [
  // Requests that do not fit the protocol
  { code: 'BAD_REQUEST', why: 'a request without parameters', run: (c) => raw(c, 'ping', null) },
  {
    code: 'BAD_REQUEST',
    why: 'share words that are not text',
    details: { param: 'words' },
    run: (c, fresh) => loose(c, 'importShareWords', { ceremonyId: fresh, words: 42 }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'a share file that is not bytes',
    details: { param: 'file' },
    run: (c, fresh) => loose(c, 'importShareFile', { ceremonyId: fresh, file: 'Q1VTVE9TU0Y=', passphrase: PASSPHRASE }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'shares that are not a list',
    details: { param: 'shares' },
    run: (c, fresh) => loose(c, 'combineShares', { ceremonyId: fresh, shares: fx.sharesA[0], expectedFingerprint: fx.fpA, chains: ['regtest'] }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'an expected fingerprint in upper case',
    run: (c, fresh) => c.call('combineShares', { ceremonyId: fresh, shares: fx.sharesA.slice(0, 2), expectedFingerprint: 'ABCDEF12', chains: ['regtest'] }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'an expected fingerprint of 9 characters',
    run: (c, fresh) => c.call('combineShares', { ceremonyId: fresh, shares: fx.sharesA.slice(0, 2), expectedFingerprint: `${fx.fpA}0`, chains: ['regtest'] }),
  },
  { code: 'BAD_REQUEST', why: 'more than 20 addresses', run: (c) => c.call('describeWallet', { wallet: fx.walletA, chains: ['regtest'], addressCount: 21 }) },
  {
    code: 'BAD_REQUEST',
    why: 'addresses from a key that is not an xpub',
    details: { param: 'xpub' },
    run: (c) => c.call('deriveAddresses', { chain: 'regtest', xpub: 'tpubNotAKey', branch: 0, from: 0, count: 1 }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'addresses from a mainnet xpub for regtest',
    details: { param: 'xpub' },
    run: (c) => c.call('deriveAddresses', { chain: 'regtest', xpub: mainnetVersionOf(fx.xpubA), branch: 0, from: 0, count: 1 }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'more than 5000 addresses at once',
    details: { param: 'count' },
    run: (c) => c.call('deriveAddresses', { chain: 'regtest', xpub: fx.xpubA, branch: 0, from: 0, count: 5001 }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'a branch other than receive or change',
    details: { param: 'branch' },
    run: (c) => loose(c, 'deriveAddresses', { chain: 'regtest', xpub: fx.xpubA, branch: 2, from: 0, count: 1 }),
  },
  {
    code: 'CHAINS_INVALID',
    why: 'addresses of an unknown chain',
    run: (c) => loose(c, 'deriveAddresses', { chain: 'dogecoin', xpub: fx.xpubA, branch: 0, from: 0, count: 1 }),
  },
  {
    code: 'BAD_REQUEST',
    why: 'a digest to sign that is not bytes',
    details: { param: 'digest' },
    run: (c) => loose(c, 'signDigest', { key: fx.key, digest: 'aa'.repeat(32) }),
  },

  { code: 'UNKNOWN_OPERATION', why: 'an operation that does not exist', details: { op: 'nope' }, run: (c) => raw(c, 'nope', {}) },
  { code: 'UNKNOWN_OPERATION', why: 'an inherited property name as operation', details: { op: 'toString' }, run: (c) => raw(c, 'toString', {}) },

  // Handles
  {
    code: 'UNKNOWN_HANDLE',
    why: 'a wallet used after endCeremony',
    run: async (c, fresh) => {
      const made = await c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'] });
      expect((await c.call('endCeremony', { ceremonyId: fresh })).released).toBe(1);
      return c.call('describeWallet', { wallet: made.wallet, chains: ['regtest'] });
    },
  },
  {
    code: 'UNKNOWN_HANDLE',
    why: 'a wallet used after releaseHandle',
    run: async (c, fresh) => {
      const made = await c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'] });
      expect((await c.call('releaseHandle', { handle: made.wallet })).released).toBe(true);
      return c.call('splitWallet', { wallet: made.wallet, threshold: 2, shareCount: 3 });
    },
  },
  { code: 'UNKNOWN_HANDLE', why: 'a handle that was never issued', run: (c) => c.call('exportShareWords', { share: `share:${'00'.repeat(16)}` as Handle }) },
  { code: 'UNKNOWN_HANDLE', why: 'a handle that is not text', run: (c) => loose(c, 'signDigest', { key: 7, digest: DIGEST }) },

  {
    code: 'HANDLE_WRONG_KIND',
    why: 'a share handle passed as a wallet',
    details: { expected: 'wallet', found: 'share' },
    run: (c) => c.call('describeWallet', { wallet: fx.sharesA[0]!, chains: ['regtest'] }),
  },
  {
    code: 'HANDLE_WRONG_KIND',
    why: 'a wallet handle passed as a signing key',
    details: { expected: 'key', found: 'wallet' },
    run: (c) => c.call('signDigest', { key: fx.walletA, digest: DIGEST }),
  },
  {
    code: 'HANDLE_WRONG_KIND',
    why: 'a signing key asked to be exported as share words',
    details: { expected: 'share', found: 'key' },
    run: (c) => c.call('exportShareWords', { share: fx.key }),
  },
  {
    code: 'HANDLE_WRONG_KIND',
    why: 'a wallet among the shares to combine',
    details: { expected: 'share', found: 'wallet' },
    run: (c, fresh) =>
      c.call('combineShares', {
        ceremonyId: fresh,
        shares: [fx.sharesA[0]!, fx.walletA],
        expectedFingerprint: fx.fpA,
        chains: ['regtest'],
      }),
  },

  // Parameters
  { code: 'CEREMONY_ID_INVALID', why: 'a ceremony id with a space', run: (c) => c.call('generateWallet', { ceremonyId: 'key ceremony', chains: ['regtest'] }) },
  { code: 'CEREMONY_ID_INVALID', why: 'an empty ceremony id', run: (c) => c.call('endCeremony', { ceremonyId: '' }) },
  {
    code: 'CEREMONY_ID_INVALID',
    why: 'a ceremony id of 129 characters',
    run: (c) => c.call('importShareWords', { ceremonyId: 'x'.repeat(129), words: line(fx.wordsA[0]!) }),
  },
  {
    code: 'CEREMONY_ID_INVALID',
    why: 'a ceremony id that is not text',
    run: (c) => loose(c, 'combineShares', { ceremonyId: 42, shares: fx.sharesA.slice(0, 2), expectedFingerprint: fx.fpA, chains: ['regtest'] }),
  },

  { code: 'CHAINS_INVALID', why: 'an unknown chain', run: (c, fresh) => loose(c, 'generateWallet', { ceremonyId: fresh, chains: ['dogecoin'] }) },
  { code: 'CHAINS_INVALID', why: 'no chain', run: (c, fresh) => c.call('generateWallet', { ceremonyId: fresh, chains: [] }) },
  { code: 'CHAINS_INVALID', why: 'a chain listed twice', run: (c) => c.call('describeWallet', { wallet: fx.walletA, chains: ['bitcoin', 'bitcoin'] }) },
  {
    code: 'CHAINS_INVALID',
    why: 'an unknown chain when combining',
    run: (c, fresh) => loose(c, 'combineShares', { ceremonyId: fresh, shares: fx.sharesA.slice(0, 2), expectedFingerprint: fx.fpA, chains: ['litecoin'] }),
  },

  {
    code: 'DICE_INVALID',
    why: 'a roll that is not 1 to 6',
    details: { position: 42 },
    secrets: () => [DICE_BAD, DICE_BAD.slice(0, 20)],
    run: (c, fresh) => c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'], dice: DICE_BAD }),
  },
  {
    code: 'DICE_INVALID',
    why: 'dice given as a number rather than typed text',
    details: { position: 0 },
    run: (c, fresh) => loose(c, 'generateWallet', { ceremonyId: fresh, chains: ['regtest'], dice: 123 }),
  },
  {
    code: 'DICE_INVALID',
    why: 'a seven',
    details: { position: 5 },
    secrets: () => ['1234761'],
    run: (c, fresh) => c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'], dice: '1234 761' }),
  },
  {
    code: 'DICE_INVALID',
    why: 'no rolls at all',
    details: { position: 0 },
    run: (c, fresh) => c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'], dice: ' , ' }),
  },
  {
    code: 'DICE_INVALID',
    why: 'more than 1000 rolls',
    details: { count: 1001 },
    run: (c, fresh) => c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'], dice: '3'.repeat(1001) }),
  },

  {
    code: 'THRESHOLD_INVALID',
    why: 'a 1-of-3 split',
    details: { threshold: '1', shareCount: '3' },
    held: 1,
    run: async (c, fresh) => {
      const made = await c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'] });
      return c.call('splitWallet', { wallet: made.wallet, threshold: 1, shareCount: 3 });
    },
  },
  {
    code: 'THRESHOLD_INVALID',
    why: 'a 4-of-3 split',
    held: 1,
    run: async (c, fresh) => {
      const made = await c.call('generateWallet', { ceremonyId: fresh, chains: ['regtest'] });
      return c.call('splitWallet', { wallet: made.wallet, threshold: 4, shareCount: 3 });
    },
  },
  { code: 'THRESHOLD_INVALID', why: 'more than 16 shares', run: (c) => c.call('splitWallet', { wallet: fx.walletA, threshold: 2, shareCount: 17 }) },
  {
    code: 'THRESHOLD_INVALID',
    why: 'a threshold that is not a whole number',
    run: (c) => c.call('splitWallet', { wallet: fx.walletA, threshold: 2.5, shareCount: 3 }),
  },

  {
    code: 'PASSPHRASE_TOO_SHORT',
    why: 'a new signing key with an 8-character passphrase',
    details: { minimum: 12 },
    run: (c) => c.call('createSigningKey', { passphrase: SHORT_PASSPHRASE }),
  },
  {
    code: 'PASSPHRASE_TOO_SHORT',
    why: 'a share file sealed with an 8-character passphrase',
    run: (c) => c.call('exportShareFile', { share: fx.sharesA[1]!, passphrase: SHORT_PASSPHRASE }),
  },
  {
    code: 'PASSPHRASE_TOO_SHORT',
    why: 'a share file opened with an 8-character passphrase',
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: fx.shareFile, passphrase: SHORT_PASSPHRASE }),
  },
  { code: 'PASSPHRASE_TOO_SHORT', why: 'a passphrase that is not text', run: (c) => loose(c, 'createSigningKey', { passphrase: 123456789012345 }) },

  // Share words
  {
    code: 'SHARE_WORD_UNKNOWN',
    why: 'a mistyped word',
    details: { position: 7 },
    secrets: () => [MISTYPED],
    run: (c, fresh) => {
      const words = [...fx.wordsA[0]!];
      words[6] = MISTYPED;
      return c.call('importShareWords', { ceremonyId: fresh, words: line(words) });
    },
  },
  {
    code: 'SHARE_WORD_UNKNOWN',
    why: 'a word from another language',
    details: { position: 39 },
    secrets: () => ['abeille'],
    run: (c, fresh) => {
      const words = [...fx.wordsA[1]!];
      words[38] = 'abeille';
      return c.call('importShareWords', { ceremonyId: fresh, words: line(words) });
    },
  },
  {
    code: 'SHARE_WORD_COUNT',
    why: 'a word left out',
    details: { expected: 39, given: 38 },
    run: (c, fresh) => c.call('importShareWords', { ceremonyId: fresh, words: line(fx.wordsA[0]!.slice(1)) }),
  },
  {
    code: 'SHARE_WORD_COUNT',
    why: 'a word typed twice',
    details: { expected: 39, given: 40 },
    run: (c, fresh) => c.call('importShareWords', { ceremonyId: fresh, words: line([fx.wordsA[0]![0]!, ...fx.wordsA[0]!]) }),
  },
  {
    code: 'SHARE_WORD_COUNT',
    why: 'nothing typed',
    details: { expected: 39, given: 0 },
    run: (c, fresh) => c.call('importShareWords', { ceremonyId: fresh, words: '  \n ' }),
  },
  {
    code: 'SHARE_PADDING',
    why: 'only the last word changed, so that its low 5 bits are not zero',
    details: { position: 39 },
    secrets: () => [lastWordWithPadding()],
    run: (c, fresh) => c.call('importShareWords', { ceremonyId: fresh, words: line([...fx.wordsA[0]!.slice(0, 38), lastWordWithPadding()]) }),
  },
  {
    code: 'SHARE_CHECKSUM',
    why: 'two words swapped',
    run: (c, fresh) => c.call('importShareWords', { ceremonyId: fresh, words: line(swapped(fx.wordsA[0]!)) }),
  },
  {
    code: 'SHARE_CHECKSUM',
    why: 'one word replaced by another valid word',
    run: (c, fresh) => {
      const words = [...fx.wordsA[2]!];
      words[10] = words[10] === 'abandon' ? 'ability' : 'abandon';
      return c.call('importShareWords', { ceremonyId: fresh, words: line(words) });
    },
  },
  {
    code: 'SHARE_VERSION_UNKNOWN',
    why: 'an envelope of version 2 with a valid checksum',
    details: { version: 2 },
    run: (c, fresh) =>
      c.call('importShareWords', {
        ceremonyId: fresh,
        words: reforged(0, (e) => {
          e[0] = 2;
        }),
      }),
  },
  {
    code: 'SHARE_MALFORMED',
    why: 'an envelope naming a 1-of-3 quorum',
    details: { threshold: 1, shareCount: 3 },
    run: (c, fresh) =>
      c.call('importShareWords', {
        ceremonyId: fresh,
        words: reforged(0, (e) => {
          e[13] = 1;
        }),
      }),
  },
  {
    code: 'SHARE_MALFORMED',
    why: 'an envelope with index 4 of 3',
    details: { index: 4 },
    run: (c, fresh) =>
      c.call('importShareWords', {
        ceremonyId: fresh,
        words: reforged(0, (e) => {
          e[15] = 4;
        }),
      }),
  },
  {
    code: 'SHARE_MALFORMED',
    why: 'an envelope with x coordinate 0',
    run: (c, fresh) =>
      c.call('importShareWords', {
        ceremonyId: fresh,
        words: reforged(1, (e) => {
          e[48] = 0;
        }),
      }),
  },
  // A sealed file of the wrong length for its kind is refused by its length, before the key derivation (issue 15).
  {
    code: 'SEALED_FILE_MALFORMED',
    why: 'a sealed share file holding 52 bytes instead of 53',
    details: { length: 121, expected: 122 },
    run: (c, fresh) =>
      c.call('importShareFile', {
        ceremonyId: fresh,
        file: seal(SealedKind.share, new Uint8Array(52).fill(1), PASSPHRASE, FAST),
        passphrase: PASSPHRASE,
      }),
  },

  // Combining shares
  {
    code: 'SHARES_TOO_FEW',
    why: 'one share of a 2-of-3 split',
    details: { needed: 2, given: 1 },
    run: (c, fresh) => c.call('combineShares', { ceremonyId: fresh, shares: [fx.sharesA[0]!], expectedFingerprint: fx.fpA, chains: ['regtest'] }),
  },
  {
    code: 'SHARES_TOO_FEW',
    why: 'no share at all',
    details: { given: 0 },
    run: (c, fresh) => c.call('combineShares', { ceremonyId: fresh, shares: [], expectedFingerprint: fx.fpA, chains: ['regtest'] }),
  },
  {
    code: 'SHARES_DUPLICATE',
    why: 'the same share handle twice',
    details: { index: 1 },
    run: (c, fresh) =>
      c.call('combineShares', {
        ceremonyId: fresh,
        shares: [fx.sharesA[0]!, fx.sharesA[0]!],
        expectedFingerprint: fx.fpA,
        chains: ['regtest'],
      }),
  },
  {
    code: 'SHARES_DUPLICATE',
    why: 'the same share typed in twice',
    details: { index: 2 },
    run: async (c, fresh) => {
      const again = await c.call('importShareWords', { ceremonyId: 'fixtures', words: line(fx.wordsA[1]!) });
      return c.call('combineShares', { ceremonyId: fresh, shares: [fx.sharesA[1]!, again.share], expectedFingerprint: fx.fpA, chains: ['regtest'] });
    },
  },
  {
    code: 'SHARES_MIXED_SETS',
    why: 'a share of another wallet among ours',
    details: { index: 2 },
    run: (c, fresh) =>
      c.call('combineShares', {
        ceremonyId: fresh,
        shares: [fx.sharesA[0]!, fx.sharesB[1]!],
        expectedFingerprint: fx.fpA,
        chains: ['regtest'],
      }),
  },
  {
    code: 'SHARES_MIXED_SETS',
    why: 'shares of two different splits of the same wallet',
    run: (c, fresh) =>
      c.call('combineShares', {
        ceremonyId: fresh,
        shares: [fx.sharesA[0]!, fx.sharesA2[1]!],
        expectedFingerprint: fx.fpA,
        chains: ['regtest'],
      }),
  },
  {
    code: 'SHARES_FINGERPRINT_MISMATCH',
    why: 'a quorum of another wallet',
    details: { index: 1 }, // expected/found fingerprints are public and checked below
    run: (c, fresh) => c.call('combineShares', { ceremonyId: fresh, shares: fx.sharesB.slice(0, 2), expectedFingerprint: fx.fpA, chains: ['regtest'] }),
  },
  {
    code: 'SHARES_FINGERPRINT_MISMATCH',
    why: 'a wrong expectedFingerprint',
    details: { expected: '00000000' },
    run: (c, fresh) => c.call('combineShares', { ceremonyId: fresh, shares: fx.sharesA.slice(0, 2), expectedFingerprint: '00000000', chains: ['regtest'] }),
  },
  {
    code: 'SHARES_FINGERPRINT_MISMATCH',
    why: 'a well-formed share whose secret part was altered (caught after combining)',
    run: async (c, fresh) => {
      const forged = await c.call('importShareWords', {
        ceremonyId: 'fixtures',
        words: reforged(0, (e) => {
          e[20] = e[20]! ^ 0xff;
        }),
      });
      return c.call('combineShares', { ceremonyId: fresh, shares: [forged.share, fx.sharesA[1]!], expectedFingerprint: fx.fpA, chains: ['regtest'] });
    },
  },

  // Sealed files
  {
    code: 'SEALED_FILE_MALFORMED',
    why: 'a file too short to be sealed',
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: fx.shareFile.slice(0, 60), passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_MALFORMED',
    why: 'a file without the CUSTOSSF magic',
    run: (c, fresh) => c.call('unlockSigningKey', { ceremonyId: fresh, keyFile: flipped(fx.keyFile, 0, 0x00), passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_VERSION',
    why: 'a sealed file of version 2',
    details: { version: 2 },
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: flipped(fx.shareFile, 8, 2), passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_KIND',
    why: 'a signing-key file opened as a share',
    details: { expected: 1, found: 2 },
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: fx.keyFile, passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_KIND',
    why: 'a share file opened as a signing key',
    details: { expected: 2, found: 1 },
    run: (c, fresh) => c.call('unlockSigningKey', { ceremonyId: fresh, keyFile: fx.shareFile, passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_PARAMS',
    why: 'scrypt log2 N above 20',
    details: { logN: 21 },
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: flipped(fx.shareFile, 10, 21), passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_PARAMS',
    why: 'scrypt log2 N below 15',
    details: { logN: 14 },
    run: (c, fresh) => c.call('unlockSigningKey', { ceremonyId: fresh, keyFile: flipped(fx.keyFile, 10, 14), passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_PARAMS',
    why: 'scrypt r other than 8',
    details: { r: 1 },
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: flipped(fx.shareFile, 11, 1), passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_DECRYPT',
    why: 'a wrong passphrase',
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: fx.shareFile, passphrase: WRONG_PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_DECRYPT',
    why: 'a flipped salt byte in the header',
    run: (c, fresh) => c.call('importShareFile', { ceremonyId: fresh, file: flipped(fx.shareFile, 13), passphrase: PASSPHRASE }),
  },
  {
    code: 'SEALED_FILE_DECRYPT',
    why: 'a flipped byte of the encrypted key',
    run: (c, fresh) => c.call('unlockSigningKey', { ceremonyId: fresh, keyFile: flipped(fx.keyFile, 60), passphrase: PASSPHRASE }),
  },

  // Signing keys and signatures
  {
    code: 'SIGNING_KEY_INVALID',
    why: 'a key file whose key is 32 zero bytes',
    secrets: () => ['00'.repeat(32)],
    run: (c, fresh) => c.call('unlockSigningKey', { ceremonyId: fresh, keyFile: fx.zeroKeyFile, passphrase: PASSPHRASE }),
  },
  {
    code: 'SIGNING_KEY_INVALID',
    why: 'a key file whose key is not below the curve order',
    secrets: () => ['ff'.repeat(32)],
    run: (c, fresh) =>
      c.call('unlockSigningKey', {
        ceremonyId: fresh,
        keyFile: seal(SealedKind.signingKey, new Uint8Array(32).fill(0xff), PASSPHRASE, FAST),
        passphrase: PASSPHRASE,
      }),
  },
  {
    code: 'SEALED_FILE_MALFORMED',
    why: 'a key file holding 31 bytes',
    details: { length: 100, expected: 101 },
    run: (c, fresh) =>
      c.call('unlockSigningKey', {
        ceremonyId: fresh,
        keyFile: seal(SealedKind.signingKey, new Uint8Array(31).fill(9), PASSPHRASE, FAST),
        passphrase: PASSPHRASE,
      }),
  },
  { code: 'DIGEST_INVALID', why: 'signing a 31-byte digest', run: (c) => c.call('signDigest', { key: fx.key, digest: new Uint8Array(31) }) },
  {
    code: 'DIGEST_INVALID',
    why: 'verifying over a 31-byte digest',
    run: (c) => c.call('verifyDigest', { publicKey: fx.publicKey, digest: DIGEST.subarray(0, 31), signature: fx.signature }),
  },
  { code: 'DIGEST_INVALID', why: 'signing a 33-byte digest', run: (c) => c.call('signDigest', { key: fx.key, digest: new Uint8Array(33) }) },
  {
    code: 'PUBLIC_KEY_INVALID',
    why: 'an uncompressed public key',
    run: (c) => c.call('verifyDigest', { publicKey: '04' + 'ab'.repeat(64), digest: DIGEST, signature: fx.signature }),
  },
  {
    code: 'PUBLIC_KEY_INVALID',
    why: 'a public key in upper case',
    run: (c) => c.call('verifyDigest', { publicKey: fx.publicKey.toUpperCase(), digest: DIGEST, signature: fx.signature }),
  },
  {
    code: 'PUBLIC_KEY_INVALID',
    why: 'a point that is not on secp256k1 (x = 5)',
    run: (c) => c.call('verifyDigest', { publicKey: '02' + '5'.padStart(64, '0'), digest: DIGEST, signature: fx.signature }),
  },
  {
    code: 'SIGNATURE_MALFORMED',
    why: 'bytes that are not DER',
    run: (c) => c.call('verifyDigest', { publicKey: fx.publicKey, digest: DIGEST, signature: Uint8Array.from({ length: 70 }, (_, i) => i) }),
  },
  {
    code: 'SIGNATURE_MALFORMED',
    why: 'a DER signature with a trailing byte',
    run: (c) => {
      const longer = new Uint8Array([...fx.signature, 0]);
      longer[1] = longer[1]! + 1;
      return c.call('verifyDigest', { publicKey: fx.publicKey, digest: DIGEST, signature: longer });
    },
  },
  {
    code: 'SIGNATURE_MALFORMED',
    why: 'a 64-byte compact signature instead of DER',
    run: (c) => c.call('verifyDigest', { publicKey: fx.publicKey, digest: DIGEST, signature: new Uint8Array(64).fill(1) }),
  },

  // PSBTs
  {
    code: 'PSBT_MALFORMED',
    why: 'garbage bytes',
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: new Uint8Array(200).fill(0x42), network: 'regtest' }),
  },
  {
    code: 'PSBT_MALFORMED',
    why: 'a PSBT given as base64 text instead of bytes',
    run: (c) => loose(c, 'reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: Buffer.from(spend()).toString('base64'), network: 'regtest' }),
  },
  {
    code: 'PSBT_MALFORMED',
    why: 'a PSBT cut short',
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: spend().slice(0, 80), network: 'regtest' }),
  },
  {
    code: 'PSBT_MALFORMED',
    why: 'an output that pays no address (OP_RETURN)',
    details: { position: 2 },
    run: (c) => {
      const p = bitcoin.Psbt.fromBuffer(Buffer.from(oddPsbt({})), { network: REGTEST });
      p.addOutput({ script: Uint8Array.from([0x6a, 0x04, 1, 2, 3, 4]), value: 0n });
      return c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: Uint8Array.from(p.toBuffer()), network: 'regtest' });
    },
  },
  // The PSBT parser (@scure/btc-signer) already refuses coin data that contradicts itself, before the
  // core's own PSBT_INPUT_NO_UTXO check for the same thing.
  {
    code: 'PSBT_MALFORMED',
    why: 'witness and previous-transaction data that disagree on the amount',
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: oddPsbt({ utxo: 'conflicting' }), network: 'regtest' }),
  },
  {
    code: 'PSBT_MALFORMED',
    why: 'a previous transaction that is not the one the input spends',
    run: (c) => {
      const p = bitcoin.Psbt.fromBuffer(Buffer.from(oddPsbt({ utxo: 'previous', form: 'wpkh' })), { network: REGTEST });
      const input = p.data.inputs[0]!;
      const prev = bitcoin.Transaction.fromBuffer(input.nonWitnessUtxo!);
      prev.locktime = 99;
      input.nonWitnessUtxo = prev.toBuffer();
      return c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: Uint8Array.from(p.toBuffer()), network: 'regtest' });
    },
  },
  {
    code: 'PSBT_NETWORK_INVALID',
    why: 'a regtest PSBT signed as bitcoin (coin type 1, not 0)',
    details: { position: 1 },
    run: (c) => c.call('signPsbt', { wallet: fx.walletA, psbt: spend(), network: 'bitcoin', approvedDigest: '00'.repeat(32) }),
  },
  {
    code: 'PSBT_NETWORK_INVALID',
    why: 'a network that does not exist',
    run: (c) => loose(c, 'reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: spend(), network: 'litecoin' }),
  },
  {
    code: 'PSBT_INPUT_FOREIGN',
    why: 'an input claiming another fingerprint',
    details: { position: 1 },
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: spend({ claimFingerprint: 'deadbeef' }), network: 'regtest' }),
  },
  {
    code: 'PSBT_INPUT_FOREIGN',
    why: 'a second input of another wallet',
    details: { position: 2 },
    run: async (c) => {
      const p = bitcoin.Psbt.fromBuffer(Buffer.from(spend()), { network: REGTEST });
      const other = (await c.call('describeWallet', { wallet: fx.walletB, chains: ['regtest'] })).accounts[0]!.xpub;
      const pubkey = keyAt(accountKey(other, 'regtest'), 0, 0);
      const script = bitcoin.payments.p2wpkh({ pubkey, network: REGTEST }).output!;
      p.addInput({
        hash: fundingTx(script, 50_000n, 9).getId(),
        index: 0,
        witnessUtxo: { script, value: 50_000n },
        bip32Derivation: [{ masterFingerprint: Uint8Array.from(Buffer.from(fx.fpB, 'hex')), path: "m/84'/1'/0'/0/0", pubkey }],
      });
      return c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: Uint8Array.from(p.toBuffer()), network: 'regtest' });
    },
  },
  {
    code: 'PSBT_INPUT_NO_UTXO',
    why: 'an input without its coin data',
    details: { position: 1 },
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: spend({ omitUtxoOf: 0 }), network: 'regtest' }),
  },
  {
    code: 'PSBT_INPUT_NO_UTXO',
    why: 'the second input without its coin data',
    details: { position: 2 },
    run: (c) =>
      c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        psbt: spend({
          inputs: [
            [0, 0, 60_000n],
            [0, 1, 40_000n],
          ],
          omitUtxoOf: 1,
        }),
        network: 'regtest',
      }),
  },
  {
    code: 'PSBT_INPUT_UNSUPPORTED',
    why: "an input already carrying another key's partial signature",
    details: { position: 1 },
    run: (c) => reviewThenSign(c, oddPsbt({ partialSig: [0, 9] })),
  },
  {
    code: 'PSBT_INPUT_UNSUPPORTED',
    why: 'an input already carrying a (bogus) signature for our own key',
    details: { position: 1 },
    run: (c) => reviewThenSign(c, oddPsbt({ partialSig: [0, 0] })),
  },
  {
    code: 'PSBT_INPUT_UNSUPPORTED',
    why: 'a P2PKH input',
    details: { position: 1 },
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: oddPsbt({ form: 'pkh', utxo: 'previous' }), network: 'regtest' }),
  },
  {
    code: 'PSBT_INPUT_UNSUPPORTED',
    why: 'a P2SH-wrapped P2WPKH input',
    details: { position: 1 },
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: oddPsbt({ form: 'sh-wpkh' }), network: 'regtest' }),
  },
  {
    code: 'PSBT_INPUT_UNSUPPORTED',
    why: 'SIGHASH_SINGLE',
    details: { position: 1 },
    run: (c) =>
      c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: oddPsbt({ sighashType: bitcoin.Transaction.SIGHASH_SINGLE }), network: 'regtest' }),
  },
  {
    code: 'PSBT_INPUT_UNSUPPORTED',
    why: 'SIGHASH_ALL|ANYONECANPAY',
    details: { position: 1 },
    run: (c) =>
      c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        psbt: oddPsbt({ sighashType: bitcoin.Transaction.SIGHASH_ALL | bitcoin.Transaction.SIGHASH_ANYONECANPAY }),
        network: 'regtest',
      }),
  },
  {
    code: 'PSBT_INPUT_KEY_MISMATCH',
    why: "a derivation path whose key does not pay the coin's script",
    details: { position: 1 },
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: oddPsbt({ claimed: [0, 5], pays: [0, 0] }), network: 'regtest' }),
  },
  {
    code: 'PSBT_INPUT_KEY_MISMATCH',
    why: 'a path outside the BIP84 account (BIP49 purpose)',
    details: { position: 1 },
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: oddPsbt({ path: "m/49'/1'/0'/0/0" }), network: 'regtest' }),
  },
  {
    code: 'PSBT_INPUT_KEY_MISMATCH',
    why: 'a path on an unknown branch (2)',
    details: { position: 1 },
    run: (c) => c.call('reviewPsbt', { xpub: fx.xpubA, fingerprint: fx.fpA, psbt: oddPsbt({ path: "m/84'/1'/0'/2/0" }), network: 'regtest' }),
  },
  {
    code: 'PSBT_CHANGE_MISMATCH',
    why: 'a change output claiming our fingerprint with the wrong key',
    details: { position: 2 },
    run: (c) =>
      c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        network: 'regtest',
        psbt: oddPsbt({}, [
          { address: foreignAddress('regtest', 7), amount: 90_000n },
          { address: ourAddress(1, 5), amount: 9_000n, claimed: [1, 4] },
        ]),
      }),
  },
  {
    code: 'PSBT_CHANGE_MISMATCH',
    why: "a 'change' output that pays someone else",
    details: { position: 1 },
    run: (c) =>
      c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        network: 'regtest',
        psbt: oddPsbt({}, [{ address: foreignAddress('regtest', 8), amount: 99_000n, claimed: [1, 0] }]),
      }),
  },
  {
    code: 'PSBT_FEE_NEGATIVE',
    why: 'outputs worth more than the inputs',
    run: (c) =>
      c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        network: 'regtest',
        psbt: spend({ payments: [{ address: foreignAddress('regtest', 7), amount: 150_000n }], change: undefined }),
      }),
  },
  {
    code: 'PSBT_FEE_ABSURD',
    why: 'a fee above 1,000 sat/vB (but under 10 %)',
    details: { fee: '1000000' },
    run: (c) =>
      c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        network: 'regtest',
        psbt: spend({ inputs: [[0, 0, 1_000_000_000n]], payments: [{ address: foreignAddress('regtest', 7), amount: 999_000_000n }], change: undefined }),
      }),
  },
  {
    code: 'PSBT_FEE_ABSURD',
    why: 'a fee above 10 % of the amount spent (but under 1,000 sat/vB)',
    details: { fee: '15000' },
    run: (c) =>
      c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        network: 'regtest',
        psbt: spend({ payments: [{ address: foreignAddress('regtest', 7), amount: 85_000n }], change: undefined }),
      }),
  },
  {
    code: 'PSBT_NOT_APPROVED',
    why: 'the digest of another summary',
    run: async (c) => {
      const other = await c.call('reviewPsbt', {
        xpub: fx.xpubA,
        fingerprint: fx.fpA,
        network: 'regtest',
        psbt: spend({ payments: [{ address: foreignAddress('regtest', 7), amount: 80_000n }], change: [1, 0, 19_000n] }),
      });
      return c.call('signPsbt', { wallet: fx.walletA, psbt: spend(), network: 'regtest', approvedDigest: other.digest });
    },
  },
  {
    code: 'PSBT_NOT_APPROVED',
    why: 'no approved digest at all',
    run: (c) => c.call('signPsbt', { wallet: fx.walletA, psbt: spend(), network: 'regtest', approvedDigest: '' }),
  },
  {
    code: 'PSBT_SIGN_FAILED',
    why: 'a signing plan whose key is not the derived key (core function called directly)',
    // Not reachable through the protocol: signPsbt builds the plan itself from the reviewed PSBT, and
    // each plan key is the very key signReviewed derives again, so the check can only fail if the
    // core itself is wrong. The refusal is therefore exercised on crypto/psbt-sign.ts directly.
    run: async () => {
      const entropy = new Uint8Array(32).fill(0x5c);
      const { fingerprint } = describeWallet(entropy, ['regtest'], 0);
      const path = "m/84'/1'/0'";
      withMasterKey(entropy, (master) => {
        const derived = master.derive(path);
        const account = new HDKey({ versions: TESTNET_VERSIONS, chainCode: derived.chainCode!, publicKey: derived.publicKey! });
        const psbt = buildPsbt({
          xpub: account.publicExtendedKey,
          fingerprint,
          network: 'regtest',
          inputs: [[0, 0, 100_000n]],
          payments: [{ address: foreignAddress('regtest', 7), amount: 99_000n }],
        });
        const tx = parsePsbt(psbt);
        const { summary, plan } = reviewPsbt(tx, fingerprint, account, 'regtest');
        plan[0]!.publicKey = account.deriveChild(0).deriveChild(1).publicKey!;
        return signReviewed(tx, master, plan, summary, summary.digest);
      });
    },
  },

  // Ethereum transfers (issue 18)
  {
    code: 'ETH_REQUEST_MALFORMED',
    why: 'a request file that is not JSON',
    run: (c) => c.call('reviewEthTransfer', { ...ethParams(), request: new TextEncoder().encode('to=0x…, value=1 ether') }),
  },
  {
    code: 'ETH_CHAIN_REFUSED',
    why: 'a request for chain 5 reviewed as mainnet',
    details: { chainId: '5' },
    run: async (c) =>
      c.call('reviewEthTransfer', { ...ethParams(), request: etherRequest({ from: await ethAddressOfA(c), to: FOREIGN_ETH_ADDRESS, value: 1n, chainId: 5n }) }),
  },
  {
    code: 'ETH_FROM_FOREIGN',
    why: "a request paying from an address that is not the wallet's",
    details: { from: FOREIGN_ETH_ADDRESS },
    run: (c) => c.call('reviewEthTransfer', { ...ethParams(), request: etherRequest({ from: FOREIGN_ETH_ADDRESS, to: FOREIGN_ETH_ADDRESS, value: 1n }) }),
  },
  {
    code: 'ETH_CALL_REFUSED',
    why: 'an approve call on a listed token',
    details: { to: TEST_TOKEN.contract },
    run: async (c) =>
      c.call('reviewEthTransfer', {
        ...ethParams(),
        request: etherRequest({ from: await ethAddressOfA(c), to: TEST_TOKEN.contract, data: approveData(FOREIGN_ETH_ADDRESS, 10n ** 30n) }),
      }),
  },
  {
    code: 'ETH_FEE_TOO_HIGH',
    why: "a maximum fee above the station's cap",
    details: { cap: ETH_FEE_CAP },
    run: async (c) =>
      c.call('reviewEthTransfer', {
        ...ethParams(),
        request: etherRequest({ from: await ethAddressOfA(c), to: FOREIGN_ETH_ADDRESS, value: 1n, maxFeePerGas: 10n ** 15n }),
      }),
  },
  {
    code: 'ETH_NOT_APPROVED',
    why: 'the digest of another transfer',
    run: async (c) => {
      const from = await ethAddressOfA(c);
      const other = await c.call('reviewEthTransfer', { ...ethParams(), request: etherRequest({ from, to: FOREIGN_ETH_ADDRESS, value: 2n }) });
      return c.call('signEthTransfer', { ...ethParams(), request: etherRequest({ from, to: FOREIGN_ETH_ADDRESS, value: 1n }), approvedDigest: other.digest });
    },
  },
  {
    code: 'ETH_SIGN_FAILED',
    why: 'a reviewed transfer whose approved sender is not the key that signs (core function called directly)',
    // Not reachable through the protocol: signEthTransfer reviews the request itself, and the key it
    // derives is the one whose address the review checked, so only a defect of the core could make the
    // recovered sender differ. The self-check is therefore exercised on crypto/eth-sign.ts directly.
    run: async () => {
      const entropy = new Uint8Array(32).fill(0x5d);
      withMasterKey(entropy, (master) => {
        const derived = master.derive("m/44'/60'/0'");
        const account = new HDKey({ chainCode: derived.chainCode!, publicKey: derived.publicKey! });
        const from = describeWallet(entropy, ['ethereum'], 1).accounts[0]!.addresses[0]!;
        const reviewed = reviewEthTransfer(parseEthRequest(etherRequest({ from, to: FOREIGN_ETH_ADDRESS, value: 1n })), account, 'mainnet', [], ETH_FEE_CAP);
        reviewed.summary.from = FOREIGN_ETH_ADDRESS;
        return signReviewedEth(reviewed, master, reviewed.summary.digest);
      });
    },
  },

  {
    code: 'MESSAGE_SIGN_FAILED',
    why: 'a proof of control asked for receive key 1 under the address of receive key 0',
    run: async (c) =>
      c.call('signMessage', {
        wallet: fx.walletA,
        chain: 'ethereum',
        index: 1,
        address: await ethAddressOfA(c),
        message: new TextEncoder().encode('challenge'),
      }),
  },

  // The host itself
  {
    code: 'INTERNAL',
    why: 'the host stops while a call is pending',
    run: async () => {
      const other = await startWorkerHost();
      const pending = other.client.call('unlockSigningKey', { ceremonyId: 'gone', keyFile: fx.keyFile, passphrase: PASSPHRASE });
      pending.catch(() => undefined);
      await other.stop();
      return pending;
    },
  },
  {
    code: 'INTERNAL',
    why: 'a call after the host was stopped',
    run: async () => {
      const other = await startWorkerHost();
      await other.stop();
      return other.client.call('ping', {});
    },
  },
];

/** Only the last word of share 1 changed, keeping its top 6 (data) bits, so its 5 padding bits become 10000. */
function lastWordWithPadding(): string {
  const last = ENGLISH.indexOf(fx.wordsA[0]![38]!);
  expect(last & 0x1f).toBe(0);
  // Any non-zero low bits will do; not a word the refusal's own sentence happens to contain ("must"
  // for one last word in 64), or the leak check below would see the sentence as a leak.
  const sentence = 'word 39 is wrong: its last bits must be zero.';
  const low = Array.from({ length: 31 }, (_, i) => 0x10 ^ i).find((bits) => bits !== 0 && !sentence.includes(ENGLISH[(last & ~0x1f) | bits]!))!;
  return ENGLISH[(last & ~0x1f) | low]!;
}

/** Two neighbouring different words swapped. */
function swapped(words: string[]): string[] {
  const out = [...words];
  const i = out.findIndex((w, n) => n < 37 && w !== out[n + 1]);
  [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Running the table

cases.forEach((refusal, n) => {
  test(`${refusal.code}: ${refusal.why}`, async () => {
    const c = host.client;
    const fresh = `refusal-${n}`;
    const error = await refusal.run(c, fresh).then(
      (value) => {
        throw new Error(`expected ${refusal.code}, got a result: ${JSON.stringify(value)?.slice(0, 200)}`);
      },
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CryptoError);
    const e = error as CryptoError;
    expect({ code: e.code, message: e.message }).toMatchObject({ code: refusal.code });
    // A sentence: several words on one line, no stack trace and no code inside. (Some messages start
    // with the name of a parameter, e.g. "words must be text.", so the first letter may be small.)
    expect(e.message).toMatch(/^[A-Za-z0-9][^\n]*\s\S+/u);
    expect(e.message).not.toContain(refusal.code);
    expect(e.message).not.toMatch(/\bat \S+:\d+/u);
    if (refusal.details) expect(e.details).toMatchObject(refusal.details);
    for (const value of Object.values(e.details)) expect(['string', 'number', 'boolean']).toContain(typeof value);

    const exposed = `${e.message}\n${JSON.stringify(e.details)}`.toLowerCase();
    for (const secret of [...SECRETS, ...(refusal.secrets?.() ?? [])]) {
      expect(exposed.includes(secret.toLowerCase()), `"${secret}" leaked in ${exposed}`).toBe(false);
    }

    // The core still answers, and the refusal left nothing in the case's ceremony.
    await expect(c.call('ping', {})).resolves.toEqual({ version: '1' });
    await expect(c.call('endCeremony', { ceremonyId: fresh })).resolves.toEqual({ released: refusal.held ?? 0 });
  });
});

test('the refusal table covers every code in CRYPTO_ERROR_CODES, and nothing else', () => {
  expect(new Set(cases.map((r) => r.code))).toEqual(new Set(CRYPTO_ERROR_CODES));
  expect(cases.length).toBeGreaterThanOrEqual(20);
});

test('a fingerprint mismatch names public fingerprints only, and the fixtures still work after every refusal', async () => {
  const c = host.client;
  const error = await c
    .call('combineShares', {
      ceremonyId: 'after-all',
      shares: fx.sharesB.slice(0, 2),
      expectedFingerprint: fx.fpA,
      chains: ['regtest'],
    })
    .catch((e: unknown) => e);
  expect(error).toMatchObject({ code: 'SHARES_FINGERPRINT_MISMATCH', details: { expected: fx.fpA, found: fx.fpB } });

  const rebuilt = await c.call('combineShares', {
    ceremonyId: 'after-all',
    shares: [fx.sharesA[2]!, fx.sharesA[0]!],
    expectedFingerprint: fx.fpA,
    chains: ['regtest'],
  });
  expect(rebuilt.fingerprint).toBe(fx.fpA);
  const signed = await reviewThenSign(c, spend());
  expect(signed).toMatchObject({ summary: { fee: '1000' } });
  const { valid } = await c.call('verifyDigest', { publicKey: fx.publicKey, digest: DIGEST, signature: fx.signature });
  expect(valid).toBe(true);
  expect((await c.call('endCeremony', { ceremonyId: 'after-all' })).released).toBe(1);
});
