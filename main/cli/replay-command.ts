/**
 * `custos replay <data-dir|bundle> [--json]` (docs/cli.md): the projection the app shows, computed
 * from the record alone: wallets (with quorum health and drills), their accounts and holdings,
 * participants and ceremonies, as headed tables in the reader's language (replay-text.ts).
 */
import { openSource } from '../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../ceremonies/audit/replay.ts';
import { EXIT, parse, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';
import { replayText } from './replay-text.ts';

export const REPLAY_HELP = `Usage: custos replay <data-dir|bundle> [--json]

Replays the record and prints what it says the station holds, as tables: its wallets (class,
owner, state, quorum, proven shares, last and next drill), their accounts (path, first receive
address and account xpub, to compare with the watch-only wallet), the holdings recorded (in coins
and base units), its participants (roles, state) and its ceremonies. Signatures are not checked
here: run "custos verify" for that.

Options:
  --json       print the projection as JSON
  -h, --help   this help

Exit status: 0 printed, 1 the record cannot be replayed, 2 usage error or unreadable input.
`;

export async function replayCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, 1);
  if (values.help) {
    io.out(localHelp(io.locale, 'replay', REPLAY_HELP));
    return EXIT.ok;
  }
  const projection = replayJournal(openSource(positionals[0]!), io.clock?.());
  if (values.json) {
    io.out(`${JSON.stringify(projection, null, 2)}\n`);
    return EXIT.ok;
  }
  io.out(replayText(projection, io.locale));
  return EXIT.ok;
}
