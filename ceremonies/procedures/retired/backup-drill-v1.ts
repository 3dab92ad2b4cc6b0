/**
 * backup-drill@1, as released (retired by backup-drill@2, which must present every overdue share it
 * can reach and records those that remain; ceremonies/procedures/released.ts): kept unchanged so
 * that its ceremonies still verify.
 *
 * Backup drill (R1, R10): the holders present their shares one by one; each is proven against the
 * commitment recorded when the wallet was split, and its tamper-evident bag inspected (intact, or
 * replaced with a new serial); then a quorum rebuilds the wallet in the crypto core, which must
 * reproduce the recorded fingerprint. Each share's last-proven date is recorded; the wallet's drill
 * interval (default 180 days) makes the inventory flag it overdue.
 */
import { closeWithWitnesses, presentShares } from '../common-steps.ts';
import type { ProcedureDefinition } from '../definition.ts';

export const backupDrillV1: ProcedureDefinition = {
  id: 'backup-drill',
  version: 1,
  title: { en: 'Backup drill', fr: 'Exercice de vérification des sauvegardes' },
  purpose: {
    en: 'Prove every share presented, inspect the bags, and prove that a quorum still rebuilds the wallet.',
    fr: 'Prouver chaque part présentée, inspecter les sachets, et prouver qu’un quorum reconstitue toujours le portefeuille.',
  },
  requirements: ['R1', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active', 'compromised'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the wallet', fr: 'Nommer le portefeuille' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'fingerprint', 'setId', 'airGap', 'build'],
    },
    presentShares({ en: 'A holder presents their share', fr: 'Un détenteur présente sa part' }),
    {
      id: 'reconstruct',
      type: 'step',
      title: { en: 'A quorum rebuilds the wallet', fr: 'Un quorum reconstitue le portefeuille' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['shares', 'fingerprint'],
    },
    closeWithWitnesses({ en: 'Close the drill', fr: 'Clore l’exercice' }),
  ],
  checkpointWitnesses: 2,
};
