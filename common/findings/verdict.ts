/**
 * The one line a verification leads with (issue 17, "Plain-language outputs"; docs/cli.md "custos
 * verify"; the auditor view's verdict): VALID or INVALID, and for an invalid record the entry where
 * it first goes wrong and why, in words, before the findings that follow from it. One flipped byte
 * gives a cascade (the entry, the chain after it, the checkpoints over it, the ceremony it broke);
 * the reader needs its first link. Pure (common/ layer): the command line and the screen say the same.
 *
 * The first fault is the earliest error that says stored bytes are not what was signed or chained
 * (ALTERED below: the entry is "altered"), since an alteration explains the rule breaks around it
 * (a rollback leaves closes without their checkpoint); failing that, the earliest error (a signed
 * entry that "breaks a rule"). Earliest is the lowest entry index, and at one index the entry's own
 * finding before a checkpoint's over it; an error at no entry (a checkpoint that cannot be read) is
 * named as it is, after every entry's.
 * tests/unit/findings/verdict.test.ts classifies every finding code.
 */
import { defineCatalogue, pick } from '../i18n/catalogue.ts';
import { formatInteger } from '../i18n/locale-format.ts';
import type { Locale } from '../i18n/locale.ts';
import { localFindingMessage, type FindingLike } from './finding-message.ts';

export interface VerdictFinding extends FindingLike {
  readonly severity: 'error' | 'warning';
  readonly index: number | null;
  readonly ceremony: string | null;
}

/** The codes that say an entry's bytes, order or chain are not what the station signed and chained. */
export const ALTERED: ReadonlySet<string> = new Set([
  'JOURNAL_TORN_TAIL',
  'JSON_INVALID',
  'JSON_DUPLICATE_KEY',
  'JSON_NOT_CANONICAL',
  'ENVELOPE_INVALID',
  'PAYLOAD_TYPE_INVALID',
  'ENTRY_UNREADABLE',
  'ENTRY_TOO_LARGE',
  'ENTRY_DUPLICATED',
  'ENTRIES_MISSING',
  'ENTRIES_REORDERED',
  'PREV_MISMATCH',
  'CEREMONY_CHAIN_BROKEN',
  'SIGNATURE_MALFORMED',
  'SIGNATURE_HIGH_S',
  'SIGNATURE_INVALID',
  'CHECKPOINT_ROOT_MISMATCH',
  'CHECKPOINT_FORK',
  'CHECKPOINT_ROLLBACK',
  'JOURNAL_TRUNCATED',
  'FILE_REFUSED',
]);

/** Findings about a checkpoint over an entry: they follow from the entry's own finding at that index. */
const ABOUT_A_CHECKPOINT = /^(CHECKPOINT_|CLOSE_NOT_CHECKPOINTED$|JOURNAL_TRUNCATED$)/u;

export interface Verdict {
  readonly valid: boolean;
  readonly errors: number;
  readonly warnings: number;
  /** Where an invalid record first goes wrong; null when it is valid. */
  readonly first: VerdictFinding | null;
  /** What the first fault is: altered bytes, a broken rule, or a fault at no entry. */
  readonly kind: 'altered' | 'rule' | 'record' | null;
}

/** The verdict of a verification's findings. */
export function verdictOf(findings: readonly VerdictFinding[]): Verdict {
  const errors = findings.filter((f) => f.severity === 'error');
  const warnings = findings.length - errors.length;
  if (errors.length === 0) return { valid: true, errors: 0, warnings, first: null, kind: null };
  const rank = (f: VerdictFinding) => [ALTERED.has(f.code) ? 0 : 1, f.index ?? Number.MAX_SAFE_INTEGER, ABOUT_A_CHECKPOINT.test(f.code) ? 1 : 0] as const;
  const first = errors.reduce((best, f) => {
    const [a, b] = [rank(f), rank(best)];
    const before = a.findIndex((x, i) => x !== b[i]);
    return before >= 0 && a[before]! < b[before]! ? f : best;
  });
  const kind = first.index === null ? 'record' : ALTERED.has(first.code) ? 'altered' : 'rule';
  return { valid: false, errors: errors.length, warnings, first, kind };
}

const VERDICT_TEXT = defineCatalogue({
  en: {
    valid: 'VALID',
    invalid: 'INVALID',
    holds: 'every entry, signature, ceremony rule and checkpoint holds.',
    holdsWithWarnings: (n: string, one: boolean) => `nothing was altered and every rule holds; ${n} ${one ? 'warning' : 'warnings'} below.`,
    altered: (entry: string) => `first altered entry: ${entry}`,
    rule: (entry: string) => `first entry that breaks a rule: ${entry}`,
    ofCeremony: (ceremony: string) => ` (ceremony ${ceremony})`,
    more: (n: string, one: boolean) => ` ${n} other ${one ? 'error follows from it or comes' : 'errors follow from it or come'} after it.`,
  },
  fr: {
    valid: 'VALIDE',
    invalid: 'INVALIDE',
    holds: 'chaque entrée, signature, règle de cérémonie et point de contrôle tient.',
    holdsWithWarnings: (n: string, one: boolean) => `rien n’a été altéré et chaque règle tient ; ${n} ${one ? 'avertissement' : 'avertissements'} ci-dessous.`,
    altered: (entry: string) => `première entrée altérée : ${entry}`,
    rule: (entry: string) => `première entrée contraire à une règle : ${entry}`,
    ofCeremony: (ceremony: string) => ` (cérémonie ${ceremony})`,
    more: (n: string, one: boolean) => ` ${n} ${one ? 'autre erreur en découle ou la suit' : 'autres erreurs en découlent ou la suivent'}.`,
  },
});

/** The finding's words without the "Entry 5: " the verifier puts before some of them (the headline names the entry). */
export function withoutEntryPrefix(text: string): string {
  return text.replace(/^Entry \d+: /u, '');
}

/** The verdict after its word: why the record holds, or where it first goes wrong and why. */
export function verdictExplanation(verdict: Verdict, locale: Locale): string {
  const t = pick(VERDICT_TEXT, locale);
  if (verdict.valid) return verdict.warnings === 0 ? t.holds : t.holdsWithWarnings(formatInteger(verdict.warnings, locale), verdict.warnings === 1);
  const first = verdict.first!;
  const why = withoutEntryPrefix(localFindingMessage(first, locale));
  const others = verdict.errors - 1;
  const more = others > 0 ? t.more(formatInteger(others, locale), others === 1) : '';
  if (first.index === null) return `${why}${more}`;
  const entry = formatInteger(first.index, locale);
  const where = `${verdict.kind === 'altered' ? t.altered(entry) : t.rule(entry)}${first.ceremony ? t.ofCeremony(first.ceremony) : ''}`;
  return `${where} — ${why}${more}`;
}

/** The headline: "INVALID — first altered entry: 5 (ceremony enrol-eve) — The entry payload is not valid JSON text. 5 other errors…". */
export function verdictHeadline(verdict: Verdict, locale: Locale): string {
  const t = pick(VERDICT_TEXT, locale);
  return `${verdict.valid ? t.valid : t.invalid} — ${verdictExplanation(verdict, locale)}`;
}
