/**
 * French texts of the error codes (issue 5: English and French for every error message;
 * renderer/src/i18n/errors-fr.ts). Every code of docs/errors.md and every code the code base raises
 * has a French text; a text's {placeholders} are public details its throw sites carry; no text is the
 * English message left untranslated. The throw sites are read from the sources: each
 * `new CustosError(…)` / `new CryptoError(…)` in ceremonies/, crypto/ and main/, its code, its English
 * message and the keys of its details object (and each `failure(…)` of the IPC envelope, the same
 * {code, message, details} built without an Error); plus the record rules the record writer turns into
 * refusals (`new CustosError(refused.code, …)`), which carry the writer's details.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CRYPTO_ERROR_CODES } from '../../../crypto/protocol.ts';
import { INTERNAL_MESSAGE } from '../../../main/app/app-error.ts';
import { localErrorMessage } from '../../../renderer/src/i18n/error-messages.ts';
import { FR_ERRORS } from '../../../common/i18n/errors-fr.ts';
import { literalText, objectProperties, splitTopLevel } from '../../support/source-calls.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

/** One place that raises a code: its English message (null if not a literal) and its details' keys (null if not parseable). */
interface Site {
  readonly where: string;
  readonly code: string;
  readonly message: string | null;
  readonly keys: readonly string[] | null;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.ts'))
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

/** The keys of a details argument: [] when there is none, null when it is not an object literal of plain keys. */
function objectKeys(arg: string | undefined): string[] | null {
  if (arg === undefined) return [];
  const props = objectProperties(arg);
  if (!props) return null;
  const keys: string[] = [];
  for (const prop of props) {
    if (!('key' in prop)) return null;
    keys.push(prop.key);
  }
  return keys;
}

/** The codes a code argument can take: its literals ('A' or c ? 'A' : 'B'), or those of the const it names. */
function codesOf(arg: string, src: string): string[] {
  const literals = (text: string) => [...text.matchAll(/'([A-Z][A-Z0-9_]+)'/gu)].map((m) => m[1]!);
  if (literals(arg).length) return literals(arg);
  const declaration = /^[A-Za-z_$][\w$]*$/u.test(arg) ? new RegExp(`const ${arg}\\s*=([^;]*);`, 'u').exec(src) : null;
  return declaration ? literals(declaration[1]!) : [];
}

/** The ${…} expressions of a template (nested templates included), and its text without them. */
function interpolations(template: string): { expressions: string[]; text: string } {
  const expressions: string[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    if (template[i] === '$' && template[i + 1] === '{') {
      let depth = 1;
      let j = i + 2;
      for (; j < template.length && depth > 0; j++) {
        if (template[j] === '{') depth++;
        else if (template[j] === '}') depth--;
      }
      expressions.push(template.slice(i + 2, j - 1).trim());
      i = j - 1;
    } else text += template[i];
  }
  return { expressions, text };
}

const scanned = (() => {
  const sites: Site[] = [];
  const dynamic: { where: string; codeArg: string; keys: readonly string[] | null }[] = [];
  for (const file of ['ceremonies', 'crypto', 'main'].flatMap(sourceFiles)) {
    const src = read(file);
    for (const m of src.matchAll(/new (?:CustosError|CryptoError)\(|(?<!function )\bfailure\(/gu)) {
      const where = `${file}:${src.slice(0, m.index).split('\n').length}`;
      const args = splitTopLevel(src, m.index + m[0].length, ')');
      if (!args) throw new Error(`The throw at ${where} cannot be read.`);
      const [codeArg = '', messageArg, detailsArg] = args;
      const keys = objectKeys(detailsArg);
      const codes = codesOf(codeArg, src);
      if (codes.length === 0) dynamic.push({ where, codeArg, keys });
      for (const code of codes) sites.push({ where, code, message: literalText(messageArg), keys });
    }
  }
  // The record writer refuses an entry that breaks a rule of the record with that rule's code.
  const writer = dynamic.find((d) => d.where.startsWith('ceremonies/record/record-writer.ts') && d.codeArg === 'refused.code');
  const ruleCodes: string[] = [];
  if (writer) {
    for (const rulesFile of ['ceremonies/audit/ceremony-rules.ts', 'ceremonies/audit/entry-shape.ts', 'ceremonies/audit/signer-rules.ts', 'ceremonies/audit/meaning-rules.ts']) {
      const rules = read(rulesFile);
      for (const m of rules.matchAll(/\.error\(\s*'([A-Z][A-Z0-9_]+)',\s*('(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)/gu)) {
        ruleCodes.push(m[1]!);
        sites.push({ where: `${rulesFile}:${rules.slice(0, m.index).split('\n').length}`, code: m[1]!, message: `${literalText(m[2])} Nothing was recorded.`, keys: writer.keys });
      }
    }
  }
  return { sites, dynamic, ruleCodes: [...new Set(ruleCodes)], writerRethrows: writer !== undefined };
})();

const siteMap = new Map<string, Site[]>();
for (const site of scanned.sites) siteMap.set(site.code, [...(siteMap.get(site.code) ?? []), site]);
const sitesOf = (code: string): Site[] => siteMap.get(code) ?? [];

const raisedCodes = [...new Set([...siteMap.keys(), ...CRYPTO_ERROR_CODES])].sort();

/** Codes named in the first column of docs/errors.md's tables; `STEP_*` stands for every raised STEP_ code. */
const documentedCodes = (() => {
  const codes = new Set<string>();
  for (const line of read('docs/errors.md').split('\n')) {
    if (!line.startsWith('| `')) continue;
    for (const m of line.split('|')[1]!.matchAll(/`([A-Z][A-Z0-9_]*)(\*?)`/gu)) {
      if (m[2]) raisedCodes.filter((c) => c.startsWith(m[1]!)).forEach((c) => codes.add(c));
      else codes.add(m[1]!);
    }
  }
  return [...codes].sort();
})();

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!);

describe('French texts of the error codes', () => {
  test('the sources are scanned: throw sites, their codes and details are found', () => {
    expect(scanned.sites.length).toBeGreaterThan(150);
    expect(raisedCodes.length).toBeGreaterThan(100);
    expect(documentedCodes.length).toBeGreaterThan(100);
    expect(scanned.writerRethrows).toBe(true);
    expect(scanned.ruleCodes.length).toBeGreaterThan(20);
    // Spot checks of the parsing: a ternary code, a code held in a const, shorthand and nested details.
    expect(sitesOf('SIGNER_REVOKED').some((s) => s.keys?.includes('keyid'))).toBe(true);
    expect(sitesOf('PSBT_CHANGE_MISMATCH').every((s) => s.keys?.includes('position'))).toBe(true);
    expect(sitesOf('STATION_EXISTS')[0]?.keys).toEqual(['dir']);
    expect(sitesOf('IPC_BAD_PAYLOAD')[0]?.keys).toEqual(['channel', 'path', 'problem']);
    expect(sitesOf('IPC_BAD_RESPONSE')[0]?.keys).toEqual(['channel']);
    // Only pass-throughs (core errors to main, main's errors to the preload, a sealed file's refusal
    // told again with whose it is, a CLI refusal told again) and the writer's rule refusals have a code that is not in the
    // source; any other would escape these checks.
    expect(scanned.dynamic.map((d) => `${d.where.replace(/:\d+$/u, '')} ${d.codeArg}`).sort()).toEqual([
      'ceremonies/engine/sealed-file-errors.ts error.code',
      'ceremonies/record/record-writer.ts refused.code',
      'crypto/protocol.ts response.error.code',
      'main/app/ipc-envelope.ts code',
      // A refusal before anything was appended, told again ending with "Nothing was recorded.".
      'main/cli/run-command.ts error.code',
      'main/cli/run-command.ts error.code',
    ]);
  });

  test('every code listed in docs/errors.md has a French text', () => {
    expect(documentedCodes.filter((code) => FR_ERRORS[code] === undefined)).toEqual([]);
  });

  test('every code raised in ceremonies/, crypto/ and main/ has a French text', () => {
    expect(raisedCodes.filter((code) => FR_ERRORS[code] === undefined)).toEqual([]);
  });

  test('every French text is for a code that exists', () => {
    const known = new Set([...raisedCodes, ...documentedCodes]);
    expect(Object.keys(FR_ERRORS).filter((code) => !known.has(code))).toEqual([]);
  });

  test('each placeholder is a key of the details at one of the code’s throw sites', () => {
    const wrong: string[] = [];
    for (const [code, text] of Object.entries(FR_ERRORS)) {
      const sites = sitesOf(code);
      for (const name of placeholders(text)) {
        const carried = sites.some((s) => s.keys !== null
          ? s.keys.includes(name)
          : s.message !== null && interpolations(s.message).expressions.includes(name));
        if (!carried) wrong.push(`${code}: {${name}}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('each placeholder is carried at every throw site of its code, so no French text shows a gap', () => {
    const gaps: string[] = [];
    for (const [code, text] of Object.entries(FR_ERRORS)) {
      for (const name of placeholders(text)) {
        for (const site of sitesOf(code)) {
          if (site.keys !== null && !site.keys.includes(name)) gaps.push(`${code}: {${name}} missing at ${site.where}`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  test('no French text is an English message left untranslated', () => {
    const skeleton = (text: string) => text.replace(/\s+/gu, ' ').trim().toLowerCase();
    const same: string[] = [];
    for (const [code, text] of Object.entries(FR_ERRORS)) {
      const english = sitesOf(code).flatMap((s) => (s.message === null ? [] : [s.message]));
      if (code === 'INTERNAL') english.push(INTERNAL_MESSAGE);
      const french = skeleton(text.replace(/\{\w+\}/gu, ''));
      if (english.some((m) => text === m || french === skeleton(interpolations(m).text))) same.push(code);
    }
    expect(same).toEqual([]);
  });

  test('French texts are well formed: placeholders only, no stray braces, no English sentences', () => {
    const english = /\b(?:Nothing was|was not|cannot|must be|is not|does not|already|Check|Report it)\b/u;
    for (const [code, text] of Object.entries(FR_ERRORS)) {
      expect(text.trim(), code).not.toBe('');
      expect(text.replace(/\{\w+\}/gu, ''), code).not.toMatch(/[{}]/u);
      expect(text, code).not.toMatch(english);
    }
  });
});

describe('localErrorMessage', () => {
  const error = (code: string, details: Record<string, string | number> = {}, message = 'English words from main.') => ({ code, message, details });

  test('French: the code’s text with its placeholders filled from the public details', () => {
    expect(localErrorMessage(error('SHARE_WORD_UNKNOWN', { position: 7 }), 'fr'))
      .toBe(FR_ERRORS.SHARE_WORD_UNKNOWN!.replace('{position}', '7'));
    const threshold = localErrorMessage(error('THRESHOLD_INVALID', { threshold: '1', shareCount: '3' }), 'fr');
    expect(threshold).toContain('(1 sur 3)');
    expect(threshold).not.toMatch(/[{}]/u);
  });

  test('French: a detail of 0 is shown; a missing detail shows an ellipsis, never a raw placeholder', () => {
    expect(localErrorMessage(error('SHARE_SAME_HOLDER', { index: 0 }), 'fr')).toContain('la part 0.');
    const missing = localErrorMessage(error('WALLET_EXISTS'), 'fr');
    expect(missing).toContain('nommé … existe');
    expect(missing).not.toMatch(/[{}]/u);
  });

  test('French: a text without placeholders is shown as it is, whatever the details', () => {
    expect(localErrorMessage(error('INTERNAL', { secret: 'x' }), 'fr')).toBe(FR_ERRORS.INTERNAL);
  });

  test('French: an unknown code gets a French sentence naming the code, not the English message', () => {
    const text = localErrorMessage(error('NO_SUCH_CODE_EVER'), 'fr');
    expect(text).toContain('NO_SUCH_CODE_EVER');
    expect(text).toContain('consultez');
    expect(text).not.toContain('English words');
  });

  test('English: main’s own message, or a generic sentence when it is empty', () => {
    expect(localErrorMessage(error('SHARE_WORD_UNKNOWN', { position: 7 }, 'Word 7 is not a word of the share word list.'), 'en'))
      .toBe('Word 7 is not a word of the share word list.');
    expect(localErrorMessage(error('NO_SUCH_CODE_EVER'), 'en')).toBe('English words from main.');
    expect(localErrorMessage(error('INTERNAL', {}, ''), 'en')).toBe('Something went wrong inside Custos.');
  });
});
