/**
 * What every `custos` command shares (docs/cli.md): option parsing that turns mistakes into usage
 * errors (exit 2), output streams that tests can capture, a progress bar drawn on stderr only when
 * stderr is a terminal, and the exit codes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { CryptoError } from '../../crypto/protocol.ts';

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  stderrIsTty: boolean;
  columns: number;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  stderrIsTty: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns ?? 80,
};

export class UsageError extends Error {}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, positionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!(parsed.values as { help?: boolean }).help && parsed.positionals.length !== positionals) {
    throw new UsageError(`expected ${positionals} argument(s), got ${parsed.positionals.length}`);
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

/** Prints a refusal as the officer should read it, and returns the exit code for it. */
export function reportError(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.err(`custos: ${error.message}\nRun "custos --help" for usage.\n`);
    return EXIT.usage;
  }
  if (error instanceof CustosError || error instanceof CryptoError) {
    io.err(`custos: ${error.message} [${error.code}]\n`);
    return USAGE_CODES.has(error.code) ? EXIT.usage : EXIT.invalid;
  }
  io.err(`custos: unexpected failure: ${(error as Error).message}\n`);
  return EXIT.invalid;
}
