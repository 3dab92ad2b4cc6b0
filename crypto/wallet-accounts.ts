/**
 * Public face of a wallet: master fingerprint (BIP32), Bitcoin BIP84 accounts (m/84'/0'/0' mainnet,
 * m/84'/1'/0' testnet and regtest) with descriptors and P2WPKH receive addresses, and the Ethereum
 * BIP44 account (m/44'/60'/0') with EIP-55 addresses. Private key material is wiped as soon as the
 * account's public key is known; address derivation works on the public-only account key.
 * Specs: BIP32, BIP44, BIP84, EIP-55; trap: HDKey.toJSON() includes the xpriv, never call it.
 */
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { HDKey } from '@scure/bip32';
import { NETWORK, TEST_NETWORK, p2wpkh } from '@scure/btc-signer';
import * as secp from '@noble/secp256k1';
import { wpkhDescriptors } from './descriptor.ts';
import { seedFromEntropy } from './mnemonic-seed.ts';
import { CHAINS, CryptoError, type AccountInfo, type BitcoinNetwork, type Chain } from './protocol.ts';
import { wipe } from './secret-bytes.ts';

export const TESTNET_VERSIONS = { private: 0x04358394, public: 0x043587cf };
const REGTEST_NETWORK = { ...TEST_NETWORK, bech32: 'bcrt' };

export function btcNetwork(network: BitcoinNetwork) {
  return network === 'bitcoin' ? NETWORK : network === 'testnet' ? TEST_NETWORK : REGTEST_NETWORK;
}

export function accountPath(chain: Chain): string {
  if (chain === 'ethereum') return "m/44'/60'/0'";
  return chain === 'bitcoin' ? "m/84'/0'/0'" : "m/84'/1'/0'";
}

const MAX_ADDRESSES = 20;

export function checkChains(chains: unknown): Chain[] {
  if (!Array.isArray(chains) || chains.length === 0 || chains.some((c) => !CHAINS.includes(c as Chain))) {
    throw new CryptoError('CHAINS_INVALID', `Chains must be a non-empty list drawn from: ${CHAINS.join(', ')}.`);
  }
  if (new Set(chains).size !== chains.length) throw new CryptoError('CHAINS_INVALID', 'A chain is listed twice.');
  return chains as Chain[];
}

function fingerprintHex(fp: number): string {
  return fp.toString(16).padStart(8, '0');
}

/** EIP-55 mixed-case checksum address from a compressed or uncompressed public key. */
export function ethereumAddress(publicKey: Uint8Array): string {
  const point = secp.Point.fromBytes(publicKey).toBytes(false);
  const hex = bytesToHex(keccak_256(point.subarray(1)).subarray(12));
  const hash = bytesToHex(keccak_256(utf8ToBytes(hex)));
  let out = '0x';
  for (let i = 0; i < 40; i++) out += parseInt(hash[i]!, 16) >= 8 ? hex[i]!.toUpperCase() : hex[i]!;
  return out;
}

/** Receive address `index` of a public-only account key. */
function receiveAddress(chain: Chain, account: HDKey, index: number): string {
  return branchAddress(chain, account.deriveChild(0), index);
}

/** Address `index` of a branch key (account/0 receive, account/1 change). */
function branchAddress(chain: Chain, branch: HDKey, index: number): string {
  const pub = branch.deriveChild(index).publicKey!;
  if (chain === 'ethereum') return ethereumAddress(pub);
  return p2wpkh(pub, btcNetwork(chain)).address!;
}

function describeAccount(master: HDKey, chain: Chain, fingerprint: string, addressCount: number): AccountInfo {
  const path = accountPath(chain);
  const derived = master.derive(path);
  const versions = chain === 'testnet' || chain === 'regtest' ? TESTNET_VERSIONS : undefined;
  const account = new HDKey({
    versions: versions ?? master.versions,
    depth: derived.depth,
    index: derived.index,
    parentFingerprint: derived.parentFingerprint,
    chainCode: derived.chainCode!,
    publicKey: derived.publicKey!,
  });
  derived.wipePrivateData();
  const addresses = Array.from({ length: addressCount }, (_, i) => receiveAddress(chain, account, i));
  const info: AccountInfo = { chain, path, xpub: account.publicExtendedKey, addresses };
  if (chain !== 'ethereum') Object.assign(info, wpkhDescriptors(fingerprint, path, info.xpub));
  return info;
}

/** Runs `fn` with the wallet's BIP32 master key, wiping the seed and the key afterwards. */
export function withMasterKey<T>(entropy: Uint8Array, fn: (master: HDKey) => T): T {
  const seed = seedFromEntropy(entropy);
  let master: HDKey | undefined;
  try {
    master = HDKey.fromMasterSeed(seed);
    return fn(master);
  } finally {
    master?.wipePrivateData();
    wipe(seed);
  }
}

export function masterFingerprint(entropy: Uint8Array): string {
  return withMasterKey(entropy, (master) => fingerprintHex(master.fingerprint));
}

export function describeWallet(entropy: Uint8Array, chains: Chain[], addressCount = 3) {
  if (!Number.isInteger(addressCount) || addressCount < 0 || addressCount > MAX_ADDRESSES) {
    throw new CryptoError('BAD_REQUEST', `addressCount must be a whole number from 0 to ${MAX_ADDRESSES}.`);
  }
  return withMasterKey(entropy, (master) => {
    const fingerprint = fingerprintHex(master.fingerprint);
    return { fingerprint, accounts: chains.map((c) => describeAccount(master, c, fingerprint, addressCount)) };
  });
}

/** Addresses of a recorded account key (public derivation only): `count` from `from` on a branch. */
export function deriveAddresses(chain: Chain, xpub: string, branch: 0 | 1, from: number, count: number): string[] {
  const [checked] = checkChains([chain]);
  if (branch !== 0 && branch !== 1) throw new CryptoError('BAD_REQUEST', 'branch must be 0 (receive) or 1 (change).', { param: 'branch' });
  if (checked === 'ethereum' && branch !== 0) throw new CryptoError('BAD_REQUEST', 'An Ethereum account has receive addresses only.', { param: 'branch' });
  if (!Number.isInteger(from) || from < 0 || from > 2 ** 31 - 1 - 5000)
    throw new CryptoError('BAD_REQUEST', 'from must be a whole number of 0 or more.', { param: 'from' });
  if (!Number.isInteger(count) || count < 1 || count > 5000) throw new CryptoError('BAD_REQUEST', 'count must be from 1 to 5000.', { param: 'count' });
  const key = accountPublicKey(checked!, xpub).deriveChild(branch);
  return Array.from({ length: count }, (_, i) => branchAddress(checked!, key, from + i));
}

/** A recorded account key (xpub, or tpub on testnet and regtest) read as a public-only BIP32 key at depth 3. */
export function accountPublicKey(chain: Chain, xpub: unknown): HDKey {
  let account: HDKey;
  try {
    if (typeof xpub !== 'string' || xpub.length > 200) throw new Error('not text');
    account = HDKey.fromExtendedKey(xpub, chain === 'testnet' || chain === 'regtest' ? TESTNET_VERSIONS : undefined);
  } catch {
    throw new CryptoError('BAD_REQUEST', 'xpub is not an account public key of this chain.', { param: 'xpub' });
  }
  if (account.privateKey || account.depth !== 3) throw new CryptoError('BAD_REQUEST', 'xpub must be a public account key (depth 3).', { param: 'xpub' });
  return account;
}
