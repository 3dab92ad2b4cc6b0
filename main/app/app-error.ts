/**
 * How a failure crosses from main to the renderer: `{code, message, details}` (main/app/app-api.ts
 * AppError), with the stable codes of docs/errors.md. A Custos or crypto-core error keeps its code,
 * words and public details; anything else becomes INTERNAL with a generic sentence, so no stack,
 * path or library text (which could quote a secret) ever reaches the page.
 */
import { CryptoError } from '../../crypto/protocol.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import type { AppError } from './app-api.ts';

export const INTERNAL_MESSAGE =
  'Something went wrong inside Custos. Nothing more can be shown here; the station log has no secret either. Try again, and report it if it persists.';

export function toAppError(error: unknown): AppError {
  if (error instanceof CustosError || error instanceof CryptoError) {
    const details: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(error.details ?? {})) {
      if (typeof value === 'string' || typeof value === 'number') details[key] = value;
      else if (typeof value === 'boolean') details[key] = String(value);
    }
    return { code: error.code, message: error.message, details };
  }
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE, details: {} };
}
