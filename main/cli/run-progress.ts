/**
 * What a run shows on the officer's terminal while it works (docs/cli.md, "On a terminal"): during each slow step of the crypto core (unlocking a key, sealing a
 * share, rebuilding a wallet) a spinner with the time elapsed, then one line with how long it took;
 * one line per signed entry; and, when the answers come from the terminal, a summary of each entry
 * before it is signed, which the people present accept by typing "yes". While the core works, the
 * terminal does not echo what is typed (a passphrase typed too early never shows), and what was
 * typed is thrown away before the next question (terminal-line.ts). Nothing of this is printed when
 * standard error is not a terminal: scripts see the same output as before.
 */
import { spawnSync } from 'node:child_process';
import tty from 'node:tty';
import type { CryptoClient } from '../../crypto/protocol.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import type { EntryToSign } from '../../ceremonies/engine/station.ts';
import type { Appended } from '../../ceremonies/record/record-writer.ts';
import type { CliIo } from './cli-io.ts';
import { cliTexts, type CliTexts } from './cli-texts.ts';
import { labelOf } from './field-labels.ts';
import type { StopOnSignal } from './stop-on-signal.ts';
import type { Terminal } from './terminal-answers.ts';

/** The core's slow operations, by the name of their words in the CLI's texts. */
const SLOW: Readonly<Record<string, keyof CliTexts>> = {
  unlockSigningKey: 'unlockingKey',
  createSigningKey: 'makingKey',
  importShareFile: 'openingShare',
  exportShareFile: 'sealingShare',
  generateWallet: 'generatingWallet',
  splitWallet: 'splittingWallet',
  combineShares: 'combiningShares',
  signPsbt: 'signingTransaction',
};
const FRAMES = ['|', '/', '-', '\\'];

/** A body value in a few words. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 72 ? `${text.slice(0, 69)}…` : text;
}

export class RunProgress {
  private readonly io: CliIo;
  private readonly stop: StopOnSignal;
  private readonly onTerminal: boolean;
  private readonly stdinTerminal: boolean;
  private readonly t: CliTexts;

  constructor(io: CliIo, stop: StopOnSignal) {
    this.io = io;
    this.t = cliTexts(io.locale);
    this.stop = stop;
    this.onTerminal = io.stderrIsTty;
    this.stdinTerminal = tty.isatty(0);
  }

  /** Shows the spinner around each slow call of `client` (the client's own object is wrapped). */
  watch(client: CryptoClient): CryptoClient {
    if (!this.onTerminal) return client;
    const call = client.call.bind(client);
    client.call = ((op, params) => {
      const words = SLOW[op];
      return words ? this.during(this.t[words] as string, call(op, params)) : call(op, params);
    }) as CryptoClient['call'];
    return client;
  }

  /** One line per signed entry. */
  signed(entry: Appended): void {
    if (!this.onTerminal) return;
    const who = entry.payload.signers.map((s) => s.role).join(', ');
    this.io.err(`  ${this.t.entrySigned(entry.index, entry.payload.type === 'step' ? entry.payload.step : entry.payload.type, who)}\n`);
  }

  /**
   * Before each entry is signed, its summary, and "yes" typed by the people present; anything else
   * declines it (SIGNATURE_DECLINED): nothing more is signed.
   */
  confirmer(terminal: Terminal): (entry: EntryToSign) => void {
    return (entry) => {
      const step = entry.type === 'step' ? entry.procedure.steps.find((s) => s.id === entry.step) : undefined;
      const locale = this.io.locale;
      const title = entry.type === 'step' ? (step?.title[locale] ?? entry.step) : this.t.theCeremony(entry.type);
      const lines = [`\n  ${this.t.toSign(entry.procedure.title[locale], title)}`];
      for (const [key, value] of Object.entries(entry.body)) {
        if (key === 'airGap' || key === 'build') continue;
        // An object (an incident's fields, a destination) is shown field by field.
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          for (const [inner, v] of Object.entries(value)) lines.push(`    ${this.field(`${key}.${inner}`)}${this.t.colon}${shown(v)}`);
        } else lines.push(`    ${this.field(key)}${this.t.colon}${shown(value)}`);
      }
      lines.push(`    ${this.t.signedBy}${this.t.colon}${entry.signers.map((s) => `${s.name} (${s.role})`).join(', ')}`);
      terminal.say(`${lines.join('\n')}\n`);
      const typed = terminal.ask(this.t.typeYes).trim();
      if (!/^(yes|oui)$/iu.test(typed)) {
        throw new CustosError('SIGNATURE_DECLINED', `The entry "${entry.step}" was not signed: "yes" was not typed.`, { step: entry.step });
      }
    };
  }

  /** A field of an entry's body as people read it: its name in English, its words in French. */
  private field(path: string): string {
    return this.io.locale === 'en' ? path.split('.').join(' › ') : labelOf(path, this.io.locale);
  }

  private async during<T>(words: string, work: Promise<T>): Promise<T> {
    const start = Date.now();
    const seconds = () => this.t.seconds(((Date.now() - start) / 1000).toFixed(1));
    let frame = 0;
    // What is typed meanwhile is not echoed (echo goes off before the spinner shows); a signal before
    // the ceremony opened still leaves the terminal as it was.
    const quiet = this.stdinTerminal;
    if (quiet) spawnSync('stty', ['-echo'], { stdio: ['inherit', 'ignore', 'ignore'] });
    const draw = () => this.io.err(`\r  ${FRAMES[frame++ % FRAMES.length]} ${words}… ${seconds()}`);
    draw();
    const timer = setInterval(draw, 100);
    const onSignal = (name: NodeJS.Signals) => {
      if (quiet) spawnSync('stty', ['echo'], { stdio: ['inherit', 'ignore', 'ignore'] });
      this.io.err(`\n${this.t.stoppedBeforeOpen(name)}\n`);
      process.exit(130);
    };
    const guard = !this.stop.armed;
    if (guard) for (const name of ['SIGINT', 'SIGTERM'] as const) process.on(name, onSignal);
    try {
      return await work;
    } finally {
      clearInterval(timer);
      if (guard) for (const name of ['SIGINT', 'SIGTERM'] as const) process.off(name, onSignal);
      if (quiet) spawnSync('stty', ['echo'], { stdio: ['inherit', 'ignore', 'ignore'] });
      this.io.err(`\r\x1b[2K  ${this.t.took(words, seconds())}\n`);
    }
  }
}
