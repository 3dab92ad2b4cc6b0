/**
 * `custos export <data-dir> --out <bundle>` (docs/cli.md): a self-contained bundle for removable
 * media that `custos verify` accepts anywhere.
 */
import { exportBundle } from '../../ceremonies/audit/export-bundle.ts';
import { EXIT, parse, usage, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';

export const EXPORT_HELP = `Usage: custos export <data-dir> --out <bundle>

Writes the station's whole record (journal, procedure definitions, checkpoints) into one file that
"custos verify" accepts on any machine. The file is written in full before it appears.

Options:
  --out <file>  where to write the bundle
  --json        print the result as JSON
  -h, --help    this help

Exit status: 0 written, 1 refused (nothing written), 2 usage error or unreadable input.
`;

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { out: { type: 'string' }, json: { type: 'boolean' } }, 1);
  if (values.help) {
    io.out(localHelp(io.locale, 'export', EXPORT_HELP));
    return EXIT.ok;
  }
  if (!values.out) throw usage((t) => t.exportNeedsOut);
  const result = exportBundle(positionals[0]!, values.out);
  if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.out(`Exported ${result.entries} entries and ${result.checkpoints} checkpoints to ${result.file} (${result.bytes} bytes).\n`);
    if (result.tornBytesOmitted) io.out(`Left out ${result.tornBytesOmitted} bytes of a torn last record (never acknowledged).\n`);
  }
  return EXIT.ok;
}
