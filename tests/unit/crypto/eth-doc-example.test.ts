/**
 * The worked example of docs/transfer-exchange.md, "Ethereum transfer requests", run through the
 * code: the request block is read and reviewed for the wallet of the BIP39 test mnemonic, and the
 * summary, the signed transaction and its hash must be the page's blocks byte for byte. A change in
 * the format, the digest or the signing that the page does not follow fails here.
 */
import fs from 'node:fs';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { Transaction } from 'ethers';
import { expect, test } from 'vitest';
import { parseEthRequest } from '../../../crypto/eth-request.ts';
import { reviewEthTransfer } from '../../../crypto/eth-review.ts';
import { signReviewedEth } from '../../../crypto/eth-sign.ts';

const page = fs.readFileSync(new URL('../../../docs/transfer-exchange.md', import.meta.url), 'utf8');

function block(name: string): string {
  const found = new RegExp(`<!-- example: ${name} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``, 'u').exec(page);
  if (!found) throw new Error(`docs/transfer-exchange.md has no example block ${name}`);
  return found[1]!;
}

test('the Ethereum worked example is what the code does, byte for byte', () => {
  const master = HDKey.fromMasterSeed(mnemonicToSeedSync(`${'abandon '.repeat(11)}about`));
  const derived = master.derive("m/44'/60'/0'");
  const account = new HDKey({ chainCode: derived.chainCode!, publicKey: derived.publicKey! });
  const usdc = { chainId: '1', contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', decimals: 6 };
  const reviewed = reviewEthTransfer(parseEthRequest(new TextEncoder().encode(block('eth-request'))), account, 'mainnet', [usdc], (10n ** 16n).toString());
  expect(JSON.stringify(reviewed.summary, null, 2)).toBe(block('eth-summary'));
  const signed = signReviewedEth(reviewed, master, reviewed.summary.digest);
  expect(`${signed.rawTransaction}\n${signed.hash}`).toBe(block('eth-signed'));
  // Read by another library: the page's transaction comes from the page's address and pays the page's token.
  const [raw, hash] = block('eth-signed').split('\n');
  const tx = Transaction.from(raw!);
  expect([tx.from, tx.to, tx.hash, tx.chainId, tx.nonce, tx.value]).toEqual(['0x9858EfFD232B4033E47d90003D41EC34EcaEda94', usdc.contract, hash, 1n, 0, 0n]);
});
