/**
 * Crypto core benchmarks (issue 2, "npm run bench"): wallet generation, split and combine, PSBT
 * signing, signature verification per implementation. Each figure is printed with a baseline
 * measured in the same run on the same machine, and the ratio between them, never as a pass/fail
 * timing. Runs through the real protocol and worker where the figure is about the product.
 */
import { createPublicKey, createHash, verify as opensslVerify } from 'node:crypto';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { split, combine } from 'shamir-secret-sharing';
import * as ecc from 'tiny-secp256k1';
import { derToCompact } from '../../crypto/der-signature.ts';
import { combineEnvelopes, splitEntropy } from '../../crypto/shamir-shares.ts';
import { publicKeyOf, signDigest, spkiDer, verifyDigest } from '../../crypto/signing-key.ts';
import { masterFingerprint } from '../../crypto/wallet-accounts.ts';
import { startWorkerHost } from '../../main/crypto-host/worker-host.ts';
import { buildPsbt, foreignAddress } from '../support/psbt-builder.ts';
import { measure, report, type Row } from './measure.ts';

export async function benchCryptoCore(): Promise<Row[]> {
  const rows: Row[] = [];
  const host = await startWorkerHost();
  const c = host.client;
  try {
    // Wallet generation through the protocol vs. its irreducible part, BIP39's PBKDF2 (2048 rounds).
    const pbkdf = await measure(() => pbkdf2(sha512, randomBytes(32), 'mnemonic', { c: 2048, dkLen: 64 }), 20);
    const generate = await measure(async () => {
      const w = await c.call('generateWallet', { ceremonyId: 'bench', chains: ['bitcoin', 'ethereum'] });
      await c.call('releaseHandle', { handle: w.wallet });
    }, 20);
    rows.push({
      figure: 'wallet generation (protocol, 2 chains, 3 addresses each)',
      value: generate.ms,
      unit: 'ms',
      baseline: 'BIP39 PBKDF2-2048',
      baselineValue: pbkdf.ms,
    });

    // Split and combine (3-of-5), with envelopes and checks, vs. the bare library.
    const entropy = randomBytes(32);
    const fp = masterFingerprint(entropy);
    const rawSplit = await measure(() => split(entropy, 5, 3), 200);
    const ourSplit = await measure(() => splitEntropy(entropy, fp, 3, 5), 200);
    rows.push({
      figure: 'split 3-of-5 (envelopes, commitments)',
      value: 1000 / ourSplit.ms,
      unit: 'per s',
      baseline: 'shamir-secret-sharing split',
      baselineValue: 1000 / rawSplit.ms,
    });
    const { shares } = await splitEntropy(entropy, fp, 3, 5);
    const raw = await split(entropy, 5, 3);
    const rawCombine = await measure(() => combine(raw.slice(0, 3)), 200);
    const ourCombine = await measure(
      () =>
        combineEnvelopes(
          shares.slice(0, 3).map((s) => s.envelope),
          fp,
        ),
      50,
    );
    // The fingerprint proof needs the BIP39 seed: the baseline is the bare combine plus one PBKDF2.
    rows.push({
      figure: 'combine 3 shares (checks + fingerprint proof)',
      value: 1000 / ourCombine.ms,
      unit: 'per s',
      baseline: 'bare combine + PBKDF2-2048',
      baselineValue: 1000 / (rawCombine.ms + pbkdf.ms),
    });

    // PSBT signing through the protocol (review + approve + sign, 2 inputs) vs. PBKDF2 (seed derivation).
    const made = await c.call('generateWallet', { ceremonyId: 'bench', chains: ['bitcoin'] });
    const psbt = buildPsbt({
      xpub: made.accounts[0]!.xpub,
      fingerprint: made.fingerprint,
      network: 'bitcoin',
      inputs: [
        [0, 0, 200_000n],
        [0, 1, 100_000n],
      ],
      payments: [{ address: foreignAddress('bitcoin'), amount: 250_000n }],
      change: [1, 0, 45_000n],
    });
    const summary = await c.call('reviewPsbt', { xpub: made.accounts[0]!.xpub, fingerprint: made.fingerprint, psbt, network: 'bitcoin' });
    const sign = await measure(() => c.call('signPsbt', { wallet: made.wallet, psbt, network: 'bitcoin', approvedDigest: summary.digest }), 20);
    rows.push({ figure: 'PSBT signing, 2 P2WPKH inputs (protocol)', value: sign.ms, unit: 'ms', baseline: 'BIP39 PBKDF2-2048', baselineValue: pbkdf.ms });

    // Signature verification per implementation, relative to noble (what the core signs with).
    const secret = randomBytes(32);
    const publicKey = publicKeyOf(secret);
    const digest = new Uint8Array(createHash('sha256').update('entry').digest());
    const der = signDigest(secret, digest);
    const compact = derToCompact(der);
    const key = createPublicKey({ key: Buffer.from(spkiDer(publicKey)), format: 'der', type: 'spki' });
    const message = Buffer.from('entry');
    const noble = await measure(() => verifyDigest(publicKey, digest, der), 400);
    const openssl = await measure(() => opensslVerify('sha256', message, key, der), 2000);
    const libsecp = await measure(() => ecc.verify(digest, publicKey, compact, true), 2000);
    for (const [name, m] of [
      ['@noble/secp256k1', noble],
      ['node:crypto (OpenSSL)', openssl],
      ['tiny-secp256k1 (libsecp256k1 WASM)', libsecp],
    ] as const) {
      rows.push({ figure: `signature verify, ${name}`, value: 1000 / m.ms, unit: 'per s', baseline: '@noble/secp256k1', baselineValue: 1000 / noble.ms });
    }
  } finally {
    await host.stop();
  }
  return rows;
}

if (import.meta.main) report('Crypto core', await benchCryptoCore());
