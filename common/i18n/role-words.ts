/**
 * The role names of the procedures' signer rules (docs/procedures.md), in English and French: as the
 * ceremony screens, the printed script and the findings of `custos verify` name them. Pure (common/ layer).
 */
import { defineCatalogue } from './catalogue.ts';

/** Role names of the procedures' signer rules, in both languages. */
export const ROLE_TEXT = defineCatalogue({
  en: { officer: 'officer', holder: 'holder', witness: 'witness', approver: 'approver', auditor: 'auditor', subject: 'enrolled person' },
  fr: { officer: 'responsable', holder: 'détenteur', witness: 'témoin', approver: 'approbateur', auditor: 'auditeur', subject: 'personne enrôlée' },
});
