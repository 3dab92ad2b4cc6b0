/**
 * `custos abort <data-dir> --reason "…"` (docs/cli.md, "custos abort"): ends the ceremony
 * open on a station — one a killed run left open, or a rotation waiting for its sweep — with its
 * reason, signed by an officer and a witness. Their keys come from an answers file, or on a terminal
 * are asked as `custos run` asks them. Nothing else is changed; the next ceremony can then open.
 */
import tty from 'node:tty';
import { Answers } from '../../ceremonies/engine/answers.ts';
import { ABORT_RUN } from '../../ceremonies/engine/runs/catalogue.ts';
import { EXIT, parse, usage, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';
import { runAndPrint } from './run-command.ts';
import { TerminalAnswers, processTerminal } from './terminal-answers.ts';

export const ABORT_HELP = `Usage: custos abort <data-dir> --reason "<why>" [--answers <file.json>] [options]

Aborts the ceremony that is open on the station: one interrupted before its close (the window
closed, the machine lost power, the process was killed) or a rotation waiting for its sweep. An
officer and a witness sign the abort with its reason; what it leaves in the inventory depends on
the procedure (docs/procedures.md). The station then takes the next ceremony.

Options:
  --reason <text>          why the ceremony is aborted (recorded; or "reason" in the answers)
  --ceremony <id>          the ceremony you mean to abort (refused if another one is open)
  --answers <file>         station passphrase, participants, officer, witness (JSON); without it,
                           on a terminal, each is asked
  --drill-online <reason>  abort although the machine looks online: recorded as a deviation
  --system-root <dir>      read the network evidence under this root instead of / (test rigs)
  --json                   print the result as JSON
  -h, --help               this help

Exit status: 0 aborted, 1 refused (nothing recorded), 2 usage error.
`;

export async function abortCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      reason: { type: 'string' },
      ceremony: { type: 'string' },
      answers: { type: 'string' },
      'drill-online': { type: 'string' },
      'system-root': { type: 'string' },
      json: { type: 'boolean' },
    },
    1,
  );
  if (values.help) {
    io.out(localHelp(io.locale, 'abort', ABORT_HELP));
    return EXIT.ok;
  }
  const [dir] = positionals as [string];
  if (!values.answers && !(tty.isatty(0) && tty.isatty(2))) throw usage((t) => t.needsAnswers('abort'));
  const terminal = values.answers ? undefined : processTerminal();
  const answers = terminal ? new TerminalAnswers(terminal, io.locale) : Answers.load(values.answers!);
  // What the command line says wins over the answers file.
  if (values.reason !== undefined) answers.data.reason = values.reason;
  if (values.ceremony !== undefined) answers.data.ceremony = values.ceremony;
  answers.check('abort');
  await runAndPrint(ABORT_RUN, dir, answers, values, io, terminal);
  return EXIT.ok;
}
