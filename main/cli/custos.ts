#!/usr/bin/env node
/**
 * The `custos` command line (DESIGN.md "Command line"; docs/cli.md): verify, replay, export, run, key. After
 * `npm ci`, `npx custos --help` works in a checkout. Runs on Node 24 directly from TypeScript
 * (ADR 0001).
 */
import { exportCommand, EXPORT_HELP } from './export-command.ts';
import { keyCommand, KEY_HELP } from './key-command.ts';
import { runCommand, RUN_HELP } from './run-command.ts';
import { EXIT, processIo, reportError, UsageError, type CliIo } from './cli-io.ts';
import { replayCommand, REPLAY_HELP } from './replay-command.ts';
import { reportCommand, REPORT_HELP } from './report-command.ts';
import { verifyCommand, VERIFY_HELP } from './verify-command.ts';

export const HELP = `Usage: custos <command> [options]

Custos: offline key ceremonies and cold storage for regulated custodians.

Commands:
  verify <data-dir|bundle>   check a station's record without trusting the station
  replay <data-dir|bundle>   print what the record says the station holds
  export <data-dir>          write a self-contained bundle for auditors
  run <procedure> <data-dir> run a ceremony headless from an answers file
  key new                    create a participant's signing key and public key card
  report incidents|incident  the incident register, for a period or one incident

Run "custos <command> --help" for a command's options. Documentation: docs/cli.md.
`;

const COMMANDS: Record<string, { run: (argv: string[], io: CliIo) => Promise<number>; help: string }> = {
  verify: { run: verifyCommand, help: VERIFY_HELP },
  replay: { run: replayCommand, help: REPLAY_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
  run: { run: runCommand, help: RUN_HELP },
  key: { run: keyCommand, help: KEY_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    io.out(topic && COMMANDS[topic] ? COMMANDS[topic].help : HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"`);
    return await command.run(rest, io);
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
