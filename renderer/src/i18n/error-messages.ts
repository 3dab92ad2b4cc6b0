/**
 * Error messages in the screen's language. Main sends each refusal as {code, message, details}; the
 * English message is main's own; French comes from FR_ERRORS by code, with {detail} placeholders
 * filled from the error's public details. A code without a French text shows a French sentence
 * naming the code rather than English words. A sealed file that did not open is prefixed with whose
 * it is.
 */
import type { AppError } from '../../../main/app/app-api.ts';
import { FR_ERRORS } from './errors-fr.ts';
import type { Locale } from './messages.ts';

export function localErrorMessage(error: AppError, locale: Locale): string {
  if (locale === 'en') return error.message || 'Something went wrong inside Custos.';
  const template = FR_ERRORS[error.code];
  if (template === undefined) return `Refus ${error.code} : consultez la liste des erreurs (docs/errors.md) pour ce code.`;
  const text = template.replace(/\{(\w+)\}/gu, (_, key: string) => String(error.details[key] ?? '…'));
  // A sealed file that did not open names whose it is (the engine adds `who`: a person's label, or "station").
  const who = error.details['who'];
  if (error.code.startsWith('SEALED_FILE_') && typeof who === 'string') return `Pour ${who === 'station' ? 'la clé du poste' : who} : ${text}`;
  return text;
}
