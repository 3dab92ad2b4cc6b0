/** The answers of `custos checkpoint`: the witnesses present, who cosign the checkpoint and keep it. */
import { fields, peopleAnswers, texts, type FileForm } from './answer-parts.ts';

export function checkpointAnswers<I>(form: FileForm<I>) {
  const { officer: _officer, evidence: _evidence, ...people } = peopleAnswers(form);
  return fields({ ...people, witnesses: texts() });
}
