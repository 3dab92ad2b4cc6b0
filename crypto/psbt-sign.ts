/**
 * Signs the inputs of a reviewed PSBT with keys derived from the wallet's master key along the
 * paths the review established, then finalizes and extracts the transaction (BIP174 Signer,
 * Finalizer and Extractor roles). Signing proceeds only when the caller hands back the digest of
 * the very summary that was approved. `signInputs` alone is checked against the BIP174 signer vector.
 */
import type { HDKey } from '@scure/bip32';
import { SigHash, type Transaction } from '@scure/btc-signer';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CryptoError, type PsbtSummary, type SignedTransaction } from './protocol.ts';
import type { InputPlan } from './psbt-review.ts';
import { equalBytes } from './secret-bytes.ts';

/** Signs each planned input with the key at its path; every derived private key is wiped. */
export function signInputs(tx: Transaction, master: HDKey, plan: InputPlan[]): void {
  for (const input of plan) {
    const key = master.derive(input.path);
    const failed = () => new CryptoError('PSBT_SIGN_FAILED', `Input ${input.index + 1} could not be signed.`, { position: input.index + 1 });
    try {
      if (!equalBytes(key.publicKey!, input.publicKey)) throw failed();
      let signed: boolean;
      try {
        signed = tx.signIdx(key.privateKey!, input.index, [SigHash.ALL]);
      } catch {
        throw failed();
      }
      if (!signed) throw failed();
    } finally {
      key.wipePrivateData();
    }
  }
}

export function signReviewed(tx: Transaction, master: HDKey, plan: InputPlan[], summary: PsbtSummary, approvedDigest: string): SignedTransaction {
  if (approvedDigest !== summary.digest) {
    throw new CryptoError('PSBT_NOT_APPROVED', 'This transaction is not the one that was approved. Nothing was signed.', {
      approved: String(approvedDigest).slice(0, 64),
      actual: summary.digest,
    });
  }
  signInputs(tx, master, plan);
  let raw: Uint8Array;
  try {
    tx.finalize();
    raw = tx.extract();
  } catch {
    throw new CryptoError('PSBT_SIGN_FAILED', 'The signed transaction could not be finalized.');
  }
  // Defence in depth: each finalized witness must be [our signature, the planned key].
  for (const input of plan) {
    const witness = tx.getInput(input.index).finalScriptWitness;
    if (!witness || witness.length !== 2 || !equalBytes(witness[1]!, input.publicKey)) {
      throw new CryptoError('PSBT_SIGN_FAILED', `Input ${input.index + 1} was not finalized with this wallet's key.`, {
        position: input.index + 1,
      });
    }
  }
  return { summary, psbt: tx.toPSBT(), transactionHex: bytesToHex(raw), txid: tx.id };
}
