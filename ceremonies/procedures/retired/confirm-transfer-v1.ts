/**
 * confirm-transfer@1, as released (retired by confirm-transfer@2, which also records the fee an
 * Ethereum transfer paid; ceremonies/procedures/released.ts): kept unchanged so that its ceremonies
 * still verify.
 *
 * Confirm a transfer (R8, R10): the officer records, from the watch-only side, that a transaction
 * signed in a sweep or a restitution is confirmed on chain (block height and confirmations); a
 * witness co-signs. A confirmed sweep retires the compromised wallet; a restitution marked final
 * retires the client wallet once the client has been paid back.
 */
import type { ProcedureDefinition } from '../definition.ts';

export const confirmTransferV1: ProcedureDefinition = {
  id: 'confirm-transfer',
  version: 1,
  title: { en: 'Confirm a transfer', fr: 'Confirmer un transfert' },
  purpose: {
    en: 'Record that a signed sweep or restitution is confirmed on chain; a confirmed sweep retires the old wallet.',
    fr: 'Consigner qu’un transfert signé (remplacement ou restitution) est confirmé sur la chaîne ; un remplacement confirmé retire l’ancien portefeuille.',
  },
  requirements: ['R8', 'R10'],
  preconditions: [{ field: 'wallet', states: ['active', 'compromised'] }],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the transfer and its confirmation', fr: 'Nommer le transfert et sa confirmation' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['wallet', 'txid', 'kind', 'blockHeight', 'confirmations', 'retireWallet', 'airGap', 'build'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close: the transfer is confirmed', fr: 'Clore : le transfert est confirmé' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 1,
};
