/** The answers of watch-only-export (docs/answers/watch-only-export.json): the wallet, and the file the export is written to on the coordinator's medium. */
import { fields, peopleAnswers, personName, text, type FileForm } from './answer-parts.ts';

export function watchOnlyExportAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    wallet: text(),
    exportFile: form.file('save-file'),
  });
}
