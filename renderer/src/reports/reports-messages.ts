/**
 * Texts of the reports screen: the inventory report, the incident report of a period and a
 * ceremony's transcript, each saved as a PDF. English and French (the reports themselves are
 * written by main in the language chosen here: main/app/reports/report-text.ts).
 */
import { defineCatalogue } from '../../../common/i18n/catalogue.ts';

export const REPORTS_TEXT = defineCatalogue({
  en: {
    navReports: 'Reports',
    heading: 'Reports',
    intro:
      'Each report is made from the station’s record, in the language of this screen, and saved as a PDF where you choose. It replays the record; run “custos verify” to check its signatures.',
    needDataDir: 'Open the station’s data directory first.',
    openDataDir: 'Open a data directory',
    inventoryTitle: 'Inventory report',
    inventoryHelp: 'Wallets by class and state, their quorum, the shares with their holders and bag serials, holdings, last drills and open incidents.',
    incidentsTitle: 'Incident report',
    incidentsHelp: 'The incidents recorded, closed or still open in a period, with every field of the register and their history.',
    from: 'From',
    to: 'To',
    ceremonyTitle: 'Ceremony transcript',
    ceremonyHelp: 'One ceremony: each signed entry in order, who signed it, its code read aloud, what it recorded, and the checkpoint after the close.',
    ceremony: 'Choose the ceremony',
    noCeremony: 'No ceremony is recorded yet.',
    ceremonyOption: (procedure: string, id: string, state: string) => `${procedure} — ${id} (${state})`,
    scriptTitle: 'Ceremony script',
    scriptHelp:
      'Before a ceremony: its steps in order, who signs each, the people expected by role, and boxes for the witnesses’ times, initials and notes. Name the wallet to list the bags its holders must bring, with the serial each should show.',
    procedure: 'Choose the procedure',
    walletForBags: 'Bags of the wallet',
    noWallet: 'none',
    stateOpen: 'ceremony still open',
    stateClosed: 'ceremony closed',
    stateAborted: 'ceremony aborted',
    save: 'Save as PDF',
    saving: 'Saving…',
    saved: (name: string) => `Saved as ${name}.`,
    notSaved: 'Not saved: the save dialog was closed.',
  },
  fr: {
    navReports: 'Rapports',
    heading: 'Rapports',
    intro:
      'Chaque rapport est établi à partir du registre du poste, dans la langue de cet écran, et enregistré en PDF à l’endroit de votre choix. Il rejoue le registre ; lancez « custos verify » pour en vérifier les signatures.',
    needDataDir: 'Ouvrez d’abord le répertoire de données du poste.',
    openDataDir: 'Ouvrir un répertoire de données',
    inventoryTitle: 'Rapport d’inventaire',
    inventoryHelp:
      'Les portefeuilles par catégorie et par état, leur quorum, les parts avec leurs détenteurs et numéros de sachet, les avoirs, les derniers exercices et les incidents ouverts.',
    incidentsTitle: 'Rapport d’incidents',
    incidentsHelp: 'Les incidents enregistrés, clos ou encore ouverts dans une période, avec tous les champs du registre et leur historique.',
    from: 'Du',
    to: 'Au',
    ceremonyTitle: 'Procès-verbal de cérémonie',
    ceremonyHelp:
      'Une cérémonie : chaque entrée signée dans l’ordre, ses signataires, son code lu à voix haute, ce qu’elle enregistre, et le point de contrôle après la clôture.',
    ceremony: 'Choisissez la cérémonie',
    noCeremony: 'Aucune cérémonie n’est encore enregistrée.',
    ceremonyOption: (procedure: string, id: string, state: string) => `${procedure} — ${id} (${state})`,
    scriptTitle: 'Déroulé de cérémonie',
    scriptHelp:
      'Avant une cérémonie : ses étapes dans l’ordre, qui signe chacune, les personnes attendues par rôle, et des cases pour les heures, les paraphes et les remarques des témoins. Choisissez le portefeuille pour lister les sachets que ses détenteurs doivent apporter, avec le numéro que chacun doit montrer.',
    procedure: 'Choisissez la procédure',
    walletForBags: 'Sachets du portefeuille',
    noWallet: 'aucun',
    stateOpen: 'cérémonie encore ouverte',
    stateClosed: 'cérémonie close',
    stateAborted: 'cérémonie interrompue',
    save: 'Enregistrer en PDF',
    saving: 'Enregistrement…',
    saved: (name: string) => `Enregistré sous ${name}.`,
    notSaved: 'Rien n’a été enregistré : la fenêtre d’enregistrement a été fermée.',
  },
});
