/**
 * Reconciliation (R8: at all times the quantity held equals the quantity recorded): balances per
 * address imported from the watch-only side (JSON or CSV) are attributed to the recorded wallets by
 * public derivation from their account keys, and compared with the holdings the record gives (the
 * last reconciled balance, less transfers signed since, plus sweeps received and the credits the
 * custodian's register declares). Every discrepancy, and every balance at an address no wallet
 * derives, is recorded and opens an incident in the register (docs/adr/0012).
 */
import { OFFICER_AND_WITNESS } from './common-steps.ts';
import type { ProcedureDefinition } from './definition.ts';

export const reconciliation: ProcedureDefinition = {
  id: 'reconciliation',
  version: 1,
  title: { en: 'Reconcile holdings', fr: 'Rapprocher les avoirs' },
  purpose: {
    en: 'Compare the balances seen on chain with the holdings the record gives, wallet by wallet, and open an incident for every discrepancy.',
    fr: 'Comparer les soldes observés sur la chaîne aux avoirs que donne le registre, portefeuille par portefeuille, et ouvrir un incident pour chaque écart.',
  },
  requirements: ['R8', 'R5'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Name the balances file', fr: 'Nommer le fichier des soldes' },
      signers: [{ role: 'officer', min: 1, max: 1 }],
      records: ['source', 'asOf', 'credits', 'airGap', 'build'],
    },
    {
      id: 'compare',
      type: 'step',
      title: { en: 'Compare held and recorded, wallet by wallet', fr: 'Comparer détenu et consigné, portefeuille par portefeuille' },
      signers: OFFICER_AND_WITNESS,
      records: ['wallets', 'unattributed'],
    },
    {
      id: 'discrepancy',
      type: 'step',
      title: { en: 'Record a discrepancy and open its incident', fr: 'Consigner un écart et ouvrir son incident' },
      signers: OFFICER_AND_WITNESS,
      repeat: { min: 0, max: 256 },
      records: ['incident', 'wallet', 'chain', 'address', 'recorded', 'held', 'difference'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close the reconciliation', fr: 'Clore le rapprochement' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 1 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 1,
};
