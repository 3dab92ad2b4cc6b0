/**
 * The first screen: title, application version (from window.custos.version()), one sentence, and a
 * language switch (English / French). Spec: DESIGN.md "Processes" (renderer talks only to the
 * preload API) and "Conventions" (texts from the message catalogue).
 */
import { useEffect, useState } from 'react';
import { custosApi } from './custos-api.ts';
import { MESSAGES, otherLocale, type Locale } from './i18n/messages.ts';

type VersionState = { readonly kind: 'loading' } | { readonly kind: 'ready'; readonly value: string } | { readonly kind: 'failed' };

export function App() {
  const [locale, setLocale] = useState<Locale>('en');
  const [version, setVersion] = useState<VersionState>({ kind: 'loading' });
  const text = MESSAGES[locale];
  const next = otherLocale(locale);

  useEffect(() => {
    let live = true;
    custosApi()
      .version()
      .then(
        (value) => live && setVersion({ kind: 'ready', value }),
        () => live && setVersion({ kind: 'failed' }),
      );
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = text.title;
  }, [locale, text.title]);

  const versionText =
    version.kind === 'ready' ? version.value : version.kind === 'loading' ? text.versionLoading : text.versionUnavailable;

  return (
    <main className="first-screen">
      <header className="first-screen__header">
        <h1>{text.title}</h1>
        <button type="button" lang={next} onClick={() => setLocale(next)}>
          {text.switchLanguage}
        </button>
      </header>
      <p className="first-screen__version">
        {text.versionLabel} <span data-testid="app-version">{versionText}</span>
      </p>
      <p>{text.tagline}</p>
    </main>
  );
}
