/**
 * Revocation of a participant's key (R12): an officer and a witness revoke it with a reason. From
 * the closing entry on, signatures by that key are invalid.
 */
import type { ProcedureDefinition } from './definition.ts';

export const revokeParticipant: ProcedureDefinition = {
  id: 'revoke-participant',
  version: 1,
  title: { en: 'Revoke a participant’s key', fr: 'Révoquer la clé d’un participant' },
  purpose: {
    en: 'Withdraw a participant’s key: its later signatures are refused.',
    fr: 'Retirer la clé d’un participant : ses signatures ultérieures sont refusées.',
  },
  requirements: ['R1', 'R12'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the key and the reason', fr: 'Nommer la clé et le motif' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['keyid', 'reason'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close the revocation', fr: 'Clore la révocation' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 1,
};
