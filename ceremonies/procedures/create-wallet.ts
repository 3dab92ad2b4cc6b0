/**
 * Create a custody wallet (R1, R2, R4, R7, R10): a client wallet (with the client's reference) or a
 * house wallet, never both. Entropy from the OS (and dice if rolled); the wallet is split m-of-n and
 * each share handed to a named holder, who attests receipt with their key, its tamper-evident bag
 * serial recorded; only public outputs are recorded. Witnesses co-sign; the wallet is active only
 * when every share has been handed over. Since create-wallet@2 the officer and a witness may write
 * its watch-only export for the coordinator at the end (ceremonies/engine/watch-only.ts), recorded
 * by its SHA-256, as watch-only-export does later on demand.
 */
import { OFFICER_AND_WITNESS, closeWithWitnesses, creationSteps } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const createWallet: ProcedureDefinition = {
  id: 'create-wallet',
  version: 2,
  title: { en: 'Create a custody wallet', fr: 'Créer un portefeuille de conservation' },
  purpose: {
    en: 'Generate a wallet offline, split it into shares for named holders, and record only its public data.',
    fr: 'Générer un portefeuille hors ligne, le partager entre des détenteurs nommés, et n’en consigner que les données publiques.',
  },
  requirements: ['R1', 'R2', 'R4', 'R6', 'R7', 'R10'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the wallet, its class and its holders', fr: 'Nommer le portefeuille, sa catégorie et ses détenteurs' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'class', 'clientRef', 'label', 'chains', 'threshold', 'shareCount', 'holders', 'drillIntervalDays', 'airGap', 'build'],
    },
    ...creationSteps({ en: 'Generate the wallet', fr: 'Générer le portefeuille' }),
    {
      id: 'export-watch-only',
      type: 'step',
      title: { en: 'Write the watch-only export for the coordinator', fr: 'Écrire l’export en lecture seule pour le coordinateur' },
      signers: OFFICER_AND_WITNESS,
      repeat: { min: 0, max: 1 },
      records: ['fileName', 'sha256', 'fingerprint'],
    },
    closeWithWitnesses({ en: 'Close: the wallet is active', fr: 'Clore : le portefeuille est actif' }),
  ],
  checkpointWitnesses: 2,
};
