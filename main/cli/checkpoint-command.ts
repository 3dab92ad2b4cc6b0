/**
 * `custos checkpoint <data-dir>` (docs/cli.md, "custos checkpoint"): the station and the witnesses
 * present cosign a checkpoint of the journal as it stands, and each witness leaves with it on their
 * own medium; nothing is appended to the journal. It covers a close whose own checkpoint was never
 * written (the station stopped between the two: CLOSE_NOT_CHECKPOINTED), and gives witnesses a fresh
 * anchor whenever they want one. Keys come from an answers file, or on a terminal are asked.
 */
import tty from 'node:tty';
import { Answers } from '../../ceremonies/engine/answers.ts';
import { CHECKPOINT_RUN } from '../../ceremonies/engine/runs/catalogue.ts';
import { EXIT, parse, usage, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';
import { runAndPrint } from './run-command.ts';
import { TerminalAnswers, processTerminal } from './terminal-answers.ts';

export const CHECKPOINT_HELP = `Usage: custos checkpoint <data-dir> [--answers <file.json>] [options]

The station and the witnesses present cosign a checkpoint of the record as it stands; each witness
takes it away on their own medium (witnessCheckpoints). Nothing is added to the record. Use it when
verify reports CLOSE_NOT_CHECKPOINTED (the station stopped between a ceremony's close and its
checkpoint), or whenever witnesses want a fresh checkpoint. A ceremony still open is aborted first.

Options:
  --answers <file>         station passphrase, participants, witnesses, witnessCheckpoints (JSON);
                           without it, on a terminal, each is asked
  --drill-online <reason>  cosign although the machine looks online
  --system-root <dir>      read the network evidence under this root instead of / (test rigs)
  --json                   print the result as JSON
  -h, --help               this help

Exit status: 0 cosigned and kept, 1 refused (nothing written), 2 usage error.
`;

export async function checkpointCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      answers: { type: 'string' },
      'drill-online': { type: 'string' },
      'system-root': { type: 'string' },
      json: { type: 'boolean' },
    },
    1,
  );
  if (values.help) {
    io.out(localHelp(io.locale, 'checkpoint', CHECKPOINT_HELP));
    return EXIT.ok;
  }
  const [dir] = positionals as [string];
  if (!values.answers && !(tty.isatty(0) && tty.isatty(2))) throw usage((t) => t.needsAnswers('checkpoint'));
  const terminal = values.answers ? undefined : processTerminal();
  const answers = terminal ? new TerminalAnswers(terminal, io.locale) : Answers.load(values.answers!);
  answers.check('checkpoint');
  await runAndPrint(CHECKPOINT_RUN, dir, answers, values, io, terminal);
  return EXIT.ok;
}
