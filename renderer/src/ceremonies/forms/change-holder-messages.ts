/**
 * Texts of the change-holder form (procedure change-holder: docs/cli.md `change-holder`), English
 * and French. The texts shared with the other forms (attestations, share media, bags) are in
 * ceremony-messages.ts.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const CHANGE_HOLDER_TEXT = defineCatalogue({
  en: {
    wallet: 'Wallet (active)',
    chooseWallet: 'Choose a wallet',
    noWallet: 'No wallet is active on this station.',
    sharesOf: 'Its shares today',
    shareLine: (index: number, holder: string, bag: string) => `Share ${index}: held by ${holder}, bag ${bag}`,
    reason: 'Why the share changes hands (recorded, at most 400 characters)',
    outgoingSection: 'The outgoing holder presents the share',
    roleOutgoing: 'Outgoing holder',
    previousFiles: 'Copies of this share file the station can reach, to overwrite and remove (optional)',
    addPreviousFile: 'Add a file to overwrite',
    previousChosen: (name: string) => `To overwrite: ${name}`,
    incomingSection: 'The incoming holder receives it',
    roleIncoming: 'Incoming holder',
    incomingRule: 'The incoming holder holds the holder role and no other share of this wallet.',
    incomingMedium: 'The share is sealed to the incoming holder’s own passphrase, in a file written to their medium, then read back and proven.',
    incomingFolder: 'Folder on the incoming holder’s medium',
    incomingBag: 'Serial of the incoming holder’s new bag',
    confirm: 'The incoming holder has their medium, sealed in its new bag.',
  },
  fr: {
    wallet: 'Portefeuille (actif)',
    chooseWallet: 'Choisir un portefeuille',
    noWallet: 'Aucun portefeuille n’est actif sur ce poste.',
    sharesOf: 'Ses parts aujourd’hui',
    shareLine: (index: number, holder: string, bag: string) => `Part ${index} : détenue par ${holder}, sachet ${bag}`,
    reason: 'Pourquoi la part change de mains (enregistré, 400 caractères au plus)',
    outgoingSection: 'Le détenteur sortant présente la part',
    roleOutgoing: 'Détenteur sortant',
    previousFiles: 'Copies de ce fichier de part accessibles au poste, à écraser puis supprimer (facultatif)',
    addPreviousFile: 'Ajouter un fichier à écraser',
    previousChosen: (name: string) => `À écraser : ${name}`,
    incomingSection: 'Le détenteur entrant la reçoit',
    roleIncoming: 'Détenteur entrant',
    incomingRule: 'Le détenteur entrant a le rôle de détenteur et ne détient aucune autre part de ce portefeuille.',
    incomingMedium: 'La part est scellée par la phrase secrète propre au détenteur entrant, dans un fichier écrit sur son support, puis relue et prouvée.',
    incomingFolder: 'Dossier sur le support du détenteur entrant',
    incomingBag: 'Numéro du nouveau sachet du détenteur entrant',
    confirm: 'Le détenteur entrant a reçu son support, scellé dans son nouveau sachet.',
  },
});
