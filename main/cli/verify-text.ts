/**
 * `custos verify`'s report for people, in English or French (docs/cli.md, "custos verify"; issue
 * 17, "Plain-language outputs"): a one-line headline first (common/findings/verdict.ts: VALID, or
 * the first altered entry and why), then what was verified, what each checkpoint a witness kept
 * showed (it matched, or the finding that says why not), and the findings in journal order in the
 * reader's language. `--json` is the machine contract and is not this.
 */
import { localFindingMessage } from '../../common/findings/finding-message.ts';
import { verdictHeadline, verdictOf, withoutEntryPrefix } from '../../common/findings/verdict.ts';
import { defineCatalogue, pick } from '../../common/i18n/catalogue.ts';
import { formatInteger } from '../../common/i18n/locale-format.ts';
import type { Locale } from '../../common/i18n/locale.ts';
import type { VerifyReport } from '../../ceremonies/audit/verify.ts';

const VERIFY_TEXT = defineCatalogue({
  en: {
    verified: 'Verified',
    station: 'Station',
    entries: 'Entries',
    signatures: 'Signatures',
    root: 'Journal root',
    checkpoint: 'Checkpoint',
    result: 'Result',
    source: (kind: 'bundle' | 'directory'): string => (kind === 'bundle' ? 'bundle' : 'data directory'),
    notDeclared: 'not declared',
    entriesIn: (entries: string, ceremonies: string) => `${entries} in ${ceremonies} ceremonies`,
    checkedWith: (n: string, verifier: string, threads: string) => `${n} checked with ${verifier} on ${threads} thread(s)`,
    size: (n: string) => `size ${n}`,
    matched: (size: string, witnesses: string) => `matches the journal's first ${size} entries${witnesses ? ` (cosigned by ${witnesses})` : ''}`,
    notMatched: 'does NOT match: see the findings below',
    notCosigned: 'carries no valid witness cosignature: only the station signed it, so it proves nothing against whoever holds the station key',
    counts: (word: string, errors: string, warnings: string) => `${word}: ${errors} error(s), ${warnings} warning(s)`,
    valid: 'VALID',
    invalid: 'INVALID',
    findings: 'Findings, in journal order',
    severity: (s: 'error' | 'warning'): string => (s === 'error' ? 'ERROR' : 'WARNING'),
    at: (entry: string, ceremony: string | null) => `entry ${entry}${ceremony ? ` of ${ceremony}` : ''}: `,
    and: ' and ',
  },
  fr: {
    verified: 'Vérifié',
    station: 'Poste',
    entries: 'Entrées',
    signatures: 'Signatures',
    root: 'Racine du journal',
    checkpoint: 'Point de contrôle',
    result: 'Résultat',
    source: (kind: 'bundle' | 'directory'): string => (kind === 'bundle' ? 'lot exporté' : 'dossier de données'),
    notDeclared: 'non déclaré',
    entriesIn: (entries: string, ceremonies: string) => `${entries} dans ${ceremonies} cérémonies`,
    checkedWith: (n: string, verifier: string, threads: string) => `${n} vérifiées avec ${verifier} sur ${threads} fil(s)`,
    size: (n: string) => `taille ${n}`,
    matched: (size: string, witnesses: string) => `correspond aux ${size} premières entrées du journal${witnesses ? ` (cosigné par ${witnesses})` : ''}`,
    notMatched: 'ne correspond PAS : voir les constats ci-dessous',
    notCosigned: 'ne porte aucune contresignature valide d’un témoin : seul le poste l’a signé, il ne prouve donc rien contre qui détient la clé du poste',
    counts: (word: string, errors: string, warnings: string) => `${word} : ${errors} erreur(s), ${warnings} avertissement(s)`,
    valid: 'VALIDE',
    invalid: 'INVALIDE',
    findings: 'Constats, dans l’ordre du journal',
    severity: (s: 'error' | 'warning'): string => (s === 'error' ? 'ERREUR' : 'AVERT.'),
    at: (entry: string, ceremony: string | null) => `entrée ${entry}${ceremony ? ` de ${ceremony}` : ''} : `,
    and: ' et ',
  },
});

/** The report as lines of text, each ending in a newline. */
export function verifyText(report: VerifyReport, source: { path: string; kind: 'bundle' | 'directory' }, locale: Locale): string {
  const t = pick(VERIFY_TEXT, locale);
  const n = (value: number) => formatInteger(value, locale);
  const verdict = verdictOf(report.findings);
  const labels = [t.verified, t.station, t.entries, t.signatures, t.root, t.checkpoint, t.result];
  const width = Math.max(...labels.map((l) => l.length)) + 1;
  const row = (label: string, value: string) => `${label.padEnd(width)}${value}\n`;
  let out = `${verdictHeadline(verdict, locale)}\n\n`;
  out += row(t.verified, `${source.path} (${t.source(source.kind)})`);
  out += row(t.station, report.station ?? t.notDeclared);
  out += row(t.entries, t.entriesIn(n(report.entries), n(report.ceremonies)));
  out += row(t.signatures, t.checkedWith(n(report.signatures), report.verifier, n(report.threads)));
  out += row(t.root, `${report.checkpoint.root} (${t.size(n(report.checkpoint.size))})`);
  for (const c of report.retained) {
    const said = c.matched && c.size !== null ? t.matched(n(c.size), c.witnesses.join(t.and)) : c.witnesses.length === 0 ? t.notCosigned : t.notMatched;
    out += row(t.checkpoint, `${c.label}${locale === 'fr' ? ' : ' : ': '}${said}`);
  }
  out += row(t.result, t.counts(verdict.valid ? t.valid : t.invalid, n(verdict.errors), n(verdict.warnings)));
  if (report.findings.length > 0) out += `\n${t.findings}\n`;
  for (const f of report.findings) {
    const where = f.index === null ? '' : t.at(n(f.index), f.ceremony);
    out += `  ${t.severity(f.severity).padEnd(7)} ${f.code.padEnd(28)} ${where}${withoutEntryPrefix(localFindingMessage(f, locale))}\n`;
  }
  return out;
}
