/**
 * The worked example of docs/transfer-exchange.md, "Ethereum transfer requests", run through the
 * code: the request block is read and reviewed for the wallet of the BIP39 test mnemonic, and the
 * summary, the signed transaction and its hash must be the page's blocks byte for byte; the same
 * request by QR (EIP-4527 eth-sign-request) must read into the request block, and the signed
 * transaction answer with the page's eth-signature frame. A change in the format, the digest, the
 * signing or the QR mapping that the page does not follow fails here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import { Transaction } from 'ethers';
import { expect, test } from 'vitest';
import { UrDecoder } from '../../../common/bc-ur/ur-decoder.ts';
import { SIGN_REQUEST_SUFFIX, ethRequestFromSignRequest, ethSignatureFrame } from '../../../main/app/eth-sign-request.ts';
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

test('the worked example by QR: the eth-sign-request frame reads into the request block, and the signature answers with the page’s eth-signature frame', () => {
  const decoder = new UrDecoder(['eth-sign-request']);
  decoder.receive(block('eth-sign-request-ur'));
  const { cbor } = decoder.result();
  expect(`${JSON.stringify(ethRequestFromSignRequest(cbor), null, 2)}`).toBe(block('eth-request'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-eth-doc-'));
  try {
    fs.writeFileSync(path.join(dir, `scanned${SIGN_REQUEST_SUFFIX}`), cbor);
    fs.writeFileSync(path.join(dir, 'signed.ethtx'), `${block('eth-signed').split('\n')[0]}\n`);
    expect(ethSignatureFrame(path.join(dir, 'signed.ethtx'), dir)).toBe(block('eth-signature-ur'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
