/**
 * station-setup@1, retired (ADR 0015: a released definition never changes; its record must verify
 * for five years). Version 2 adds the station's policy (the approver quorum) to the opening. Kept
 * byte for byte as it shipped: its hash is pinned in procedures/released.ts, and a station set up
 * with it has the default policy (two approvers).
 */
import type { ProcedureDefinition } from '../definition.ts';

export const stationSetupV1: ProcedureDefinition = {
  id: 'station-setup',
  version: 1,
  title: { en: 'Station setup', fr: 'Mise en service de la station' },
  purpose: {
    en: 'Create the station key and the first roster of participants, confirmed by at least two witnesses.',
    fr: 'Créer la clé de la station et la première liste des participants, confirmée par au moins deux témoins.',
  },
  requirements: ['R1', 'R3', 'R12'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Declare the station and its roster', fr: 'Déclarer la station et sa liste de participants' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['station', 'roster'],
    },
    {
      id: 'confirm-roster',
      type: 'step',
      title: { en: 'Witnesses confirm the roster', fr: 'Les témoins confirment la liste' },
      signers: [{ role: 'witness', min: 2 }],
      records: ['rosterHash'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close the setup', fr: 'Clore la mise en service' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 2 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 2,
};
