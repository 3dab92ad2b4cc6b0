/**
 * Texts of the confirm-transfer form, English and French.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const CONFIRM_TEXT = defineCatalogue({
  en: {
    witness: 'Witness',
    transfer: 'Transfer seen on chain',
    chooseTransfer: 'Choose a signed transfer',
    transferLine: (kind: string, wallet: string, txid: string) => `${kind} from ${wallet}, transaction ${txid}`,
    sweep: 'Sweep',
    restitution: 'Restitution',
    blockHeight: 'Block height',
    confirmations: 'Confirmations',
    feePaid: 'Fee paid (wei), as the coordinator read it once mined',
    feePaidHelp: 'Gas used × the price paid; at most the maximum the approval allowed. It is taken from the wallet’s ether.',
    retire: 'This was the final restitution: retire the client wallet',
    none: 'No signed transfer waits for its confirmation.',
  },
  fr: {
    witness: 'Témoin',
    transfer: 'Transfert constaté sur la chaîne',
    chooseTransfer: 'Choisir un transfert signé',
    transferLine: (kind: string, wallet: string, txid: string) => `${kind} depuis ${wallet}, transaction ${txid}`,
    sweep: 'Balayage',
    restitution: 'Restitution',
    blockHeight: 'Hauteur de bloc',
    confirmations: 'Confirmations',
    feePaid: 'Frais payés (wei), tels que le coordinateur les a lus une fois la transaction minée',
    feePaidHelp: 'Gaz consommé × prix payé ; au plus le maximum que l’approbation permettait. Ils sont prélevés sur l’ether du portefeuille.',
    retire: 'C’était la restitution finale : retirer le portefeuille client',
    none: 'Aucun transfert signé n’attend sa confirmation.',
  },
});
