/**
 * How a message catalogue is written: one object per screen, English and French with exactly the same
 * keys (the type refuses a key missing in either language). Values are texts or functions of the
 * values they show. Used by the renderer's screens and the command line's texts (main/cli/cli-texts.ts).
 * Spec: docs/architecture.md, "Conventions" (texts for people in a catalogue, English and French).
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
