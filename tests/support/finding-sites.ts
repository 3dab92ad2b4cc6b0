/**
 * Every place the ceremony layer reports a finding (ceremonies/audit/findings.ts), read from the
 * sources: each `.error(…)` / `.warning(…)` call in a file of ceremonies/ that uses Findings, with
 * the codes it can raise, its English message (when a literal) and its details: their keys and the
 * literal values of `kind`. One call passes decoding errors through (`e.code ?? 'ENTRY_UNREADABLE'`,
 * details `{ ...errorDetails(e), position }`): it raises every code the entry decoder throws, with
 * the position plus the details of that code's `new CustosError(…)` throw sites in the decoder's
 * files. Used by tests/unit/findings/finding-placeholders.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lineOf, literalText, objectProperties, splitTopLevel, stringLiterals } from './source-calls.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(REPO, file), 'utf8');

/** The files decodeEntry (ceremonies/record/entry-codec.ts) throws from. */
export const DECODER_FILES = [
  'ceremonies/record/entry-codec.ts',
  'ceremonies/record/dsse.ts',
  'ceremonies/record/canonical-json.ts',
  'ceremonies/record/entry-payload.ts',
];

export interface FindingSite {
  /** file:line */
  readonly where: string;
  readonly code: string;
  readonly severity: 'error' | 'warning';
  /** The English message, when it is a literal (template literals keep their ${…}). */
  readonly message: string | null;
  /** The details' keys; null when the details cannot be read. */
  readonly keys: readonly string[] | null;
  /** The values `kind` can take here ([] without a kind); null when not literal. */
  readonly kinds: readonly string[] | null;
  /** True for a code passed through from the entry decoder. */
  readonly passThrough: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(REPO, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.relative(REPO, path.join(d.parentPath, d.name)));
}

/** Keys and kinds of a details argument (none: the default, empty details). */
function readDetails(arg: string | undefined): { keys: string[] | null; kinds: string[] | null; spreads: string[] } {
  if (arg === undefined) return { keys: [], kinds: [], spreads: [] };
  const props = objectProperties(arg);
  if (!props) return { keys: null, kinds: null, spreads: [] };
  const keys: string[] = [];
  const spreads: string[] = [];
  let kinds: string[] | null = [];
  for (const p of props) {
    if ('spread' in p) {
      spreads.push(p.spread);
      continue;
    }
    keys.push(p.key);
    if (p.key === 'kind') kinds = stringLiterals(p.value).length > 0 ? stringLiterals(p.value) : null;
  }
  return { keys, kinds, spreads };
}

/** The decoder's CustosError codes, each with the keys every one of its throw sites carries. */
export function decoderCodes(): Map<string, string[] | null> {
  const codes = new Map<string, string[] | null>();
  for (const file of DECODER_FILES) {
    const src = read(file);
    for (const m of src.matchAll(/new CustosError\(/gu)) {
      const args = splitTopLevel(src, m.index + m[0].length, ')');
      if (!args) throw new Error(`The throw at ${file}:${lineOf(src, m.index)} cannot be read.`);
      const code = literalText(args[0]);
      if (code === null) continue;
      const { keys, spreads } = readDetails(args[2]);
      const these = keys === null || spreads.length > 0 ? null : keys;
      const before = codes.get(code);
      codes.set(code, before === undefined ? these : before === null || these === null ? null : before.filter((k) => these.includes(k)));
    }
  }
  return codes;
}

export interface ScannedSites {
  readonly sites: FindingSite[];
  /** Calls whose code is neither a literal nor the decoder pass-through: helpers that hide codes. */
  readonly unreadable: string[];
  /** Files that were read (those of ceremonies/ that use Findings). */
  readonly files: string[];
}

export function scanFindingSites(): ScannedSites {
  const sites: FindingSite[] = [];
  const unreadable: string[] = [];
  const files = sourceFiles('ceremonies').filter((f) => f !== 'ceremonies/audit/findings.ts' && /\bFindings\b/u.test(read(f)));
  const decoder = decoderCodes();
  for (const file of files) {
    const src = read(file);
    for (const m of src.matchAll(/\.(error|warning)\(/gu)) {
      const where = `${file}:${lineOf(src, m.index)}`;
      const args = splitTopLevel(src, m.index + m[0].length, ')');
      if (!args) {
        unreadable.push(where);
        continue;
      }
      const [codeArg = '', messageArg, , , detailsArg] = args;
      const severity = m[1] as 'error' | 'warning';
      const message = literalText(messageArg);
      const { keys, kinds, spreads } = readDetails(detailsArg);
      if (/\.code\b/u.test(codeArg) && spreads.length === 1 && /^errorDetails\(/u.test(spreads[0]!)) {
        // The decoder pass-through: its fallback code with its own keys, and every decoder code.
        for (const code of stringLiterals(codeArg)) sites.push({ where, code, severity, message, keys, kinds, passThrough: true });
        for (const [code, errorKeys] of decoder) {
          sites.push({ where, code, severity, message, keys: keys && errorKeys && [...new Set([...errorKeys, ...keys])], kinds, passThrough: true });
        }
        continue;
      }
      const codes = stringLiterals(codeArg).filter((c) => /^[A-Z][A-Z0-9_]+$/u.test(c));
      if (codes.length === 0) {
        unreadable.push(`${where} ${codeArg}`);
        continue;
      }
      for (const code of codes) sites.push({ where, code, severity, message, keys: spreads.length ? null : keys, kinds, passThrough: false });
    }
  }
  return { sites, unreadable, files };
}

export interface DocumentedFinding {
  readonly code: string;
  /** The keys its details column names. */
  readonly keys: readonly string[];
  /** The values of `kind` it names (in parentheses after `kind`). */
  readonly kinds: readonly string[];
}

/**
 * The table of findings in docs/record-format.md ("Verification"): each code, and the details keys
 * and kinds of its third column (keys are the backticked names outside parentheses).
 */
export function documentedFindings(): DocumentedFinding[] {
  const doc = read('docs/record-format.md');
  const table = doc.slice(doc.indexOf('Findings (all are errors unless marked warning)'));
  const end = table.indexOf('\n\n', table.indexOf('| Code |'));
  const out: DocumentedFinding[] = [];
  for (const m of table.slice(0, end).matchAll(/^\| `([A-Z_]+)` \|.*\| ([^|]*) \|$/gmu)) {
    const cell = m[2]!;
    const outside = cell.replace(/\([^)]*\)/gu, '');
    const kinds = /`kind` \(([^)]*)\)/u.exec(cell);
    out.push({
      code: m[1]!,
      keys: [...outside.matchAll(/`([a-z][A-Za-z]*)`/gu)].map((k) => k[1]!),
      kinds: kinds ? [...kinds[1]!.matchAll(/`([a-z0-9-]+)`/gu)].map((k) => k[1]!) : [],
    });
  }
  return out;
}
