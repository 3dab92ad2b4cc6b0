#!/usr/bin/env node
/**
 * The `custos` command line (docs/cli.md; docs/architecture.md): verify, replay, export, run,
 * abort, checkpoint, key, report. After `npm ci`, `npx custos --help` works in a checkout. Runs on Node 24 directly from TypeScript
 * (ADR 0001).
 */
import { localeNamed } from '../../common/i18n/locale.ts';
import { EXIT, processIo, reportError, usage, type CliIo } from './cli-io.ts';
import { FR_HELP, HELP_FR } from './cli-help-fr.ts';

export const HELP = `Usage: custos <command> [options]

Custos: offline key ceremonies and cold storage for regulated custodians.

Commands:
  verify <data-dir|bundle>   check a station's record without trusting the station
  replay <data-dir|bundle>   print what the record says the station holds
  export <data-dir>          write a self-contained bundle for auditors
  run <procedure> <data-dir> run a ceremony headless from an answers file
  abort <data-dir>           abort the ceremony left open on a station, with its reason
  checkpoint <data-dir>      witnesses cosign a checkpoint of the record as it stands
  key new                    create a participant's signing key and public key card
  report incidents|incident  the incident register, for a period or one incident

Every command takes --lang en|fr (otherwise LC_ALL, LC_MESSAGES or LANG decide).
Run "custos <command> --help" for a command's options. Documentation: docs/cli.md.
`;

interface Command {
  run: (argv: string[], io: CliIo) => Promise<number>;
  help: string;
}

/**
 * Each command's module, loaded only when that command (or its help) is asked for: `custos verify`
 * then loads the record and audit modules, not the ceremony engine and the wallet libraries that
 * `run` needs (about 40 modules instead of 90, each stripped of its types at start-up).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  verify: async () => import('./verify-command.ts').then((m) => ({ run: m.verifyCommand, help: m.VERIFY_HELP })),
  replay: async () => import('./replay-command.ts').then((m) => ({ run: m.replayCommand, help: m.REPLAY_HELP })),
  export: async () => import('./export-command.ts').then((m) => ({ run: m.exportCommand, help: m.EXPORT_HELP })),
  run: async () => import('./run-command.ts').then((m) => ({ run: m.runCommand, help: m.RUN_HELP })),
  abort: async () => import('./abort-command.ts').then((m) => ({ run: m.abortCommand, help: m.ABORT_HELP })),
  checkpoint: async () => import('./checkpoint-command.ts').then((m) => ({ run: m.checkpointCommand, help: m.CHECKPOINT_HELP })),
  key: async () => import('./key-command.ts').then((m) => ({ run: m.keyCommand, help: m.KEY_HELP })),
  report: async () => import('./report-command.ts').then((m) => ({ run: m.reportCommand, help: m.REPORT_HELP })),
};

const commandNamed = (name: string | undefined) => (name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined);

/**
 * `--lang en|fr` (or `--lang=fr`), anywhere on the line, chooses the language people read; it is
 * taken out before the command parses its own options. Without it, the environment decides.
 */
function takeLanguage(argv: string[], io: CliIo): { argv: string[]; io: CliIo } {
  const rest: string[] = [];
  let locale = io.locale;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const given = arg === '--lang' ? argv[++i] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : null;
    if (given === null) {
      rest.push(arg);
      continue;
    }
    const named = localeNamed(given);
    if (named === undefined) throw usage((t) => t.unknownLanguage(given ?? ''));
    locale = named;
  }
  return { argv: rest, io: { ...io, locale } };
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let taken: { argv: string[]; io: CliIo };
  try {
    taken = takeLanguage(argv, io);
  } catch (error) {
    return reportError(io, error);
  }
  io = taken.io;
  const [name, ...rest] = taken.argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    const load = commandNamed(topic);
    io.out(load ? (io.locale === 'fr' ? FR_HELP[topic!]! : (await load()).help) : io.locale === 'fr' ? HELP_FR : HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const load = commandNamed(name);
  try {
    if (!load) throw usage((t) => t.unknownCommand(name));
    return await (await load()).run(rest, io);
  } catch (error) {
    return reportError(io, error);
  }
}

if (import.meta.main) {
  // A reader that stops early (custos replay | head) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.exitCode = await main(process.argv.slice(2));
}
