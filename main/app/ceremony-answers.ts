/**
 * The answers of a ceremony run from the desktop app: the same fields as a `custos run` answers file
 * (common/answers/, one schema per procedure), where each file or folder is `{ "$chosen": token }`
 * (chosen-form.ts). They are checked against the procedure's schema at once, each token becoming the
 * path chosen in the station's dialog for the kind of choice its field declares; then the engine reads
 * them exactly as for the command line.
 */
import { checkAnswers } from '../../ceremonies/engine/answers-check.ts';
import { Answers, invalid, type Json } from '../../ceremonies/engine/answers.ts';
import type { CeremonyAnswers } from './app-api.ts';
import { chosenForm } from './chosen-form.ts';
import type { ChosenPaths } from './chosen-paths.ts';

/**
 * Answers from the screen: a file or folder is only ever one the officer chose in the station's
 * dialog. Every path the engine reads (Answers.path: key files, share files, PSBTs, output
 * folders…) must be one a `$chosen` token named; the schema refuses a path written as text.
 */
class ChosenAnswers extends Answers {
  private readonly chosen: ReadonlySet<string>;

  constructor(data: { [key: string]: Json }, chosen: ReadonlySet<string>) {
    super('(desktop app)', data);
    this.chosen = chosen;
  }

  /** Checked when they arrived, against the schema of their procedure. */
  override check(_procedure: string): void {}

  override path(field: string): string {
    const value = this.get(field);
    if (typeof value !== 'string' || !this.chosen.has(value)) {
      throw invalid(field, 'must be a file or folder chosen in the station’s dialog, not a path written by the screen');
    }
    return value;
  }
}

/** Answers for the engine: checked against `procedure`'s schema, each `$chosen` token replaced by its path. */
export function ceremonyAnswers(procedure: string, answers: CeremonyAnswers, chosen: ChosenPaths): Answers {
  const paths = new Set<string>();
  const data = checkAnswers(procedure, answers, chosenForm(chosen, paths)) as { [key: string]: Json };
  return new ChosenAnswers(data, paths);
}
