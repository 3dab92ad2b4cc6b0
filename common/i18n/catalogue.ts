/**
 * How a message catalogue is written: one object per screen, English and French with exactly the same
 * keys (the type refuses a key missing in either language). Values are texts or functions of the
 * values they show. Spec: DESIGN.md "Conventions" (texts for people in the renderer's catalogue,
 * English and French); issue 5 ("English and French for every string").
 */
import type { Locale } from './locale.ts';

export type MessageValue = string | ((...args: never[]) => string);

export type Catalogue<T extends Record<string, MessageValue>> = { readonly en: T; readonly fr: { readonly [K in keyof T]: T[K] } };

/** Declares a catalogue; `fr` must have every key of `en`, with the same shape. */
export function defineCatalogue<T extends Record<string, MessageValue>>(catalogue: Catalogue<T>): Catalogue<T> {
  return catalogue;
}

export function pick<T extends Record<string, MessageValue>>(catalogue: Catalogue<T>, locale: Locale): T {
  return catalogue[locale] as T;
}
