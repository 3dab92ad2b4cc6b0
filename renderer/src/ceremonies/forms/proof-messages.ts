/**
 * Texts of the proof-of-control form (procedure proof-of-control: docs/cli.md `proof-of-control`;
 * docs/proof-of-control.md; ADR 0033), English and French. The texts shared with the other forms
 * (attestations, shares presented) are in ceremony-messages.ts.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const PROOF_TEXT = defineCatalogue({
  en: {
    wallet: 'Wallet',
    chooseWallet: 'Choose a wallet',
    chain: 'Chain of the address',
    address: 'Address to prove',
    addressLine: (index: number, address: string) => `Receive address ${index}: ${address}`,
    otherAddress: 'Another of its receive addresses (typed)',
    typedAddress: 'Address, as the auditor wrote it',
    requestedBy: 'Who asks for the proof (recorded, at most 200 characters)',
    challengeSection: 'The challenge',
    challengeHelp:
      'A short text file from the auditor (a sentence naming them, with a nonce and a date), at most 2,048 bytes. It is recorded in full and shown to each person before they sign. No funds move.',
    chooseChallenge: 'Choose the challenge file',
    challengeChosen: (name: string) => `Challenge: ${name}`,
    noChallenge: 'No challenge chosen',
    outputSection: 'Where the proof file is written (the medium handed to the auditor)',
    outputChosen: (name: string) => `Proof written to: ${name}`,
    method: (chain: string): string =>
      chain === 'ethereum'
        ? 'Signed as EIP-191 personal_sign: any Ethereum wallet library checks it.'
        : 'Signed as BIP-322 (simple): any BIP-322 verifier checks it.',
    needChain: 'the chain',
    needAddress: 'the address',
    needRequestedBy: 'who asks',
    needChallenge: 'the challenge file',
    needOutput: 'the folder for the proof',
  },
  fr: {
    wallet: 'Portefeuille',
    chooseWallet: 'Choisir un portefeuille',
    chain: 'Chaîne de l’adresse',
    address: 'Adresse à prouver',
    addressLine: (index: number, address: string) => `Adresse de réception ${index} : ${address}`,
    otherAddress: 'Une autre de ses adresses de réception (saisie)',
    typedAddress: 'Adresse, telle que l’auditeur l’a écrite',
    requestedBy: 'Qui demande la preuve (enregistré, 200 caractères au plus)',
    challengeSection: 'Le défi',
    challengeHelp:
      'Un court fichier texte remis par l’auditeur (une phrase qui le nomme, avec un nonce et une date), de 2 048 octets au plus. Il est enregistré en entier et montré à chaque personne avant qu’elle signe. Aucun fonds ne bouge.',
    chooseChallenge: 'Choisir le fichier de défi',
    challengeChosen: (name: string) => `Défi : ${name}`,
    noChallenge: 'Aucun défi choisi',
    outputSection: 'Où la preuve est écrite (le support remis à l’auditeur)',
    outputChosen: (name: string) => `Preuve écrite dans : ${name}`,
    method: (chain: string) =>
      chain === 'ethereum'
        ? 'Signé selon EIP-191 personal_sign : toute bibliothèque de portefeuille Ethereum le vérifie.'
        : 'Signé selon BIP-322 (simple) : tout vérificateur BIP-322 le vérifie.',
    needChain: 'la chaîne',
    needAddress: 'l’adresse',
    needRequestedBy: 'le demandeur',
    needChallenge: 'le fichier de défi',
    needOutput: 'le dossier de la preuve',
  },
});
