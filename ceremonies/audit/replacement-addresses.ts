/**
 * The addresses a rotation's sweep may pay, as verify derives them from the record alone: the
 * replacement wallet's recorded account public keys (xpub/tpub), receive and change branches of a
 * Bitcoin account (BIP84 P2WPKH), the receive branch of its Ethereum account (BIP44, EIP-55), the
 * first SWEEP_ADDRESS_GAP of each, as the engine allows (ceremonies/engine/psbt-exchange.ts
 * ADDRESS_GAP). Public derivation only (BIP32 "Public parent key → public child key"), written
 * apart from the crypto core's, so an auditor's check does not lean on the code it audits.
 */
import { HDKey } from '@scure/bip32';
import { NETWORK, TEST_NETWORK, p2wpkh } from '@scure/btc-signer';
import { addr } from 'micro-eth-signer';

/** How far down each branch a sweep may pay (the engine's ADDRESS_GAP). */
export const SWEEP_ADDRESS_GAP = 200;

const TPUB = { private: 0x04358394, public: 0x043587cf };
const BITCOIN_NETWORKS = {
  bitcoin: NETWORK,
  testnet: TEST_NETWORK,
  regtest: { ...TEST_NETWORK, bech32: 'bcrt' },
} as const;

const derived = new Map<string, ReadonlySet<string>>();

function branchAddresses(chain: string, account: HDKey, branch: 0 | 1): string[] {
  const key = account.deriveChild(branch);
  return Array.from({ length: SWEEP_ADDRESS_GAP }, (_, i) => {
    const child = key.deriveChild(i).publicKey!;
    if (chain === 'ethereum') return addr.fromPublicKey(child).toLowerCase();
    return p2wpkh(child, BITCOIN_NETWORKS[chain as keyof typeof BITCOIN_NETWORKS]).address!;
  });
}

/**
 * The addresses (Ethereum ones in lower case) a sweep on `chain` may pay to the account whose public
 * key is `xpub`; empty when the record's key cannot be read as such an account.
 */
export function sweepAddresses(chain: string, xpub: string): ReadonlySet<string> {
  const id = `${chain} ${xpub}`;
  const known = derived.get(id);
  if (known) return known;
  let addresses: ReadonlySet<string> = new Set();
  if (chain === 'ethereum' || chain in BITCOIN_NETWORKS) {
    try {
      const account = HDKey.fromExtendedKey(xpub, chain === 'testnet' || chain === 'regtest' ? TPUB : undefined);
      if (!account.privateKey && account.depth === 3) {
        addresses = new Set(
          chain === 'ethereum' ? branchAddresses(chain, account, 0) : [...branchAddresses(chain, account, 0), ...branchAddresses(chain, account, 1)],
        );
      }
    } catch {
      // Not an account key of this chain: nothing is the replacement's.
    }
  }
  derived.set(id, addresses);
  return addresses;
}
