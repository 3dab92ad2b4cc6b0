/**
 * `custos run <procedure> <data-dir> --answers <file.json>` (docs/cli.md): runs a ceremony headless,
 * every human input taken from the answers file. The machine must be offline; `--drill-online
 * "<reason>"` proceeds as a recorded deviation that verify reports. `--system-root <dir>` reads the
 * air-gap evidence from another root (test rigs and containers); it is recorded in the evidence.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import tty from 'node:tty';
import { CryptoError } from '../../crypto/protocol.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { checkAirGap } from '../../ceremonies/engine/air-gap.ts';
import { Answers } from '../../ceremonies/engine/answers.ts';
import { CeremonyRun } from '../../ceremonies/engine/ceremony-run.ts';
import { RUNS, type Run } from '../../ceremonies/engine/runs/catalogue.ts';
import { EXIT, parse, usage, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';
import { cliTexts } from './cli-texts.ts';
import { withCryptoCore } from './crypto-session.ts';
import { StopOnSignal } from './stop-on-signal.ts';
import { RunProgress } from './run-progress.ts';
import { TerminalAnswers, processTerminal, type Terminal } from './terminal-answers.ts';

export const RUN_HELP = `Usage: custos run <procedure> <data-dir> [--answers <file.json>] [options]

Runs a ceremony without a screen, taking every human input (participants' key files and
passphrases, confirmations, dice rolls, files, output folders, bag serials) from the answers file,
or, on a terminal without --answers, asking for each as the ceremony needs it (passphrases hidden).
docs/cli.md has a complete answers example for each procedure.

Procedures: ${Object.keys(RUNS).join(', ')}

Options:
  --answers <file>         the answers file (JSON); without it, on a terminal, questions are asked
  --resume                 go on with the ceremony an interrupted run left open, with the same
                           answers: what was recorded is matched, not signed again (refused if
                           the run would now do anything differently, e.g. make a new wallet)
  --drill-online <reason>  run although the machine looks online: recorded as a deviation
  --system-root <dir>      read the network evidence under this root instead of / (test rigs)
  --json                   print the result as JSON
  -h, --help               this help

Exit status: 0 done, 1 refused or failed (nothing recorded, or the ceremony aborted with its reason),
2 usage error.
`;

const APP_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function runCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      answers: { type: 'string' },
      'drill-online': { type: 'string' },
      'system-root': { type: 'string' },
      json: { type: 'boolean' },
      resume: { type: 'boolean' },
    },
    2,
  );
  if (values.help) {
    io.out(localHelp(io.locale, 'run', RUN_HELP));
    return EXIT.ok;
  }
  const [procedure, dir] = positionals as [string, string];
  // An own key only: `custos run constructor` names no procedure.
  const run = Object.hasOwn(RUNS, procedure) ? RUNS[procedure] : undefined;
  if (!run) throw usage((t) => t.unknownProcedure(procedure, Object.keys(RUNS).join(', ')));
  // Without an answers file, a person at a terminal answers the same questions as they come.
  if (!values.answers && !(tty.isatty(0) && tty.isatty(2))) throw usage((t) => t.needsAnswers('run'));
  const terminal = values.answers ? undefined : processTerminal();
  const answers = terminal ? new TerminalAnswers(terminal, io.locale) : Answers.load(values.answers!);
  answers.check(procedure);
  await runAndPrint(run, dir, answers, values, io, terminal);
  return EXIT.ok;
}

/** The options every ceremony run takes (run and abort). */
export interface RunOptions {
  'drill-online'?: string;
  'system-root'?: string;
  json?: boolean;
  resume?: boolean;
}

/**
 * Runs `run` on the station in `dir` with its crypto core, and prints the result (text or JSON). With
 * `terminal` (answers typed there), each entry is shown and agreed to with "yes" before it is signed.
 */
export async function runAndPrint(run: Run, dir: string, answers: Answers, values: RunOptions, io: CliIo, terminal?: Terminal): Promise<void> {
  const airGap =
    values['system-root'] === undefined ? undefined : { root: path.resolve(values['system-root']), networkInterfaces: () => ({}), now: () => new Date() };
  const sources = airGap ?? { root: '/', networkInterfaces: os.networkInterfaces, now: () => new Date() };
  // The air gap first: on a connected machine no question is asked and no key is unlocked.
  CeremonyRun.requireOffline({ airGap: () => checkAirGap(sources) }, values['drill-online']);
  const t = cliTexts(io.locale);
  const stop = new StopOnSignal(io, path.resolve(dir));
  const progress = new RunProgress(io, stop);
  let appended = 0;
  let result;
  try {
    result = await withCryptoCore((client) =>
      run(path.resolve(dir), answers, {
        client: progress.watch(client),
        appRoot: APP_ROOT,
        airGap: sources,
        drillOnline: values['drill-online'],
        resume: values.resume === true,
        ...(io.clock ? { clock: io.clock } : {}),
        onAppended: (entry) => {
          appended++;
          progress.signed(entry);
        },
        // Asked right before each entry is signed, the open first: from then on a signal stops the run at its next step.
        stopRequested: () => {
          stop.arm();
          return stop.signal;
        },
        notice: () => io.err(`${io.locale === 'fr' ? 'custos :' : 'custos:'} ${t.checkpointOwed(path.resolve(dir))}\n`),
        ...(terminal ? { confirmEntry: progress.confirmer(terminal) } : {}),
      }),
    );
  } catch (error) {
    throw appended === 0 ? saidNothingRecorded(error) : error;
  } finally {
    // Not disarmed: a signal between here and the process's exit must not kill it (StopOnSignal.settle).
    stop.settle();
  }
  // A stop that came as the last entry was being signed: the ceremony ended as planned, and says so.
  const how = result.facts.aborted !== undefined ? 'aborted' : result.waiting ? 'waiting' : 'closed';
  if (stop.signal !== null) io.err(`${t.endedBeforeStop(how, stop.signal)}\n`);
  if (values.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
  else {
    io.out(
      `${
        result.procedure === 'checkpoint'
          ? t.checkpointAs(result.size)
          : how === 'waiting'
            ? t.waitingAs(result.procedure, result.ceremony, result.size, result.waiting!)
            : how === 'aborted'
              ? t.abortedAs(result.procedure, result.ceremony, result.size)
              : t.closedAs(result.procedure, result.ceremony, result.size)
      }\n`,
    );
    for (const [k, v] of Object.entries(result.facts)) io.out(`  ${k}: ${v}\n`);
    for (const f of result.outputs) io.out(`  ${t.wrote(f)}\n`);
  }
}

/**
 * A refusal before anything was appended says so, in the sentence docs/cli.md promises ("Nothing was
 * recorded."), whatever layer refused (the answers, the crypto core, the store): the run knows the
 * journal is untouched, which the layer that refused may not.
 */
function saidNothingRecorded(error: unknown): unknown {
  const said = (message: string) =>
    /Nothing was recorded\.$/u.test(message) ? message : `${message.replace(/\s*(Nothing was changed\.)?\s*$/u, '')} Nothing was recorded.`;
  if (error instanceof CustosError) return new CustosError(error.code, said(error.message), error.details);
  if (error instanceof CryptoError) return new CryptoError(error.code, said(error.message), error.details);
  return error;
}
