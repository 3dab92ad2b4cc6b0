/**
 * Issue 14, point 7: each open station holds its key in a crypto-core session of its own, so a
 * second station opened (or closed) on the same core cannot wipe the first one's key. Two stations
 * share one worker-thread core here; closing the second leaves the first able to sign.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { Station } from '../../../ceremonies/engine/station.ts';
import { loadVerifier } from '../../../ceremonies/record/signature-verifier.ts';
import { startWorkerHost } from '../../../main/crypto-host/worker-host.ts';
import { OFFLINE_LAPTOP, REPO } from '../../support/engine-rig.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-sessions-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('closing one station does not wipe the key of another open on the same crypto core', async () => {
  const host = await startWorkerHost();
  try {
    const options = {
      client: host.client,
      passphrase: 'a long passphrase for two stations',
      appRoot: REPO,
      airGap: { root: OFFLINE_LAPTOP, networkInterfaces: () => ({}), now: () => new Date() },
    };
    const first = await Station.create(path.join(root, 'first'), options);
    // The second station: the same sealed key in another data directory (its own journal and lock).
    fs.mkdirSync(path.join(root, 'second'));
    fs.copyFileSync(path.join(root, 'first', 'station.key'), path.join(root, 'second', 'station.key'));
    const second = await Station.open(path.join(root, 'second'), options);
    await second.close();
    const digest = new Uint8Array(32).fill(7);
    const signature = await first.signer.sign(digest);
    expect(loadVerifier().verify(digest, first.signer.publicKey, signature)).toBe(true);
    await first.close();
    await expect(first.signer.sign(digest)).rejects.toMatchObject({ code: expect.any(String) });
  } finally {
    await host.stop();
  }
}, 60_000);
