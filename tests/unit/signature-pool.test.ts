/**
 * The signature pool (ceremonies/audit/signature-pool.ts) on worker threads: enough signatures for
 * several full batches, so that items are packed, sent, unpacked and answered (signature-batch.ts),
 * with keys given compressed (expanded once by the pool), uncompressed, and not on the curve.
 * Every callback gets the right answer for its own item, on one thread and on two alike.
 */
import * as secp from '@noble/secp256k1';
import { expect, test } from 'vitest';
import { derToCompact as coreDerToCompact } from '../../crypto/der-signature.ts';
import { publicKeyOf, signDigest } from '../../crypto/signing-key.ts';
import { SignaturePool } from '../../ceremonies/audit/signature-pool.ts';

interface Item {
  digest: Uint8Array;
  publicKey: Uint8Array;
  compact: Uint8Array;
  valid: boolean;
}

/** 900 items over four keys; every seventh has a changed digest, and the off-curve key's never verify. */
function items(): Item[] {
  const secrets = [1, 2, 3].map(() => secp.utils.randomSecretKey());
  const keys = [publicKeyOf(secrets[0]!), publicKeyOf(secrets[1]!), secp.getPublicKey(secrets[2]!, false)];
  const offCurve = Uint8Array.from([0x02, ...new Uint8Array(31), 5]);
  const out: Item[] = [];
  for (let i = 0; i < 900; i++) {
    const which = i % 4;
    const secret = secrets[which === 3 ? 0 : which]!;
    const digest = new Uint8Array(32);
    new DataView(digest.buffer).setUint32(0, i);
    const compact = coreDerToCompact(signDigest(secret, digest));
    const spoiled = i % 7 === 3;
    if (spoiled) digest[31]! ^= 1;
    out.push({ digest, publicKey: which === 3 ? offCurve : keys[which]!, compact, valid: which !== 3 && !spoiled });
  }
  return out;
}

async function check(all: Item[], threads: number): Promise<boolean[]> {
  const pool = new SignaturePool(threads);
  const answers: (boolean | undefined)[] = new Array(all.length);
  try {
    for (const [i, item] of all.entries()) {
      const now = pool.add(
        item.digest,
        item.publicKey,
        item.compact,
        (valid, tag) => {
          expect(answers[tag]).toBeUndefined();
          answers[tag] = valid;
        },
        i,
      );
      if (now !== undefined) answers[i] = now;
    }
    await pool.drain();
  } finally {
    await pool.close();
  }
  expect(pool.count).toBe(all.length);
  // 900 signatures fill three batches: with two threads, a worker did check some.
  expect(pool.threadsUsed).toBe(threads);
  return answers.map((a) => {
    expect(a).toBeTypeOf('boolean');
    return a!;
  });
}

test('every item answered for itself, on one thread and on two', async () => {
  const all = items();
  const expected = all.map((item) => item.valid);
  expect(expected.filter(Boolean).length).toBeGreaterThan(500);
  expect(await check(all, 1)).toEqual(expected);
  expect(await check(all, 2)).toEqual(expected);
}, 60_000);
