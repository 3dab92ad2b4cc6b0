/**
 * Renders the tables of docs/errors.md from the error registry. The page's prose is written by hand;
 * each table sits between `<!-- error-table: <id> -->` and `<!-- /error-table -->` and is rewritten
 * from ERROR_TABLES[id] (`npm run docs`; a test fails when the page is out of date). Codes that share
 * a row are listed together in its first cell.
 */
import type { ErrorTable } from './error-spec.ts';
import { ERROR_TABLES } from './registry.ts';

const HEAD = ['| Code | When it happens | Keys at risk? | What to do now |', '|---|---|---|---|'];

function renderTable(table: ErrorTable): string[] {
  const rows: string[] = [];
  for (const [code, spec] of Object.entries(table)) {
    if ('row' in spec) continue;
    const codes = [
      code,
      ...Object.entries(table)
        .filter(([, s]) => 'row' in s && s.row === code)
        .map(([c]) => c),
    ];
    rows.push(`| ${codes.map((c) => `\`${c}\``).join(', ')} | ${spec.when} | ${spec.risk} | ${spec.action} |`);
  }
  return [...HEAD, ...rows];
}

const MARKER = /^<!-- error-table: ([a-z-]+) -->$/u;
const END = '<!-- /error-table -->';

/** The page with every marked table rewritten; an unknown id or an unclosed marker is an error. */
export function renderErrorsDoc(page: string): string {
  const out: string[] = [];
  const lines = page.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    const id = MARKER.exec(line)?.[1];
    if (id === undefined) continue;
    if (!Object.hasOwn(ERROR_TABLES, id)) throw new Error(`docs/errors.md names an error table "${id}" that the registry does not have.`);
    const end = lines.indexOf(END, i);
    if (end < 0) throw new Error(`docs/errors.md: the error table "${id}" is not closed by ${END}.`);
    out.push(...renderTable(ERROR_TABLES[id as keyof typeof ERROR_TABLES]), END);
    i = end;
  }
  return out.join('\n');
}

/** The table ids the page marks, in order (each registry table must appear exactly once). */
export function markedTables(page: string): string[] {
  return page.split('\n').flatMap((line) => {
    const id = MARKER.exec(line)?.[1];
    return id === undefined ? [] : [id];
  });
}
