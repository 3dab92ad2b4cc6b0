/**
 * Reshare (R1, R10; issue 19, "Reshare"; ADR 0032): the same wallet under a new set of shares. A
 * quorum of the current set rebuilds the wallet in the crypto core, which must reproduce the
 * recorded fingerprint; the core splits it again into a new set (new set id, new m-of-n, new
 * holders), each new share handed over and proven; then every share of the old set is destroyed in
 * front of a witness. The wallet keeps its keys (same fingerprint, same account keys: no on-chain
 * move). The opening states the residual risk plainly: a copy of m old shares kept outside the
 * ceremony would still rebuild the key, and such a copy, if suspected, is an incident answered by a
 * compromise rotation. A bag found broken or missing opens its incident here as in a drill.
 */
import { OFFICER_AND_WITNESS, closeWithWitnesses, presentShares, sealIncidentStep } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const reshare: ProcedureDefinition = {
  id: 'reshare',
  version: 1,
  title: { en: 'Reshare a wallet', fr: 'Repartager un portefeuille' },
  purpose: {
    en: 'Split the same wallet into a new set of shares for new holders or a new quorum, and destroy every share of the old set, without moving funds.',
    fr: 'Partager à nouveau le même portefeuille en un nouveau jeu de parts, pour de nouveaux détenteurs ou un nouveau quorum, et détruire chaque part de l’ancien jeu, sans déplacer de fonds.',
  },
  requirements: ['R1', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the wallet, the new quorum, its holders and the reason', fr: 'Nommer le portefeuille, le nouveau quorum, ses détenteurs et le motif' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'fingerprint', 'oldSet', 'threshold', 'shareCount', 'holders', 'reason', 'residualRisk', 'airGap', 'build'],
    },
    presentShares({ en: 'A holder of the old set presents their share', fr: 'Un détenteur de l’ancien jeu présente sa part' }),
    sealIncidentStep(),
    {
      id: 'reconstruct',
      type: 'step',
      title: { en: 'A quorum of the old set rebuilds the wallet', fr: 'Un quorum de l’ancien jeu reconstitue le portefeuille' },
      signers: OFFICER_AND_WITNESS,
      records: ['shares', 'fingerprint'],
    },
    {
      id: 'split',
      type: 'step',
      title: { en: 'Split it into the new set', fr: 'Le partager en un nouveau jeu' },
      signers: OFFICER_AND_WITNESS,
      records: ['setId', 'threshold', 'shareCount', 'commitments'],
    },
    {
      id: 'hand-over',
      type: 'step',
      title: { en: 'Hand each new share to its holder', fr: 'Remettre chaque nouvelle part à son détenteur' },
      signers: [
        { role: 'holder', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      repeat: { min: 2, max: 16 },
      records: ['index', 'holder', 'media', 'fileName', 'bagSerial', 'commitment'],
    },
    {
      id: 'destroy-share',
      type: 'step',
      title: { en: 'Destroy each share of the old set in front of a witness', fr: 'Détruire chaque part de l’ancien jeu devant un témoin' },
      signers: [
        { role: 'holder', min: 0, max: 1 },
        { role: 'witness', min: 1 },
      ],
      repeat: { min: 2, max: 16 },
      records: ['setId', 'index', 'method', 'mediaId', 'bagSerial', 'filesOverwritten'],
    },
    closeWithWitnesses({
      en: 'Close: the wallet is under its new set, the old set destroyed',
      fr: 'Clore : le portefeuille est sous son nouveau jeu, l’ancien détruit',
    }),
  ],
  checkpointWitnesses: 2,
};
