/**
 * Error messages in the screen's language. Main sends each refusal as {code, message, details}; the
 * text in either language is common/i18n/error-text.ts's, shared with the command line.
 */
import type { AppError } from '../../../main/app/app-api.ts';
import { errorText } from '../../../common/i18n/error-text.ts';
import type { Locale } from './messages.ts';

export function localErrorMessage(error: AppError, locale: Locale): string {
  return errorText(error, locale);
}
