/**
 * Checks answers against their procedure's schema (common/answers/) before anything is unlocked or
 * recorded: the first mistake is refused as ANSWERS_INVALID naming its field (docs/errors.md), an
 * unknown procedure as PROCEDURE_UNKNOWN. Used for an answers file (`custos run`, `abort`,
 * `checkpoint`) and for the desktop app's answers at their IPC channel.
 */
import type { FileForm } from '../../common/answers/answer-parts.ts';
import { answersName, readAnswers } from '../../common/answers/procedure-answers.ts';
import { CustosError } from '../custos-error.ts';

/** The answers as the run reads them (each file resolved by `form`), or a refusal naming the field. */
export function checkAnswers<I>(procedure: string, data: unknown, form: FileForm<I>): unknown {
  const name = answersName(procedure, data);
  if (name === undefined) throw new CustosError('PROCEDURE_UNKNOWN', `There is no procedure "${procedure}" on this station.`, { procedure });
  const check = readAnswers(name, procedure, data, form);
  if (check.ok) return check.data;
  throw new CustosError('ANSWERS_INVALID', `In the answers, ${check.field} ${check.why}. Nothing was recorded.`, { field: check.field });
}
