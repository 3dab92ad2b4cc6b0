/**
 * `custos run` on a terminal without `--answers` (docs/cli.md, "custos run"): the same answers a
 * file would give, asked one by one as the run needs them, in the order it needs them. Texts are
 * typed; passphrases are typed with echo off (twice for a new share's passphrase) and live only in
 * memory, never in the answers kept for the run; a question the run may skip says so. Reading is
 * synchronous on the terminal itself, so a run reads its answers exactly as it reads a file.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Answers, invalid, type Json } from '../../ceremonies/engine/answers.ts';
import type { KeyMaterial } from '../../ceremonies/engine/participant-keys.ts';

export interface Terminal {
  /** Shows `question` and returns the line typed (without its newline). */
  ask(question: string): string;
  /** The same with echo off. */
  askHidden(question: string): string;
}

/** The process's own terminal: prompts on stderr, reads stdin's file descriptor synchronously. */
export function processTerminal(): Terminal {
  const readLine = (): string => {
    const bytes: number[] = [];
    const one = Buffer.alloc(1);
    for (;;) {
      let n: number;
      try {
        n = fs.readSync(0, one, 0, 1, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
          continue;
        }
        throw error;
      }
      if (n === 0 || one[0] === 0x0a) break;
      bytes.push(one[0]!);
    }
    return Buffer.from(bytes).toString('utf8').replace(/\r$/u, '');
  };
  const stty = (mode: string) => spawnSync('stty', [mode], { stdio: ['inherit', 'ignore', 'ignore'] });
  return {
    ask(question) {
      process.stderr.write(question);
      return readLine();
    },
    askHidden(question) {
      // Echo goes off before the question shows, so nothing typed after it is ever echoed.
      stty('-echo');
      process.stderr.write(question);
      try {
        return readLine();
      } finally {
        stty('echo');
        process.stderr.write('\n');
      }
    },
  };
}

/** "holders.0.bagSerial" → "holders #1 › bag serial". */
export function labelOf(field: string): string {
  return field.split('.').map((part) => (/^\d+$/u.test(part) ? `#${Number(part) + 1}` : part.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase())).join(' › ');
}

export class TerminalAnswers extends Answers {
  private readonly terminal: Terminal;
  /** Answers to "give it?" questions the run asked with `get`, by field. */
  private readonly given = new Map<string, Json | undefined>();
  private readonly secrets = new Map<string, string>();

  constructor(terminal: Terminal, cwd = process.cwd()) {
    super(path.join(cwd, '(terminal)'), {});
    this.terminal = terminal;
  }

  private raw(field: string): Json | undefined {
    return super.get(field);
  }

  private keep(field: string, value: Json): void {
    const parts = field.split('.');
    let node: Json = this.data;
    for (const [i, part] of parts.entries()) {
      const container = node as { [key: string]: Json };
      if (i === parts.length - 1) container[part] = value;
      else node = container[part] ??= (/^\d+$/u.test(parts[i + 1]!) ? [] : {});
    }
  }

  private text(field: string, hint = ''): string {
    for (let tries = 0; tries < 3; tries++) {
      const typed = this.terminal.ask(`${labelOf(field)}${hint}: `).trim();
      if (typed || hint.includes('Enter')) return typed;
    }
    return '';
  }

  /** A field the run may do without: asked once, Enter skips, "yes" gives it. */
  override get(field: string): Json | undefined {
    const value = this.raw(field);
    if (value !== undefined) return value;
    if (!this.given.has(field)) {
      const typed = this.terminal.ask(`${labelOf(field)} (Enter to skip, "yes" to give it, or type it): `).trim();
      const answer: Json | undefined = typed === '' ? undefined : /^(y|yes|true|oui)$/iu.test(typed) ? true : typed;
      this.given.set(field, answer);
      if (typeof answer === 'string') this.keep(field, answer);
    }
    return this.given.get(field);
  }

  override string(field: string, options: { optional?: boolean; pattern?: RegExp; max?: number } = {}): string {
    if (this.raw(field) === undefined) {
      const typed = this.text(field, options.optional ? ' (Enter to skip)' : '');
      if (typed) this.keep(field, typed);
    }
    return super.string(field, options);
  }

  override integer(field: string, min: number, max: number, fallback?: number): number {
    if (this.raw(field) === undefined) {
      const typed = this.text(field, ` (${min} to ${max}${fallback === undefined ? '' : `, Enter for ${fallback}`})`);
      if (typed) this.keep(field, /^-?\d+$/u.test(typed) ? Number(typed) : typed);
    }
    return super.integer(field, min, max, fallback);
  }

  override list(field: string): Json[] {
    if (!Array.isArray(this.raw(field))) {
      const typed = this.text(field, ' — how many?');
      const n = /^\d{1,2}$/u.test(typed) ? Number(typed) : 0;
      this.keep(field, Array.from({ length: n }, () => ({})));
    }
    return super.list(field);
  }

  override strings(field: string): string[] {
    if (!Array.isArray(this.raw(field))) {
      const typed = this.text(field, ' (separated by commas)');
      this.keep(field, typed.split(',').map((s) => s.trim()).filter(Boolean));
    }
    return super.strings(field);
  }

  override confirmed(field: string): void {
    if (this.raw(field) === undefined) {
      const typed = this.terminal.ask(`${labelOf(field)}: type "yes" to confirm it really happened: `).trim();
      if (/^(yes|oui)$/iu.test(typed)) this.keep(field, true);
    }
    super.confirmed(field);
  }

  override secret(field: string, name: string, minLength = 0): string {
    if (this.raw(`${field}.${name}`) !== undefined || this.raw(`${field}.${name}File`) !== undefined) return super.secret(field, name, minLength);
    const key = `${field}.${name}`;
    if (!this.secrets.has(key)) {
      const first = this.terminal.askHidden(`${labelOf(key)} (hidden): `);
      // A new passphrase (minLength set: a share sealed now) is typed twice.
      if (minLength > 0 && this.terminal.askHidden(`${labelOf(key)} again: `) !== first) throw invalid(key, 'was typed differently the second time');
      if ([...first.normalize('NFKC')].length < minLength) throw invalid(key, `must have at least ${minLength} characters`);
      if (!first.length) throw invalid(key, 'is empty');
      this.secrets.set(key, first);
    }
    return this.secrets.get(key)!;
  }

  override key(name: string): KeyMaterial {
    if (this.raw(`participants.${name}`) === undefined) {
      this.string(`participants.${name}.keyFile`, { max: 4096 });
    }
    return super.key(name);
  }
}
