/**
 * A wallet's Bitcoin BIP84 accounts as the `crypto-account` UR that Sparrow Wallet (through its
 * Hummingbird library) imports by QR as a watch-only wallet. Spec: BCR-2020-015 "UR Type Definition
 * for BIP44 Accounts": a map {1: master fingerprint (uint32), 2: [+ #6.308(crypto-output)]},
 * untagged at top level (BCR-2020-005 "Tagging CBOR"); each output is BCR-2020-010 `wpkh`
 * (#6.404) around a BCR-2020-007 version 1 `crypto-hdkey` (#6.303): {3: key-data, 4: chain-code,
 * 5: use-info #6.305 crypto-coininfo, 6: origin #6.304 crypto-keypath, 8: parent-fingerprint}.
 * use-info is omitted on mainnet (its defaults are type bitcoin and network mainnet) and is {2: 1}
 * on test networks (type 0, bitcoin, is the `.default` and left out, as BCR-2020-007 test vector
 * 2 does). CBOR is deterministic (RFC 8949 §4.2.1, BCR-2020-005 "Canonical CBOR").
 */
import { createBase58check } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { sha256 } from '@noble/hashes/sha2.js';
import { cborArray, cborBoolean, cborBytes, cborMap, cborTag, cborUnsigned } from './cbor.ts';
import { singlePartUr } from './ur-encoder.ts';

export interface WatchOnlyAccount {
  /** BIP84 account path as recorded, e.g. "m/84'/0'/0'" (mainnet) or "m/84'/1'/0'" (testnet and regtest). */
  readonly path: string;
  /** The account's extended public key: xpub (mainnet) or tpub (test networks), depth 3. */
  readonly xpub: string;
}

const CRYPTO_ACCOUNT_UR_TYPE = 'crypto-account';

/** CBOR tags (BCR-2020-006 version 1 registry, BCR-2020-010). */
const TAG_CRYPTO_HDKEY = 303;
const TAG_CRYPTO_KEYPATH = 304;
const TAG_CRYPTO_COININFO = 305;
const TAG_CRYPTO_OUTPUT = 308;
const TAG_WPKH = 404;

/** BIP32 extended public key versions: xpub (mainnet) and tpub (test networks). */
const VERSIONS = {
  0: { private: 0x0488ade4, public: 0x0488b21e, name: 'xpub' },
  1: { private: 0x04358394, public: 0x043587cf, name: 'tpub' },
} as const;

const HARDENED = 0x80000000;
const ACCOUNT_PATH = /^m\/84'\/([01])'\/0'$/u;
const base58check = createBase58check(sha256);

/** The crypto-hdkey fields of an account key, from its serialisation (BIP32 "Serialization format"). */
interface AccountKey {
  readonly coin: 0 | 1;
  readonly publicKey: Uint8Array;
  readonly chainCode: Uint8Array;
  readonly parentFingerprint: number;
}

const hex32 = (n: number) => n.toString(16).padStart(8, '0');

function parseMasterFingerprint(masterFingerprint: string): number {
  if (typeof masterFingerprint !== 'string' || !/^[0-9a-f]{8}$/u.test(masterFingerprint)) {
    throw new TypeError('masterFingerprint: expected 8 lower-case hex digits');
  }
  return Number.parseInt(masterFingerprint, 16);
}

/** Checks an account and reads its key; never puts the key itself in an error message. */
function accountKey(account: WatchOnlyAccount): AccountKey {
  const match = ACCOUNT_PATH.exec(String(account?.path));
  if (!match) throw new RangeError(`path: expected m/84'/0'/0' or m/84'/1'/0', got ${JSON.stringify(account?.path)}`);
  const coin = Number(match[1]) as 0 | 1;
  const versions = VERSIONS[coin];
  let payload: Uint8Array;
  try {
    payload = base58check.decode(String(account.xpub));
  } catch {
    throw new TypeError(`xpub of ${account.path}: not a base58check string`);
  }
  if (payload.length !== 78) throw new TypeError(`xpub of ${account.path}: expected 78 bytes, got ${payload.length}`);
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const version = view.getUint32(0, false);
  if (version !== versions.public) {
    throw new RangeError(`xpub of ${account.path}: expected ${versions.name} version ${hex32(versions.public)}, got version ${hex32(version)}`);
  }
  if (payload[4] !== 3) throw new RangeError(`xpub of ${account.path}: expected depth 3, got ${payload[4]}`);
  if (view.getUint32(9, false) !== HARDENED) throw new RangeError(`xpub of ${account.path}: expected child number 0' (account 0)`);
  let key: HDKey;
  try {
    key = HDKey.fromExtendedKey(account.xpub, { private: versions.private, public: versions.public });
  } catch {
    throw new TypeError(`xpub of ${account.path}: not a valid public key`);
  }
  if (key.privateKey || !key.publicKey || !key.chainCode) throw new TypeError(`xpub of ${account.path}: not a public key`);
  return { coin, publicKey: key.publicKey, chainCode: key.chainCode, parentFingerprint: key.parentFingerprint };
}

/** wpkh(crypto-hdkey) for one account: the BCR-2020-010 crypto-output, untagged. */
function wpkhOutput(masterFingerprint: number, key: AccountKey): Uint8Array {
  const entries: [number, Uint8Array][] = [
    [3, cborBytes(key.publicKey)],
    [4, cborBytes(key.chainCode)],
  ];
  if (key.coin === 1) entries.push([5, cborTag(TAG_CRYPTO_COININFO, cborMap([[2, cborUnsigned(1)]]))]);
  const components = [84, key.coin, 0].flatMap((index) => [cborUnsigned(index), cborBoolean(true)]);
  // source-fingerprint and parent-fingerprint are `uint32 .ne 0` (BCR-2020-007): left out if 0.
  const origin: [number, Uint8Array][] = [[1, cborArray(components)]];
  if (masterFingerprint !== 0) origin.push([2, cborUnsigned(masterFingerprint)]);
  entries.push([6, cborTag(TAG_CRYPTO_KEYPATH, cborMap(origin))]);
  if (key.parentFingerprint !== 0) entries.push([8, cborUnsigned(key.parentFingerprint)]);
  return cborTag(TAG_WPKH, cborTag(TAG_CRYPTO_HDKEY, cborMap(entries)));
}

/** The crypto-account CBOR (untagged top level): {1: master fingerprint, 2: [wpkh(crypto-hdkey) for each account]}. */
export function cryptoAccountCbor(masterFingerprint: string /* 8 lowercase hex */, accounts: readonly WatchOnlyAccount[]): Uint8Array {
  const fingerprint = parseMasterFingerprint(masterFingerprint);
  if (!Array.isArray(accounts) || accounts.length === 0) throw new RangeError('accounts: expected at least one account');
  const outputs = accounts.map((account) => cborTag(TAG_CRYPTO_OUTPUT, wpkhOutput(fingerprint, accountKey(account))));
  return cborMap([
    [1, cborUnsigned(fingerprint)],
    [2, cborArray(outputs)],
  ]);
}

/** The UR of it, single part, upper case: "UR:CRYPTO-ACCOUNT/<minimal bytewords with CRC>". */
export function cryptoAccountUr(masterFingerprint: string, accounts: readonly WatchOnlyAccount[]): string {
  return singlePartUr(CRYPTO_ACCOUNT_UR_TYPE, cryptoAccountCbor(masterFingerprint, accounts)).toUpperCase();
}
