/**
 * The answers of a ceremony run from the desktop app: the same JSON as a `custos run` answers file
 * (docs/cli.md), where each file or folder is `{ "$chosen": "<token>" }` (main/app/app-api.ts). The
 * tokens become the paths chosen in the station's dialog, for the kind of choice each field needs;
 * then the engine reads and checks the answers exactly as for the command line.
 */
import { Answers, invalid, type Json } from '../../ceremonies/engine/answers.ts';
import type { CeremonyAnswers, ChooseKind } from './app-api.ts';
import type { ChosenPaths } from './chosen-paths.ts';

/** What a chosen token may stand for, by the last part of its field name. */
function kindsFor(field: string): readonly ChooseKind[] {
  if (field.startsWith('witnessCheckpoints.')) return ['save-file'];
  const last = field.split('.').filter((p) => !/^\d+$/u.test(p)).pop() ?? '';
  if (last === 'keyFile') return ['key-file'];
  if (last === 'file' || last === 'files' || last === 'previousFiles') return ['share-file', 'balances-file'];
  if (last === 'psbtFile' || last === 'psbt') return ['psbt-file'];
  if (last === 'transactionFile') return ['transaction-file'];
  if (/publicKeyFile$/u.test(last)) return ['public-key-file'];
  if (last === 'descriptorFile') return ['save-file'];
  return ['folder'];
}

function substitute(value: unknown, field: string, chosen: ChosenPaths, depth: number, tokens: Set<string>): Json {
  if (depth > 12) throw invalid(field, 'is nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(field, 'must be a finite number');
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, `${field}.${i}`, chosen, depth + 1, tokens));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && entries[0]![0] === '$chosen') {
      const token = entries[0]![1];
      if (typeof token !== 'string') throw invalid(field, 'has a choice that is not a token');
      tokens.add(field);
      return chosen.resolve(token, kindsFor(field));
    }
    const out: { [key: string]: Json } = {};
    for (const [key, v] of entries) out[key] = substitute(v, field ? `${field}.${key}` : key, chosen, depth + 1, tokens);
    return out;
  }
  throw invalid(field, 'has a value of an unknown kind');
}

/**
 * Answers from the screen: a file or folder is only ever one the officer chose in the station's
 * dialog. Every path the engine reads (Answers.path: key files, passphrase files, share files,
 * PSBTs, output folders…) must come from a `$chosen` token; a path typed as a string by the
 * renderer is refused (docs/threat-model.md), so a compromised renderer cannot name a file itself.
 */
class ChosenAnswers extends Answers {
  private readonly tokens: ReadonlySet<string>;

  constructor(data: { [key: string]: Json }, tokens: ReadonlySet<string>) {
    super('(desktop app)', data);
    this.tokens = tokens;
  }

  override path(field: string): string {
    if (!this.tokens.has(field)) throw invalid(field, 'must be a file or folder chosen in the station’s dialog, not a path written by the screen');
    return super.path(field);
  }
}

/** Answers for the engine, each `$chosen` token replaced by its path; only those may name files. */
export function ceremonyAnswers(answers: CeremonyAnswers, chosen: ChosenPaths): Answers {
  const tokens = new Set<string>();
  const data = substitute(answers, '', chosen, 0, tokens);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid('(top)', 'must be an object');
  return new ChosenAnswers(data, tokens);
}
