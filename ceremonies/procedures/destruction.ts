/**
 * Destruction (R1, R10): only for a retired wallet, for one whose zero balance a quorum of
 * approvers attests, or for the shares already handed over of a creation that was aborted (version
 * 2: an aborted creation's distributed shares are listed for destruction; ADR 0017). Each share is
 * destroyed in front of a witness, with the method (shred or wipe), the medium's id and the bag
 * serial; sealed share files reachable from the station are overwritten and removed. The wallet is
 * destroyed when all its shares are; a partial destruction stays visible in the inventory share by
 * share.
 */
import { closeWithWitnesses } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const destruction: ProcedureDefinition = {
  id: 'destruction',
  version: 2,
  title: { en: 'Destroy a wallet’s shares', fr: 'Détruire les parts d’un portefeuille' },
  purpose: {
    en: 'Destroy every share of a retired (or attested empty) wallet, or of a creation that was aborted, in front of witnesses, share by share.',
    fr: 'Détruire chaque part d’un portefeuille retiré (ou attesté vide), ou d’une création interrompue, devant témoins, part par part.',
  },
  requirements: ['R1', 'R10'],
  preconditions: [{ field: 'wallet', states: ['retired', 'active', 'compromised', 'aborted'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the wallet and why it may be destroyed', fr: 'Nommer le portefeuille et pourquoi il peut être détruit' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'basis', 'fingerprint', 'airGap', 'build'],
    },
    {
      id: 'attest-zero-balance',
      type: 'step',
      title: { en: 'Approvers attest the wallet holds nothing', fr: 'Les approbateurs attestent que le portefeuille est vide' },
      signers: [
        { role: 'approver', min: 2 },
        { role: 'witness', min: 1 },
      ],
      repeat: { min: 0, max: 1 },
      records: ['wallet', 'balance', 'asOf', 'source'],
    },
    {
      id: 'destroy-share',
      type: 'step',
      title: { en: 'Destroy one share in front of a witness', fr: 'Détruire une part devant un témoin' },
      signers: [
        { role: 'holder', min: 0, max: 1 },
        { role: 'witness', min: 1 },
      ],
      repeat: { min: 1, max: 16 },
      records: ['index', 'method', 'mediaId', 'bagSerial', 'filesOverwritten'],
    },
    closeWithWitnesses({ en: 'Close: the shares named are destroyed', fr: 'Clore : les parts nommées sont détruites' }),
  ],
  checkpointWitnesses: 2,
};
