/**
 * Independent recovery of a wallet's secrets from its sealed share files, and the scanner that looks
 * for them (docs/architecture.md principle 1: no secret on the station's disk, in logs or outputs). Recovery
 * uses the documented formats (docs/share-format.md) with the reference libraries directly: the
 * sealed file, the share envelope, shamir-secret-sharing, @scure/bip39 and @scure/bip32. The
 * scanner finds raw bytes, hex, base64 and text, the mnemonic words in order, and looks inside DSSE
 * payloads too.
 */
import fs from 'node:fs';
import { bytesToHex } from '@noble/hashes/utils.js';
import { HDKey } from '@scure/bip32';
import { entropyToMnemonic, mnemonicToSeedSync } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { combine } from 'shamir-secret-sharing';
import { open, SealedKind } from '../../crypto/sealed-file.ts';
import { decodeEnvelope } from '../../crypto/share-envelope.ts';

/** BIP32 version bytes of tpub/tprv (test networks). */
const TESTNET_VERSIONS = { private: 0x04358394, public: 0x043587cf };

export interface Secret {
  name: string;
  bytes?: Uint8Array;
  text?: string;
}

export interface RecordedWallet {
  id: string;
  fingerprint: string;
  threshold: number;
  accounts: { chain: string; path: string; xpub: string; addresses: string[] }[];
}

export interface RecoveredWallet {
  secrets: Secret[];
  words: string[];
}

/** Opens each sealed share file, rebuilds the wallet from the first `threshold`, checks it against the record. */
export async function recoverWallet(wallet: RecordedWallet, files: { file: string; passphrase: string }[]): Promise<RecoveredWallet> {
  const secrets: Secret[] = [];
  const opened = files.map(({ file, passphrase }) => {
    const envelope = open(SealedKind.share, new Uint8Array(fs.readFileSync(file)), passphrase);
    const decoded = decodeEnvelope(envelope);
    if (bytesToHex(decoded.fingerprint) !== wallet.fingerprint) throw new Error(`${file} is not a share of ${wallet.id}`);
    secrets.push(
      { name: `${wallet.id} share ${decoded.index} envelope`, bytes: envelope },
      { name: `${wallet.id} share ${decoded.index}`, bytes: decoded.share },
    );
    return decoded;
  });
  if (opened.length < wallet.threshold) throw new Error(`${wallet.id} needs ${wallet.threshold} shares to recover`);
  const entropy = await combine(opened.slice(0, wallet.threshold).map((o) => o.share));
  const mnemonic = entropyToMnemonic(entropy, wordlist);
  const seed = mnemonicToSeedSync(mnemonic);
  const master = HDKey.fromMasterSeed(seed);
  if (master.fingerprint.toString(16).padStart(8, '0') !== wallet.fingerprint) throw new Error(`the shares of ${wallet.id} do not rebuild its fingerprint`);
  secrets.push(
    { name: `${wallet.id} entropy`, bytes: entropy },
    { name: `${wallet.id} seed`, bytes: seed },
    { name: `${wallet.id} master private key`, bytes: master.privateKey! },
    { name: `${wallet.id} master chain code`, bytes: master.chainCode! },
    { name: `${wallet.id} xprv`, text: master.privateExtendedKey },
    { name: `${wallet.id} mnemonic`, text: mnemonic },
  );
  for (const account of wallet.accounts) {
    const root = account.chain === 'testnet' || account.chain === 'regtest' ? HDKey.fromMasterSeed(seed, TESTNET_VERSIONS) : master;
    const node = root.derive(account.path);
    if (node.publicExtendedKey !== account.xpub) throw new Error(`${wallet.id} ${account.chain}: the recovered xpub differs from the record`);
    secrets.push(
      { name: `${wallet.id} ${account.chain} account xprv`, text: node.privateExtendedKey },
      { name: `${wallet.id} ${account.chain} account key`, bytes: node.privateKey! },
    );
    for (let i = 0; i < account.addresses.length; i++) {
      secrets.push({ name: `${wallet.id} ${account.chain} address ${i} key`, bytes: node.deriveChild(0).deriveChild(i).privateKey! });
    }
  }
  return { secrets, words: mnemonic.split(' ') };
}

/** Searches buffers for every secret of the wallets added to it. */
export class SecretScanner {
  private readonly secrets: Secret[] = [];
  private readonly mnemonics: string[][] = [];

  add(recovered: RecoveredWallet): void {
    this.secrets.push(...recovered.secrets);
    this.mnemonics.push(recovered.words);
  }

  get size(): number {
    return this.secrets.length;
  }

  private containsWords(lowered: string, words: string[]): boolean {
    const tokens = lowered.split(/[^a-z]+/u).filter(Boolean);
    const first = words[0]!;
    for (let i = tokens.indexOf(first); i >= 0 && i + words.length <= tokens.length; i = tokens.indexOf(first, i + 1)) {
      if (words.every((w, j) => tokens[i + j] === w)) return true;
    }
    return false;
  }

  /** The secrets found in a buffer: raw bytes, hex, base64, text, and mnemonic words in order. */
  leaks(buffer: Buffer): string[] {
    const found: string[] = [];
    const text = buffer.toString('latin1');
    const lowered = text.toLowerCase();
    for (const s of this.secrets) {
      if (s.bytes) {
        if (buffer.indexOf(s.bytes) >= 0) found.push(`${s.name} as bytes`);
        if (lowered.includes(bytesToHex(s.bytes))) found.push(`${s.name} as hex`);
        if (text.includes(Buffer.from(s.bytes).toString('base64').slice(0, -4))) found.push(`${s.name} as base64`);
      }
      if (s.text && text.includes(s.text)) found.push(`${s.name} as text`);
    }
    for (const words of this.mnemonics) if (this.containsWords(lowered, words)) found.push('mnemonic words in order');
    // A DSSE journal line carries its payload in base64: search the decoded payloads as well.
    for (const m of text.matchAll(/"payload":"([A-Za-z0-9+/=]+)"/gu)) found.push(...this.leaks(Buffer.from(m[1]!, 'base64')).map((l) => `${l} (in a payload)`));
    return found;
  }

  /** Scans files (skipping unreadable or huge ones); returns the leaks with their file. */
  scanFiles(files: string[]): string[] {
    const found: string[] = [];
    for (const file of files) {
      let bytes: Buffer;
      try {
        if (!fs.statSync(file).isFile() || fs.statSync(file).size > 64 * 1024 * 1024) continue;
        bytes = fs.readFileSync(file);
      } catch {
        continue;
      }
      found.push(...this.leaks(bytes).map((l) => `${l} in ${file}`));
    }
    return found;
  }
}
