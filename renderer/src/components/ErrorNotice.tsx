/**
 * A refusal shown to people: the stable code, and the message in the screen's language (French
 * texts from the error catalogue, by code, with the error's public details filled in). Spec:
 * docs/errors.md; docs/architecture.md, "Conventions" (every error message in English and French).
 */
import type { AppError } from '../../../main/app/app-api.ts';
import { localErrorMessage } from '../i18n/error-messages.ts';
import { useLocale } from '../i18n/locale-context.tsx';

export function ErrorNotice({ error }: { readonly error: AppError }) {
  const locale = useLocale();
  return (
    <div className="notice notice--error" role="alert" data-testid="error-notice" data-code={error.code}>
      <strong className="notice__code">{error.code}</strong> {localErrorMessage(error, locale)}
    </div>
  );
}
