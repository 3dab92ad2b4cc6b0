/**
 * cryptoAccountCbor / cryptoAccountUr: BIP84 accounts as a `crypto-account` UR (BCR-2020-015).
 * Checked against the BCR-2020-015 "Example/Test Vector" (BlockchainCommons/Research,
 * papers/bcr-2020-015-account.md at e4a4fbb186e2e7625ccdf7149aec4f0a5adaf850, last changed in
 * cee85e1d40f285fed40d6bc656aabaee5327f600): its account key for m/84'/0'/0' is derived here from
 * the vector's mnemonic, and our wpkh output must equal, byte for byte, the vector's third output.
 * Also: the layout read back with a small CBOR reader, the BIP39 test mnemonic "abandon … about"
 * (its m/84'/0'/0' key is BIP84's test vector zpub), the UR read back by @ngraveio/bc-ur, use-info
 * on test networks, and refusals.
 */
import { createBase58check } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { URDecoder } from '@ngraveio/bc-ur';
import { describe, expect, test } from 'vitest';
import { cryptoAccountCbor, cryptoAccountUr, type WatchOnlyAccount } from '../../../common/bc-ur/crypto-account.ts';
import { singlePartUr } from '../../../common/bc-ur/ur-encoder.ts';

const base58check = createBase58check(sha256);

/** BCR-2020-015 "Example/Test Vector": mnemonic, the wpkh descriptor, the CBOR hex and the UR. */
const BCR_2020_015 = {
  mnemonic: 'shield group erode awake lock sausage cash glare wave crew flame glove',
  masterFingerprint: '37b5eed4',
  wpkhXpub: 'xpub6BkU445MSEBXbPjD3g2c2ch6mn8yy1SXXQUM7EwjgYiq6Wt1NDwDZ45npqWcV8uQC5oi2gHuVukoCoZZyT4HKq8EpotPMqGqxdZRuapCQ23',
  cbor:
    'a2011a37b5eed40287d90134d90193d9012fa403582103eb3e2863911826374de86c231a4b76f0b89dfa174afb78d7f478199884d9dd320458206456a5df2db0f6d9af72b2a1af4b25f45200ed6fcc29c3440b311d4796b70b5b06d90130a20186182cf500f500f5021a37b5eed4081a99f9cdf7' +
    'd90134d90190d90194d9012fa403582102c7e4823730f6ee2cf864e2c352060a88e60b51a84e89e4c8c75ec22590ad6b690458209d2f86043276f9251a4a4f577166a5abeb16b6ec61e226b5b8fa11038bfda42d06d90130a201861831f500f500f5021a37b5eed4081aa80f7cdb' +
    'd90134d90194d9012fa403582103fd433450b6924b4f7efdd5d1ed017d364be95ab2b592dc8bddb3b00c1c24f63f04582072ede7334d5acf91c6fda622c205199c595a31f9218ed30792d301d5ee9e3a8806d90130a201861854f500f500f5021a37b5eed4081a0d5de1d7' +
    'd90134d90190d9019ad9012fa4035821035ccd58b63a2cdc23d0812710603592e7457573211880cb59b1ef012e168e059a04582088d3299b448f87215d96b0c226235afc027f9e7dc700284f3e912a34daeb1a2306d90130a20182182df5021a37b5eed4081a37b5eed4' +
    'd90134d90190d90191d9019ad9012fa4035821032c78ebfcabdac6d735a0820ef8732f2821b4fb84cd5d6b26526938f90c0507110458207953efe16a73e5d3f9f2d4c6e49bd88e22093bbd85be5a7e862a4b98a16e0ab606d90130a201881830f500f500f501f5021a37b5eed4081a59b69b2a' +
    'd90134d90191d9019ad9012fa40358210260563ee80c26844621b06b74070baf0e23fb76ce439d0237e87502ebbd3ca3460458202fa0e41c9dc43dc4518659bfcef935ba8101b57dbc0812805dd983bc1d34b81306d90130a201881830f500f500f502f5021a37b5eed4081a59b69b2a' +
    'd90134d90199d9012fa403582102bbb97cf9efa176b738efd6ee1d4d0fa391a973394fbc16e4c5e78e536cd14d2d0458204b4693e1f794206ed1355b838da24949a92b63d02e58910bf3bd3d9c242281e606d90130a201861856f500f500f5021a37b5eed4081acec7070c',
  ur: 'ur:crypto-account/oeadcyemrewytyaolttaadeetaadmutaaddloxaxhdclaxwmfmdeiamecsdsemgtvsjzcncygrkowtrontzschgezokstswkkscfmklrtauteyaahdcxiehfonurdppfyntapejpproypegrdawkgmaewejlsfdtsrfybdehcaflmtrlbdhpamtaaddyoeadlncsdwykaeykaeykaocyemrewytyaycynlytsnyltaadeetaadmhtaadmwtaaddloxaxhdclaostvelfemdyynwydwyaievosrgmambklovabdgypdglldvespsthysadamhpmjeinaahdcxntdllnaaeykoytdacygegwhgjsiyonpywmcmrpwphsvodsrerozsbyaxluzcoxdpamtaaddyoeadlncsehykaeykaeykaocyemrewytyaycypdbskeuytaadeetaadmwtaaddloxaxhdclaxzcfxeegdrpmogrgwkbzctlttweadkiengrwlhtprremouoluutqdpfbncedkynfhaahdcxjpwevdeogthttkmeswzcolcpsaahcfnshkhtehytclmnteatmoteadtlwynnftloamtaaddyoeadlncsghykaeykaeykaocyemrewytyaycybthlvytstaadeetaadmhtaadnytaaddloxaxhdclaxhhsnhdrpftdwuocntilydibehnecmovdfekpjkclcslasbhkpawsaddmcmmnahnyaahdcxlotedtndfymyltclhlmtpfsadscnhtztaolbnnkistaedegwfmmedreetnwmcycnamtaaddyoeadlfcsdpykaocyemrewytyaycyemrewytytaadeetaadmhtaadmetaadnytaaddloxaxhdclaxdwkswmztpytnswtsecnblfbayajkdldeclqzzolrsnhljedsgminetytbnahatbyaahdcxkkguwsvyimjkvwteytwztyswvendtpmncpasfrrylprnhtkblndrgrmkoyjtbkrpamtaaddyoeadlocsdyykaeykaeykadykaocyemrewytyaycyhkrpnddrtaadeetaadmetaadnytaaddloxaxhdclaohnhffmvsbndslrfgclpfjejyatbdpebacnzokotofxntaoemvskpaowmryfnotfgaahdcxdlnbvecentssfsssgylnhkrstoytecrdlyadrekirfaybglahltalsrfcaeerobwamtaaddyoeadlocsdyykaeykaeykaoykaocyemrewytyaycyhkrpnddrtaadeetaadnltaaddloxaxhdclaorkrhkeytwsoykorletwstbwycagtbsotmeptjkesgwrfcmveskvdmngujzttgtdpaahdcxgrfgmuvyylmwcxjtttechplslgoegagaptdniatidmhdmebdwfryfsnsdkcplyvaamtaaddyoeadlncshfykaeykaeykaocyemrewytyaycytostatbngmdavolk',
};

/** BIP39 test mnemonic; BIP84 "Test vectors" give its m/84'/0'/0' account key as a zpub. */
const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const BIP84_ACCOUNT_ZPUB = 'zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs';
const TESTNET_VERSIONS = { private: 0x04358394, public: 0x043587cf };

function wallet(mnemonic: string) {
  const master = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  return {
    master,
    fingerprint: master.fingerprint.toString(16).padStart(8, '0'),
    mainnet: { path: "m/84'/0'/0'", xpub: master.derive("m/84'/0'/0'").publicExtendedKey },
    testnet: { path: "m/84'/1'/0'", xpub: HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic), TESTNET_VERSIONS).derive("m/84'/1'/0'").publicExtendedKey },
  };
}

/** The same serialised key under other version bytes (BIP32 "Serialization format"). */
function withVersion(extendedKey: string, version: number): string {
  const payload = base58check.decode(extendedKey);
  new DataView(payload.buffer, payload.byteOffset).setUint32(0, version, false);
  return base58check.encode(payload);
}

// ---- A small CBOR reader for the items we write (RFC 8949 §3), independent of the encoder.
type Item = number | boolean | Uint8Array | Item[] | { map: [number, Item][] } | { tag: number; item: Item };

function readCbor(bytes: Uint8Array): Item {
  let at = 0;
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4 }[info];
    if (size === undefined) throw new Error(`unexpected additional info ${info}`);
    let value = 0;
    for (let i = 0; i < size; i++) value = value * 256 + bytes[at++]!;
    const minimum = { 1: 24, 2: 0x100, 4: 0x10000 }[size]!;
    if (value < minimum) throw new Error('argument not in the shortest form');
    return value;
  };
  const item = (): Item => {
    const initial = bytes[at++]!;
    const major = initial >> 5;
    if (initial === 0xf4) return false;
    if (initial === 0xf5) return true;
    const n = argument(initial & 31);
    switch (major) {
      case 0:
        return n;
      case 2:
        at += n;
        return bytes.slice(at - n, at);
      case 4:
        return Array.from({ length: n }, item);
      case 5:
        return { map: Array.from({ length: n }, () => [item() as number, item()] as [number, Item]) };
      case 6:
        return { tag: n, item: item() };
      default:
        throw new Error(`unexpected major type ${major}`);
    }
  };
  const out = item();
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes left over`);
  return out;
}

const tagged = (tag: number, item: Item) => ({ tag, item });
const map = (...entries: [number, Item][]) => ({ map: entries });

/** The expected decoded wpkh output of an account (keys in ascending order). */
function expectedOutput(masterFingerprint: string, account: WatchOnlyAccount): Item {
  const coin = account.path === "m/84'/1'/0'" ? 1 : 0;
  const key = HDKey.fromExtendedKey(account.xpub, coin ? TESTNET_VERSIONS : undefined);
  const fields: [number, Item][] = [
    [3, key.publicKey!],
    [4, key.chainCode!],
  ];
  if (coin) fields.push([5, tagged(305, map([2, 1]))]);
  fields.push([6, tagged(304, map([1, [84, true, coin, true, 0, true]], [2, Number.parseInt(masterFingerprint, 16)]))]);
  fields.push([8, key.parentFingerprint]);
  return tagged(308, tagged(404, tagged(303, map(...fields))));
}

describe('BCR-2020-015 test vector', () => {
  const vector = wallet(BCR_2020_015.mnemonic);

  test('the mnemonic gives the vector fingerprint and m/84h/0h/0h xpub', () => {
    expect(vector.fingerprint).toBe(BCR_2020_015.masterFingerprint);
    expect(vector.mainnet.xpub).toBe(BCR_2020_015.wpkhXpub);
  });

  test('the vector hex is the vector UR (transcription check)', () => {
    expect(singlePartUr('crypto-account', hexToBytes(BCR_2020_015.cbor))).toBe(BCR_2020_015.ur);
  });

  test('our wpkh output equals the vector output byte for byte', () => {
    // The third output, 308(404(303(…))), up to the fourth, 308(400(…)); both at byte boundaries.
    const start = BCR_2020_015.cbor.indexOf('d90134d90194d9012f');
    const end = BCR_2020_015.cbor.indexOf('d90134d90190d9019a', start);
    expect(start % 2 === 0 && end % 2 === 0 && start > 0).toBe(true);
    const vectorOutput = BCR_2020_015.cbor.slice(start, end);
    // 9 bytes of tags, map(4), 3: 35 bytes, 4: 34 bytes, 6: 304({1: array of 6, 2: uint32}), 8: uint32.
    expect(vectorOutput.length / 2).toBe(9 + 1 + 1 + 35 + 1 + 34 + 1 + 3 + 1 + 1 + 8 + 1 + 5 + 1 + 5);
    // One whole data item (the reader refuses bytes left over), for the vector's xpub.
    expect(readCbor(hexToBytes(vectorOutput))).toEqual(expectedOutput(BCR_2020_015.masterFingerprint, vector.mainnet));
    // {1: 0x37b5eed4, 2: [that output]}: map(2), 1, uint32, 2, array(1).
    const ours = bytesToHex(cryptoAccountCbor(BCR_2020_015.masterFingerprint, [vector.mainnet]));
    expect(ours).toBe(`a2011a${BCR_2020_015.masterFingerprint}0281${vectorOutput}`);
  });

  test('the account reads back as {1: fingerprint, 2: [308(404(303({3, 4, 6, 8})))]}', () => {
    const decoded = readCbor(cryptoAccountCbor(BCR_2020_015.masterFingerprint, [vector.mainnet]));
    expect(decoded).toEqual(
      map(
        [1, 0x37b5eed4],
        [
          2,
          [
            tagged(
              308,
              tagged(
                404,
                tagged(
                  303,
                  map(
                    [3, hexToBytes('03fd433450b6924b4f7efdd5d1ed017d364be95ab2b592dc8bddb3b00c1c24f63f')],
                    [4, hexToBytes('72ede7334d5acf91c6fda622c205199c595a31f9218ed30792d301d5ee9e3a88')],
                    [6, tagged(304, map([1, [84, true, 0, true, 0, true]], [2, 0x37b5eed4]))],
                    [8, 224256471],
                  ),
                ),
              ),
            ),
          ],
        ],
      ),
    );
  });
});

describe('crypto-account', () => {
  const abandon = wallet(ABANDON);

  test('the BIP39 test mnemonic: fingerprint 73c5da0a, account key = BIP84 test vector', () => {
    expect(abandon.fingerprint).toBe('73c5da0a');
    expect(withVersion(abandon.mainnet.xpub, 0x04b24746)).toBe(BIP84_ACCOUNT_ZPUB);
    expect(readCbor(cryptoAccountCbor('73c5da0a', [abandon.mainnet]))).toEqual(map([1, 0x73c5da0a], [2, [expectedOutput('73c5da0a', abandon.mainnet)]]));
  });

  test('a tpub account carries use-info {2: 1} (network testnet), keys in order 3 4 5 6 8', () => {
    const accounts = [abandon.mainnet, abandon.testnet];
    const decoded = readCbor(cryptoAccountCbor('73c5da0a', accounts));
    expect(decoded).toEqual(map([1, 0x73c5da0a], [2, accounts.map((a) => expectedOutput('73c5da0a', a))]));
    const hdkey = (((decoded as { map: [number, Item][] }).map[1]![1] as Item[])[1] as { item: { item: { item: { map: [number, Item][] } } } }).item.item.item;
    expect(hdkey.map.map(([k]) => k)).toEqual([3, 4, 5, 6, 8]);
    expect(hdkey.map[2]).toEqual([5, tagged(305, map([2, 1]))]);
    expect(bytesToHex(cryptoAccountCbor('73c5da0a', [abandon.testnet]))).toContain('05d90131a10201');
  });

  test('the UR is upper case, single part, and @ngraveio/bc-ur reads back the same CBOR', () => {
    for (const accounts of [[abandon.mainnet], [abandon.mainnet, abandon.testnet], [wallet(BCR_2020_015.mnemonic).mainnet]]) {
      const fingerprint = accounts[0] === abandon.mainnet ? '73c5da0a' : BCR_2020_015.masterFingerprint;
      const ur = cryptoAccountUr(fingerprint, accounts);
      expect(ur).toMatch(/^UR:CRYPTO-ACCOUNT\/[A-Z]+$/u);
      const decoded = URDecoder.decode(ur);
      expect(decoded.type).toBe('crypto-account');
      expect(bytesToHex(decoded.cbor)).toBe(bytesToHex(cryptoAccountCbor(fingerprint, accounts)));
    }
  });

  test('refuses a bad path, depth, version or fingerprint', () => {
    const fp = abandon.fingerprint;
    const bad = (account: WatchOnlyAccount) => () => cryptoAccountCbor(fp, [account]);
    for (const path of ["m/84'/0'/1'", "m/44'/0'/0'", 'm/84h/0h/0h', "m/84'/0'", "m/84'/2'/0'", ''])
      expect(bad({ path, xpub: abandon.mainnet.xpub })).toThrow(/path/u);
    // depth: the master key (0), the purpose key (1) and a receive-chain key (4)
    for (const p of ['m', "m/84'", "m/84'/0'/0'/0"]) expect(bad({ path: "m/84'/0'/0'", xpub: abandon.master.derive(p).publicExtendedKey })).toThrow(/depth/u);
    // version: a tpub on the mainnet path, an xpub on the testnet path, a zpub, an xprv
    expect(bad({ path: "m/84'/0'/0'", xpub: abandon.testnet.xpub })).toThrow(/expected xpub version 0488b21e, got version 043587cf/u);
    expect(bad({ path: "m/84'/1'/0'", xpub: abandon.mainnet.xpub })).toThrow(/expected tpub version 043587cf, got version 0488b21e/u);
    expect(bad({ path: "m/84'/0'/0'", xpub: BIP84_ACCOUNT_ZPUB })).toThrow(/version 04b24746/u);
    const xprv = abandon.master.derive("m/84'/0'/0'").privateExtendedKey;
    expect(bad({ path: "m/84'/0'/0'", xpub: xprv })).toThrow(/version 0488ade4/u);
    expect(bad({ path: "m/84'/0'/0'", xpub: xprv })).not.toThrow(xprv);
    // a depth-3 key that is not account 0', a damaged checksum
    expect(bad({ path: "m/84'/0'/0'", xpub: abandon.master.derive("m/84'/0'/1'").publicExtendedKey })).toThrow(/child number/u);
    const damaged = abandon.mainnet.xpub.slice(0, -1) + (abandon.mainnet.xpub.endsWith('a') ? 'b' : 'a');
    expect(bad({ path: "m/84'/0'/0'", xpub: damaged })).toThrow(/base58check/u);
    // fingerprint and account list
    for (const f of ['73C5DA0A', '73c5da0', '73c5da0a0', 'xyzxyzxy']) expect(() => cryptoAccountCbor(f, [abandon.mainnet])).toThrow(/masterFingerprint/u);
    expect(() => cryptoAccountCbor(fp, [])).toThrow(/accounts/u);
    expect(() => cryptoAccountUr(fp, [{ path: "m/84'/1'/0'", xpub: abandon.mainnet.xpub }])).toThrow(/tpub/u);
  });
});
