/**
 * The people's signing-key files of the test rigs, and each rig station's key, re-sealed at scrypt
 * log2 N = 15 (docs/share-format.md, "Sealed file": readers accept log2 N from 15 to 20). `custos key
 * new` and a station setup make every key at 17 (128 MiB, about half a second per unlock); the rigs
 * unlock these keys thousands of times, so after the real CLI made them they are opened and sealed
 * again, same key, same passphrase, at the readers' lower bound. Share files stay as the product
 * seals them (17). Key files made at 17 are still opened by tests/integration/cli/custos-cli.test.ts
 * ("key new") and the crypto core's own sealed-file tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { open, publicKeyInHeader, seal, SealedKind } from '../../crypto/sealed-file.ts';
import { wipe } from '../../crypto/secret-bytes.ts';

export const TEST_KEY_PARAMS = { logN: 15, r: 8, p: 1 } as const;

/** Re-seals the signing-key file `file` at TEST_KEY_PARAMS under the same passphrase. */
export function resealForTests(file: string, passphrase: string): void {
  const original = new Uint8Array(fs.readFileSync(file));
  const key = open(SealedKind.signingKey, original, passphrase);
  try {
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
    // The card a version 2 key file carries (its public key) stays in the copy resealed.
    fs.writeFileSync(tmp, seal(SealedKind.signingKey, key, passphrase, TEST_KEY_PARAMS, publicKeyInHeader(original) ?? undefined), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } finally {
    wipe(key);
  }
}
