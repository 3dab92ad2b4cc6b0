/**
 * Whose sealed file a refusal is about (docs/cli.md, "A passphrase is given inline or in a file"):
 * the crypto core only says that a sealed file did not open; the engine names the key or share and
 * the person, so that with eight passphrases in the room the right one is typed again. The code
 * stays the core's (SEALED_FILE_DECRYPT, SEALED_FILE_MALFORMED, …); the details gain `who`.
 */
import { CryptoError } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import type { Answers, SecretNeed } from './answers.ts';

const SEALED_FILE_CODES: ReadonlySet<string> = new Set([
  'SEALED_FILE_DECRYPT',
  'SEALED_FILE_MALFORMED',
  'SEALED_FILE_KIND',
  'SEALED_FILE_VERSION',
  'SEALED_FILE_PARAMS',
  'PASSPHRASE_TOO_SHORT',
]);

/**
 * Runs `open` with the passphrase `need` names, once it is ready (the guided ceremony asks its person
 * then); when it is wrong and the answers may ask it again (a person at a terminal or a screen), asks
 * and tries again.
 */
export async function retryingPassphrase<T>(answers: Answers, need: SecretNeed, open: () => Promise<T>): Promise<T> {
  for (;;) {
    await answers.ready(need);
    try {
      return await open();
    } catch (error) {
      const code = error instanceof CustosError || error instanceof CryptoError ? error.code : '';
      if (code !== 'SEALED_FILE_DECRYPT' || !(await answers.retrySecret(need.field, need.name, (error as Error).message))) throw error;
    }
  }
}

/** Runs `open`; a sealed-file refusal is told again with `whose` ("the key of alice", "the station key") in front. */
export async function naming<T>(whose: string, who: string, open: () => Promise<T>): Promise<T> {
  try {
    return await open();
  } catch (error) {
    if (!(error instanceof CryptoError) || !SEALED_FILE_CODES.has(error.code)) throw error;
    const said = error.message.charAt(0).toLowerCase() + error.message.slice(1);
    throw CustosError.told(error.code, `For ${whose}: ${said}`, { ...error.details, who });
  }
}
