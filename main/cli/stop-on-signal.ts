/**
 * Ctrl-C and SIGTERM during a ceremony (docs/cli.md, "Interrupted runs"). Before the
 * ceremony opens, a signal ends the command as usual: nothing is recorded. From the moment its
 * first entry is about to be signed, the first signal only asks the run to stop: no further step
 * is signed, and the run aborts the ceremony with the reason "stopped (SIGINT)", signed by its
 * officer and witness, so the station is left with nothing open. A second signal quits at once; the ceremony then stays open, and the
 * line printed says how to abort it. Once the run has ended (settled), a signal no longer kills the
 * process on its way out: a Ctrl-C that lands between the close and the exit is noted (the run then
 * says the ceremony had already closed) and the command ends with its summary and its own status.
 */
import type { CliIo } from './cli-io.ts';
import { cliTexts } from './cli-texts.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export class StopOnSignal {
  /** The signal that asked the run to stop, once one came. */
  signal: string | null = null;
  private on = false;
  private settled = false;
  private readonly io: CliIo;
  private readonly dir: string;
  private readonly onSignal = (name: NodeJS.Signals) => this.received(name);

  constructor(io: CliIo, dir: string) {
    this.io = io;
    this.dir = dir;
  }

  /** Whether a signal now stops the run (a ceremony has opened) rather than ending the process. */
  get armed(): boolean {
    return this.on;
  }

  /** From the ceremony's first entry on (armed just before it is signed): a signal stops the run at its next step instead of killing it. */
  arm(): void {
    if (this.on) return;
    this.on = true;
    for (const name of SIGNALS) process.on(name, this.onSignal);
  }

  /**
   * The run has ended (closed, waiting, aborted or refused): signals stay caught until the process
   * exits on its own, so one landing now neither kills it nor asks for an abort that is no longer due.
   */
  settle(): void {
    this.settled = true;
    if (this.on) return;
    this.on = true;
    for (const name of SIGNALS) process.on(name, this.onSignal);
  }

  private received(name: NodeJS.Signals): void {
    if (this.settled) {
      // The ceremony is over: remember the first signal (the summary says it came too late); a second one leaves at once, with the run's status.
      if (this.signal === null) this.signal = name;
      else process.exit(process.exitCode ?? 0);
      return;
    }
    if (this.signal === null) {
      this.signal = name;
      this.io.err(`\n${cliTexts(this.io.locale).stopping(name)}\n`);
      return;
    }
    this.io.err(`${cliTexts(this.io.locale).quitOpen(name, this.dir)}\n`);
    process.exit(130);
  }
}
