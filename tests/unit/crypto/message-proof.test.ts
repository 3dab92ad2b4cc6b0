/**
 * Proof of control (issue 19, point 5; crypto/message-proof.ts) against the published vectors and
 * independent implementations. BIP-322: the message hashes of the BIP's test vectors; the BIP's own
 * "Hello World" signature (by the key L3VFeEujGtevx9w18HD1fhRbCH67Az2dpCymeRE1SoPK) verifies over our
 * signature hash; and our signature hash equals the one bitcoinjs-lib computes (BIP-143) for the
 * `to_sign` transaction it builds, whose txids are the BIP's. EIP-191: ethers recovers the signing
 * address from our signature. A signature over another message or for another key does not verify.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import { HDKey } from '@scure/bip32';
import { base64 } from '@scure/base';
import { p2wpkh } from '@scure/btc-signer';
import { Transaction, script } from 'bitcoinjs-lib';
import { verifyMessage } from 'ethers';
import { describe, expect, test } from 'vitest';
import { derToCompact } from '../../../crypto/der-signature.ts';
import { bip322MessageHash, bip322Sighash, signMessageProof } from '../../../crypto/message-proof.ts';

const VECTOR_ADDRESS = 'bc1q9vza2e8x573nczrlzms0wvx3gsqjx7vavgkx0l';
const HELLO = utf8ToBytes('Hello World');
const HELLO_SIGNATURE =
  'AkcwRAIgZRfIY3p7/DoVTty6YZbWS71bc5Vct9p9Fia83eRmw2QCICK/ENGfwLtptFluMGs2KsqoNSk89pO7F29zJLUx9a/sASECx/EgAxlkQpQ9hYjgGu6EBCPMVPwVIVJqO4XCsMvViHI=';
const SEED = hexToBytes('000102030405060708090a0b0c0d0e0f');

/** The witness stack of a BIP-322 simple signature: [DER signature + sighash byte, public key]. */
function witnessOf(signature: string): { der: Uint8Array; hashType: number; publicKey: Uint8Array } {
  const bytes = base64.decode(signature);
  expect(bytes[0]).toBe(2);
  const sigLength = bytes[1]!;
  const sig = bytes.subarray(2, 2 + sigLength);
  const publicKey = bytes.subarray(3 + sigLength, 3 + sigLength + bytes[2 + sigLength]!);
  return { der: sig.subarray(0, -1), hashType: sig.at(-1)!, publicKey };
}

/** BIP-322's to_spend and to_sign, built with bitcoinjs-lib; the BIP-143 hash bitcoinjs-lib gives for to_sign's input. */
function bitcoinjsSighash(scriptPubKey: Uint8Array, message: Uint8Array): { toSpend: string; toSign: string; sighash: string } {
  const toSpend = new Transaction();
  toSpend.version = 0;
  toSpend.locktime = 0;
  toSpend.addInput(Buffer.alloc(32), 0xffffffff, 0, script.compile([script.OPS.OP_0!, Buffer.from(bip322MessageHash(message))]));
  toSpend.addOutput(Buffer.from(scriptPubKey), 0n);
  const toSign = new Transaction();
  toSign.version = 0;
  toSign.locktime = 0;
  toSign.addInput(toSpend.getHash(), 0, 0);
  toSign.addOutput(script.compile([script.OPS.OP_RETURN!]), 0n);
  const scriptCode = script.compile([
    script.OPS.OP_DUP!,
    script.OPS.OP_HASH160!,
    Buffer.from(scriptPubKey.subarray(2)),
    script.OPS.OP_EQUALVERIFY!,
    script.OPS.OP_CHECKSIG!,
  ]);
  return { toSpend: toSpend.getId(), toSign: toSign.getId(), sighash: bytesToHex(toSign.hashForWitnessV0(0, scriptCode, 0n, Transaction.SIGHASH_ALL)) };
}

describe('BIP-322 simple (P2WPKH)', () => {
  test('the message hashes of the BIP’s vectors', () => {
    expect(bytesToHex(bip322MessageHash(new Uint8Array(0)))).toBe('c90c269c4f8fcbe6880f72a721ddfbf1914268a794cbb21cfafee13770ae19f1');
    expect(bytesToHex(bip322MessageHash(HELLO))).toBe('f0eb03b1a75ac6d9847f55c624a99169b5dccba2a31f5b23bea77ba270de0a7a');
  });

  test('our signature hash is bitcoinjs-lib’s for the BIP’s to_sign, whose txids are the BIP’s', () => {
    // The vector's key, as its own signature's witness carries it.
    const { publicKey } = witnessOf(HELLO_SIGNATURE);
    const payment = p2wpkh(publicKey);
    expect(payment.address).toBe(VECTOR_ADDRESS);
    const empty = bitcoinjsSighash(payment.script, new Uint8Array(0));
    expect([empty.toSpend, empty.toSign]).toEqual([
      'c5680aa69bb8d860bf82d4e9cd3504b55dde018de765a91bb566283c545a99a7',
      '1e9654e951a5ba44c8604c4de6c67fd78a27e81dcadcfe1edf638ba3aaebaed6',
    ]);
    const hello = bitcoinjsSighash(payment.script, HELLO);
    expect([hello.toSpend, hello.toSign]).toEqual([
      'b79d196740ad5217771c1098fc4a4b51e0535c32236c71f1ea4d61a2d603352b',
      '88737ae86f2077145f93cc4b153ae9a1cb8d56afa511988c149c5c8c9d93bddf',
    ]);
    expect(bytesToHex(bip322Sighash(payment.script, new Uint8Array(0)))).toBe(empty.sighash);
    expect(bytesToHex(bip322Sighash(payment.script, HELLO))).toBe(hello.sighash);
  });

  test('the BIP’s own "Hello World" signature verifies over our signature hash, and not over another message’s', () => {
    const { der, hashType, publicKey } = witnessOf(HELLO_SIGNATURE);
    expect(hashType).toBe(1);
    const script = p2wpkh(publicKey).script;
    expect(p2wpkh(publicKey).address).toBe(VECTOR_ADDRESS);
    expect(secp.verify(derToCompact(der), bip322Sighash(script, HELLO), publicKey, { prehash: false, lowS: false })).toBe(true);
    expect(secp.verify(derToCompact(der), bip322Sighash(script, utf8ToBytes('Hello World!')), publicKey, { prehash: false, lowS: false })).toBe(false);
  });

  test('a proof signed by the core is the witness of the address’s key over bitcoinjs-lib’s signature hash', () => {
    const master = HDKey.fromMasterSeed(SEED);
    const message = utf8ToBytes('Custos proof of control for Audit SA, nonce 8f3a1c, 2026-12-07');
    const proof = signMessageProof(master, 'bitcoin', 7, message);
    const expectedKey = master.derive("m/84'/0'/0'/0/7").publicKey!;
    expect(proof).toMatchObject({ chain: 'bitcoin', path: "m/84'/0'/0'/0/7", method: 'bip322-simple', address: p2wpkh(expectedKey).address });
    expect(proof.messageSha256).toBe(bytesToHex(sha256(message)));
    const { der, hashType, publicKey } = witnessOf(proof.signature);
    expect(hashType).toBe(1);
    expect(bytesToHex(publicKey)).toBe(bytesToHex(expectedKey));
    const sighash = hexToBytes(bitcoinjsSighash(p2wpkh(publicKey).script, message).sighash);
    expect(secp.verify(derToCompact(der), sighash, publicKey, { prehash: false, lowS: true })).toBe(true);
    // On testnet the same key gives a tb1 address.
    expect(signMessageProof(master, 'testnet', 0, message).address).toMatch(/^tb1q/u);
  });
});

describe('EIP-191 personal_sign', () => {
  test('ethers recovers the address the core signed for, for this message only', () => {
    const master = HDKey.fromMasterSeed(SEED);
    const message = 'Custos proof of control for Audit SA, nonce 8f3a1c, 2026-12-07';
    const proof = signMessageProof(master, 'ethereum', 2, utf8ToBytes(message));
    expect(proof).toMatchObject({ chain: 'ethereum', path: "m/44'/60'/0'/0/2", method: 'eip191' });
    expect(proof.signature).toMatch(/^0x[0-9a-f]{130}$/u);
    expect(verifyMessage(message, proof.signature)).toBe(proof.address);
    expect(verifyMessage(`${message}.`, proof.signature)).not.toBe(proof.address);
  });

  test('a proof signed twice is the same bytes, on both chains (RFC 6979): a ceremony stopped after it can be resumed', () => {
    const master = HDKey.fromMasterSeed(SEED);
    for (const chain of ['bitcoin', 'ethereum'] as const) {
      expect(signMessageProof(master, chain, 1, utf8ToBytes('again')).signature, chain).toBe(
        signMessageProof(master, chain, 1, utf8ToBytes('again')).signature,
      );
    }
  });

  test('an index past the first 200 receive addresses, or an empty or oversized message, is refused', () => {
    const master = HDKey.fromMasterSeed(SEED);
    expect(() => signMessageProof(master, 'ethereum', 200, utf8ToBytes('x'))).toThrow(/index must be/u);
    expect(() => signMessageProof(master, 'bitcoin', 0, new Uint8Array(0))).toThrow(/message must be/u);
    expect(() => signMessageProof(master, 'bitcoin', 0, new Uint8Array(2049))).toThrow(/message must be/u);
  });
});
