/**
 * Texts of the token-list and watch-only-export forms (procedures token-list and watch-only-export;
 * docs/cli.md), English and French: why the list changes, each token's chain, contract, symbol and
 * decimals; the wallet to export and the file to write for the coordinator.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const TOKEN_LIST_TEXT = defineCatalogue({
  en: {
    reason: 'Why the list changes (recorded)',
    tokensSection: 'The station’s token list after this ceremony',
    tokensHelp:
      'The whole list: a token left out can no longer be signed for. Take each contract address from the issuer’s own publication, and read it aloud with the witness.',
    tokenTitle: (n: number) => `Token ${n}`,
    chain: 'Network',
    contract: 'Contract address (0x and 40 hexadecimal digits)',
    symbol: 'Symbol',
    decimals: 'Decimals',
    addToken: 'Add a token',
    removeToken: 'Remove this token',
    needReason: 'the reason',
    needToken: (n: number) => `token ${n}: its contract, symbol and decimals`,
    exportSection: 'The wallet and the file for the coordinator',
    exportWallet: 'Wallet to export',
    chooseWallet: 'Choose a wallet',
    exportFile: 'File to write (on the coordinator’s medium)',
    chooseExportFile: 'Choose where to write it',
    exportFileChosen: (name: string) => `Export file: ${name}`,
    noExportFile: 'no file chosen',
    exportHelp:
      'The export holds the account keys, the output descriptors, the QR text Sparrow scans (crypto-account) and the Ethereum addresses: nothing that can spend. Its fingerprint is recorded.',
    witness: 'Witness',
    needExportFile: 'the file to write',
  },
  fr: {
    reason: 'Pourquoi la liste change (consigné)',
    tokensSection: 'La liste des jetons du poste après cette cérémonie',
    tokensHelp:
      'La liste entière : un jeton qui n’y figure plus ne peut plus être signé. Prenez chaque adresse de contrat dans la publication de l’émetteur lui-même, et lisez-la à voix haute avec le témoin.',
    tokenTitle: (n: number) => `Jeton ${n}`,
    chain: 'Réseau',
    contract: 'Adresse du contrat (0x et 40 chiffres hexadécimaux)',
    symbol: 'Symbole',
    decimals: 'Décimales',
    addToken: 'Ajouter un jeton',
    removeToken: 'Retirer ce jeton',
    needReason: 'le motif',
    needToken: (n: number) => `le jeton ${n} : son contrat, son symbole et ses décimales`,
    exportSection: 'Le portefeuille et le fichier pour le coordinateur',
    exportWallet: 'Portefeuille à exporter',
    chooseWallet: 'Choisir un portefeuille',
    exportFile: 'Fichier à écrire (sur le support du coordinateur)',
    chooseExportFile: 'Choisir où l’écrire',
    exportFileChosen: (name: string) => `Fichier d’export : ${name}`,
    noExportFile: 'aucun fichier choisi',
    exportHelp:
      'L’export contient les clés de compte, les descripteurs de sortie, le texte du QR que Sparrow lit (crypto-account) et les adresses Ethereum : rien qui permette de dépenser. Son empreinte est consignée.',
    witness: 'Témoin',
    needExportFile: 'le fichier à écrire',
  },
});
