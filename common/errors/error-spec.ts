/**
 * The shape of an error code's declaration (docs/errors.md is generated from these): the public
 * details every refusal with the code carries, its French text ({name} is one of those details), and
 * its row in docs/errors.md — when it happens, whether keys are at risk, what to do now — or the code
 * whose row it shares.
 */

/** A refusal's row in docs/errors.md, in English. */
interface ErrorDoc {
  readonly when: string;
  readonly risk: string;
  readonly action: string;
}

interface ErrorTexts {
  /** The names of the public details every refusal with this code carries (never a secret). */
  readonly details: readonly string[];
  /** The French text shown for the code; each {name} is one of `details`. */
  readonly fr: string;
}

/** One code: its own row, or the code (of the same table) whose row it shares. */
export type ErrorSpec = ErrorTexts & (ErrorDoc | { readonly row: string });

/** One table of docs/errors.md: its codes in the order they are listed. */
export type ErrorTable = Readonly<Record<string, ErrorSpec>>;

/** A public detail of a refusal: never a secret, always something an officer may copy into a ticket. */
export type DetailValue = string | number | boolean | null;
