/**
 * Restitution (R6, R9): client assets go back by transfer, never by handing over a key. A quorum of
 * approvers (distinct keys) signs the exact asset, destination and amount; holders present a quorum
 * of shares and the crypto core signs what the watch-only coordinator prepared, if it moves exactly
 * that: on Bitcoin, a PSBT paying the destination, any other output returning as change to the same
 * wallet; on Ethereum (restitution@2), a transfer request moving Ether or a token on the station's
 * list from the wallet's own address, with a nonce never used before. The signed transaction leaves
 * as a file with its id recorded. No step records or exports a key, seed or mnemonic. A bag found
 * broken or missing opens its incident before anything is imported (restitution@3), as in a drill.
 */
import { closeWithWitnesses, ethereumSteps, presentShares, psbtSteps, sealIncidentStep } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

/** Exactly one of the two legs happens: the Bitcoin one or the Ethereum one. */
const EITHER = { min: 0, max: 1 };

export const restitution: ProcedureDefinition = {
  id: 'restitution',
  version: 3,
  title: { en: 'Return client assets by transfer', fr: 'Restituer des actifs au client par transfert' },
  purpose: {
    en: 'Transfer a client’s assets (bitcoin, ether or a listed token) to the destination a quorum of approvers approved, with a transaction signed offline.',
    fr: 'Transférer les actifs d’un client (bitcoins, ether ou un jeton listé) vers la destination approuvée par un quorum d’approbateurs, par une transaction signée hors ligne.',
  },
  requirements: ['R6', 'R9', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active'], classes: ['client'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the client wallet and the request', fr: 'Nommer le portefeuille client et la demande' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'clientRef', 'request', 'network', 'asset', 'airGap', 'build'],
    },
    {
      id: 'approve',
      type: 'step',
      title: { en: 'Approvers sign the exact asset, destination and amount', fr: 'Les approbateurs signent l’actif, la destination et le montant exacts' },
      signers: [{ role: 'approver', min: 2 }],
      records: ['wallet', 'asset', 'destination', 'amount', 'network'],
    },
    presentShares({ en: 'A holder presents their share', fr: 'Un détenteur présente sa part' }),
    sealIncidentStep(),
    ...psbtSteps(
      'import-psbt',
      { en: 'Bitcoin: import the transaction prepared by the coordinator', fr: 'Bitcoin : importer la transaction préparée par le coordinateur' },
      'sign',
      { en: 'Bitcoin: rebuild the key and sign the approved transaction', fr: 'Bitcoin : reconstituer la clé et signer la transaction approuvée' },
    ).map((step) => ({ ...step, repeat: EITHER })),
    ...ethereumSteps(
      'import-eth-request',
      {
        en: 'Ethereum: import the transfer request prepared by the coordinator',
        fr: 'Ethereum : importer la demande de transfert préparée par le coordinateur',
      },
      'sign-eth',
      { en: 'Ethereum: rebuild the key and sign the approved transfer', fr: 'Ethereum : reconstituer la clé et signer le transfert approuvé' },
    ).map((step) => ({ ...step, repeat: EITHER })),
    closeWithWitnesses({ en: 'Close: the transfer awaits confirmation', fr: 'Clore : le transfert attend sa confirmation' }),
  ],
  checkpointWitnesses: 2,
};
