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

function substitute(value: unknown, field: string, chosen: ChosenPaths, depth: number): Json {
  if (depth > 12) throw invalid(field, 'is nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(field, 'must be a finite number');
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => substitute(v, `${field}.${i}`, chosen, depth + 1));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 1 && entries[0]![0] === '$chosen') {
      const token = entries[0]![1];
      if (typeof token !== 'string') throw invalid(field, 'has a choice that is not a token');
      return chosen.resolve(token, kindsFor(field));
    }
    const out: { [key: string]: Json } = {};
    for (const [key, v] of entries) out[key] = substitute(v, field ? `${field}.${key}` : key, chosen, depth + 1);
    return out;
  }
  throw invalid(field, 'has a value of an unknown kind');
}

/** Answers for the engine, each `$chosen` token replaced by its path. */
export function ceremonyAnswers(answers: CeremonyAnswers, chosen: ChosenPaths): Answers {
  const data = substitute(answers, '', chosen, 0);
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid('(top)', 'must be an object');
  return new Answers('(desktop app)', data);
}
