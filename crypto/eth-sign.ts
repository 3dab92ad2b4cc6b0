/**
 * Signs a reviewed Ethereum transfer (eth-review.ts) with the account key at the path the review
 * established, only when the caller hands back the digest of the very summary that was approved.
 * The signature is RFC 6979 deterministic ECDSA over the EIP-1559 signing hash, low-S (EIP-2); the
 * signed transaction is read back, its sender recovered and compared with the approved `from` before
 * it leaves. The derived private key is wiped after use.
 */
import type { HDKey } from '@scure/bip32';
import type { EthTransaction, ReviewedEthTransfer } from './eth-review.ts';
import { CryptoError, type SignedEthTransfer } from './protocol.ts';

/** Signs an unsigned transaction with a private key: deterministic (RFC 6979), low-S. The signer's step alone, tested against published vectors. */
export function signTransaction(transaction: EthTransaction, privateKey: Uint8Array): EthTransaction {
  return transaction.signBy(privateKey, false);
}

export function signReviewedEth(reviewed: ReviewedEthTransfer, master: HDKey, approvedDigest: string): SignedEthTransfer {
  const { summary, transaction, path } = reviewed;
  if (approvedDigest !== summary.digest) {
    throw new CryptoError('ETH_NOT_APPROVED', 'This transfer is not the one that was approved. Nothing was signed.', {
      approved: String(approvedDigest).slice(0, 64),
      actual: summary.digest,
    });
  }
  const key = master.derive(path);
  let signed: EthTransaction;
  try {
    signed = signTransaction(transaction, key.privateKey!);
  } catch {
    throw new CryptoError('ETH_SIGN_FAILED', 'The transfer could not be signed.');
  } finally {
    key.wipePrivateData();
  }
  // Defence in depth: the signature verifies, is low-S, and recovers the approved sender.
  let sender: string;
  try {
    if (!signed.verifySignature()) throw new Error('invalid');
    sender = signed.sender;
  } catch {
    throw new CryptoError('ETH_SIGN_FAILED', 'The signed transfer does not verify.');
  }
  if (sender !== summary.from) throw new CryptoError('ETH_SIGN_FAILED', 'The signed transfer does not come from the approved address.');
  return { summary, rawTransaction: signed.toHex(), hash: signed.hash };
}
