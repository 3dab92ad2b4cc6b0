/**
 * Signs the P2WPKH inputs of a reviewed PSBT with keys derived from the wallet's master key, then
 * finalizes and extracts the transaction (BIP174 Signer, Finalizer and Extractor roles). Signing
 * proceeds only when the caller hands back the digest of the very summary that was approved.
 */
import type { HDKey } from '@scure/bip32';
import { SigHash, type Transaction } from '@scure/btc-signer';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CryptoError, type PsbtSummary, type SignedTransaction } from './protocol.ts';
import type { InputPlan } from './psbt-review.ts';
import { equalBytes } from './secret-bytes.ts';

export function signReviewed(
  tx: Transaction, master: HDKey, accountPath: string, plan: InputPlan[], summary: PsbtSummary, approvedDigest: string,
): SignedTransaction {
  if (approvedDigest !== summary.digest) {
    throw new CryptoError('PSBT_NOT_APPROVED', 'This transaction is not the one that was approved. Nothing was signed.', {
      approved: String(approvedDigest).slice(0, 64), actual: summary.digest,
    });
  }
  const account = master.derive(accountPath);
  try {
    for (const input of plan) {
      const key = account.deriveChild(input.chain).deriveChild(input.child);
      try {
        if (!equalBytes(key.publicKey!, input.publicKey) || !tx.signIdx(key.privateKey!, input.index, [SigHash.ALL])) {
          throw new CryptoError('PSBT_SIGN_FAILED', `Input ${input.index + 1} could not be signed.`, { position: input.index + 1 });
        }
      } finally {
        key.wipePrivateData();
      }
    }
  } finally {
    account.wipePrivateData();
  }
  try {
    tx.finalize();
    const raw = tx.extract();
    return { summary, psbt: tx.toPSBT(), transactionHex: bytesToHex(raw), txid: tx.id };
  } catch (error) {
    if (error instanceof CryptoError) throw error;
    throw new CryptoError('PSBT_SIGN_FAILED', 'The signed transaction could not be finalized.');
  }
}
