/**
 * Retired: incident@1, kept verbatim so its ceremonies still verify (released.ts); incident@2 adds the
 * regulatory clock. Incident (R5): records a security incident in the register, updates it, or closes it, with the
 * fields the AMF asks for: dates of the incident and of its discovery, nature, origin, tools and
 * staff involved, impact, corrective action, target resolution date, closing date, status. A
 * compromise rotation opens from an incident that names the wallet concerned.
 */
import type { ProcedureDefinition } from '../definition.ts';

export const incidentV1: ProcedureDefinition = {
  id: 'incident',
  version: 1,
  title: { en: 'Record an incident', fr: 'Consigner un incident' },
  purpose: {
    en: 'Keep the incident register: open, update or close an incident with every field the regulator asks for.',
    fr: 'Tenir la base des incidents : ouvrir, mettre à jour ou clore un incident avec chaque champ demandé par le régulateur.',
  },
  requirements: ['R5', 'R8'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'State the incident', fr: 'Décrire l’incident' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['incident', 'action', 'fields', 'wallets', 'significant', 'airGap', 'build'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Confirm the record', fr: 'Confirmer la consignation' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 1,
};
