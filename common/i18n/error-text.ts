/**
 * A refusal's text in a language (docs/errors.md): English is the message the code that refused
 * wrote; French is the code's text in the error registry (common/errors/), its {detail} placeholders filled from the error's
 * public details. A code without a French text gives a French sentence naming the code rather than
 * English words. A sealed file that did not open is prefixed with whose it is. Used by the desktop
 * app's screens and by the command line (`--lang fr`).
 */
import { ERRORS, isErrorCode } from '../errors/registry.ts';
import type { Locale } from './locale.ts';

/** What every refusal carries across a process boundary: a stable code, English words, public details. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export function errorText(error: Refusal, locale: Locale): string {
  if (locale === 'en') return error.message || 'Something went wrong inside Custos.';
  const template = isErrorCode(error.code) ? ERRORS[error.code].fr : undefined;
  if (template === undefined) return `Refus ${error.code} : consultez la liste des erreurs (docs/errors.md) pour ce code.`;
  const text = template.replace(/\{(\w+)\}/gu, (_, key: string) => String(error.details[key] ?? '…'));
  // A sealed file that did not open names whose it is (the engine adds `who`: a person's label, or "station").
  const who = error.details['who'];
  if (error.code.startsWith('SEALED_FILE_') && typeof who === 'string') return `Pour ${who === 'station' ? 'la clé du poste' : who} : ${text}`;
  return text;
}
