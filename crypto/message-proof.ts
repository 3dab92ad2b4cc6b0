/**
 * Proof of control of an address (issue 19, "Proof of control"; docs/proof-of-control.md): a signed
 * message, no funds moved. On Bitcoin, the BIP-322 "simple" signature of a P2WPKH receive address
 * (the witness of the virtual `to_sign` transaction spending the virtual `to_spend` that commits to
 * the message's tagged hash; sighash BIP-143, SIGHASH_ALL), base64; on Ethereum, EIP-191
 * `personal_sign` (version 0x45), r ‖ s ‖ v as 0x-hex. The key is derived at the account's receive
 * branch, index `index`, and wiped after use; the signature is verified before it leaves.
 */
import type { HDKey } from '@scure/bip32';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { p2wpkh } from '@scure/btc-signer';
import { eip191Signer } from 'micro-eth-signer';
import { CryptoError, type Chain, type MessageProof } from './protocol.ts';
import { signDigest, verifyDigest } from './signing-key.ts';
import { accountPath, btcNetwork, ethereumAddress } from './wallet-accounts.ts';

/** Receive addresses a proof may be made for: the first 200 of the account, as verify derives them. */
const MAX_INDEX = 200;
/** The longest challenge signed: an auditor's sentence with a nonce, not a document. */
const MAX_MESSAGE_BYTES = 2048;

const sha256d = (bytes: Uint8Array) => sha256(sha256(bytes));
const u32 = (n: number) => new Uint8Array([n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff]);
const ZERO8 = new Uint8Array(8);

/** BIP-322's message hash: SHA-256 tagged "BIP0322-signed-message". */
export function bip322MessageHash(message: Uint8Array): Uint8Array {
  const tag = sha256(utf8ToBytes('BIP0322-signed-message'));
  return sha256(concatBytes(tag, tag, message));
}

/** The BIP-143 signature hash of `to_sign` (input 0) for a P2WPKH `scriptPubKey` and a message (BIP-322 "simple"). */
export function bip322Sighash(scriptPubKey: Uint8Array, message: Uint8Array): Uint8Array {
  // to_spend: version 0, one input (null outpoint, scriptSig OP_0 PUSH32 <message hash>, sequence 0), one output of 0 to the address, locktime 0.
  const toSpend = concatBytes(
    u32(0),
    new Uint8Array([1]),
    new Uint8Array(32),
    u32(0xffffffff),
    new Uint8Array([34, 0x00, 0x20]),
    bip322MessageHash(message),
    u32(0),
    new Uint8Array([1]),
    ZERO8,
    new Uint8Array([scriptPubKey.length]),
    scriptPubKey,
    u32(0),
  );
  const outpoint = concatBytes(sha256d(toSpend), u32(0));
  // to_sign: version 0, spends to_spend:0 (value 0, sequence 0), one output of 0 to OP_RETURN, locktime 0.
  const scriptCode = concatBytes(new Uint8Array([0x19, 0x76, 0xa9, 0x14]), scriptPubKey.subarray(2), new Uint8Array([0x88, 0xac]));
  const preimage = concatBytes(
    u32(0),
    sha256d(outpoint),
    sha256d(u32(0)),
    outpoint,
    scriptCode,
    ZERO8,
    u32(0),
    sha256d(concatBytes(ZERO8, new Uint8Array([1, 0x6a]))),
    u32(0),
    u32(1),
  );
  return sha256d(preimage);
}

/** A witness stack as Bitcoin serializes it (count, then each item with its length; items under 253 bytes). */
function serializeWitness(items: readonly Uint8Array[]): Uint8Array {
  return concatBytes(new Uint8Array([items.length]), ...items.flatMap((item) => [new Uint8Array([item.length]), item]));
}

/**
 * Signs `message` with the receive key `index` of the wallet's `chain` account (master: the wallet's
 * BIP32 master key). `expected`, the address the caller asks a proof for, must be that key's
 * (MESSAGE_SIGN_FAILED otherwise: nothing is signed for an address the caller did not mean).
 */
export function signMessageProof(master: HDKey, chain: Chain, index: number, message: Uint8Array, expected?: string): MessageProof {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_INDEX) {
    throw new CryptoError('BAD_REQUEST', `index must be a receive address index from 0 to ${MAX_INDEX - 1}.`, { param: 'index' });
  }
  if (!(message instanceof Uint8Array) || message.length === 0 || message.length > MAX_MESSAGE_BYTES) {
    throw new CryptoError('BAD_REQUEST', `message must be 1 to ${MAX_MESSAGE_BYTES} bytes.`, { param: 'message' });
  }
  const path = `${accountPath(chain)}/0/${index}`;
  const key = master.derive(path);
  try {
    const publicKey = key.publicKey!;
    const messageSha256 = bytesToHex(sha256(message));
    const own = chain === 'ethereum' ? ethereumAddress(publicKey) : p2wpkh(publicKey, btcNetwork(chain)).address!;
    if (expected !== undefined && (chain === 'ethereum' ? own.toLowerCase() !== expected.toLowerCase() : own !== expected)) {
      throw new CryptoError('MESSAGE_SIGN_FAILED', 'The key at this index is not the address asked for. Nothing was signed.');
    }
    if (chain === 'ethereum') {
      const address = ethereumAddress(publicKey);
      const signature = eip191Signer.sign(message, key.privateKey!, false);
      if (!eip191Signer.verify(signature, message, address)) throw new CryptoError('MESSAGE_SIGN_FAILED', 'The signed message does not verify.');
      return { chain, address, path, method: 'eip191', messageSha256, signature };
    }
    const payment = p2wpkh(publicKey, btcNetwork(chain));
    const sighash = bip322Sighash(payment.script, message);
    const der = signDigest(key.privateKey!, sighash);
    if (!verifyDigest(publicKey, sighash, der)) throw new CryptoError('MESSAGE_SIGN_FAILED', 'The signed message does not verify.');
    const witness = serializeWitness([concatBytes(der, new Uint8Array([0x01])), publicKey]);
    return { chain, address: payment.address!, path, method: 'bip322-simple', messageSha256, signature: base64.encode(witness) };
  } finally {
    key.wipePrivateData();
  }
}
