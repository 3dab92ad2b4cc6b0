/**
 * Official test vectors (issue 2, "Done when"), each with its source (full citations in the
 * "source" field of each fixture in tests/fixtures/vectors/):
 * - BIP39: trezor/python-mnemonic vectors.json, all English vectors (passphrase "TREZOR").
 * - BIP32: bitcoin/bips bip-0032.mediawiki, test vectors 1–5.
 * - BIP84: bitcoin/bips bip-0084.mediawiki, "Test vectors".
 * - BIP380: bitcoin/bips bip-0380.mediawiki, "Test Vectors", plus Bitcoin Core's checksum cases.
 * - BIP174: bitcoin/bips bip-0174.mediawiki, "Test Vectors", the Signer step (byte for byte).
 */
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { createBase58check } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { entropyToMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { HDKey } from '@scure/bip32';
import { Transaction } from '@scure/btc-signer';
import { describe, expect, test } from 'vitest';
import { descriptorChecksum, hasValidChecksum } from '../../../crypto/descriptor.ts';
import { mnemonicBytes, seedFromEntropy } from '../../../crypto/mnemonic-seed.ts';
import { signInputs } from '../../../crypto/psbt-sign.ts';
import { TESTNET_VERSIONS, describeWallet } from '../../../crypto/wallet-accounts.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/vectors/${name}`, import.meta.url), 'utf8'));
const b58 = createBase58check(sha256);

/** SLIP-0132 zpub/zprv → xpub/xprv: same key, standard version bytes. */
function asStandard(key: string, version: number): string {
  const raw = b58.decode(key);
  new DataView(raw.buffer, raw.byteOffset).setUint32(0, version);
  return b58.encode(raw);
}

describe('BIP39 (trezor/python-mnemonic vectors.json, English)', () => {
  const { passphrase, vectors } = fixture('bip39-english.json') as {
    passphrase: string;
    vectors: { entropy: string; mnemonic: string; seed: string; xprv: string }[];
  };
  test('there are 24 English vectors', () => expect(vectors).toHaveLength(24));
  test.each(vectors.map((v, i) => ({ i, ...v })))('vector $i: mnemonic, seed and xprv', ({ entropy, mnemonic, seed, xprv }) => {
    expect(new TextDecoder().decode(mnemonicBytes(hexToBytes(entropy)))).toBe(mnemonic);
    expect(entropyToMnemonic(hexToBytes(entropy), wordlist)).toBe(mnemonic);
    const ours = seedFromEntropy(hexToBytes(entropy), passphrase);
    expect(bytesToHex(ours)).toBe(seed);
    expect(HDKey.fromMasterSeed(ours).privateExtendedKey).toBe(xprv);
  });
});

describe('BIP32 test vectors 1–5', () => {
  const { vectors, invalid } = fixture('bip32.json');
  for (const vector of vectors) {
    test(`vector ${vector.name}`, () => {
      const master = HDKey.fromMasterSeed(hexToBytes(vector.seed));
      for (const chain of vector.chains) {
        const key = chain.path === 'm' ? master : master.derive(chain.path.replaceAll('H', "'"));
        expect(key.publicExtendedKey, chain.path).toBe(chain.xpub);
        expect(key.privateExtendedKey, chain.path).toBe(chain.xprv);
      }
    });
  }
  test('vector 5: every invalid extended key is refused', () => {
    expect(invalid.length).toBeGreaterThanOrEqual(14);
    for (const { key, reason } of invalid) expect(() => HDKey.fromExtendedKey(key), reason).toThrow();
  });
});

describe('BIP84 (the wallet accounts Custos records)', () => {
  const v = fixture('bip84.json');
  const entropy = new Uint8Array(16); // "abandon × 11 about"
  test('mnemonic, account xpub, receive and change addresses', () => {
    expect(new TextDecoder().decode(mnemonicBytes(entropy))).toBe(v.mnemonic);
    const { fingerprint, accounts } = describeWallet(entropy, ['bitcoin'], 2);
    const account = accounts[0]!;
    expect(account.path).toBe(v.account0.path);
    expect(account.xpub).toBe(asStandard(v.account0.xpub, 0x0488b21e));
    expect(account.addresses).toEqual([v.firstReceive.address, v.secondReceive.address]);
    expect(account.descriptor).toMatch(new RegExp(`^wpkh\\(\\[${fingerprint}/84h/0h/0h\\]${account.xpub}/<0;1>/\\*\\)#[a-z0-9]{8}$`));
    // Change address from the account key, as the change descriptor says.
    const pub = HDKey.fromExtendedKey(account.xpub).deriveChild(1).deriveChild(0).publicKey!;
    expect(bytesToHex(pub)).toBe(v.firstChange.pubkey);
    expect(HDKey.fromExtendedKey(asStandard(v.rootpub, 0x0488b21e)).fingerprint.toString(16).padStart(8, '0')).toBe(fingerprint);
  });
  test("testnet accounts are tpubs on m/84'/1'/0'", () => {
    const [account] = describeWallet(entropy, ['testnet'], 1).accounts;
    expect(account!.path).toBe("m/84'/1'/0'");
    expect(account!.xpub.startsWith('tpub')).toBe(true);
    expect(account!.addresses[0]!.startsWith('tb1q')).toBe(true);
  });
});

describe('BIP380 descriptor checksums', () => {
  const { checksum, extra } = fixture('bip380.json');
  test("the BIP's valid and invalid checksum examples", () => {
    for (const { descriptor } of checksum.valid) expect(hasValidChecksum(descriptor)).toBe(true);
    for (const { descriptor, reason } of checksum.invalid) expect(hasValidChecksum(descriptor), reason).toBe(false);
    expect(descriptorChecksum('raw(deadbeef)')).toBe('89f8spxm');
  });
  test("Bitcoin Core's checksum cases and wpkh descriptors", () => {
    const core = extra.bitcoin_core_descriptor_tests_checksums;
    for (const c of core.valid) for (const form of [c.prv, c.pub]) if (form.includes('#')) expect(hasValidChecksum(form), form).toBe(true);
    for (const c of core.invalid) for (const form of [c.prv, c.pub]) if (form?.includes('#')) expect(hasValidChecksum(form), form).toBe(false);
    for (const { descriptor } of extra.bitcoin_core_wpkh_with_checksum.valid) expect(hasValidChecksum(descriptor), descriptor).toBe(true);
    for (const { descriptor } of extra.bitcoin_core_wpkh_with_checksum.invalid) expect(hasValidChecksum(descriptor), descriptor).toBe(false);
  });
});

describe('BIP174 signer vector', () => {
  const v = fixture('bip174-signer.json');
  const master = HDKey.fromExtendedKey(v.masterTprv, TESTNET_VERSIONS);
  for (const signer of ['signer1', 'signer2'] as const) {
    test(`${signer}: signInputs reproduces the expected PSBT byte for byte`, () => {
      const tx = Transaction.fromPSBT(hexToBytes(v.psbtGivenToSigners.hex));
      const paths: string[] = v[signer].keys.map((k: { path: string }) => k.path);
      const plan = [];
      for (let i = 0; i < tx.inputsLength; i++) {
        for (const [publicKey, { path }] of tx.getInput(i).bip32Derivation ?? []) {
          const text = 'm/' + path.map((n: number) => (n >= 0x80000000 ? `${n - 0x80000000}'` : `${n}`)).join('/');
          if (paths.includes(text)) plan.push({ index: i, path: text, publicKey });
        }
      }
      expect(plan).toHaveLength(2);
      signInputs(tx, master, plan);
      expect(bytesToHex(tx.toPSBT())).toBe(v[signer].result.hex);
    });
  }
});
