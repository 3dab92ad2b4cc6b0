/**
 * Texts of the roster forms (enrol-participant, revoke-participant), English and French.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const ROSTER_TEXT = defineCatalogue({
  en: {
    witness: 'Witness',
    newPerson: 'The person enrolled (signs to prove they hold their key)',
    publicKeyCard: 'Their public key card',
    chooseCard: 'Choose public key card',
    roles: 'Roles on this station',
    revokeWho: 'Participant whose key is revoked',
    choosePerson: 'Choose a participant',
    reason: 'Reason (recorded)',
  },
  fr: {
    witness: 'Témoin',
    newPerson: 'La personne enrôlée (signe pour prouver qu’elle détient sa clé)',
    publicKeyCard: 'Sa carte de clé publique',
    chooseCard: 'Choisir la carte de clé publique',
    roles: 'Rôles sur ce poste',
    revokeWho: 'Participant dont la clé est révoquée',
    choosePerson: 'Choisir un participant',
    reason: 'Motif (enregistré)',
  },
});
