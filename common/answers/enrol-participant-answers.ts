/** The answers of enrol-participant (docs/answers/enrol-participant.json): whose card, with which roles, and who is present to sign. */
import { ROLES } from './vocabulary.ts';
import { fields, peopleAnswers, personName, texts, type FileForm } from './answer-parts.ts';

export function enrolParticipantAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    enrol: fields({ publicKeyFile: form.file('public-key-file'), roles: texts({ oneOf: ROLES }), present: personName }),
  });
}
