/**
 * A finding's text in the reader's language (the auditor view and `custos verify`), as the error
 * registry does for refusals: English is the verifier's own message; French is the code's template
 * (finding-texts-fr.ts), the one of the finding's `kind` if it has several, with each {name} filled
 * from the finding's details: numbers with French digit grouping, a checkpoint's origin and a role
 * in French words, anything else as the record has it. A detail that is missing shows an ellipsis,
 * never a raw placeholder; a code without a French text shows a French sentence naming the code.
 * Spec: docs/architecture.md, "Conventions" (English and French for every text);
 * docs/record-format.md ("Verification").
 */
import { formatInteger } from '../i18n/locale-format.ts';
import type { Locale } from '../i18n/locale.ts';
import { ROLE_TEXT } from '../i18n/role-words.ts';
import { FINDING_TEXTS_FR, FINDING_WORDS_FR } from './finding-texts-fr.ts';

/** What a text needs of a finding (ceremonies/audit/findings.ts; the app's FindingView). */
export interface FindingLike {
  readonly code: string;
  readonly message?: string;
  readonly details?: Readonly<Record<string, string | number>>;
}

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

const WORDS_FR: Readonly<Record<string, Readonly<Record<string, string>>>> = { ...FINDING_WORDS_FR, role: ROLE_TEXT.fr };

/** The French words for one detail's value. */
function valueFr(key: string, value: string | number | undefined): string {
  if (value === undefined) return '…';
  if (typeof value === 'number') return formatInteger(value, 'fr');
  const words = own(WORDS_FR, key);
  return (words && own(words, value)) ?? value;
}

/** The French text of a finding, its placeholders filled from its details. */
export function findingTextFr(finding: FindingLike): string {
  const text = own(FINDING_TEXTS_FR, finding.code);
  if (text === undefined) return `Constat ${finding.code} : voir la liste des constats dans docs/record-format.md.`;
  const details = finding.details ?? {};
  const template = typeof text === 'string' ? text : (own(text, String(details.kind)) ?? text.default);
  return template.replace(/\{(\w+)\}/gu, (_, key: string) => valueFr(key, own(details, key)));
}

/** The finding's text in the screen's language. */
export function localFindingMessage(finding: FindingLike, locale: Locale): string {
  return locale === 'en' ? (finding.message ?? finding.code) : findingTextFr(finding);
}
