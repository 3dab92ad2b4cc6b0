/**
 * `custos report incidents <data-dir|bundle> --from <date> --to <date> [--json]` and
 * `custos report incident <data-dir|bundle> <id> [--json]` (docs/cli.md): the incident register as
 * the record shows it, per incident or for a period (R5), in the reader's language (incident-text.ts).
 */
import { openSource } from '../../ceremonies/audit/journal-source.ts';
import { periodicIncidentReport } from '../../ceremonies/audit/incident-report.ts';
import { replayJournal } from '../../ceremonies/audit/replay.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { EXIT, parse, usage, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';
import { incidentText, incidentsText } from './incident-text.ts';

export const REPORT_HELP = `Usage:
  custos report incidents <data-dir|bundle> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--json]
  custos report incident <data-dir|bundle> <incident-id> [--json]

The incident register from the record: for a period (incidents recorded, closed or still open in
it, with totals), or one incident with every field and its history.

Options:
  --from, --to <YYYY-MM-DD>  the period (incidents)
  --json                     print the report as JSON
  -h, --help                 this help

Exit status: 0 printed, 1 refused (no such incident), 2 usage error or unreadable input.
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/u;

export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const [kind, ...rest] = argv;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    io.out(localHelp(io.locale, 'report', REPORT_HELP));
    return kind === undefined ? EXIT.usage : EXIT.ok;
  }
  if (kind === 'incidents') {
    const { values, positionals } = parse(rest, { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } }, 1);
    if (values.help) {
      io.out(localHelp(io.locale, 'report', REPORT_HELP));
      return EXIT.ok;
    }
    if (!values.from || !values.to || !DATE.test(values.from) || !DATE.test(values.to)) throw usage((t) => t.reportNeedsPeriod);
    const now = io.clock?.() ?? new Date();
    const report = periodicIncidentReport(replayJournal(openSource(positionals[0]!), now), values.from, values.to, now);
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : incidentsText(report, io.locale));
    return EXIT.ok;
  }
  if (kind === 'incident') {
    const { values, positionals } = parse(rest, { json: { type: 'boolean' } }, 2);
    if (values.help) {
      io.out(localHelp(io.locale, 'report', REPORT_HELP));
      return EXIT.ok;
    }
    const found = replayJournal(openSource(positionals[0]!), io.clock?.()).incidents.find((i) => i.id === positionals[1]);
    if (!found) throw new CustosError('INCIDENT_NOT_FOUND', `Incident ${positionals[1]} is not in the register.`, { incident: positionals[1]! });
    io.out(values.json ? `${JSON.stringify(found, null, 2)}\n` : incidentText(found, io.locale));
    return EXIT.ok;
  }
  throw usage((t) => t.unknownReport(String(kind)));
}
