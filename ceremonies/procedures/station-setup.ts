/**
 * Station setup (R1, R12): the first ceremony of a station. Its opening entry declares the station
 * key, the first roster (names, roles, public keys) and the station's policy (the approver quorum,
 * station-policy.ts); at least two witnesses confirm the roster, and the officer and the witnesses
 * close it. Version 2; version 1 (no policy) is retired (retired/station-setup-v1.ts).
 */
import type { ProcedureDefinition } from './definition.ts';

export const stationSetup: ProcedureDefinition = {
  id: 'station-setup',
  version: 2,
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
      records: ['station', 'roster', 'policy'],
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
