/**
 * The renderer's message catalogue, English and French: every text shown to people lives here.
 * Spec: docs/architecture.md, "Conventions" (text for people lives in a message catalogue, English
 * and French). Both locales must have exactly the same keys (checked by the type below).
 */
import type { Locale } from '../../../common/i18n/locale.ts';

export { type Locale } from '../../../common/i18n/locale.ts';

export interface Messages {
  readonly title: string;
  readonly tagline: string;
  readonly versionLabel: string;
  readonly versionLoading: string;
  readonly versionUnavailable: string;
  /** Label of the button that switches to the other language, written in that language. */
  readonly switchLanguage: string;
}

export const MESSAGES: Readonly<Record<Locale, Messages>> = {
  en: {
    title: 'Custos — offline key ceremonies',
    tagline: 'Create, split and verify custody keys on an air-gapped station, with a signed record of every step.',
    versionLabel: 'Version',
    versionLoading: 'loading…',
    versionUnavailable: 'unavailable',
    switchLanguage: 'Français',
  },
  fr: {
    title: 'Custos — cérémonies de clés hors ligne',
    tagline: 'Créez, partagez et vérifiez les clés de conservation sur un poste isolé du réseau, avec un procès-verbal signé de chaque étape.',
    versionLabel: 'Version',
    versionLoading: 'chargement…',
    versionUnavailable: 'indisponible',
    switchLanguage: 'English',
  },
};

/** The locale the language button switches to. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'fr' : 'en';
}
