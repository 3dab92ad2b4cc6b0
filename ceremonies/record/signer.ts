/**
 * Who signs entries and checkpoints: the station and each participant, as a key id, a public key
 * and a way to sign a 32-byte digest. In the app and the CLI the private key stays in the crypto
 * core (coreSigner signs through the protocol with a key handle); nothing here sees it.
 */
import type { CryptoClient, Handle } from '../../crypto/protocol.ts';

export interface Signer {
  keyid: string;
  publicKey: Uint8Array;
  sign(digest: Uint8Array): Promise<Uint8Array>;
}

/** A signer whose key is unlocked in the crypto core (CryptoClient.unlockSigningKey). */
export function coreSigner(client: CryptoClient, key: { key: Handle; keyId: string; publicKey: string }): Signer {
  return {
    keyid: key.keyId,
    publicKey: new Uint8Array(Buffer.from(key.publicKey, 'hex')),
    sign: async (digest) => (await client.call('signDigest', { key: key.key, digest })).signature,
  };
}
