/**
 * Benchmark helpers: run a function repeatedly after a warm-up and report the mean milliseconds per
 * run; print rows as figure, value, baseline measured in the same run, and their ratio.
 */
export interface Row {
  figure: string;
  value: number;
  unit: string;
  baseline: string;
  baselineValue: number;
  /** Optional target, as text (e.g. "≤ 1.5"), printed beside the ratio. */
  target?: string;
}

export async function measure(fn: () => unknown, runs: number): Promise<{ ms: number }> {
  for (let i = 0; i < Math.min(5, runs); i++) await fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6 / runs };
}

function format(n: number): string {
  return n >= 1000 ? n.toFixed(0) : n.toPrecision(3);
}

export function report(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const lines = rows.map((r) => [
    r.figure,
    `${format(r.value)} ${r.unit}`,
    `${r.baseline}: ${format(r.baselineValue)} ${r.unit}`,
    `ratio ${format(r.value / r.baselineValue)}${r.target ? ` (target ${r.target})` : ''}`,
  ]);
  const widths = [0, 1, 2].map((i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const l of lines) console.log(`  ${l[0]!.padEnd(widths[0]!)}  ${l[1]!.padStart(widths[1]!)}  vs ${l[2]!.padEnd(widths[2]!)}  ${l[3]}`);
}
