/**
 * Watch-only export (R8, R10): on demand, the officer and a witness write a wallet's watch-only
 * export for the online coordinator (ceremonies/engine/watch-only.ts; docs/transfer-exchange.md,
 * "Watch-only export"): account keys with their key origin, output descriptors, the BC-UR
 * `crypto-account` Sparrow reads, the Ethereum addresses. Nothing in it can spend. The file's name
 * and SHA-256 are recorded, so the coordinator's copy can be checked against the record.
 */
import { OFFICER_AND_WITNESS } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const watchOnlyExport: ProcedureDefinition = {
  id: 'watch-only-export',
  version: 1,
  title: { en: 'Export a wallet for watching', fr: 'Exporter un portefeuille en lecture seule' },
  purpose: {
    en: 'Write the public keys, descriptors and addresses the online coordinator needs to watch a wallet and prepare its transfers; record the file by its hash.',
    fr: 'Écrire les clés publiques, descripteurs et adresses dont le coordinateur en ligne a besoin pour surveiller un portefeuille et préparer ses transferts ; consigner le fichier par son empreinte.',
  },
  requirements: ['R8', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active', 'compromised', 'retired'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the wallet', fr: 'Nommer le portefeuille' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'airGap', 'build'],
    },
    {
      id: 'export',
      type: 'step',
      title: { en: 'Write the watch-only export for the coordinator', fr: 'Écrire l’export en lecture seule pour le coordinateur' },
      signers: OFFICER_AND_WITNESS,
      records: ['fileName', 'sha256', 'fingerprint'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close: the file is handed to the coordinator', fr: 'Clore : le fichier est remis au coordinateur' },
      signers: OFFICER_AND_WITNESS,
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 1,
};
