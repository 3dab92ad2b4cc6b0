/**
 * A wallet in a record, for the attack tests that need one (issue 14): a create-wallet ceremony
 * written with the attacker toolkit (tests/support/attacker.ts) and the tamper station's legitimate
 * keys (the scene, not the attack), after the tamper station's own journal: a 2-of-2 wallet whose
 * share 1 is held by Eve and share 2 by Gus, checkpointed by two witnesses. It verifies clean.
 */
import { expect } from 'vitest';
import { createWallet } from '../../ceremonies/procedures/create-wallet.ts';
import { Attacker } from './attacker.ts';
import { summary, verifyDir, writeJournal, type TamperStation } from './tamper.ts';
import { OFFLINE_EVIDENCE, type TestSigner } from './test-station.ts';

export interface WalletScene {
  dir: string;
  attacker: Attacker;
  /** The create-wallet ceremony's id, and the wallet's. */
  ceremony: string;
  wallet: string;
}

/**
 * Builds the scene in `dir` (a fresh copy of the tamper station) for a wallet of class `walletClass`:
 * 2-of-2, or 2-of-3 with `shareCount` 3 (Eve also holds share 3); `accounts` as its generation records them
 * (none by default).
 */
export async function walletScene(
  s: TamperStation,
  dir: string,
  walletClass: 'house' | 'client' = 'house',
  shareCount: 2 | 3 = 2,
  accounts: readonly { chain: string; path: string; xpub: string; addresses: string[] }[] = [],
): Promise<WalletScene> {
  const holders = ([s.eve, s.gus, s.eve] as const).slice(0, shareCount).map((signer, i) => [i + 1, signer] as const);
  const [bob, chloe] = s.witnesses as [TestSigner, TestSigner];
  const attacker = new Attacker(s.station, s.lines);
  const ceremony = 'create-w';
  const wallet = 'w-1';
  const witness = { signer: bob, role: 'witness' };
  const officer = { signer: s.officer, role: 'officer' };
  attacker.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: createWallet,
    signers: [officer],
    body: {
      wallet,
      class: walletClass,
      clientRef: walletClass === 'client' ? 'CL-1' : null,
      label: 'Ops',
      chains: ['bitcoin'],
      threshold: 2,
      shareCount,
      holders: holders.map(([index, holder]) => ({ index, keyid: holder.keyid, name: holder.name })),
      drillIntervalDays: 180,
      airGap: OFFLINE_EVIDENCE,
      build: 'test',
    },
  });
  const base = { ceremony, type: 'step' as const, procedure: createWallet };
  attacker.append({
    ...base,
    step: 'generate',
    body: { fingerprint: '0badf00d', accounts: accounts as never, entropy: 'csprng' },
    signers: [officer, witness],
  });
  attacker.append({
    ...base,
    step: 'split',
    signers: [officer, witness],
    body: {
      setId: 'set-1',
      threshold: 2,
      shareCount,
      commitments: holders.map(([index]) => ({ index, commitment: `c${index}` })),
    },
  });
  for (const [index, holder] of holders) {
    attacker.append({
      ...base,
      step: 'hand-over',
      signers: [{ signer: holder, role: 'holder' }, witness],
      body: { index, holder: holder.name, media: ['paper'], fileName: null, bagSerial: `BAG-${index}`, commitment: `c${index}` },
    });
  }
  attacker.append({
    ceremony,
    type: 'close',
    step: 'close',
    procedure: createWallet,
    body: { entries: 3 + shareCount },
    signers: [officer, witness, { signer: chloe, role: 'witness' }],
  });
  const checkpoint = await attacker.checkpoint([bob, chloe]);
  writeJournal(dir, attacker.lines);
  attacker.writeTo(dir, [checkpoint]);
  expect(summary(await verifyDir(dir))).toEqual([]);
  return { dir, attacker, ceremony, wallet };
}
