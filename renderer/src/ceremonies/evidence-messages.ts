/**
 * Texts of the evidence panel of every ceremony (docs/record-format.md, "Evidence"; ADR 0031),
 * English and French.
 */
import { defineCatalogue } from '../../../common/i18n/catalogue.ts';

export const EVIDENCE_TEXT = defineCatalogue({
  en: {
    heading: 'Evidence kept on a separate medium (optional)',
    help: 'Video, photos or scans taken during a step: each file is named in that step’s entry by its name and SHA-256, which everyone signs. Keep the files on their own medium; an auditor checks them with custos verify --evidence.',
    add: 'Add an evidence file',
    remove: 'Remove',
    step: 'Step it shows',
    file: (name: string) => `File: ${name}`,
  },
  fr: {
    heading: 'Preuves conservées sur un support distinct (facultatif)',
    help: 'Vidéo, photos ou numérisations prises pendant une étape : chaque fichier est nommé dans l’inscription de cette étape par son nom et son SHA-256, que chacun signe. Gardez les fichiers sur leur propre support ; un auditeur les vérifie avec custos verify --evidence.',
    add: 'Ajouter un fichier de preuve',
    remove: 'Retirer',
    step: 'Étape qu’il montre',
    file: (name: string) => `Fichier : ${name}`,
  },
});
