/** The answers of incident (docs/answers/incident.json): open, update or close an incident of the register. */
import { z } from 'zod';
import { INCIDENT_CRITERIA, INCIDENT_REPORTS, INCIDENT_STATUSES } from './vocabulary.ts';
import { DATE, fields, group, list, oneOf, peopleAnswers, personName, text, texts, type FileForm } from './answer-parts.ts';

const register = text({ max: 2000 });
const date = text({ pattern: DATE, max: 2000 });
/** A moment in UTC to the second: 2026-12-02T09:30:00Z. */
const moment = text({ pattern: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/u });

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
      /** Since incident@2 (the regulatory clock): each criterion answered, when the incident was detected and classified. */
      classification: fields({
        criteria: fields(
          Object.fromEntries(INCIDENT_CRITERIA.map((c) => [c, z.boolean({ error: 'must be true or false' })])) as {
            [C in (typeof INCIDENT_CRITERIA)[number]]: z.ZodBoolean;
          },
        ),
        detectedAt: moment,
        classifiedAt: moment,
      }).optional(),
      /** Reports made to the authority since the last record: which, when, to whom, its reference. */
      notifications: list(fields({ report: oneOf(INCIDENT_REPORTS), at: moment, authority: text({ max: 200 }), reference: text({ max: 200 }) })).optional(),
    }),
  });
}
