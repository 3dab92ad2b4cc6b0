/**
 * Runs `verifyJournal` on one data directory or bundle in its own process and prints one JSON line:
 * the findings' codes, whether it is valid, and the process's peak resident memory (maxRSS, in
 * bytes), for the hostile-input tests of issue 14 (tests/integration/record/hostile-input.test.ts),
 * which bound time by a timeout and memory by this figure.
 *
 *   node tests/support/verify-in-child.ts <data-dir|bundle>
 */
import { openSource } from '../../ceremonies/audit/journal-source.ts';
import { verifyJournal } from '../../ceremonies/audit/verify.ts';

const [target] = process.argv.slice(2);
if (!target) throw new Error('usage: verify-in-child.ts <data-dir|bundle>');
let result: Record<string, unknown>;
try {
  const report = await verifyJournal(openSource(target), { threads: 1 });
  result = { ok: report.ok, codes: report.findings.map((f) => f.code), details: report.findings.map((f) => f.details) };
} catch (error) {
  result = { thrown: (error as { code?: string }).code ?? String(error) };
}
process.stdout.write(`${JSON.stringify({ ...result, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
