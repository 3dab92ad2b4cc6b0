/**
 * Texts of the station-setup form, English and French.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const SETUP_TEXT = defineCatalogue({
  en: {
    passphraseLater: 'The officer chooses the new station key’s passphrase when the ceremony starts (12 characters or more, typed twice).',
    roster: 'The roster: each participant’s public key card and roles',
    addCard: 'Add a public key card',
    chooseCard: 'Choose public key card',
    remove: 'Remove',
  },
  fr: {
    passphraseLater: 'Le responsable choisit la phrase secrète de la nouvelle clé du poste au début de la cérémonie (12 caractères ou plus, tapée deux fois).',
    roster: 'La liste des participants : la carte de clé publique et les rôles de chacun',
    addCard: 'Ajouter une carte de clé publique',
    chooseCard: 'Choisir la carte de clé publique',
    remove: 'Retirer',
  },
});
