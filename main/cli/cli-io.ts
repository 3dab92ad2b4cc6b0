/**
 * What every `custos` command shares (docs/cli.md): option parsing that turns mistakes into usage
 * errors (exit 2), output streams that tests can capture, the language people read (English or
 * French: --lang, else LC_ALL, LC_MESSAGES, LANG), a progress bar drawn on stderr only when stderr is
 * a terminal, and the exit codes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { errorText } from '../../common/i18n/error-text.ts';
import { localeOfEnvironment, type Locale } from '../../common/i18n/locale.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { CryptoError } from '../../crypto/protocol.ts';
import { cliTexts, type CliTexts } from './cli-texts.ts';

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  stderrIsTty: boolean;
  columns: number;
  /** The language of what people read: help, questions, progress, refusals. */
  locale: Locale;
  /**
   * The station's clock, for the tests that call main() in-process to play a drill months later;
   * the process (processIo) has none and reads the system's. No flag or variable sets it.
   */
  clock?: () => Date;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stderrIsTty: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns ?? 80,
  locale: localeOfEnvironment(process.env),
};

/** A mistake in how the command was called (exit 2), in English and, when it has them, French words. */
export class UsageError extends Error {
  readonly fr: string | undefined;

  constructor(message: string, fr?: string) {
    super(message);
    this.fr = fr;
  }
}

/** A usage error said in both languages from the CLI's texts. */
export function usage(say: (t: CliTexts) => string): UsageError {
  return new UsageError(say(cliTexts('en')), say(cliTexts('fr')));
}

/** Node's own parseArgs refusals, in French where they name an option. */
function parseRefusal(error: Error & { code?: string }): UsageError {
  const option = /'(-[^']*)'/u.exec(error.message)?.[1] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(error.message, cliTexts('fr').unknownOption(option));
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return new UsageError(error.message, cliTexts('fr').badOptionValue(option));
  return new UsageError(error.message);
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseRefusal(error as Error);
  }
  if (!(parsed.values as { help?: boolean }).help && parsed.positionals.length !== positionals) {
    const given = parsed.positionals.length;
    throw usage((t) => t.argumentCount(positionals, given));
  }
  return parsed;
}

/** A one-line progress bar on stderr, redrawn at most every 100 ms, only on a terminal. */
export function progressBar(io: CliIo, label: string): { update(done: number, total: number): void; end(): void } {
  if (!io.stderrIsTty) return { update() {}, end() {} };
  let last = 0;
  const width = Math.max(10, Math.min(40, io.columns - label.length - 12));
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(share * width);
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`);
    },
    end() {
      io.err('\r\x1b[2K');
    },
  };
}

/** Refusals about the command's input rather than the record: exit 2. */
const USAGE_CODES = new Set(['SOURCE_UNREADABLE', 'CHECKPOINT_UNREADABLE', 'PROCEDURES_UNREADABLE']);

/** Prints a refusal as the officer should read it, in their language, and returns the exit code for it. */
export function reportError(io: CliIo, error: unknown): number {
  const t = cliTexts(io.locale);
  const custos = io.locale === 'fr' ? 'custos :' : 'custos:';
  if (error instanceof UsageError) {
    io.err(`${custos} ${io.locale === 'fr' ? (error.fr ?? error.message) : error.message}\n${t.seeHelp}\n`);
    return EXIT.usage;
  }
  if (error instanceof CustosError || error instanceof CryptoError) {
    io.err(`${custos} ${refusalText(error, io.locale)} [${error.code}]\n`);
    return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.invalid;
  }
  io.err(`${custos} ${t.unexpected((error as Error).message)}\n`);
  return EXIT.invalid;
}

/**
 * A refusal's words: English as the code that refused wrote them; French from the code's text
 * (the error registry, common/errors/), which also says "nothing was recorded" when the English does.
 */
function refusalText(error: CustosError | CryptoError, locale: Locale): string {
  if (locale === 'en') return error.message;
  const text = errorText({ code: error.code, message: error.message, details: error.details }, 'fr');
  const nothing = cliTexts('fr').nothingRecorded;
  return /Nothing was recorded\.$/u.test(error.message) && !text.includes(nothing) ? `${text} ${nothing}` : text;
}
