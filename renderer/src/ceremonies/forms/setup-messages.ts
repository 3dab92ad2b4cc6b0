/**
 * Texts of the station-setup form, English and French.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const SETUP_TEXT = defineCatalogue({
  en: {
    newPassphrase: 'New station passphrase',
    repeatPassphrase: 'The station passphrase again',
    mismatch: 'The two station passphrases differ.',
    roster: 'The roster: each participant’s public key card and roles',
    addCard: 'Add a public key card',
    chooseCard: 'Choose public key card',
    remove: 'Remove',
  },
  fr: {
    newPassphrase: 'Nouvelle phrase secrète du poste',
    repeatPassphrase: 'La phrase secrète du poste, de nouveau',
    mismatch: 'Les deux phrases secrètes du poste diffèrent.',
    roster: 'La liste des participants : la carte de clé publique et les rôles de chacun',
    addCard: 'Ajouter une carte de clé publique',
    chooseCard: 'Choisir la carte de clé publique',
    remove: 'Retirer',
  },
});
