/**
 * The language of the screens: English or French, switchable at any time; every component reads its
 * texts through useText(catalogue). Spec: docs/desktop-app.md, "The screens" (the button at the top
 * switches).
 */
import { createContext, useContext } from 'react';
import { pick, type Catalogue, type MessageValue } from '../../../common/i18n/catalogue.ts';
import type { Locale } from './messages.ts';

export const LocaleContext = createContext<Locale>('en');

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useText<T extends Record<string, MessageValue>>(catalogue: Catalogue<T>): T {
  return pick(catalogue, useLocale());
}
