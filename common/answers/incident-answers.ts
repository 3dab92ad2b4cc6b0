/** The answers of incident (docs/answers/incident.json): open, update or close an incident of the register. */
import { z } from 'zod';
import { INCIDENT_STATUSES } from './vocabulary.ts';
import { DATE, fields, group, oneOf, peopleAnswers, personName, text, texts, type FileForm } from './answer-parts.ts';

const register = text({ max: 2000 });
const date = text({ pattern: DATE, max: 2000 });

export function incidentAnswers<I>(form: FileForm<I>) {
  return fields({
    ...peopleAnswers(form),
    witness: personName,
    incident: fields({
      id: text({ pattern: /^[A-Za-z0-9._-]{1,64}$/u }),
      action: oneOf(['open', 'update', 'close'] as const),
      significant: z.boolean({ error: 'must be true or false' }).optional(),
      wallets: texts().optional(),
      /** The register's fields; all but closedAt and status are needed to open. */
      fields: group({
        occurredAt: date.optional(),
        discoveredAt: date.optional(),
        nature: register.optional(),
        origin: register.optional(),
        toolsAndStaff: register.optional(),
        impact: register.optional(),
        correctiveAction: register.optional(),
        targetDate: date.optional(),
        closedAt: date.optional(),
        status: oneOf(INCIDENT_STATUSES).optional(),
      }),
    }),
  });
}
