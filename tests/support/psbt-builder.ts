/**
 * Builds unsigned PSBTs for tests with bitcoinjs-lib, an implementation independent of the
 * @scure/btc-signer code the core signs with, and checks signed transactions with bitcoinjs-lib's
 * BIP143 sighash and libsecp256k1 (tiny-secp256k1, WASM): an independent check of the core's work.
 * Funding transactions are synthetic (nothing here touches a network).
 */
import { HDKey } from '@scure/bip32';
import * as bitcoin from 'bitcoinjs-lib';
import * as ecc from 'tiny-secp256k1';

export type TestNetwork = 'bitcoin' | 'testnet' | 'regtest';

export function bjsNetwork(network: TestNetwork): bitcoin.Network {
  return network === 'bitcoin' ? bitcoin.networks.bitcoin : network === 'testnet' ? bitcoin.networks.testnet : bitcoin.networks.regtest;
}

const TPUB = { private: 0x04358394, public: 0x043587cf };

export interface Spend {
  /** Account xpub/tpub and master fingerprint of the wallet (public data from the core). */
  xpub: string;
  fingerprint: string;
  network: TestNetwork;
  /** Our coins: [chain, index, amount in sats]. */
  inputs: [0 | 1, number, bigint][];
  /** Payments to others. */
  payments: { address: string; amount: bigint }[];
  /** Change back to the wallet: [chain, index, amount]. */
  change?: [0 | 1, number, bigint];
  /** Include the previous transaction (non_witness_utxo) as well as witness_utxo. */
  withPreviousTx?: boolean;
  /** Leave out the UTXO data of the input at this position. */
  omitUtxoOf?: number;
  /** Claim this fingerprint instead of the wallet's. */
  claimFingerprint?: string;
}

export function accountKey(xpub: string, network: TestNetwork): HDKey {
  return HDKey.fromExtendedKey(xpub, network === 'bitcoin' ? undefined : TPUB);
}

export function keyAt(account: HDKey, chain: number, index: number): Uint8Array {
  return account.deriveChild(chain).deriveChild(index).publicKey!;
}

export function addressAt(account: HDKey, network: TestNetwork, chain: number, index: number): string {
  return bitcoin.payments.p2wpkh({ pubkey: keyAt(account, chain, index), network: bjsNetwork(network) }).address!;
}

/** A synthetic previous transaction paying `amount` to `script` at output 0. */
function fundingTx(script: Uint8Array, amount: bigint, salt: number): bitcoin.Transaction {
  const tx = new bitcoin.Transaction();
  tx.version = 2;
  const hash = new Uint8Array(32);
  new DataView(hash.buffer).setUint32(0, salt + 1);
  tx.addInput(hash, 0);
  tx.addOutput(script, amount);
  return tx;
}

export function buildPsbt(spend: Spend): Uint8Array {
  const network = bjsNetwork(spend.network);
  const account = accountKey(spend.xpub, spend.network);
  const coin = spend.network === 'bitcoin' ? 0 : 1;
  const fingerprint = Uint8Array.from(Buffer.from(spend.claimFingerprint ?? spend.fingerprint, 'hex'));
  const psbt = new bitcoin.Psbt({ network });
  spend.inputs.forEach(([chain, index, amount], position) => {
    const pubkey = keyAt(account, chain, index);
    const script = bitcoin.payments.p2wpkh({ pubkey, network }).output!;
    const prev = fundingTx(script, amount, position);
    const utxo =
      position === spend.omitUtxoOf
        ? {}
        : spend.withPreviousTx
          ? { nonWitnessUtxo: prev.toBuffer(), witnessUtxo: { script, value: amount } }
          : { witnessUtxo: { script, value: amount } };
    psbt.addInput({
      hash: prev.getId(),
      index: 0,
      ...utxo,
      bip32Derivation: [{ masterFingerprint: fingerprint, path: `m/84'/${coin}'/0'/${chain}/${index}`, pubkey }],
    });
  });
  for (const p of spend.payments) psbt.addOutput({ address: p.address, value: p.amount });
  if (spend.change) {
    const [chain, index, amount] = spend.change;
    const pubkey = keyAt(account, chain, index);
    psbt.addOutput({
      address: bitcoin.payments.p2wpkh({ pubkey, network }).address!,
      value: amount,
      bip32Derivation: [{ masterFingerprint: fingerprint, path: `m/84'/${coin}'/0'/${chain}/${index}`, pubkey }],
    });
  }
  return Uint8Array.from(psbt.toBuffer());
}

/** An address of some other party on `network` (a fixed, valid P2WPKH). */
export function foreignAddress(network: TestNetwork, n = 1): string {
  const pubkey = ecc.pointFromScalar(
    Uint8Array.from({ length: 32 }, (_, i) => (i === 31 ? n : 0)),
    true,
  )!;
  return bitcoin.payments.p2wpkh({ pubkey, network: bjsNetwork(network) }).address!;
}

/**
 * Independently validates a signed transaction against the unsigned PSBT: same inputs and outputs,
 * every input's BIP143 signature valid under libsecp256k1, low-S, SIGHASH_ALL. Returns the fee.
 */
export function validateSigned(unsignedPsbt: Uint8Array, transactionHex: string, network: TestNetwork): { fee: bigint; txid: string } {
  const psbt = bitcoin.Psbt.fromBuffer(Buffer.from(unsignedPsbt), { network: bjsNetwork(network) });
  const tx = bitcoin.Transaction.fromHex(transactionHex);
  const unsigned = psbt.txInputs;
  if (tx.ins.length !== unsigned.length) throw new Error('input count changed');
  let totalIn = 0n;
  tx.ins.forEach((input, i) => {
    const data = psbt.data.inputs[i]!;
    const utxo = data.witnessUtxo!;
    totalIn += utxo.value;
    if (Buffer.compare(Buffer.from(input.hash), Buffer.from(unsigned[i]!.hash)) !== 0) throw new Error(`input ${i} changed`);
    const [sigWithType, pubkey] = input.witness;
    if (!sigWithType || !pubkey) throw new Error(`input ${i} has no witness`);
    if (sigWithType[sigWithType.length - 1] !== bitcoin.Transaction.SIGHASH_ALL) throw new Error(`input ${i} not SIGHASH_ALL`);
    const expectedScript = bitcoin.payments.p2wpkh({ pubkey, network: bjsNetwork(network) }).output!;
    if (Buffer.compare(Buffer.from(expectedScript), Buffer.from(utxo.script)) !== 0) throw new Error(`input ${i} key does not match`);
    const scriptCode = bitcoin.payments.p2pkh({ pubkey }).output!;
    const hash = tx.hashForWitnessV0(i, scriptCode, utxo.value, bitcoin.Transaction.SIGHASH_ALL);
    const { signature } = bitcoin.script.signature.decode(sigWithType);
    const s = BigInt('0x' + Buffer.from(signature.subarray(32)).toString('hex'));
    if (s > 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n) throw new Error(`input ${i} high-S`);
    if (!ecc.verify(hash, pubkey, signature, true)) throw new Error(`input ${i} signature invalid`);
  });
  const outs = psbt.txOutputs;
  if (tx.outs.length !== outs.length) throw new Error('output count changed');
  let totalOut = 0n;
  tx.outs.forEach((o, i) => {
    if (o.value !== outs[i]!.value || Buffer.compare(Buffer.from(o.script), Buffer.from(outs[i]!.script)) !== 0) {
      throw new Error(`output ${i} changed`);
    }
    totalOut += o.value;
  });
  return { fee: totalIn - totalOut, txid: tx.getId() };
}
