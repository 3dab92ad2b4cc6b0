/**
 * Texts of the incident form (procedure incident: the register kept as R5 asks,
 * docs/compliance.md), English and French.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const INCIDENT_TEXT = defineCatalogue({
  en: {
    witness: 'Witness',
    register: 'The register entry',
    id: 'Incident reference',
    action: 'Action',
    actionOpen: 'Open a new incident',
    actionUpdate: 'Update an open incident',
    actionClose: 'Close an incident',
    significant: 'Significant incident (to be notified)',
    wallets: 'Wallets concerned',
    occurredAt: 'Occurred on',
    discoveredAt: 'Discovered on',
    nature: 'Nature',
    origin: 'Origin',
    toolsAndStaff: 'Tools and staff involved',
    impact: 'Impact',
    correctiveAction: 'Corrective action',
    targetDate: 'Target date',
    closedAt: 'Closed on',
  },
  fr: {
    witness: 'Témoin',
    register: 'L’inscription au registre',
    id: 'Référence de l’incident',
    action: 'Action',
    actionOpen: 'Ouvrir un nouvel incident',
    actionUpdate: 'Mettre à jour un incident ouvert',
    actionClose: 'Clore un incident',
    significant: 'Incident significatif (à notifier)',
    wallets: 'Portefeuilles concernés',
    occurredAt: 'Survenu le',
    discoveredAt: 'Découvert le',
    nature: 'Nature',
    origin: 'Origine',
    toolsAndStaff: 'Outils et personnel concernés',
    impact: 'Conséquences',
    correctiveAction: 'Mesure corrective',
    targetDate: 'Date cible',
    closedAt: 'Clos le',
  },
});
