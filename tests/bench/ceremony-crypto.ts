/**
 * Ceremony crypto benchmark (issue 4, "npm run bench": "create 3-of-5 + prove all 10 quorums, CPU ms
 * (target ≤ 1 s)"). Through the real crypto core in its worker (main/crypto-host/worker-host.ts) and
 * its protocol (crypto/protocol.ts): generateWallet (bitcoin + ethereum), splitWallet 3-of-5, then
 * combineShares with expectedFingerprint for each of the C(5,3) = 10 quorums (each proves that the
 * quorum rebuilds the recorded fingerprint), and endCeremony. The figure is the CPU time of the whole
 * process (process.cpuUsage: every thread, so the worker too), median of several runs after warm-up,
 * printed beside a baseline measured in this same run (interleaved with the work) and their ratio.
 * The target is printed with whether it is met, never enforced: a bench reports, it does not pass or
 * fail on speed. It does fail if the work itself is wrong (a quorum refused, another fingerprint,
 * handles left behind), so the figure can never be that of a broken run.
 */
import { pbkdf2Sync } from 'node:crypto';
import type { Chain } from '../../crypto/protocol.ts';
import { startWorkerHost } from '../../main/crypto-host/worker-host.ts';
import { report, type Row } from './measure.ts';

const CHAINS: Chain[] = ['bitcoin', 'ethereum'];
const THRESHOLD = 3;
const SHARE_COUNT = 5;
const TARGET_MS = 1000;
const WARM_UP = 2;
const RUNS = 9;

/** Every k-subset of 0…n-1, in lexicographic order. */
function combinations(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  const out: number[][] = [];
  for (let first = 0; first <= n - k; first++) {
    for (const rest of combinations(n - first - 1, k - 1)) out.push([first, ...rest.map((i) => i + first + 1)]);
  }
  return out;
}

const QUORUMS = combinations(SHARE_COUNT, THRESHOLD);

/** CPU milliseconds of one call of `fn`: user + system, every thread of the process (the worker too). */
async function cpuMs(fn: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function benchWalletQuorums(): Promise<Row[]> {
  if (QUORUMS.length !== 10) throw new Error(`expected C(5,3) = 10 quorums, enumerated ${QUORUMS.length}`);

  // Baseline: the irreducible part of the work. Creating the wallet needs one BIP39 seed (PBKDF2-
  // HMAC-SHA512, 2048 rounds) for its master fingerprint, and proving a quorum needs one seed for the
  // fingerprint of what it rebuilt: 1 + 10 seed derivations, the deliberately slow part of BIP39 and
  // the one cost no implementation can skip. The baseline runs them with node:crypto's pbkdf2Sync
  // (OpenSSL, native), the fastest PBKDF2 this machine offers, so the ratio says how far the product
  // is from that floor, whatever the reason. Known reasons, all counted in the figure and none in the
  // baseline: the core's PBKDF2 is @noble/hashes (pure JavaScript); combineShares derives the seed
  // twice (masterFingerprint, then describeWallet); every wallet it returns, the created one and each
  // rebuilt one, is described with 2 accounts and 3 addresses each (BIP32 + secp256k1 in JavaScript),
  // which proving the fingerprint does not need; and the worker round trips. The input is a 24-word
  // mnemonic's length with BIP39's salt, as the core feeds it.
  const seedDerivations = 1 + QUORUMS.length;
  const mnemonic = Buffer.from(`${'abandon '.repeat(23)}art`);
  const salt = Buffer.from('mnemonic');
  const baseline = () => {
    for (let i = 0; i < seedDerivations; i++) pbkdf2Sync(mnemonic, salt, 2048, 64, 'sha512');
  };

  const host = await startWorkerHost();
  const c = host.client;
  try {
    const ceremony = async (name: string) => {
      const ceremonyId = `bench-quorums-${name}`;
      const made = await c.call('generateWallet', { ceremonyId, chains: CHAINS });
      const split = await c.call('splitWallet', { wallet: made.wallet, threshold: THRESHOLD, shareCount: SHARE_COUNT });
      if (split.shares.length !== SHARE_COUNT) throw new Error(`split gave ${split.shares.length} shares, not ${SHARE_COUNT}`);
      const xpubs = made.accounts.map((a) => a.xpub).join();
      let proven = 0;
      for (const quorum of QUORUMS) {
        const rebuilt = await c.call('combineShares', {
          ceremonyId,
          shares: quorum.map((i) => split.shares[i]!.share),
          expectedFingerprint: made.fingerprint,
          chains: CHAINS,
        });
        if (rebuilt.fingerprint !== made.fingerprint || rebuilt.accounts.map((a) => a.xpub).join() !== xpubs) {
          throw new Error(`quorum ${quorum.map((i) => i + 1).join('+')} rebuilt another wallet (${rebuilt.fingerprint}, expected ${made.fingerprint})`);
        }
        proven++;
      }
      if (proven !== QUORUMS.length) throw new Error(`only ${proven} of ${QUORUMS.length} quorums proven`);
      // 1 wallet + 5 shares + 10 rebuilt wallets: every handle of the ceremony, and nothing else.
      const { released } = await c.call('endCeremony', { ceremonyId });
      const held = 1 + SHARE_COUNT + QUORUMS.length;
      if (released !== held) throw new Error(`endCeremony released ${released} handles, expected ${held}`);
    };
    // Warm-up, then baseline and work samples interleaved, so that both see the same process (JIT,
    // GC, the idle worker): the CPU clock counts every thread, whatever it is doing.
    for (let i = 1; i <= WARM_UP; i++) {
      baseline();
      await ceremony(`warm-up-${i}`);
    }
    const baselineSamples: number[] = [];
    const workSamples: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      baselineSamples.push(await cpuMs(baseline));
      workSamples.push(await cpuMs(() => ceremony(`run-${i}`)));
      baselineSamples.push(await cpuMs(baseline));
    }
    const baselineMs = median(baselineSamples);
    const workMs = median(workSamples);
    return [
      {
        figure: `create ${THRESHOLD}-of-${SHARE_COUNT} + prove all ${QUORUMS.length} quorums (protocol, 2 chains), CPU`,
        value: workMs,
        unit: 'ms',
        baseline: `${seedDerivations} × BIP39 PBKDF2-2048 (node:crypto), CPU`,
        baselineValue: baselineMs,
        target: `≤ ${TARGET_MS} ms CPU: ${workMs <= TARGET_MS ? 'met' : 'NOT met'}`,
      },
    ];
  } finally {
    await host.stop();
  }
}

if (import.meta.main) report('Ceremony crypto (issue 4)', await benchWalletQuorums());
