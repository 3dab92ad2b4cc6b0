/**
 * Texts of the reshare form (procedure reshare: docs/cli.md `reshare`; ADR 0032), English and French.
 * The texts shared with the other forms (attestations, shares presented, new holders, shares
 * destroyed) are in ceremony-messages.ts and destruction-messages.ts.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const RESHARE_TEXT = defineCatalogue({
  en: {
    wallet: 'Wallet (active)',
    chooseWallet: 'Choose a wallet',
    reason: 'Why the wallet is reshared (recorded, at most 400 characters)',
    oldSetSection: 'The current set: a quorum presents its shares',
    oldSetHelp: (m: number, n: number) => `The wallet is ${m}-of-${n} today: at least ${m} holders present their shares, which rebuild it.`,
    newSetSection: 'The new set',
    newSetHelp:
      'The same wallet (same keys, same addresses, nothing moves on chain) is split into a new set for these holders. A holder of the current set may be one.',
    holderCount: 'Number of new holders',
    threshold: 'New quorum: shares needed to rebuild the wallet',
    destroySection: 'Every share of the current set is destroyed, once the new set is handed over',
    destroyHelp:
      'Tick every share: a reshare destroys the whole current set in this ceremony. A share that cannot be brought may have been copied or lost: stop, open an incident and rotate the wallet instead.',
    risk: 'Say it plainly to everyone present: any quorum of the current shares copied before today would still rebuild this wallet’s key. This ceremony destroys the shares it is shown, not a copy. If a copy is suspected, open an incident and run a compromise rotation.',
    confirmReceived: 'Each new holder has their share, sealed in its bag.',
    confirmDestroyed: 'Each share of the current set was destroyed in front of a witness.',
    needReason: 'the reason',
    needEveryOldShare: 'every share of the current set ticked for destruction',
    needNewHolderKey: (n: number) => `the key of new holder ${n}`,
    needNewHolderFolder: (n: number) => `the folder of new holder ${n}`,
    needConfirmations: 'both confirmations',
  },
  fr: {
    wallet: 'Portefeuille (actif)',
    chooseWallet: 'Choisir un portefeuille',
    reason: 'Pourquoi le portefeuille est repartagé (enregistré, 400 caractères au plus)',
    oldSetSection: 'Le jeu actuel : un quorum présente ses parts',
    oldSetHelp: (m: number, n: number) =>
      `Le portefeuille est aujourd’hui à ${m} sur ${n} : au moins ${m} détenteurs présentent leur part, qui le reconstituent.`,
    newSetSection: 'Le nouveau jeu',
    newSetHelp:
      'Le même portefeuille (mêmes clés, mêmes adresses, rien ne bouge sur la chaîne) est partagé en un nouveau jeu pour ces détenteurs. Un détenteur du jeu actuel peut en faire partie.',
    holderCount: 'Nombre de nouveaux détenteurs',
    threshold: 'Nouveau quorum : parts nécessaires pour reconstituer le portefeuille',
    destroySection: 'Chaque part du jeu actuel est détruite, une fois le nouveau jeu remis',
    destroyHelp:
      'Cochez chaque part : un repartage détruit tout le jeu actuel dans cette cérémonie. Une part qui ne peut pas être apportée a pu être copiée ou perdue : arrêtez, ouvrez un incident et procédez plutôt à une rotation du portefeuille.',
    risk: 'Dites-le clairement à chaque personne présente : un quorum des parts actuelles copié avant aujourd’hui reconstituerait encore la clé de ce portefeuille. Cette cérémonie détruit les parts qui lui sont présentées, pas une copie. Si une copie est soupçonnée, ouvrez un incident et procédez à une rotation après compromission.',
    confirmReceived: 'Chaque nouveau détenteur a reçu sa part, scellée dans son sachet.',
    confirmDestroyed: 'Chaque part du jeu actuel a été détruite devant un témoin.',
    needReason: 'le motif',
    needEveryOldShare: 'chaque part du jeu actuel cochée pour destruction',
    needNewHolderKey: (n: number) => `la clé du nouveau détenteur ${n}`,
    needNewHolderFolder: (n: number) => `le dossier du nouveau détenteur ${n}`,
    needConfirmations: 'les deux confirmations',
  },
});
