/**
 * Published, independent test vectors for Ethereum transaction signing (fixture, with its sources:
 * tests/fixtures/eth/signing-vectors.json):
 * - EIP-1559 (type 2): ethers.js testcases/transactions.json.gz ("signedLondon") and ethereum/tests
 *   GeneralStateTests/stEIP1559 ("txbytes", filled by geth on chain id 1). Each unsigned transaction is
 *   prepared as eth-review.ts prepares it (empty access list), signed by crypto/eth-sign.ts
 *   `signTransaction` (RFC 6979 deterministic ECDSA, low-S per EIP-2), and must equal the published
 *   signed raw transaction byte for byte and recover the key's address.
 * - EIP-155: the specification's worked example (a legacy transaction): signing data, signing hash,
 *   v, r, s and the signed raw transaction.
 */
import { readFileSync } from 'node:fs';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { Transaction, addr } from 'micro-eth-signer';
import { describe, expect, test } from 'vitest';
import { signTransaction } from '../../../crypto/eth-sign.ts';

interface Eip1559Case {
  name: string;
  source: string;
  privateKey: string;
  chainId: string;
  nonce: string;
  maxPriorityFeePerGas: string;
  maxFeePerGas: string;
  gasLimit: string;
  to: string;
  value: string;
  data: string;
  signed: string;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/eth/signing-vectors.json', import.meta.url), 'utf8'));
const cases: Eip1559Case[] = fixture.eip1559;
const sourceNames = new Set((fixture.sources as { name: string }[]).map((s) => s.name));

describe('EIP-1559 signing: published vectors', () => {
  test('the fixture holds enough cases, each with a named source', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) expect(sourceNames.has(c.source), c.name).toBe(true);
  });

  test.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const unsigned = Transaction.prepare(
      {
        type: 'eip1559',
        chainId: BigInt(c.chainId),
        nonce: BigInt(c.nonce),
        to: c.to,
        value: BigInt(c.value),
        data: c.data,
        gasLimit: BigInt(c.gasLimit),
        maxFeePerGas: BigInt(c.maxFeePerGas),
        maxPriorityFeePerGas: BigInt(c.maxPriorityFeePerGas),
        accessList: [],
      },
      false,
    );
    const signed = signTransaction(unsigned, hexToBytes(c.privateKey.slice(2)));
    expect(signed.toHex()).toBe(c.signed);
    expect(signed.sender).toBe(addr.fromPrivateKey(c.privateKey.slice(2)));
  });
});

describe('EIP-155: the specification example', () => {
  const e = fixture.eip155;
  const unsigned = Transaction.prepare(
    {
      type: 'legacy',
      chainId: BigInt(e.chainId),
      nonce: BigInt(e.nonce),
      gasPrice: BigInt(e.gasPrice),
      gasLimit: BigInt(e.gasLimit),
      to: e.to,
      value: BigInt(e.value),
      data: e.data,
    },
    false,
  );

  test('signing data and signing hash', () => {
    const signingData = unsigned.toBytes({ includeSignature: false });
    expect(`0x${bytesToHex(signingData)}`).toBe(e.signingData);
    expect(`0x${bytesToHex(keccak_256(signingData))}`).toBe(e.signingHash);
  });

  test('v, r, s and the signed transaction', () => {
    const signed = unsigned.signBy(hexToBytes(e.privateKey.slice(2)), false);
    expect(signed.v).toBe(BigInt(e.v));
    expect(signed.raw.r).toBe(BigInt(e.r));
    expect(signed.raw.s).toBe(BigInt(e.s));
    expect(signed.toHex()).toBe(e.signed);
    expect(signed.sender).toBe(addr.fromPrivateKey(e.privateKey.slice(2)));
  });
});
