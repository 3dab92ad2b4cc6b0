/**
 * A wallet's watch-only export for the online coordinator (docs/transfer-exchange.md, "Watch-only
 * export"; issue 18, point 3): everything it needs to watch the wallet and prepare transfers, and
 * nothing that can spend. The file `custos-watch-only/1` (JSON) holds, for each Bitcoin account, the
 * account xpub with its key origin and the BIP380 output descriptors with checksum (Sparrow and
 * Bitcoin Core import them), the BC-UR `crypto-account` of the Bitcoin accounts (what Sparrow reads
 * by QR; BCR-2020-015), and for the Ethereum account its first addresses. It is made from public
 * data only: the accounts the record holds, and addresses derived from the account key in the core.
 * The file is written durably and recorded by its SHA-256.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cryptoAccountUr } from '../../common/bc-ur/crypto-account.ts';
import type { AccountInfo, Chain } from '../../crypto/protocol.ts';
import { writeFileDurably, realIo } from '../store/file-io.ts';
import type { Body } from './ceremony-run.ts';
import type { Station } from './station.ts';

const WATCH_ONLY_FORMAT = 'custos-watch-only/1';
/** Ethereum addresses listed (the account's receive branch, index 0 upward). */
const ETH_ADDRESSES = 20;
const BITCOIN_CHAINS: readonly string[] = ['bitcoin', 'testnet', 'regtest'];

/** What the export is made from: a wallet's id, label, fingerprint and recorded accounts. */
export interface WatchedWallet {
  id: string;
  label: string;
  fingerprint: string;
  accounts: readonly AccountInfo[];
}

/** The key origin of an account, as descriptors write it: `[<fingerprint>/84h/0h/0h]`. */
function keyOrigin(fingerprint: string, accountPath: string): string {
  return `[${fingerprint}${accountPath.slice(1).replaceAll("'", 'h')}]`;
}

/** The watch-only file's content, as bytes (JSON and a line break). */
async function watchOnlyFile(station: Station, wallet: WatchedWallet, purpose: string): Promise<Uint8Array> {
  const bitcoin = wallet.accounts.filter((a) => BITCOIN_CHAINS.includes(a.chain));
  const accounts = [];
  for (const a of wallet.accounts) {
    if (a.chain === 'ethereum') {
      const { addresses } = await station.client.call('deriveAddresses', {
        chain: 'ethereum' as Chain,
        xpub: a.xpub,
        branch: 0,
        from: 0,
        count: ETH_ADDRESSES,
      });
      accounts.push({ chain: a.chain, path: a.path, xpub: a.xpub, addresses });
    } else {
      accounts.push({
        chain: a.chain,
        path: a.path,
        keyOrigin: keyOrigin(wallet.fingerprint, a.path),
        xpub: a.xpub,
        descriptor: a.descriptor ?? null,
        receiveDescriptor: a.receiveDescriptor ?? null,
        changeDescriptor: a.changeDescriptor ?? null,
      });
    }
  }
  const file = {
    format: WATCH_ONLY_FORMAT,
    purpose,
    wallet: wallet.id,
    label: wallet.label,
    fingerprint: wallet.fingerprint,
    accounts,
    ...(bitcoin.length ? { cryptoAccount: cryptoAccountUr(wallet.fingerprint, bitcoin) } : {}),
  };
  return new TextEncoder().encode(`${JSON.stringify(file, null, 2)}\n`);
}

/** Writes the export to `file` (durably) and returns what the record keeps of it. */
export async function exportWatchOnly(station: Station, wallet: WatchedWallet, file: string, purpose: string): Promise<{ body: Body; file: string }> {
  const bytes = await watchOnlyFile(station, wallet, purpose);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileDurably(realIo, file, bytes);
  return { body: { fileName: path.basename(file), sha256: createHash('sha256').update(bytes).digest('hex'), fingerprint: wallet.fingerprint }, file };
}
