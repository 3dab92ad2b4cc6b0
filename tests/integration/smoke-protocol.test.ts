import { afterAll, beforeAll, expect, test } from 'vitest';
import { startWorkerHost, type CryptoHost } from '../../main/crypto-host/worker-host.ts';

let host: CryptoHost;
beforeAll(async () => { host = await startWorkerHost(); });
afterAll(async () => { await host.stop(); });

test('smoke', async () => {
  const c = host.client;
  const w = await c.call('generateWallet', { ceremonyId: 'c1', chains: ['bitcoin', 'regtest', 'ethereum'] });
  console.log(JSON.stringify(w, null, 1));
  const s = await c.call('splitWallet', { wallet: w.wallet, threshold: 2, shareCount: 3 });
  const words = await c.call('exportShareWords', { share: s.shares[0]!.share });
  const words2 = await c.call('exportShareWords', { share: s.shares[2]!.share });
  console.log(words.words.join(' '), words.qr);
  const a = await c.call('importShareWords', { ceremonyId: 'c2', words: words.words.join(' ') });
  const b = await c.call('importShareWords', { ceremonyId: 'c2', words: words2.words.join(' ').toUpperCase() });
  expect(a.commitment).toBe(s.shares[0]!.commitment);
  const r = await c.call('combineShares', { ceremonyId: 'c2', shares: [a.share, b.share], expectedFingerprint: w.fingerprint, chains: ['bitcoin'] });
  expect(r.fingerprint).toBe(w.fingerprint);
});
