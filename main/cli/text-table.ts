/**
 * A headed table for the command line's reports (custos replay, custos report): a header row, a
 * rule under it, then one row per line, each column as wide as its widest cell (by characters, so
 * accented names line up), two spaces between columns, indented by two. A cell may hold several
 * lines: the row then spans them. No trailing spaces.
 */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const split = (cell: string) => cell.split('\n');
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.flatMap((r) => split(r[i] ?? '').map((l) => [...l].length))));
  const line = (cells: readonly string[]) =>
    `  ${cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - [...c].length)))
      .join('  ')
      .trimEnd()}\n`;
  let out = line(headers);
  out += line(widths.map((w) => '─'.repeat(w)));
  for (const row of rows) {
    const height = Math.max(...row.map((c) => split(c).length));
    for (let k = 0; k < height; k++) out += line(headers.map((_, i) => split(row[i] ?? '')[k] ?? ''));
  }
  return out;
}
