/**
 * Ctrl-C and SIGTERM during a ceremony (docs/cli.md, "Interrupted runs"). Before the
 * ceremony opens, a signal ends the command as usual: nothing is recorded. From the moment its
 * first entry is about to be signed, the first signal only asks the run to stop: no further step
 * is signed, and the run aborts the ceremony with the reason "stopped (SIGINT)", signed by its
 * officer and witness, so the station is left with nothing open. A second signal quits at once; the ceremony then stays open, and the
 * line printed says how to abort it.
 */
import type { CliIo } from './cli-io.ts';
import { cliTexts } from './cli-texts.ts';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export class StopOnSignal {
  /** The signal that asked the run to stop, once one came. */
  signal: string | null = null;
  private on = false;
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

  disarm(): void {
    if (!this.on) return;
    this.on = false;
    for (const name of SIGNALS) process.off(name, this.onSignal);
  }

  private received(name: NodeJS.Signals): void {
    if (this.signal === null) {
      this.signal = name;
      this.io.err(`\n${cliTexts(this.io.locale).stopping(name)}\n`);
      return;
    }
    this.io.err(`${cliTexts(this.io.locale).quitOpen(name, this.dir)}\n`);
    process.exit(130);
  }
}
