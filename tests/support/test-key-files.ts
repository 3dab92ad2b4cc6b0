/**
 * The people's signing-key files of the test rigs, each rig station's key, and the share files the
 * rigs' runs hand over, re-sealed at scrypt log2 N = 15 (docs/share-format.md, "Sealed file": readers
 * accept log2 N from 15 to 20). `custos key new`, a station setup and every hand-over seal at 17
 * (128 MiB, about half a second or more per opening); the rigs open these files thousands of times,
 * so after the real CLI made them they are opened and sealed again, same content, same passphrase,
 * at the readers' lower bound. The product's own sealing at 17 still runs in every creation (and the
 * rig checks a share file it reseals was sealed at 17); files at 17 are still opened by
 * tests/integration/cli/custos-cli.test.ts ("key new"), the crypto core's sealed-file tests and the
 * desktop flows (tests/e2e), which do not reseal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MAGIC, open, publicKeyInHeader, seal, SealedKind } from '../../crypto/sealed-file.ts';
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

/** What the product seals a share file at (crypto/sealed-file.ts WRITE_PARAMS): a share file found at another cost fails the rig. */
const PRODUCT_LOG_N = 17;

/**
 * Re-seals, at TEST_KEY_PARAMS, each share file (`.cshare`) in `dir` that `passphrase` opens and that
 * is still as the product sealed it; returns how many. A file another passphrase seals is left as it
 * is (a folder may hold another holder's file); a share file at a cost other than the product's or
 * the tests' fails, so a change of the product's cost cannot go unnoticed.
 */
export function resealSharesForTests(dir: string, passphrase: string): number {
  if (!fs.existsSync(dir)) return 0;
  let resealed = 0;
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.cshare'))) {
    const file = path.join(dir, name);
    const original = new Uint8Array(fs.readFileSync(file));
    const logN = original[MAGIC.length + 2];
    if (logN === TEST_KEY_PARAMS.logN) continue;
    if (logN !== PRODUCT_LOG_N) throw new Error(`${file} is sealed at scrypt log2 N = ${logN}; the product seals share files at ${PRODUCT_LOG_N}`);
    let share: Uint8Array;
    try {
      share = open(SealedKind.share, original, passphrase);
    } catch {
      continue;
    }
    try {
      const tmp = path.join(dir, `.${name}.tmp`);
      fs.writeFileSync(tmp, seal(SealedKind.share, share, passphrase, TEST_KEY_PARAMS), { mode: fs.statSync(file).mode & 0o777 });
      fs.renameSync(tmp, file);
      resealed++;
    } finally {
      wipe(share);
    }
  }
  return resealed;
}
