/**
 * `custos run` on a terminal without `--answers` (docs/cli.md, "custos run"): the same answers a
 * file would give, asked one by one as the run needs them, in the order it needs them. Texts are
 * typed; passphrases are typed with echo off (twice for a new share's passphrase) and live only in
 * memory, never in the answers kept for the run; a question the run may skip says so. Reading is
 * synchronous on the terminal itself, so a run reads its answers exactly as it reads a file.
 */
import path from 'node:path';
import type { Locale } from '../../common/i18n/locale.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { Answers, invalid, type Json, type TextOptions } from '../../ceremonies/engine/answers.ts';
import type { KeyMaterial } from '../../ceremonies/engine/participant-keys.ts';
import { cliTexts, type CliTexts } from './cli-texts.ts';
import { labelOf } from './field-labels.ts';
import { readTerminalLine, TerminalInterrupt } from './terminal-line.ts';

export { labelOf } from './field-labels.ts';

export interface Terminal {
  /** Shows `question` and returns the line typed (without its newline). */
  ask(question: string): string;
  /** The same with echo off. */
  askHidden(question: string): string;
  /** Shows a line (why an answer was refused). */
  say(text: string): void;
}

/**
 * The process's own terminal: prompts on stderr, reads the terminal on stdin's descriptor
 * synchronously, a key at a time (terminal-line.ts): type-ahead dropped, nothing echoed for a
 * passphrase, Ctrl-C at a question a clean stop (RUN_INTERRUPTED: before the ceremony opened, nothing
 * is recorded; after, the run aborts it with that reason).
 */
export function processTerminal(): Terminal {
  const write = (text: string) => {
    process.stderr.write(text);
  };
  const read = (question: string, hidden: boolean) => {
    try {
      return readTerminalLine(question, hidden, write);
    } catch (error) {
      if (!(error instanceof TerminalInterrupt)) throw error;
      throw new CustosError('RUN_INTERRUPTED', 'The run was stopped (Ctrl-C) at a question.', { signal: 'SIGINT' });
    }
  };
  return {
    ask: (question) => read(question, false),
    askHidden: (question) => read(question, true),
    say: write,
  };
}

export class TerminalAnswers extends Answers {
  private readonly terminal: Terminal;
  /** Answers to "give it?" questions the run asked with `get`, by field. */
  private readonly given = new Map<string, Json | undefined>();
  private readonly secrets = new Map<string, string>();
  /** Tries of each passphrase typed here. */
  private readonly retries = new Map<string, number>();
  /** Fields whose value was typed here (and may be asked again when refused). */
  private readonly typedHere = new Set<string>();
  private readonly locale: Locale;
  private readonly t: CliTexts;

  constructor(terminal: Terminal, locale: Locale = 'en', cwd = process.cwd()) {
    super(path.join(cwd, '(terminal)'), {});
    this.terminal = terminal;
    this.locale = locale;
    this.t = cliTexts(locale);
  }

  /** Each answer is checked as it is typed, when the run needs it: there is no file to check first. */
  override check(_procedure: string): void {}

  /** A field's name as the person reads it. */
  private label(field: string): string {
    return labelOf(field, this.locale);
  }

  private raw(field: string): Json | undefined {
    return super.get(field);
  }

  private keep(field: string, value: Json): void {
    this.typedHere.add(field);
    const parts = field.split('.');
    let node: Json = this.data;
    for (const [i, part] of parts.entries()) {
      const container = node as { [key: string]: Json };
      if (i === parts.length - 1) container[part] = value;
      else node = container[part] ??= /^\d+$/u.test(parts[i + 1]!) ? [] : {};
    }
  }

  /** Drops a typed answer, to ask it again. */
  private forget(field: string): void {
    const parts = field.split('.');
    const parent = parts
      .slice(0, -1)
      .reduce<Json | undefined>((node, part) => (node && typeof node === 'object' ? (node as { [k: string]: Json })[part] : undefined), this.data);
    if (parent && typeof parent === 'object') delete (parent as { [k: string]: Json })[parts.at(-1)!];
    this.typedHere.delete(field);
  }

  /**
   * Asks `field` (when it has no answer yet) and checks the answer with `check`; a typed answer the
   * check refuses is said to be refused, with why (the allowed values, the form), and asked again on
   * the spot, up to three times in all.
   */
  private checked<T>(field: string, ask: () => void, check: () => T): T {
    for (let tries = 1; ; tries++) {
      if (this.raw(field) === undefined) ask();
      try {
        return check();
      } catch (error) {
        const about = error instanceof CustosError && error.code === 'ANSWERS_INVALID' ? String(error.details.field ?? '') : '';
        if (!this.typedHere.has(field) || !(about === field || about.startsWith(`${field}[`)) || tries >= 3) throw error;
        const why = (error as CustosError).message.replace(/^In the answers, /u, '').replace(/\.? Nothing was recorded\.$/u, '');
        // In French, the answer is refused in French words; the question asked again lists what is allowed.
        this.terminal.say(`${this.t.refusedAgain(why, this.label(field))}\n`);
        this.forget(field);
      }
    }
  }

  /** Asks `field`; an empty line is asked again (three times in all) unless `emptyAllowed` (Enter skips or takes the default). */
  private text(field: string, hint = '', emptyAllowed = false): string {
    for (let tries = 0; tries < 3; tries++) {
      const typed = this.terminal.ask(`${this.label(field)}${hint}${this.locale === 'fr' ? ' : ' : ': '}`).trim();
      if (typed || emptyAllowed) return typed;
    }
    return '';
  }

  /** A field the run may do without: asked once, Enter skips, "yes" gives it. */
  override get(field: string): Json | undefined {
    const value = this.raw(field);
    if (value !== undefined) return value;
    if (!this.given.has(field)) {
      const typed = this.terminal.ask(`${this.label(field)}${this.t.getHint}${this.locale === 'fr' ? ' : ' : ': '}`).trim();
      const answer: Json | undefined = typed === '' ? undefined : /^(y|yes|true|oui)$/iu.test(typed) ? true : typed;
      this.given.set(field, answer);
      if (typeof answer === 'string') this.keep(field, answer);
    }
    return this.given.get(field);
  }

  override string(field: string, options: TextOptions = {}): string {
    const hint = options.oneOf ? ` (${options.oneOf.join(', ')})` : '';
    return this.checked(
      field,
      () => {
        const typed = this.text(field, hint);
        if (typed) this.keep(field, typed);
      },
      () => super.string(field, options),
    );
  }

  override integer(field: string, min: number, max: number, fallback?: number): number {
    return this.checked(
      field,
      () => {
        const typed = this.text(field, this.t.rangeHint(min, max, fallback), fallback !== undefined);
        if (typed) this.keep(field, /^-?\d+$/u.test(typed) ? Number(typed) : typed);
      },
      () => super.integer(field, min, max, fallback),
    );
  }

  override list(field: string): Json[] {
    if (!Array.isArray(this.raw(field))) {
      const typed = this.text(field, this.t.howMany);
      const n = /^\d{1,2}$/u.test(typed) ? Number(typed) : 0;
      this.keep(
        field,
        Array.from({ length: n }, () => ({})),
      );
    }
    return super.list(field);
  }

  override strings(field: string, options: { oneOf?: readonly string[] } = {}): string[] {
    return this.checked(
      field,
      () => {
        const typed = this.text(field, options.oneOf ? this.t.manyOf(options.oneOf.join(', ')) : this.t.separated);
        this.keep(
          field,
          typed
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
      },
      () => super.strings(field, options),
    );
  }

  override confirmed(field: string): void {
    if (this.raw(field) === undefined) {
      const typed = this.terminal.ask(`${this.label(field)}${this.t.confirmHint}`).trim();
      if (/^(yes|oui)$/iu.test(typed)) this.keep(field, true);
    }
    super.confirmed(field);
  }

  override secret(field: string, name: string, minLength = 0): string {
    if (this.raw(`${field}.${name}`) !== undefined || this.raw(`${field}.${name}File`) !== undefined) return super.secret(field, name, minLength);
    const key = `${field}.${name}`;
    if (!this.secrets.has(key)) {
      const first = this.terminal.askHidden(`${this.label(key)}${this.t.hidden}`);
      // A new passphrase (minLength set: a share sealed now) is typed twice.
      if (minLength > 0 && this.terminal.askHidden(`${this.label(key)}${this.t.again}`) !== first) throw invalid(key, 'was typed differently the second time');
      if ([...first.normalize('NFKC')].length < minLength) throw invalid(key, `must have at least ${minLength} characters`);
      if (!first.length) throw invalid(key, 'is empty');
      this.secrets.set(key, first);
    }
    return this.secrets.get(key)!;
  }

  /** A passphrase typed here that did not open its file: said, then asked again (three tries in all). */
  override retrySecret(field: string, name: string, why: string): boolean {
    const key = `${field}.${name}`;
    if (!this.secrets.has(key)) return false;
    const tries = (this.retries.get(key) ?? 1) + 1;
    if (tries > 3) return false;
    this.retries.set(key, tries);
    this.secrets.delete(key);
    this.terminal.say(`${this.t.passphraseAgain(why, this.label(key))}\n`);
    return true;
  }

  override key(name: string): KeyMaterial {
    if (this.raw(`participants.${name}`) === undefined) {
      this.string(`participants.${name}.keyFile`, { max: 4096 });
    }
    return super.key(name);
  }
}
