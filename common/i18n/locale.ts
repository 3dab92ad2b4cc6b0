/**
 * The two languages of Custos, English and French, and how a process picks one from its environment
 * (POSIX locale precedence: LC_ALL, then LC_MESSAGES, then LANG; "fr…" is French, anything else
 * English). Pure: no Node, Electron or DOM API (common/ layer, .dependency-cruiser.cjs).
 */
export type Locale = 'en' | 'fr';

/** `value` as a locale, or undefined when it names neither language ("fr", "fr_FR.UTF-8", "en_GB"…). */
export function localeNamed(value: string | undefined): Locale | undefined {
  if (value === undefined) return undefined;
  const language = /^([a-z]{2})(?:[_.@-]|$)/iu.exec(value.trim())?.[1]?.toLowerCase();
  return language === 'fr' || language === 'en' ? language : undefined;
}

/** The locale an environment asks for: the first of LC_ALL, LC_MESSAGES, LANG that is set (and not empty) decides. */
export function localeOfEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value) return localeNamed(value) ?? 'en';
  }
  return 'en';
}
