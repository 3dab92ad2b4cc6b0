/**
 * Proof of control through the real CLI (issue 19, "Proof of control"; ADR 0033), on the examples'
 * 3-of-5 wallet `northwind-pension-cold-1`. Refused before anything is recorded (journal unchanged):
 * an empty challenge, one longer than 2,048 bytes, one that is not UTF-8 (PROOF_CHALLENGE_INVALID); an
 * address that is not the wallet's (PROOF_ADDRESS_FOREIGN); both an address and an index
 * (ANSWERS_INVALID). Then a Bitcoin proof for receive address 4 named by its address: the proof file's
 * BIP-322 signature is the witness of that address's key over the signature hash bitcoinjs-lib
 * computes for BIP-322's virtual transaction, the record holds it, and verify checks it.
 */
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { base64 } from '@scure/base';
import { p2wpkh } from '@scure/btc-signer';
import { Transaction, script } from 'bitcoinjs-lib';
import * as ecc from 'tiny-secp256k1';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EngineRig, type AnswersJson } from '../../support/engine-rig.ts';
import { lastCeremonyEntries } from '../../support/journal-entries.ts';
import { accountKey, addressAt } from '../../support/psbt-builder.ts';

const WALLET = 'northwind-pension-cold-1';
const CHALLENGE = 'Audit SA — prove control of receive address 4 of northwind-pension-cold-1. Nonce 3e7c55d0, 2026-12-07.';
let rig: EngineRig;

beforeAll(async () => {
  rig = await EngineRig.create('custos-proof-');
  await rig.runExamples(['station-setup', 'enrol-participant', 'create-wallet']);
  rig.placeShares('backup-drill');
  fs.mkdirSync(rig.path('coordinator'), { recursive: true });
  fs.writeFileSync(rig.path('coordinator/challenge.txt'), CHALLENGE);
  rig.variant('proof-of-control', 'proof-cold-1', (a) => {
    a.wallet = WALLET;
    a.chain = 'bitcoin';
    a.challengeFile = 'coordinator/challenge.txt';
    a.shares = rig.answers('backup-drill').shares;
    a.shares[2].bag = { state: 'intact', serial: 'TB-2026-000103' };
    // The drill example's people: the officer, two witnesses, and Dora, Emil and Farid presenting.
    a.participants = rig.answers('backup-drill').participants;
  });
}, 240_000);
afterAll(() => rig?.dispose());

/** The wallet's Bitcoin receive address `i`, derived by the CLI's record (replay shows the first ones). */
async function receiveAddress(i: number): Promise<string> {
  const wallet = (await rig.replay()).wallets.find((w: AnswersJson) => w.id === WALLET);
  return addressAt(accountKey(wallet.accounts.find((a: AnswersJson) => a.chain === 'bitcoin').xpub, 'bitcoin'), 'bitcoin', 0, i);
}

test.each([
  [
    'an empty challenge',
    (a: AnswersJson) => ((a.addressIndex = 0), fs.writeFileSync(rig.path('coordinator/empty.txt'), ''), (a.challengeFile = 'coordinator/empty.txt')),
    /is empty.*\[PROOF_CHALLENGE_INVALID\]/su,
  ],
  [
    'a challenge longer than 2,048 bytes',
    (a: AnswersJson) => (
      (a.addressIndex = 0), fs.writeFileSync(rig.path('coordinator/long.txt'), 'x'.repeat(2049)), (a.challengeFile = 'coordinator/long.txt')
    ),
    /longer than 2048 bytes.*\[PROOF_CHALLENGE_INVALID\]/su,
  ],
  [
    'a challenge that is not UTF-8',
    (a: AnswersJson) => (
      (a.addressIndex = 0), fs.writeFileSync(rig.path('coordinator/latin1.txt'), Buffer.from([0x41, 0xe9, 0x42])), (a.challengeFile = 'coordinator/latin1.txt')
    ),
    /is not UTF-8 text.*\[PROOF_CHALLENGE_INVALID\]/su,
  ],
  [
    'an address that is not the wallet’s',
    (a: AnswersJson) => (a.address = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'),
    /is not one of the first 200 receive addresses.*\[PROOF_ADDRESS_FOREIGN\]/su,
  ],
  [
    'both an address and an index',
    (a: AnswersJson) => ((a.address = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'), (a.addressIndex = 1)),
    /address or addressIndex must be given, not both.*\[ANSWERS_INVALID\]/su,
  ],
])('refused, nothing recorded: %s', async (_what, change, error) => {
  rig.variant('proof-cold-1', 'proof-refused', (a) => {
    delete a.addressIndex;
    change(a);
  });
  const journal = rig.journalBytes();
  const r = await rig.custosInProcess('run', 'proof-of-control', rig.station, '--answers', rig.path('proof-refused.json'));
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(error);
  expect(rig.journalBytes()).toEqual(journal);
});

test('a Bitcoin proof for receive address 4: a BIP-322 witness of that address’s key over bitcoinjs-lib’s signature hash; recorded; verify checks it', async () => {
  const address = await receiveAddress(4);
  rig.variant('proof-cold-1', 'proof-btc', (a) => {
    delete a.addressIndex;
    a.address = address;
  });
  const r = await rig.run('proof-of-control', 'proof-btc');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain(`address: ${address}`);
  const outputDir = rig.answers('proof-btc').outputDir as string;
  const [name] = fs.readdirSync(rig.path(outputDir)).filter((f) => f.includes('-bitcoin-'));
  const bytes = fs.readFileSync(rig.path(`${outputDir}/${name}`));
  const proof = JSON.parse(bytes.toString('utf8'));
  expect(proof).toMatchObject({
    format: 'custos-proof-of-control/1',
    chain: 'bitcoin',
    address,
    path: "m/84'/0'/0'/0/4",
    method: 'bip322-simple',
    challenge: CHALLENGE,
  });

  // BIP-322 checked with bitcoinjs-lib and tiny-secp256k1: the witness's key pays to the address, its signature verifies over to_sign.
  const witness = base64.decode(proof.signature);
  const sig = witness.subarray(2, 2 + witness[1]!);
  const publicKey = witness.subarray(3 + witness[1]!);
  expect(p2wpkh(publicKey).address).toBe(address);
  const spk = Buffer.from(p2wpkh(publicKey).script);
  const tag = createHash('sha256').update('BIP0322-signed-message').digest();
  const messageHash = createHash('sha256')
    .update(Buffer.concat([tag, tag, Buffer.from(CHALLENGE)]))
    .digest();
  const toSpend = new Transaction();
  toSpend.version = 0;
  toSpend.addInput(Buffer.alloc(32), 0xffffffff, 0, script.compile([script.OPS.OP_0!, messageHash]));
  toSpend.addOutput(spk, 0n);
  const toSign = new Transaction();
  toSign.version = 0;
  toSign.addInput(toSpend.getHash(), 0, 0);
  toSign.addOutput(script.compile([script.OPS.OP_RETURN!]), 0n);
  const scriptCode = script.compile([script.OPS.OP_DUP!, script.OPS.OP_HASH160!, spk.subarray(2), script.OPS.OP_EQUALVERIFY!, script.OPS.OP_CHECKSIG!]);
  const sighash = toSign.hashForWitnessV0(0, scriptCode, 0n, Transaction.SIGHASH_ALL);
  expect(sig.at(-1)).toBe(Transaction.SIGHASH_ALL);
  expect(ecc.verify(sighash, publicKey, script.signature.decode(Buffer.from(sig)).signature)).toBe(true);

  const signed = lastCeremonyEntries(rig.station, 'proof-of-control').find((e) => e.step === 'sign-challenge')!;
  expect(signed.body).toMatchObject({ address, signature: proof.signature, fileName: name, sha256: createHash('sha256').update(bytes).digest('hex') });
  const verify = await rig.custos('verify', rig.station, '--json');
  expect(JSON.parse(verify.stdout).findings.filter((f: AnswersJson) => f.severity === 'error')).toEqual([]);
  expect(verify.status).toBe(0);
}, 240_000);
