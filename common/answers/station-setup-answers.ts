/** The answers of station-setup (docs/answers/station-setup.json): the new station's passphrase, its first roster and policy. */
import { ROLES } from './vocabulary.ts';
import { fields, judgedByRun, list, peopleAnswers, texts, type FileForm } from './answer-parts.ts';

export function stationSetupAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witnesses: texts(),
    roster: list(fields({ publicKeyFile: form.file('public-key-file'), roles: texts({ oneOf: ROLES }) })),
    /** {"approvers": n}: the run refuses anything else as POLICY_INVALID. */
    policy: judgedByRun<{ approvers: number }>('`{"approvers": n}`, n from 2 to 16').optional(),
  });
}
