/**
 * The error registry (common/errors/, ADR 0021): every code declared once with its public details,
 * its French text and its row of docs/errors.md. Checked here: the page's tables are the registry's
 * (regenerated and compared), each French text names only details its code declares and reads as
 * French, shared rows point at a row of their own table, the crypto core's codes are the registry's
 * crypto tables, and the record rules' codes are registered. The compiler checks every throw site:
 * an unknown code, or a code without its details, does not type-check (the @ts-expect-error lines
 * below fail `npm run typecheck` if it ever did).
 */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CRYPTO_ERROR_CODES, CryptoError } from '../../../crypto/protocol.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { markedTables, renderErrorsDoc } from '../../../common/errors/errors-doc.ts';
import { CRYPTO_TABLE_IDS, ERROR_TABLES, ERRORS, isErrorCode, type ErrorCode } from '../../../common/errors/registry.ts';
import type { ErrorSpec } from '../../../common/errors/error-spec.ts';
import { localErrorMessage } from '../../../renderer/src/i18n/error-messages.ts';

const ERRORS_DOC = new URL('../../../docs/errors.md', import.meta.url);
const page = fs.readFileSync(ERRORS_DOC, 'utf8');
const entries = Object.entries(ERRORS) as [ErrorCode, ErrorSpec][];
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!);

describe('the error registry', () => {
  test('docs/errors.md is generated from it (run `npm run docs` after changing a code)', () => {
    expect(renderErrorsDoc(page)).toBe(page);
    expect(markedTables(page)).toEqual(Object.keys(ERROR_TABLES));
  });

  test('a page naming a table the registry lacks, or leaving one open, is refused', () => {
    expect(() => renderErrorsDoc('<!-- error-table: nowhere -->\n<!-- /error-table -->')).toThrow(/nowhere/u);
    expect(() => renderErrorsDoc('<!-- error-table: app -->\n| stale |')).toThrow(/not closed/u);
  });

  test('each code is declared in exactly one table, and ERRORS holds them all', () => {
    const declared = Object.values(ERROR_TABLES).flatMap((table) => Object.keys(table));
    expect(new Set(declared).size).toBe(declared.length);
    expect(declared.sort()).toEqual(Object.keys(ERRORS).sort());
    expect(declared.length).toBeGreaterThan(180);
  });

  test('every documented code appears in the generated page, in a table row of its own table', () => {
    const rowsText = page.split('\n').filter((line) => line.startsWith('| `'));
    const listed = rowsText.flatMap((line) => [...line.split(' | ')[0]!.matchAll(/`([A-Z][A-Z0-9_]*)`/gu)].map((m) => m[1]!));
    expect(listed.sort()).toEqual(Object.keys(ERRORS).sort());
  });

  test('a shared row points at a code of the same table that has a row of its own', () => {
    const wrong: string[] = [];
    for (const [id, table] of Object.entries(ERROR_TABLES)) {
      for (const [code, spec] of Object.entries(table) as [string, ErrorSpec][]) {
        if (!('row' in spec)) continue;
        const target = (table as Record<string, ErrorSpec>)[spec.row];
        if (!target || 'row' in target) wrong.push(`${id}: ${code} → ${spec.row}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('each French placeholder is a detail its code declares, so no French text shows a gap', () => {
    const wrong = entries.flatMap(([code, spec]) =>
      placeholders(spec.fr)
        .filter((name) => !spec.details.includes(name))
        .map((name) => `${code}: {${name}}`),
    );
    expect(wrong).toEqual([]);
  });

  test('French texts are well formed: placeholders only, no stray braces, no English sentences', () => {
    const english = /\b(?:Nothing was|was not|cannot|must be|is not|does not|already|Check|Report it)\b/u;
    for (const [code, spec] of entries) {
      expect(spec.fr.trim(), code).not.toBe('');
      expect(spec.fr.replace(/\{\w+\}/gu, ''), code).not.toMatch(/[{}]/u);
      expect(spec.fr, code).not.toMatch(english);
      if (!('row' in spec)) expect(spec.fr, code).not.toBe(spec.when);
    }
  });

  test('the crypto core raises exactly the codes of the registry’s crypto tables', () => {
    const crypto = CRYPTO_TABLE_IDS.flatMap((id) => Object.keys(ERROR_TABLES[id]));
    expect([...CRYPTO_ERROR_CODES].sort()).toEqual(crypto.sort());
  });

  test('every code a record rule refuses with is registered (the writer raises it as it is)', () => {
    const rules = ['ceremony-rules', 'entry-shape', 'signer-rules', 'meaning-rules'].map((f) =>
      fs.readFileSync(new URL(`../../../ceremonies/audit/${f}.ts`, import.meta.url), 'utf8'),
    );
    const codes = rules.flatMap((src) => [...src.matchAll(/\.error\(\s*'([A-Z][A-Z0-9_]+)'/gu)].map((m) => m[1]!));
    expect(codes.length).toBeGreaterThan(20);
    expect([...new Set(codes)].filter((c) => !isErrorCode(c))).toEqual([]);
  });

  test('the constructors keep the code and the declared details; a pass-through keeps public values only', () => {
    const refusal = new CustosError('STATION_EXISTS', 'There is a station.', { dir: '/media/station' });
    expect(refusal.toBody()).toEqual({ code: 'STATION_EXISTS', message: 'There is a station.', details: { dir: '/media/station' } });
    const told = CustosError.told('SEALED_FILE_DECRYPT', 'For alice: wrong.', { who: 'alice', nested: { not: 'public' } });
    expect(told.toBody()).toEqual({ code: 'SEALED_FILE_DECRYPT', message: 'For alice: wrong.', details: { who: 'alice' } });
    expect(told).toBeInstanceOf(CustosError);
    expect(CryptoError.told({ code: 'SHARE_WORD_UNKNOWN', message: 'Word 7.', details: { position: 7 } }).toBody()).toEqual({
      code: 'SHARE_WORD_UNKNOWN',
      message: 'Word 7.',
      details: { position: 7 },
    });
  });

  test('the compiler refuses an unknown code and a code without its declared details', () => {
    // @ts-expect-error an unknown code is not an ErrorCode
    expect(new CustosError('NO_SUCH_CODE', 'x').code).toBe('NO_SUCH_CODE');
    // @ts-expect-error STATION_EXISTS declares the detail `dir`
    expect(new CustosError('STATION_EXISTS', 'x').details).toEqual({});
    // @ts-expect-error SHARE_WORD_UNKNOWN declares the detail `position`
    expect(new CryptoError('SHARE_WORD_UNKNOWN', 'x', {}).details).toEqual({});
    // @ts-expect-error a core error code must be one of the crypto tables'
    expect(new CryptoError('STATION_EXISTS', 'x').code).toBe('STATION_EXISTS');
  });
});

describe('localErrorMessage', () => {
  const error = (code: string, details: Record<string, string | number> = {}, message = 'English words from main.') => ({ code, message, details });

  test('French: the code’s text with its placeholders filled from the public details', () => {
    expect(localErrorMessage(error('SHARE_WORD_UNKNOWN', { position: 7 }), 'fr')).toBe(ERRORS.SHARE_WORD_UNKNOWN.fr.replace('{position}', '7'));
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
    expect(localErrorMessage(error('INTERNAL', { secret: 'x' }), 'fr')).toBe(ERRORS.INTERNAL.fr);
  });

  test('French: an unknown code gets a French sentence naming the code, not the English message', () => {
    const text = localErrorMessage(error('NO_SUCH_CODE_EVER'), 'fr');
    expect(text).toContain('NO_SUCH_CODE_EVER');
    expect(text).toContain('consultez');
    expect(text).not.toContain('English words');
  });

  test('English: main’s own message, or a generic sentence when it is empty', () => {
    expect(localErrorMessage(error('SHARE_WORD_UNKNOWN', { position: 7 }, 'Word 7 is not a word of the share word list.'), 'en')).toBe(
      'Word 7 is not a word of the share word list.',
    );
    expect(localErrorMessage(error('NO_SUCH_CODE_EVER'), 'en')).toBe('English words from main.');
    expect(localErrorMessage(error('INTERNAL', {}, ''), 'en')).toBe('Something went wrong inside Custos.');
  });
});
