/**
 * Enrolment of a participant (R12): an officer and a witness admit a new participant with named
 * roles; the participant signs with the new key to prove they hold it. The key counts from the
 * closing entry on.
 */
import type { ProcedureDefinition } from './definition.ts';

export const enrolParticipant: ProcedureDefinition = {
  id: 'enrol-participant',
  version: 1,
  title: { en: 'Enrol a participant', fr: 'Inscrire un participant' },
  purpose: {
    en: 'Admit a participant and their public key, with the roles they may hold.',
    fr: 'Admettre un participant et sa clé publique, avec les rôles qu’il peut tenir.',
  },
  requirements: ['R1', 'R12'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the participant', fr: 'Nommer le participant' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['participant'],
    },
    {
      id: 'prove-key',
      type: 'step',
      title: { en: 'The participant signs with their key', fr: 'Le participant signe avec sa clé' },
      signers: [
        { role: 'subject', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['keyid'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close the enrolment', fr: 'Clore l’inscription' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 1,
};
