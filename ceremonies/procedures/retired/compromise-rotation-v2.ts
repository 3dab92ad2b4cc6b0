/**
 * Retired: compromise-rotation@2, kept verbatim so its ceremonies still verify (released.ts);
 * compromise-rotation@3 opens the incident of a bag found broken or missing. A rotation opened
 * under @2 finishes under @2. Compromise rotation (R1, R5, R10): opens from an incident in the register that names the wallet;
 * the wallet is declared compromised, a replacement is created as in create-wallet (same class and
 * owner), and its public descriptor goes to the watch-only coordinator, which prepares a sweep of
 * every coin to it. The ceremony waits, open, while the coordinator works (docs/adr/0012). Then the
 * old wallet's holders present a quorum of shares, the crypto core rebuilds the old wallet, checks
 * that the imported sweep spends only its coins and pays only the replacement, and signs; the
 * signed transaction leaves as a file with its txid recorded. Since compromise-rotation@2 the sweep
 * has an Ethereum leg too: one transfer request for the ether and one for each listed token the old
 * wallet holds, each paying the replacement's Ethereum address, each signed; together the legs move
 * every holding the record shows. The old wallet is retired when confirm-transfer ceremonies have
 * recorded the confirmation of every transfer of its sweep.
 */
import { OFFICER_AND_WITNESS, closeWithWitnesses, creationSteps, ethereumSteps, presentShares, psbtSteps } from '../common-steps.ts';
import type { ProcedureDefinition } from '../definition.ts';

export const compromiseRotationV2: ProcedureDefinition = {
  id: 'compromise-rotation',
  version: 2,
  title: { en: 'Rotate a compromised wallet', fr: 'Remplacer un portefeuille compromis' },
  purpose: {
    en: 'Declare a wallet compromised, create its replacement, and sweep every coin and token to it with transactions signed offline.',
    fr: 'Déclarer un portefeuille compromis, créer son remplaçant, et y transférer tous les fonds et jetons par des transactions signées hors ligne.',
  },
  requirements: ['R1', 'R5', 'R6', 'R7', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active', 'compromised'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the incident, the wallet and its replacement', fr: 'Nommer l’incident, le portefeuille et son remplaçant' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'incident', 'replacement', 'airGap', 'build'],
    },
    {
      id: 'declare-compromised',
      type: 'step',
      title: { en: 'Declare the wallet compromised', fr: 'Déclarer le portefeuille compromis' },
      signers: OFFICER_AND_WITNESS,
      records: ['wallet', 'incident'],
    },
    ...creationSteps({ en: 'Generate the replacement wallet', fr: 'Générer le portefeuille de remplacement' }),
    {
      id: 'export-replacement',
      type: 'step',
      title: { en: 'Give the coordinator the replacement’s public descriptor', fr: 'Remettre au coordinateur le descripteur public du remplaçant' },
      signers: OFFICER_AND_WITNESS,
      records: ['fileName', 'sha256', 'fingerprint'],
    },
    presentShares({ en: 'A holder of the old wallet presents their share', fr: 'Un détenteur de l’ancien portefeuille présente sa part' }),
    ...psbtSteps(
      'import-sweep',
      { en: 'Bitcoin: import the sweep prepared by the coordinator', fr: 'Bitcoin : importer le transfert préparé par le coordinateur' },
      'sign-sweep',
      { en: 'Bitcoin: rebuild the old key and sign the sweep', fr: 'Bitcoin : reconstituer l’ancienne clé et signer le transfert' },
    ).map((step) => ({ ...step, repeat: { min: 0, max: 1 } })),
    ...ethereumSteps(
      'import-eth-sweep',
      { en: 'Ethereum: import each transfer of the sweep (ether, each token)', fr: 'Ethereum : importer chaque transfert du balayage (ether, chaque jeton)' },
      'sign-eth-sweep',
      { en: 'Ethereum: sign each transfer of the sweep', fr: 'Ethereum : signer chaque transfert du balayage' },
    ).map((step) => ({ ...step, repeat: { min: 0, max: 16 } })),
    closeWithWitnesses({
      en: 'Close: the replacement is active, the sweep awaits confirmation',
      fr: 'Clore : le remplaçant est actif, le transfert attend sa confirmation',
    }),
  ],
  checkpointWitnesses: 2,
};
