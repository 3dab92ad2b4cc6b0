/**
 * restitution@1, as released (retired by restitution@2, which also moves Ether and listed ERC-20
 * tokens; ceremonies/procedures/released.ts): kept unchanged so that its ceremonies still verify.
 *
 * Restitution (R6, R9): client assets go back by transfer, never by handing over a key. A quorum of
 * approvers (distinct keys) signs the exact destination and amount; the PSBT the watch-only
 * coordinator prepared must pay exactly that, with any other output returning as change to the same
 * wallet; holders present a quorum of shares, the crypto core signs, and the signed transaction
 * leaves as a file with its txid recorded. No step records or exports a key, seed or mnemonic.
 */
import { closeWithWitnesses, presentShares, psbtSteps } from '../common-steps.ts';
import type { ProcedureDefinition } from '../definition.ts';

export const restitutionV1: ProcedureDefinition = {
  id: 'restitution',
  version: 1,
  title: { en: 'Return client assets by transfer', fr: 'Restituer des actifs au client par transfert' },
  purpose: {
    en: 'Transfer a client’s assets to the destination a quorum of approvers approved, with a transaction signed offline.',
    fr: 'Transférer les actifs d’un client vers la destination approuvée par un quorum d’approbateurs, par une transaction signée hors ligne.',
  },
  requirements: ['R6', 'R9', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active'], classes: ['client'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the client wallet and the request', fr: 'Nommer le portefeuille client et la demande' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'clientRef', 'request', 'network', 'airGap', 'build'],
    },
    {
      id: 'approve',
      type: 'step',
      title: { en: 'Approvers sign the exact destination and amount', fr: 'Les approbateurs signent la destination et le montant exacts' },
      signers: [{ role: 'approver', min: 2 }],
      records: ['wallet', 'destination', 'amount', 'network'],
    },
    presentShares({ en: 'A holder presents their share', fr: 'Un détenteur présente sa part' }),
    ...psbtSteps(
      'import-psbt',
      { en: 'Import the transaction prepared by the coordinator', fr: 'Importer la transaction préparée par le coordinateur' },
      'sign',
      { en: 'Rebuild the key and sign the approved transaction', fr: 'Reconstituer la clé et signer la transaction approuvée' },
    ),
    closeWithWitnesses({ en: 'Close: the transfer awaits confirmation', fr: 'Clore : le transfert attend sa confirmation' }),
  ],
  checkpointWitnesses: 2,
};
