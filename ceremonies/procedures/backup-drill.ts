/**
 * Backup drill (R1, R10): the holders present their shares one by one; each is proven against the
 * commitment recorded when the wallet was split, and its tamper-evident bag inspected (intact, or
 * replaced with a new serial); then a quorum rebuilds the wallet in the crypto core, which must
 * reproduce the recorded fingerprint. Each share is due for proof its wallet's drill interval
 * (default 180 days) after it was last proven, on its own date (issue 19, "Per-share proof"): since
 * backup-drill@2 the opening records which shares are overdue, and which of them cannot be reached
 * this time with the reason (a holder away); every other overdue share must be presented, and the
 * rebuild records the overdue shares that remain so. A bag found with its seal broken, or a medium
 * brought without its bag, is presented all the same, and opens an incident in the drill
 * (`seal-incident`, signed by the officer and the witnesses); the share is at risk until it is
 * re-bagged.
 */
import { closeWithWitnesses, presentShares, sealIncidentStep } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const backupDrill: ProcedureDefinition = {
  id: 'backup-drill',
  version: 2,
  title: { en: 'Backup drill', fr: 'Exercice de vérification des sauvegardes' },
  purpose: {
    en: 'Prove every share presented, every overdue share that can be reached among them, inspect the bags, and prove that a quorum still rebuilds the wallet.',
    fr: 'Prouver chaque part présentée, dont chaque part en retard qui peut l’être, inspecter les sachets, et prouver qu’un quorum reconstitue toujours le portefeuille.',
  },
  requirements: ['R1', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active', 'compromised'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the wallet', fr: 'Nommer le portefeuille' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'fingerprint', 'setId', 'overdue', 'unreachable', 'airGap', 'build'],
    },
    presentShares({ en: 'A holder presents their share', fr: 'Un détenteur présente sa part' }),
    sealIncidentStep(),
    {
      id: 'reconstruct',
      type: 'step',
      title: { en: 'A quorum rebuilds the wallet', fr: 'Un quorum reconstitue le portefeuille' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['shares', 'fingerprint', 'remaining'],
    },
    closeWithWitnesses({ en: 'Close the drill', fr: 'Clore l’exercice' }),
  ],
  checkpointWitnesses: 2,
};
