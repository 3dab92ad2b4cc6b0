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

/**
 * How far each branch of an account has been derived, and the addresses found so far: a record is
 * checked entry by entry on every open of the station, so addresses are derived only as far as an
 * address asked about needs (an honest sweep pays one of the first), never all of them up front.
 */
interface Walk {
  readonly chain: string;
  readonly branches: { readonly key: HDKey; next: number }[];
  readonly found: Set<string>;
}

const walks = new Map<string, Walk | null>();

/** The account's walk, or null when the record's key cannot be read as an account of `chain`. */
function walkOf(chain: string, xpub: string): Walk | null {
  const id = `${chain} ${xpub}`;
  const known = walks.get(id);
  if (known !== undefined) return known;
  let walk: Walk | null = null;
  if (chain === 'ethereum' || Object.hasOwn(BITCOIN_NETWORKS, chain)) {
    try {
      const account = HDKey.fromExtendedKey(xpub, chain === 'testnet' || chain === 'regtest' ? TPUB : undefined);
      if (!account.privateKey && account.depth === 3) {
        const branches = (chain === 'ethereum' ? [0] : [0, 1]).map((b) => ({ key: account.deriveChild(b), next: 0 }));
        walk = { chain, branches, found: new Set() };
      }
    } catch {
      // Not an account key of this chain: nothing is the replacement's.
    }
  }
  walks.set(id, walk);
  return walk;
}

/** Derives the next address of every branch not yet at the gap; returns them (none once every branch is at the gap). */
function step(walk: Walk): string[] {
  const made: string[] = [];
  for (const branch of walk.branches) {
    if (branch.next >= SWEEP_ADDRESS_GAP) continue;
    const child = branch.key.deriveChild(branch.next++).publicKey!;
    const address =
      walk.chain === 'ethereum'
        ? addr.fromPublicKey(child).toLowerCase()
        : p2wpkh(child, BITCOIN_NETWORKS[walk.chain as keyof typeof BITCOIN_NETWORKS]).address!;
    walk.found.add(address);
    made.push(address);
  }
  return made;
}

/**
 * Whether a sweep on `chain` may pay `address` (an Ethereum one in any case) to the account whose
 * public key is `xpub`: one of the first SWEEP_ADDRESS_GAP of its receive or (Bitcoin) change branch.
 */
export function isSweepAddress(chain: string, xpub: string, address: string): boolean {
  const walk = walkOf(chain, xpub);
  if (!walk) return false;
  const wanted = chain === 'ethereum' ? address.toLowerCase() : address;
  if (walk.found.has(wanted)) return true;
  for (let made = step(walk); made.length > 0; made = step(walk)) if (made.includes(wanted)) return true;
  return false;
}

/** Every address a sweep may pay to that account (Ethereum ones in lower case); empty when the key is no such account. */
export function sweepAddresses(chain: string, xpub: string): ReadonlySet<string> {
  const walk = walkOf(chain, xpub);
  if (!walk) return new Set();
  while (step(walk).length > 0);
  return new Set(walk.found);
}
