/**
 * A proof of control checked from the record alone (docs/proof-of-control.md; ADR 0033): the
 * challenge the opening records, the address, the method and the signature `sign-challenge` records.
 * BIP-322 "simple" (P2WPKH): the witness's public key must pay to the address, and its DER signature
 * (SIGHASH_ALL) verify, with libsecp256k1, over the BIP-143 hash of the virtual `to_sign` transaction,
 * built here with @scure/btc-signer apart from the crypto core's own construction. EIP-191: the
 * address recovered from the signature (micro-eth-signer) must be the one recorded.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { NETWORK, Script, TEST_NETWORK, Transaction, p2wpkh } from '@scure/btc-signer';
import { eip191Signer } from 'micro-eth-signer';
import { loadVerifier } from '../record/signature-verifier.ts';

const BITCOIN_NETWORKS = { bitcoin: NETWORK, testnet: TEST_NETWORK, regtest: { ...TEST_NETWORK, bech32: 'bcrt' } } as const;
/** The options that let btc-signer build BIP-322's virtual transactions (version 0, a null outpoint, an OP_RETURN output). */
const VIRTUAL = { version: 0, allowUnknownOutputs: true, allowUnknownInputs: true, disableScriptCheck: true, allowUnknownVersion: true } as const;

function taggedMessageHash(message: Uint8Array): Uint8Array {
  const tag = sha256(utf8ToBytes('BIP0322-signed-message'));
  return sha256(concatBytes(tag, tag, message));
}

/** The witness items of a serialized stack, or null if it is not one (items under 253 bytes, nothing left over). */
function witnessItems(bytes: Uint8Array): Uint8Array[] | null {
  const items: Uint8Array[] = [];
  let at = 1;
  for (let i = 0; i < (bytes[0] ?? 0); i++) {
    const length = bytes[at];
    if (length === undefined || length >= 253 || at + 1 + length > bytes.length) return null;
    items.push(bytes.subarray(at + 1, at + 1 + length));
    at += 1 + length;
  }
  return at === bytes.length ? items : null;
}

function bip322Valid(chain: string, address: string, message: Uint8Array, signature: string): boolean {
  const network = BITCOIN_NETWORKS[chain as keyof typeof BITCOIN_NETWORKS];
  if (!network) return false;
  let items: Uint8Array[] | null;
  try {
    items = witnessItems(base64.decode(signature));
  } catch {
    return false;
  }
  if (!items || items.length !== 2) return false;
  const [sig, publicKey] = items as [Uint8Array, Uint8Array];
  if (sig.at(-1) !== 0x01 || publicKey.length !== 33) return false;
  let script: Uint8Array;
  try {
    const payment = p2wpkh(publicKey, network);
    if (payment.address !== address) return false;
    script = payment.script;
  } catch {
    return false;
  }
  const toSpend = new Transaction(VIRTUAL);
  toSpend.addOutput({ script, amount: 0n });
  toSpend.addInput({ txid: new Uint8Array(32), index: 0xffffffff, sequence: 0, finalScriptSig: Script.encode([0, taggedMessageHash(message)]) });
  const toSign = new Transaction(VIRTUAL);
  toSign.addInput({ txid: toSpend.id, index: 0, sequence: 0, witnessUtxo: { script, amount: 0n } });
  toSign.addOutput({ script: Script.encode(['RETURN']), amount: 0n });
  const scriptCode = Script.encode(['DUP', 'HASH160', script.subarray(2), 'EQUALVERIFY', 'CHECKSIG']);
  const sighash = toSign.preimageWitnessV0(0, scriptCode, 1, 0n);
  return loadVerifier().verify(sighash, publicKey, sig.subarray(0, -1));
}

/** Whether `signature` proves control of `address` on `chain` over `challenge` (its UTF-8 bytes) by `method`. */
export function proofSignatureValid(chain: string, address: string, challenge: string, method: string, signature: string): boolean {
  const message = utf8ToBytes(challenge);
  if (method === 'eip191') {
    if (chain !== 'ethereum') return false;
    try {
      return eip191Signer.verify(signature, message, address);
    } catch {
      return false;
    }
  }
  return method === 'bip322-simple' && bip322Valid(chain, address, message, signature);
}
