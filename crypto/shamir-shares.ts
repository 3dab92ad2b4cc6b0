/**
 * Shamir split and combine of the 32-byte wallet entropy (shamir-secret-sharing: GF(2^8), AES
 * polynomial, random x coordinates), wrapped in envelopes (share-envelope.ts). The library turns too
 * few or foreign shares into garbage without error, so combine refuses before calling it: fewer than
 * m, duplicates, mixed sets or quorums; and after it: the result must reproduce the master
 * fingerprint recorded at split time, or nothing is returned.
 */
import { split, combine } from 'shamir-secret-sharing';
import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { CryptoError } from './protocol.ts';
import { checkThreshold, commitment, decodeEnvelope, encodeEnvelope, type Envelope } from './share-envelope.ts';
import { equalBytes, wipe } from './secret-bytes.ts';
import { masterFingerprint } from './wallet-accounts.ts';

export interface SplitShare {
  index: number;
  /** Secret: the encoded envelope. */
  envelope: Uint8Array;
  commitment: string;
}

export async function splitEntropy(
  entropy: Uint8Array,
  fingerprint: string,
  threshold: number,
  shareCount: number,
): Promise<{ setId: string; shares: SplitShare[] }> {
  checkThreshold(threshold, shareCount);
  const setId = randomBytes(8);
  const raw = await split(entropy, shareCount, threshold);
  try {
    const shares = raw.map((share, i) => {
      const envelope = encodeEnvelope({
        setId,
        fingerprint: hexToBytes(fingerprint),
        threshold,
        shareCount,
        index: i + 1,
        share,
      });
      return { index: i + 1, envelope, commitment: commitment(envelope) };
    });
    return { setId: bytesToHex(setId), shares };
  } finally {
    wipe(...raw);
  }
}

/** Checks a set of decoded envelopes belongs together and forms a quorum. */
function checkQuorum(envelopes: Envelope[], expectedFingerprint: string): void {
  const first = envelopes[0];
  if (!first) throw new CryptoError('SHARES_TOO_FEW', 'No shares were given.', { given: 0 });
  for (const e of envelopes) {
    if (!equalBytes(e.setId, first.setId) || e.threshold !== first.threshold || e.shareCount !== first.shareCount) {
      throw new CryptoError('SHARES_MIXED_SETS', `Share ${e.index} belongs to a different split than share ${first.index}.`, {
        index: e.index,
      });
    }
    if (bytesToHex(e.fingerprint) !== expectedFingerprint) {
      throw new CryptoError('SHARES_FINGERPRINT_MISMATCH', `Share ${e.index} belongs to another wallet.`, {
        index: e.index,
        expected: expectedFingerprint,
        found: bytesToHex(e.fingerprint),
      });
    }
  }
  const seen = new Set<number>();
  const xs = new Set<number>();
  for (const e of envelopes) {
    const x = e.share[e.share.length - 1]!;
    if (seen.has(e.index) || xs.has(x)) {
      throw new CryptoError('SHARES_DUPLICATE', `Share ${e.index} was given twice.`, { index: e.index });
    }
    seen.add(e.index);
    xs.add(x);
  }
  if (envelopes.length < first.threshold) {
    throw new CryptoError(
      'SHARES_TOO_FEW',
      `${first.threshold} shares are needed; only ${envelopes.length} ${envelopes.length === 1 ? 'was' : 'were'} given.`,
      {
        needed: first.threshold,
        given: envelopes.length,
      },
    );
  }
}

/**
 * Reconstructs the entropy from envelopes (each already decoded and checked). Returns entropy the
 * caller must wipe; throws SHARES_FINGERPRINT_MISMATCH if the result is not the recorded wallet.
 */
export async function combineEnvelopes(envelopeBytes: Uint8Array[], expectedFingerprint: string): Promise<Uint8Array> {
  if (!/^[0-9a-f]{8}$/u.test(expectedFingerprint)) {
    throw new CryptoError('BAD_REQUEST', 'expectedFingerprint must be 8 lowercase hex characters.');
  }
  const envelopes = envelopeBytes.map(decodeEnvelope);
  try {
    checkQuorum(envelopes, expectedFingerprint);
    const entropy = await combine(envelopes.map((e) => e.share));
    let fingerprint: string;
    try {
      fingerprint = masterFingerprint(entropy);
    } catch (error) {
      wipe(entropy);
      throw error;
    }
    if (fingerprint !== expectedFingerprint) {
      wipe(entropy);
      throw new CryptoError('SHARES_FINGERPRINT_MISMATCH', 'These shares do not rebuild the recorded wallet. No key was produced.', {
        expected: expectedFingerprint,
      });
    }
    return entropy;
  } finally {
    for (const e of envelopes) wipe(e.share);
  }
}
