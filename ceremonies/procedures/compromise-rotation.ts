/**
 * Compromise rotation (R1, R5, R10): opens from an incident in the register that names the wallet;
 * the wallet is declared compromised, a replacement is created as in create-wallet (same class and
 * owner), and its public descriptor goes to the watch-only coordinator, which prepares a sweep of
 * every coin to it. The ceremony waits, open, while the coordinator works (docs/adr/0012). Then the
 * old wallet's holders present a quorum of shares, the crypto core rebuilds the old wallet, checks
 * that the imported sweep spends only its coins and pays only the replacement, and signs; the
 * signed transaction leaves as a file with its txid recorded. The old wallet is retired when a
 * confirm-transfer ceremony records the sweep's confirmation.
 */
import type { ProcedureDefinition } from './definition.ts';

const OFFICER_AND_WITNESS = [{ role: 'officer' as const, min: 1, max: 1 }, { role: 'witness' as const, min: 1 }];

export const compromiseRotation: ProcedureDefinition = {
  id: 'compromise-rotation',
  version: 1,
  title: { en: 'Rotate a compromised wallet', fr: 'Remplacer un portefeuille compromis' },
  purpose: {
    en: 'Declare a wallet compromised, create its replacement, and sweep every coin to it with a transaction signed offline.',
    fr: 'Déclarer un portefeuille compromis, créer son remplaçant, et y transférer tous les fonds par une transaction signée hors ligne.',
  },
  requirements: ['R1', 'R5', 'R6', 'R7', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active', 'compromised'] }],
  steps: [
    {
      id: 'open', type: 'open',
      title: { en: 'Name the incident, the wallet and its replacement', fr: 'Nommer l’incident, le portefeuille et son remplaçant' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'incident', 'replacement', 'airGap', 'build'],
    },
    {
      id: 'declare-compromised', type: 'step',
      title: { en: 'Declare the wallet compromised', fr: 'Déclarer le portefeuille compromis' },
      signers: OFFICER_AND_WITNESS,
      records: ['wallet', 'incident'],
    },
    {
      id: 'generate', type: 'step',
      title: { en: 'Generate the replacement wallet', fr: 'Générer le portefeuille de remplacement' },
      signers: OFFICER_AND_WITNESS,
      records: ['fingerprint', 'accounts', 'entropy'],
    },
    {
      id: 'split', type: 'step',
      title: { en: 'Split it into shares', fr: 'Le partager en parts' },
      signers: OFFICER_AND_WITNESS,
      records: ['setId', 'threshold', 'shareCount', 'commitments'],
    },
    {
      id: 'hand-over', type: 'step',
      title: { en: 'Hand each share to its holder', fr: 'Remettre chaque part à son détenteur' },
      signers: [{ role: 'holder', min: 1, max: 1 }, { role: 'witness', min: 1 }],
      repeat: { min: 2, max: 16 },
      records: ['index', 'holder', 'media', 'fileName', 'bagSerial', 'commitment'],
    },
    {
      id: 'export-replacement', type: 'step',
      title: { en: 'Give the coordinator the replacement’s public descriptor', fr: 'Remettre au coordinateur le descripteur public du remplaçant' },
      signers: OFFICER_AND_WITNESS,
      records: ['fileName', 'sha256', 'fingerprint'],
    },
    {
      id: 'present-share', type: 'step',
      title: { en: 'A holder of the old wallet presents their share', fr: 'Un détenteur de l’ancien portefeuille présente sa part' },
      signers: [{ role: 'holder', min: 1, max: 1 }, { role: 'witness', min: 1 }],
      repeat: { min: 2, max: 16 },
      records: ['index', 'commitment', 'bag'],
    },
    {
      id: 'import-sweep', type: 'step',
      title: { en: 'Import the sweep prepared by the coordinator', fr: 'Importer le transfert préparé par le coordinateur' },
      signers: OFFICER_AND_WITNESS,
      records: ['psbtSha256', 'digest', 'network', 'inputs', 'outputs', 'totalIn', 'fee', 'feeRate'],
    },
    {
      id: 'sign-sweep', type: 'step',
      title: { en: 'Rebuild the old key and sign the sweep', fr: 'Reconstituer l’ancienne clé et signer le transfert' },
      signers: OFFICER_AND_WITNESS,
      records: ['shares', 'fingerprint', 'digest', 'txid', 'fileName', 'sha256'],
    },
    {
      id: 'close', type: 'close',
      title: { en: 'Close: the replacement is active, the sweep awaits confirmation', fr: 'Clore : le remplaçant est actif, le transfert attend sa confirmation' },
      signers: [{ role: 'officer', min: 1, max: 1 }, { role: 'witness', min: 2 }],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 2,
};
