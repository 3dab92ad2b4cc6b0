/**
 * Verify's own derivation of the addresses a sweep may pay (ceremonies/audit/replacement-addresses.ts)
 * against the crypto core's (crypto/wallet-accounts.ts deriveAddresses, what the engine checks a
 * sweep with): the same first addresses on every chain and branch, and the same gap, so that verify
 * never reports an honest sweep the engine let through, nor lets through one it refused.
 */
import { HDKey } from '@scure/bip32';
import { expect, test } from 'vitest';
import { SWEEP_ADDRESS_GAP, isSweepAddress, sweepAddresses } from '../../../ceremonies/audit/replacement-addresses.ts';
import { ADDRESS_GAP } from '../../../ceremonies/engine/psbt-exchange.ts';
import { TESTNET_VERSIONS, deriveAddresses } from '../../../crypto/wallet-accounts.ts';

const master = HDKey.fromMasterSeed(new Uint8Array(32).fill(9));
const xpubOf = (path: string, testnet = false) => {
  const account = master.derive(path);
  return testnet
    ? new HDKey({
        versions: TESTNET_VERSIONS,
        publicKey: account.publicKey!,
        chainCode: account.chainCode!,
        depth: 3,
        index: account.index,
        parentFingerprint: account.parentFingerprint,
      }).publicExtendedKey
    : account.publicExtendedKey;
};

test('the gap is the engine’s', () => {
  expect(SWEEP_ADDRESS_GAP).toBe(ADDRESS_GAP);
});

test.each([
  ['bitcoin', "m/84'/0'/0'", false],
  ['testnet', "m/84'/1'/0'", true],
  ['regtest', "m/84'/1'/0'", true],
] as const)('%s: receive and change, every address the core derives, and nothing past the gap', (chain, path, testnet) => {
  const xpub = xpubOf(path, testnet);
  const known = sweepAddresses(chain, xpub);
  const core = [0, 1].flatMap((branch) => deriveAddresses(chain, xpub, branch as 0 | 1, 0, ADDRESS_GAP));
  expect(known.size).toBe(2 * ADDRESS_GAP);
  expect([...known].sort()).toEqual([...core].sort());
  expect(known.has(deriveAddresses(chain, xpub, 0, ADDRESS_GAP, 1)[0]!)).toBe(false);
});

test('ethereum: the receive branch, in lower case, as the core derives it; not past the gap', () => {
  const xpub = xpubOf("m/44'/60'/0'");
  const known = sweepAddresses('ethereum', xpub);
  expect([...known]).toEqual(deriveAddresses('ethereum', xpub, 0, 0, ADDRESS_GAP).map((a) => a.toLowerCase()));
  expect(known.has(deriveAddresses('ethereum', xpub, 0, ADDRESS_GAP, 1)[0]!.toLowerCase())).toBe(false);
});

test.each([
  ['an unknown chain', 'dogecoin', xpubOf("m/84'/0'/0'")],
  ['text that is no key', 'bitcoin', 'xpub-not-a-key'],
  ['a key of the wrong depth', 'bitcoin', master.derive("m/84'/0'").publicExtendedKey],
  ['a private key', 'bitcoin', master.derive("m/84'/0'/0'").privateExtendedKey],
])('%s: no address is the replacement’s', (_what, chain, xpub) => {
  expect(sweepAddresses(chain, xpub).size).toBe(0);
});

test('one address at a time, as verify asks: the last of each branch is found, the first past the gap and a stranger are not', () => {
  // A fresh key each time, so the derivation starts from nothing (verify asks before any full set is made).
  for (const [chain, path, testnet] of [
    ['regtest', "m/84'/1'/5'", true],
    ['bitcoin', "m/84'/0'/5'", false],
  ] as const) {
    const xpub = xpubOf(path, testnet);
    const [lastChange] = deriveAddresses(chain, xpub, 1, ADDRESS_GAP - 1, 1);
    expect(isSweepAddress(chain, xpub, lastChange!)).toBe(true);
    expect(isSweepAddress(chain, xpub, deriveAddresses(chain, xpub, 0, 0, 1)[0]!)).toBe(true);
    expect(isSweepAddress(chain, xpub, deriveAddresses(chain, xpub, 0, ADDRESS_GAP, 1)[0]!)).toBe(false);
    expect(isSweepAddress(chain, xpub, deriveAddresses(chain, xpubOf("m/84'/1'/6'", testnet), 0, 0, 1)[0]!)).toBe(false);
  }
  const eth = xpubOf("m/44'/60'/5'");
  const [first] = deriveAddresses('ethereum', eth, 0, 0, 1);
  expect(isSweepAddress('ethereum', eth, first!.toUpperCase().replace('0X', '0x'))).toBe(true);
  expect(isSweepAddress('ethereum', eth, deriveAddresses('ethereum', eth, 0, ADDRESS_GAP, 1)[0]!)).toBe(false);
  for (const chain of ['__proto__', 'constructor', 'toString']) expect(isSweepAddress(chain, eth, first!)).toBe(false);
});
