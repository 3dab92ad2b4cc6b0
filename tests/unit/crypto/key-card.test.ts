/**
 * The card a signing-key file carries (docs/share-format.md, "Sealed file", version 2): the public
 * key in the header, readable without the passphrase and bound to the file as the AEAD's associated
 * data. Attacks: a header edited to name another key never opens; a key resealed by its holder under
 * another person's card is refused by the core once opened; a version 1 file still opens and shows no
 * card; a share is never version 2.
 */
import { bytesToHex } from '@noble/hashes/utils.js';
import { expect, test } from 'vitest';
import { createCore } from '../../../crypto/core.ts';
import { CryptoError } from '../../../crypto/protocol.ts';
import { open, publicKeyInHeader, seal, SealedKind } from '../../../crypto/sealed-file.ts';
import { newSecretKey, publicKeyOf } from '../../../crypto/signing-key.ts';

const LOW = { logN: 15, r: 8, p: 1 };
const PASSPHRASE = 'correct horse battery staple';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof CryptoError ? error.code : String(error);
  }
  return 'no error';
}

test('a version 2 key file shows its public key without the passphrase, and opens to that key', () => {
  const secret = newSecretKey();
  const file = seal(SealedKind.signingKey, secret, PASSPHRASE, LOW, publicKeyOf(secret));
  expect(file[8]).toBe(2);
  expect(file.length).toBe(134);
  expect(bytesToHex(publicKeyInHeader(file)!)).toBe(bytesToHex(publicKeyOf(secret)));
  expect(bytesToHex(open(SealedKind.signingKey, file, PASSPHRASE))).toBe(bytesToHex(secret));
});

test('a header edited to name another public key never opens, whatever the passphrase', () => {
  const secret = newSecretKey();
  const file = seal(SealedKind.signingKey, secret, PASSPHRASE, LOW, publicKeyOf(secret));
  const other = publicKeyOf(newSecretKey());
  const edited = file.slice();
  edited.set(other, 53);
  expect(bytesToHex(publicKeyInHeader(edited)!)).toBe(bytesToHex(other));
  expect(codeOf(() => open(SealedKind.signingKey, edited, PASSPHRASE))).toBe('SEALED_FILE_DECRYPT');
});

test('a key resealed by its own holder under another person’s card is refused by the core', async () => {
  const core = createCore();
  const mine = newSecretKey();
  const victim = publicKeyOf(newSecretKey());
  const forged = seal(SealedKind.signingKey, mine, PASSPHRASE, LOW, victim);
  const card = (await core.handle({ id: 1, op: 'readKeyCard', params: { keyFile: forged } })) as { ok: boolean; result?: { card: { publicKey: string } } };
  expect(card.result?.card.publicKey).toBe(bytesToHex(victim));
  const unlocked = (await core.handle({ id: 2, op: 'unlockSigningKey', params: { ceremonyId: 'c', keyFile: forged, passphrase: PASSPHRASE } })) as {
    ok: boolean;
    error?: { code: string };
  };
  expect(unlocked).toMatchObject({ ok: false, error: { code: 'SEALED_FILE_MALFORMED' } });
});

test('a version 1 key file still opens and carries no card; a share is sealed as version 1 even if given a key', () => {
  const secret = newSecretKey();
  const v1 = seal(SealedKind.signingKey, secret, PASSPHRASE, LOW);
  expect(v1[8]).toBe(1);
  expect(publicKeyInHeader(v1)).toBeNull();
  expect(bytesToHex(open(SealedKind.signingKey, v1, PASSPHRASE))).toBe(bytesToHex(secret));
  const share = seal(SealedKind.share, new Uint8Array(53), PASSPHRASE, LOW, publicKeyOf(secret));
  expect(share[8]).toBe(1);
  expect(publicKeyInHeader(share)).toBeNull();
  // A version 2 header on a share is refused: the version exists for signing keys only.
  const relabelled = share.slice();
  relabelled[8] = 2;
  expect(codeOf(() => open(SealedKind.share, relabelled, PASSPHRASE))).toBe('SEALED_FILE_VERSION');
});
