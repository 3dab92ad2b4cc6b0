/**
 * Reads a BIP174 PSBT (https://github.com/bitcoin/bips/blob/master/bip-0174.mediawiki) for one of
 * our wallets and says, for humans to approve, exactly what it does. Every input must be P2WPKH,
 * carry its UTXO (witness_utxo, or a non_witness_utxo that hashes to the outpoint's txid) and a
 * BIP32 derivation with this wallet's fingerprint on its BIP84 account whose key matches the script,
 * and no signature yet (a finalizer would otherwise pick a stranger's partial signature).
 * An output claiming to be ours is checked the same way, then shown as change.
 * Fee policy (docs/crypto-core.md, "Fee limits"): refused above 1,000 sat/vB or above 10 % of the
 * amount spent. The summary digest is SHA-256 of the summary's RFC 8785 canonical JSON.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { HDKey } from '@scure/bip32';
import { Address, OutScript, RawTx, Transaction, p2wpkh } from '@scure/btc-signer';
import { CryptoError, type BitcoinNetwork, type PsbtSummary } from './protocol.ts';
import { equalBytes } from './secret-bytes.ts';
import { btcNetwork } from './wallet-accounts.ts';

const MAX_FEE_RATE = 1000n;
const MAX_FEE_SHARE_PERCENT = 10n;
const HARDENED = 0x80000000;

export interface InputPlan {
  index: number;
  /** Full derivation path from the master key, e.g. m/84'/0'/0'/1/4. */
  path: string;
  publicKey: Uint8Array;
}

export function parsePsbt(psbt: Uint8Array): Transaction {
  if (!(psbt instanceof Uint8Array)) throw new CryptoError('PSBT_MALFORMED', 'The PSBT must be given as bytes.');
  try {
    return Transaction.fromPSBT(psbt);
  } catch {
    throw new CryptoError('PSBT_MALFORMED', 'This file is not a valid PSBT (BIP174).');
  }
}

type Derivation = [Uint8Array, { fingerprint: number; path: number[] }];

/** Finds our derivation entry; checks it is on our account and its key matches `script`. */
function ours(
  derivations: Derivation[] | undefined,
  fingerprint: number,
  coin: number,
  account: HDKey,
  script: Uint8Array,
  where: 'input' | 'output',
  position: number,
): { chain: 0 | 1; child: number; publicKey: Uint8Array } | null {
  const entry = derivations?.find(([, d]) => d.fingerprint === fingerprint);
  if (!entry) return null;
  const [publicKey, { path }] = entry;
  const code = where === 'input' ? 'PSBT_INPUT_KEY_MISMATCH' : 'PSBT_CHANGE_MISMATCH';
  const label = `${where === 'input' ? 'Input' : 'Output'} ${position + 1}`;
  if (path.length !== 5 || path[0] !== 84 + HARDENED || path[2] !== HARDENED) {
    throw new CryptoError(code, `${label} claims a key of this wallet outside its BIP84 account.`, { position: position + 1 });
  }
  if (path[1] !== coin + HARDENED) {
    throw new CryptoError('PSBT_NETWORK_INVALID', `${label} is derived for another network.`, { position: position + 1 });
  }
  const chain = path[3]!;
  const child = path[4]!;
  if ((chain !== 0 && chain !== 1) || child >= HARDENED) {
    throw new CryptoError(code, `${label} claims a key of this wallet on an unknown branch.`, { position: position + 1 });
  }
  const expected = account.deriveChild(chain).deriveChild(child).publicKey!;
  if (!equalBytes(expected, publicKey) || !equalBytes(p2wpkh(expected).script, script)) {
    throw new CryptoError(code, `${label} does not match the key of this wallet it names.`, { position: position + 1 });
  }
  return { chain, child, publicKey: expected };
}

function utxoOf(tx: Transaction, i: number): { script: Uint8Array; amount: bigint } {
  const input = tx.getInput(i);
  let fromNonWitness: { script: Uint8Array; amount: bigint } | undefined;
  if (input.nonWitnessUtxo) {
    const raw = RawTx.encode(input.nonWitnessUtxo);
    const txid = sha256(sha256(raw)).reverse();
    const out = input.nonWitnessUtxo.outputs[input.index!];
    if (!equalBytes(txid, input.txid!) || !out) {
      throw new CryptoError('PSBT_INPUT_NO_UTXO', `Input ${i + 1} carries a previous transaction that is not the one it spends.`, {
        position: i + 1,
      });
    }
    fromNonWitness = { script: out.script, amount: out.amount };
  }
  const w = input.witnessUtxo;
  if (w && fromNonWitness && (w.amount !== fromNonWitness.amount || !equalBytes(w.script, fromNonWitness.script))) {
    throw new CryptoError('PSBT_INPUT_NO_UTXO', `Input ${i + 1} carries two different accounts of the coin it spends.`, {
      position: i + 1,
    });
  }
  const utxo = w ?? fromNonWitness;
  if (!utxo) throw new CryptoError('PSBT_INPUT_NO_UTXO', `Input ${i + 1} lacks the data of the coin it spends.`, { position: i + 1 });
  return utxo;
}

function vsize(tx: Transaction): bigint {
  let bytes = 10.5 + 68 * tx.inputsLength;
  for (let i = 0; i < tx.outputsLength; i++) bytes += 9 + tx.getOutput(i).script!.length;
  return BigInt(Math.ceil(bytes));
}

function pathText(coin: number, chain: number, child: number): string {
  return `m/84'/${coin}'/0'/${chain}/${child}`;
}

/** The network a PSBT is reviewed on: bitcoin, testnet or regtest (PSBT_NETWORK_INVALID otherwise). */
export function checkBitcoinNetwork(network: unknown): BitcoinNetwork {
  if (network !== 'bitcoin' && network !== 'testnet' && network !== 'regtest') {
    throw new CryptoError('PSBT_NETWORK_INVALID', 'The network must be bitcoin, testnet or regtest.');
  }
  return network;
}

/** Checks the PSBT against the wallet (public account key) and summarises it. */
export function reviewPsbt(tx: Transaction, fingerprintHex: string, account: HDKey, network: BitcoinNetwork): { summary: PsbtSummary; plan: InputPlan[] } {
  checkBitcoinNetwork(network);
  const coin = network === 'bitcoin' ? 0 : 1;
  const fingerprint = parseInt(fingerprintHex, 16);
  if (tx.inputsLength === 0 || tx.outputsLength === 0) {
    throw new CryptoError('PSBT_MALFORMED', 'The PSBT has no inputs or no outputs.');
  }
  const plan: InputPlan[] = [];
  const inputs: PsbtSummary['inputs'] = [];
  let totalIn = 0n;
  for (let i = 0; i < tx.inputsLength; i++) {
    const input = tx.getInput(i);
    const utxo = utxoOf(tx, i);
    const type = OutScript.decode(utxo.script).type;
    const sighash = input.sighashType;
    if (type !== 'wpkh' || input.redeemScript || input.witnessScript || (sighash !== undefined && sighash !== 1)) {
      throw new CryptoError('PSBT_INPUT_UNSUPPORTED', `Input ${i + 1} is not a plain P2WPKH spend with SIGHASH_ALL.`, {
        position: i + 1,
      });
    }
    if (input.partialSig?.length || input.finalScriptSig || input.finalScriptWitness) {
      throw new CryptoError('PSBT_INPUT_UNSUPPORTED', `Input ${i + 1} already carries a signature; Custos signs only unsigned inputs.`, {
        position: i + 1,
      });
    }
    const mine = ours(input.bip32Derivation as Derivation[] | undefined, fingerprint, coin, account, utxo.script, 'input', i);
    if (!mine) throw new CryptoError('PSBT_INPUT_FOREIGN', `Input ${i + 1} does not belong to this wallet.`, { position: i + 1 });
    plan.push({ index: i, path: pathText(coin, mine.chain, mine.child), publicKey: mine.publicKey });
    totalIn += utxo.amount;
    inputs.push({
      amount: utxo.amount.toString(),
      outpoint: `${bytesToHex(input.txid!)}:${input.index}`,
      path: pathText(coin, mine.chain, mine.child),
    });
  }
  const address = Address(btcNetwork(network));
  const outputs: PsbtSummary['outputs'] = [];
  let totalOut = 0n;
  for (let o = 0; o < tx.outputsLength; o++) {
    const output = tx.getOutput(o);
    let text: string;
    try {
      text = address.encode(OutScript.decode(output.script!));
    } catch {
      throw new CryptoError('PSBT_MALFORMED', `Output ${o + 1} pays no address.`, { position: o + 1 });
    }
    const mine = ours(output.bip32Derivation as Derivation[] | undefined, fingerprint, coin, account, output.script!, 'output', o);
    totalOut += output.amount!;
    outputs.push(
      mine
        ? { address: text, amount: output.amount!.toString(), change: true, path: pathText(coin, mine.chain, mine.child) }
        : { address: text, amount: output.amount!.toString(), change: false },
    );
  }
  const fee = totalIn - totalOut;
  if (fee < 0n) throw new CryptoError('PSBT_FEE_NEGATIVE', 'The outputs spend more than the inputs hold.');
  const size = vsize(tx);
  if (fee > MAX_FEE_RATE * size || fee * 100n > totalIn * MAX_FEE_SHARE_PERCENT) {
    throw new CryptoError('PSBT_FEE_ABSURD', 'The fee is absurdly high: above 1,000 sat/vB or 10 % of the amount spent.', {
      fee: fee.toString(),
      vsize: Number(size),
    });
  }
  const canonical = { fee: fee.toString(), inputs, network, outputs };
  const digest = bytesToHex(sha256(utf8ToBytes(JSON.stringify(canonical))));
  const feeRate = (Number((fee * 10n) / size) / 10).toFixed(1);
  return {
    summary: { network, inputs, outputs, totalIn: totalIn.toString(), totalOut: totalOut.toString(), fee: fee.toString(), feeRate, digest },
    plan,
  };
}
