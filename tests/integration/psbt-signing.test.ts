/**
 * Bitcoin signing through the protocol (issue 2, part 2 §6): a PSBT built by bitcoinjs-lib for a
 * wallet rebuilt from shares is reviewed, approved by its digest, signed by the core, and the signed
 * transaction is validated independently (bitcoinjs-lib BIP143 sighash + libsecp256k1).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorkerHost, type CryptoHost } from '../../main/crypto-host/worker-host.ts';
import { accountKey, addressAt, buildPsbt, foreignAddress, validateSigned } from '../support/psbt-builder.ts';

let host: CryptoHost;
beforeAll(async () => {
  host = await startWorkerHost();
});
afterAll(async () => {
  await host.stop();
});

for (const network of ['bitcoin', 'regtest'] as const) {
  test(`a quorum-rebuilt ${network} wallet signs an approved spend with change, validated by bitcoinjs-lib`, async () => {
    const c = host.client;
    const made = await c.call('generateWallet', { ceremonyId: 'create', chains: [network] });
    const split = await c.call('splitWallet', { wallet: made.wallet, threshold: 2, shareCount: 3 });
    const words = await Promise.all(split.shares.map((s) => c.call('exportShareWords', { share: s.share })));
    await c.call('endCeremony', { ceremonyId: 'create' });

    const a = await c.call('importShareWords', { ceremonyId: 'spend', words: words[0]!.words.join(' ') });
    const b = await c.call('importShareWords', { ceremonyId: 'spend', words: words[2]!.words.join(' ') });
    const rebuilt = await c.call('combineShares', {
      ceremonyId: 'spend',
      shares: [a.share, b.share],
      expectedFingerprint: made.fingerprint,
      chains: [network],
    });
    const xpub = rebuilt.accounts[0]!.xpub;
    const account = accountKey(xpub, network);
    expect(addressAt(account, network, 0, 0)).toBe(made.accounts[0]!.addresses[0]);

    const destination = foreignAddress(network, 7);
    const psbt = buildPsbt({
      xpub,
      fingerprint: made.fingerprint,
      network,
      withPreviousTx: true,
      inputs: [
        [0, 0, 150_000n],
        [1, 3, 60_000n],
      ],
      payments: [{ address: destination, amount: 120_000n }],
      change: [1, 4, 87_000n],
    });
    const summary = await c.call('reviewPsbt', { xpub, fingerprint: made.fingerprint, psbt, network });
    expect(summary.outputs).toEqual([
      { address: destination, amount: '120000', change: false },
      { address: addressAt(account, network, 1, 4), amount: '87000', change: true, path: `m/84'/${network === 'bitcoin' ? 0 : 1}'/0'/1/4` },
    ]);
    expect(summary.fee).toBe('3000');
    expect(summary.totalIn).toBe('210000');

    const signed = await c.call('signPsbt', { wallet: rebuilt.wallet, psbt, network, approvedDigest: summary.digest });
    const checked = validateSigned(psbt, signed.transactionHex, network);
    expect(checked.fee).toBe(3000n);
    expect(checked.txid).toBe(signed.txid);
    await c.call('endCeremony', { ceremonyId: 'spend' });
  });
}
