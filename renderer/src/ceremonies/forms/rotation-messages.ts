/**
 * Texts of the compromise-rotation form (procedure compromise-rotation, in two sittings: docs/cli.md
 * `compromise-rotation`, ADR 0012), English and French. The texts shared with the other forms
 * (attestations, holders, shares, the PSBT preview) are in ceremony-messages.ts.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const ROTATION_TEXT = defineCatalogue({
  en: {
    ethereumLeg: 'Ethereum: the transfer requests of the sweep',
    ethereumLegHelp:
      'One request from the coordinator for the ether and one for each token the old wallet holds, each paying the replacement. Together with the PSBT they must move everything the record shows.',
    addRequest: 'Add a transfer request',
    ethereumNetwork: 'Ethereum network',
    removeRequest: 'Remove this request',
    needSweepFile: 'the sweep PSBT or a transfer request',
    needRequest: (n: number) => `transfer request ${n}`,
    firstSitting:
      'First sitting: the wallet is declared compromised and its replacement is created and handed over. The ceremony then stays open, waiting for the sweep PSBT the coordinator prepares from the replacement’s descriptor.',
    rotatedSection: 'The compromised wallet',
    walletToRotate: 'Wallet to rotate',
    chooseWallet: 'Choose a wallet',
    walletOption: (id: string, label: string) => `${id} — ${label}`,
    walletOptionAborted: (id: string, label: string) => `${id} — ${label} (compromised; its earlier rotation was aborted)`,
    noWallet: 'No wallet can be rotated: only an active wallet, or a compromised one whose rotation was aborted.',
    incident: 'Incident that justifies the rotation',
    chooseIncident: 'Choose an incident',
    incidentOption: (id: string, nature: string) => `${id} — ${nature}`,
    noIncident: 'No open incident of the register names this wallet. Record one first (procedure “incident”), naming the wallet.',
    replacementSection: 'The replacement wallet',
    replacementId: 'Identifier of the replacement (never used before)',
    inherited: 'Taken from the old wallet: a replacement has the same class and the same client (R7).',
    chainsKept: 'The old wallet’s chains are kept (they cannot be unticked); you may add others.',
    descriptorSection: 'Descriptor for the coordinator',
    descriptorHelp:
      'The replacement’s watch-only descriptor (public keys only) is written to this file. Take it to the coordinator, who prepares from it the sweep of every coin of the old wallet.',
    chooseDescriptor: 'Choose where to write the descriptor',
    descriptorChosen: (name: string) => `Descriptor file: ${name}`,
    noDescriptor: 'no file chosen',
    waitingTitle: 'A rotation is waiting for its sweep',
    waitingText: (ceremony: string) =>
      `Ceremony ${ceremony} is open: its first sitting created the replacement, and it now waits for the sweep PSBT that the coordinator prepared from the replacement’s descriptor. No other ceremony can run until it ends.`,
    waitingWallets: (old: string, replacement: string) => `It replaces the compromised wallet ${old} by ${replacement}.`,
    unknownWallet: 'the compromised wallet',
    unknownReplacement: 'its replacement',
    sittingChoice: 'What this sitting does',
    doSweep: 'Second sitting: sign the sweep of every coin to the replacement',
    doAbort: 'Abort the waiting rotation',
    oldShares: (threshold: number, count: number, wallet: string) =>
      `Holders of the old wallet ${wallet} present at least ${threshold} of its ${count} shares.`,
    sweepSection: 'The sweep',
    sweepNote: 'Every output must pay an address of the replacement: the crypto core checks it again, with every input, before it signs.',
    noNetwork: 'The old wallet has no Bitcoin chain: there is no sweep to sign here.',
    resume: 'Resume the ceremony and sign the sweep',
    abortReason: 'Reason for aborting (recorded, at most 400 characters)',
    abortEffect: 'The replacement is then marked aborted; the old wallet stays compromised and can be rotated again. An officer and a witness sign the abort.',
    abortStart: 'Abort the rotation and record the reason',
  },
  fr: {
    ethereumLeg: 'Ethereum : les demandes de transfert du balayage',
    ethereumLegHelp:
      'Une demande du coordinateur pour l’ether et une pour chaque jeton que détient l’ancien portefeuille, chacune payant le remplaçant. Avec la PSBT, elles doivent transférer tout ce que montre le registre.',
    addRequest: 'Ajouter une demande de transfert',
    ethereumNetwork: 'Réseau Ethereum',
    removeRequest: 'Retirer cette demande',
    needSweepFile: 'la PSBT du balayage ou une demande de transfert',
    needRequest: (n: number) => `la demande de transfert ${n}`,
    firstSitting:
      'Première séance : le portefeuille est déclaré compromis, son remplaçant est créé et remis aux détenteurs. La cérémonie reste ensuite ouverte, dans l’attente du PSBT de transfert que le coordinateur prépare à partir du descripteur du remplaçant.',
    rotatedSection: 'Le portefeuille compromis',
    walletToRotate: 'Portefeuille à remplacer',
    chooseWallet: 'Choisir un portefeuille',
    walletOption: (id: string, label: string) => `${id} — ${label}`,
    walletOptionAborted: (id: string, label: string) => `${id} — ${label} (compromis ; son remplacement précédent a été interrompu)`,
    noWallet:
      'Aucun portefeuille ne peut être remplacé : seul un portefeuille actif, ou un portefeuille compromis dont le remplacement a été interrompu, peut l’être.',
    incident: 'Incident justifiant le remplacement',
    chooseIncident: 'Choisir un incident',
    incidentOption: (id: string, nature: string) => `${id} — ${nature}`,
    noIncident: 'Aucun incident ouvert du registre ne mentionne ce portefeuille. Inscrivez-en d’abord un (procédure « incident ») qui le mentionne.',
    replacementSection: 'Le portefeuille de remplacement',
    replacementId: 'Identifiant du remplaçant (jamais utilisé auparavant)',
    inherited: 'Repris de l’ancien portefeuille : un remplaçant a la même catégorie et le même client (R7).',
    chainsKept: 'Les chaînes de l’ancien portefeuille sont conservées (elles ne peuvent être décochées) ; vous pouvez en ajouter.',
    descriptorSection: 'Descripteur pour le coordinateur',
    descriptorHelp:
      'Le descripteur de surveillance du remplaçant (clés publiques uniquement) est écrit dans ce fichier. Remettez-le au coordinateur, qui en tire le transfert de tous les fonds de l’ancien portefeuille.',
    chooseDescriptor: 'Choisir où écrire le descripteur',
    descriptorChosen: (name: string) => `Fichier du descripteur : ${name}`,
    noDescriptor: 'aucun fichier choisi',
    waitingTitle: 'Une rotation attend son transfert',
    waitingText: (ceremony: string) =>
      `La cérémonie ${ceremony} est ouverte : sa première séance a créé le remplaçant, et elle attend maintenant le PSBT de transfert que le coordinateur a préparé à partir du descripteur du remplaçant. Aucune autre cérémonie ne peut avoir lieu avant qu’elle se termine.`,
    waitingWallets: (old: string, replacement: string) => `Elle remplace le portefeuille compromis ${old} par ${replacement}.`,
    unknownWallet: 'le portefeuille compromis',
    unknownReplacement: 'son remplaçant',
    sittingChoice: 'Objet de cette séance',
    doSweep: 'Seconde séance : signer le transfert de tous les fonds vers le remplaçant',
    doAbort: 'Interrompre la rotation en attente',
    oldShares: (threshold: number, count: number, wallet: string) =>
      `Les détenteurs de l’ancien portefeuille ${wallet} présentent au moins ${threshold} de ses ${count} parts.`,
    sweepSection: 'Le transfert',
    sweepNote:
      'Chaque sortie doit payer une adresse du remplaçant : le module cryptographique le vérifie de nouveau, ainsi que chaque entrée, avant de signer.',
    noNetwork: 'L’ancien portefeuille n’a pas de chaîne Bitcoin : il n’y a pas de transfert à signer ici.',
    resume: 'Reprendre la cérémonie et signer le transfert',
    abortReason: 'Motif de l’interruption (enregistré, 400 caractères au plus)',
    abortEffect:
      'Le remplaçant est alors marqué abandonné ; l’ancien portefeuille reste compromis et pourra être remplacé de nouveau. Un responsable et un témoin signent l’interruption.',
    abortStart: 'Interrompre la rotation et enregistrer le motif',
  },
});
