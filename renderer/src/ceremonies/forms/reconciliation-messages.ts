/**
 * Texts of the reconciliation form (procedure reconciliation; R8, R5; docs/cli.md "`reconciliation`"
 * and "Balances file"), English and French: the balances file and the forms it may take, when the
 * balances were seen, the deposits declared since the last reconciliation, the address gap, and what
 * becomes of each difference. Format tokens (the CSV header, a JSON sample) are shown as code, the
 * same in both languages.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const RECONCILIATION_TEXT = defineCatalogue({
  en: {
    witness: 'Witness',
    needBalancesFile: 'the balances file',
    needBalancesDate: 'the date the balances were observed',
    needBalancesTime: 'a UTC time as hh:mm or hh:mm:ss, or none',
    needCredit: (n: number) => `deposit ${n}: its wallet, chain, amount and reference`,
    needGap: 'a number of addresses from 1 to 5,000',
    balancesSection: 'The balances seen on chain',
    balancesFile: 'Balances file exported by the watch-only side',
    chooseBalances: 'Choose the balances file',
    balancesChosen: (name: string) => `Balances file: ${name}`,
    noBalances: 'no balances file chosen',
    formatsIntro: 'Three forms are accepted, told apart by their first character:',
    formatObject: 'a JSON object, each address with its amount:',
    formatList: 'a JSON list of address and amount pairs:',
    formatCsv: 'a CSV file whose first line is the header',
    formatAmounts:
      'Amounts are in coins, written as text, never as a bare JSON number; an empty address is written “0”. An address is listed once. At most 20 MB.',
    asOf: 'Balances observed on (date)',
    asOfTime: 'At (UTC time, optional)',
    asOfHelp: 'When the watch-only side read these balances. Without a time, the date alone is recorded.',
    creditsSection: 'Deposits since the last reconciliation (optional)',
    creditsHelp:
      'The offline record cannot see deposits. Declare each deposit the custodian’s register shows since the last reconciliation; one left out shows as a discrepancy.',
    creditTitle: (n: number) => `Deposit ${n}`,
    creditWallet: 'Wallet credited',
    chooseWallet: 'Choose a wallet',
    creditChain: 'Chain of that wallet',
    creditAsset: 'Asset deposited (ETH, or a token of the station’s list)',
    creditAmount: 'Amount in coins, as decimal text (for example 0.75)',
    creditReference: 'Reference in the custodian’s register',
    addCredit: 'Declare a deposit',
    removeCredit: 'Remove this deposit',
    gap: 'Addresses derived per account (1 to 5,000)',
    gapHelp:
      'How many receive and change addresses of each account the station derives to recognise the wallets’ coins. A balance beyond this gap counts as an address no wallet derives, and opens an incident.',
    whatHappens:
      'For each wallet and chain, what is held on chain is compared with what the record gives plus the deposits declared. Every difference, and every balance at an address no wallet derives, is recorded and opens an incident in the register (reference REC-…); the outcome lists them.',
  },
  fr: {
    witness: 'Témoin',
    needBalancesFile: 'le fichier des soldes',
    needBalancesDate: 'la date à laquelle les soldes ont été observés',
    needBalancesTime: 'une heure UTC au format hh:mm ou hh:mm:ss, ou aucune',
    needCredit: (n: number) => `le dépôt ${n} : son portefeuille, sa chaîne, son montant et sa référence`,
    needGap: 'un nombre d’adresses de 1 à 5 000',
    balancesSection: 'Les soldes observés sur la chaîne',
    balancesFile: 'Fichier des soldes exporté par le poste en lecture seule',
    chooseBalances: 'Choisir le fichier des soldes',
    balancesChosen: (name: string) => `Fichier des soldes : ${name}`,
    noBalances: 'aucun fichier des soldes choisi',
    formatsIntro: 'Trois formes sont acceptées, reconnues à leur premier caractère :',
    formatObject: 'un objet JSON, chaque adresse avec son montant :',
    formatList: 'une liste JSON de couples adresse et montant :',
    formatCsv: 'un fichier CSV dont la première ligne est l’en-tête',
    formatAmounts:
      'Les montants sont en unités de la chaîne (BTC, ETH), écrits comme du texte, jamais comme un nombre JSON nu ; une adresse vide s’écrit « 0 ». Chaque adresse figure une seule fois. 20 Mo au plus.',
    asOf: 'Soldes observés le (date)',
    asOfTime: 'À (heure UTC, facultative)',
    asOfHelp: 'Le moment où le poste en lecture seule a relevé ces soldes. Sans heure, seule la date est consignée.',
    creditsSection: 'Dépôts reçus depuis le dernier rapprochement (facultatif)',
    creditsHelp:
      'Le registre hors ligne ne voit pas les dépôts. Déclarez chaque dépôt que le registre du conservateur montre depuis le dernier rapprochement ; un dépôt omis apparaît comme un écart.',
    creditTitle: (n: number) => `Dépôt ${n}`,
    creditWallet: 'Portefeuille crédité',
    chooseWallet: 'Choisir un portefeuille',
    creditChain: 'Chaîne de ce portefeuille',
    creditAsset: 'Actif déposé (ETH, ou un jeton de la liste du poste)',
    creditAmount: 'Montant en unités de la chaîne, en texte décimal avec un point (par exemple 0.75)',
    creditReference: 'Référence dans le registre du conservateur',
    addCredit: 'Déclarer un dépôt',
    removeCredit: 'Retirer ce dépôt',
    gap: 'Adresses dérivées par compte (de 1 à 5 000)',
    gapHelp:
      'Combien d’adresses de réception et de rendu de monnaie de chaque compte le poste dérive pour reconnaître les fonds des portefeuilles. Un solde au-delà de cette limite compte comme une adresse qu’aucun portefeuille ne dérive, et ouvre un incident.',
    whatHappens:
      'Pour chaque portefeuille et chaque chaîne, ce qui est détenu sur la chaîne est comparé à ce que donne le registre, augmenté des dépôts déclarés. Chaque écart, et chaque solde à une adresse qu’aucun portefeuille ne dérive, est consigné et ouvre un incident au registre (référence REC-…) ; le résultat les énumère.',
  },
});
