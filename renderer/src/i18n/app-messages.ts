/**
 * Texts of the application frame: navigation, the station chooser and the air-gap banner.
 */
import { defineCatalogue } from '../../../common/i18n/catalogue.ts';

export const APP_TEXT = defineCatalogue({
  en: {
    navInventory: 'Inventory',
    navCeremonies: 'Ceremonies',
    navAuditor: 'Auditor',
    openDataDir: 'Open a data directory',
    dataDirLabel: 'Station:',
    noDataDir: 'no data directory open',
    offline: 'Offline: no network interface, route or radio is up.',
    online: (reasons: string) => `ONLINE — disconnect this machine before any ceremony (${reasons}).`,
    airGapUnknown: 'The network state could not be read.',
  },
  fr: {
    navInventory: 'Inventaire',
    navCeremonies: 'Cérémonies',
    navAuditor: 'Audit',
    openDataDir: 'Ouvrir un répertoire de données',
    dataDirLabel: 'Poste :',
    noDataDir: 'aucun répertoire de données ouvert',
    offline: 'Hors ligne : aucune interface, route ou radio réseau active.',
    online: (reasons: string) => `EN LIGNE — déconnectez ce poste avant toute cérémonie (${reasons}).`,
    airGapUnknown: 'L’état du réseau n’a pas pu être lu.',
  },
});
