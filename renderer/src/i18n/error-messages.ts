/**
 * Error messages in the screen's language. Main sends each refusal as {code, message, details}; the
 * English message is main's own; French comes from FR_ERRORS by code, with {detail} placeholders
 * filled from the error's public details. A code without a French text shows a French sentence
 * naming the code rather than English words.
 */
import type { AppError } from '../../../main/app/app-api.ts';
import { FR_ERRORS } from './errors-fr.ts';
import type { Locale } from './messages.ts';

export function localErrorMessage(error: AppError, locale: Locale): string {
  if (locale === 'en') return error.message || 'Something went wrong inside Custos.';
  const template = FR_ERRORS[error.code];
  if (template === undefined) return `Refus ${error.code} : consultez la liste des erreurs (docs/errors.md) pour ce code.`;
  return template.replace(/\{(\w+)\}/gu, (_, key: string) => String(error.details[key] ?? '…'));
}
