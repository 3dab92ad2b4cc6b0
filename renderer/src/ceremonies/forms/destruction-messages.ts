/**
 * Texts of the destruction form (procedure destruction; R1, R10; docs/cli.md "`destruction`"),
 * English and French: the wallet and the basis of its destruction, the approvers' attestation of a
 * zero balance, each share destroyed in this sitting (holder present or not, method, medium, the bag
 * serial read from the bag, the sealed files to overwrite) and the officer's confirmation.
 */
import { defineCatalogue } from '../../../../common/i18n/catalogue.ts';

export const DESTRUCTION_TEXT = defineCatalogue({
  en: {
    walletSection: 'The wallet and why it may be destroyed',
    wallet: 'Wallet whose shares are destroyed',
    chooseWallet: 'Choose a wallet',
    groupRetired: 'Retired wallets',
    groupActive: 'Active wallets (a zero balance must be attested)',
    groupCompromised: 'Compromised wallets (a zero balance must be attested)',
    groupAborted: 'Creations that were aborted (their handed-over shares)',
    basisAborted: 'The creation was aborted',
    basisAbortedHelp:
      'The wallet was never completed: its ceremony was aborted. The shares already handed over to their holders are destroyed; the others never left the station.',
    noWallet: 'No wallet of this station can be destroyed: only a retired wallet, or an active or compromised one attested empty.',
    basis: 'Basis of the destruction',
    basisRetired: 'The wallet is retired',
    basisRetiredHelp: 'Its coins have left it: the record shows its sweep, or its final restitution, confirmed on chain. Nothing more needs attesting.',
    basisZero: 'The wallet holds nothing (zero balance)',
    basisZeroHelp:
      'The wallet is still active or compromised in the record. At least two approvers attest that it holds no coin, as of a date, and say where they saw that balance. The record must agree: no holding recorded and no transfer awaiting its confirmation.',
    notEmpty:
      'The record still shows holdings for this wallet, or a transfer not yet confirmed: reconcile it or confirm its transfers first, or the station will refuse.',
    zeroSection: 'Attestation of a zero balance',
    addApprover: 'Add an approver',
    removeApprover: 'Remove this approver',
    asOf: 'Balance seen on (date)',
    source: 'Where the balance was seen (watch-only wallet, block explorer, custodian’s statement…)',
    sharesSection: 'Shares destroyed in this sitting',
    sharesHelp:
      'Tick each share whose medium is destroyed now, in front of the witnesses. A share left unticked stays recorded as held, for a later destruction; the wallet is recorded as destroyed once every share is.',
    noShares: 'Every share of this wallet is already recorded as destroyed.',
    shareLine: (index: number, count: number, holder: string) => `Share ${index} of ${count}, held by ${holder}`,
    shareLineNoHolder: (index: number, count: number) => `Share ${index} of ${count}, with no holder recorded`,
    holderPresent: (name: string) => `${name} is present and signs for the destruction of this share`,
    holderRole: (index: number, name: string) => `Holder of share ${index}, ${name}`,
    holderAbsent: 'Without its holder, the witness alone signs for the destruction of this share.',
    method: 'How the medium is destroyed',
    methodShred: 'Shredded: cut to pieces',
    methodWipe: 'Wiped: erased with a secure wiping tool',
    mediaId: 'Identifier of the medium (as marked on it)',
    bagSerial: 'Serial of the bag, read from the bag itself',
    bagSerialHelp:
      'Type the serial printed on the tamper-evident bag in front of you. It must be the one the record holds; if it differs, stop and open an incident.',
    filesSection: 'Sealed share files this station can reach (optional)',
    filesHelp:
      'Each file chosen is overwritten with random bytes, then removed, before this share’s step is signed. Overwriting does not defeat wear levelling on flash media (USB sticks, memory cards, SSDs): the medium itself must be destroyed too.',
    chooseFile: 'Choose a sealed share file',
    fileChosen: (name: string) => `To overwrite and remove: ${name}`,
    removeFile: 'Keep this file out',
    confirm: 'I confirm that the media of the shares ticked above were destroyed in front of the witnesses.',
    needBalanceDate: 'the date the balance was seen',
    needBalanceSource: 'where the balance was seen',
    needShareTicked: 'a share ticked as destroyed in this sitting',
    needShareDetails: (index: number) => `share ${index}: its medium’s identifier, its bag’s serial and, if present, its holder’s key file`,
  },
  fr: {
    walletSection: 'Le portefeuille et le fondement de sa destruction',
    wallet: 'Portefeuille dont les parts sont détruites',
    chooseWallet: 'Choisir un portefeuille',
    groupRetired: 'Portefeuilles retirés',
    groupActive: 'Portefeuilles actifs (un solde nul doit être attesté)',
    groupCompromised: 'Portefeuilles compromis (un solde nul doit être attesté)',
    groupAborted: 'Créations interrompues (leurs parts remises)',
    basisAborted: 'La création a été interrompue',
    basisAbortedHelp:
      'Le portefeuille n’a jamais été achevé : sa cérémonie a été interrompue. Les parts déjà remises à leurs détenteurs sont détruites ; les autres n’ont jamais quitté le poste.',
    noWallet:
      'Aucun portefeuille de ce poste ne peut être détruit : seulement un portefeuille retiré, ou un portefeuille actif ou compromis dont le solde nul est attesté.',
    basis: 'Fondement de la destruction',
    basisRetired: 'Le portefeuille est retiré',
    basisRetiredHelp:
      'Ses fonds en sont sortis : le registre montre son balayage, ou sa restitution finale, confirmé sur la chaîne. Aucune autre attestation n’est requise.',
    basisZero: 'Le portefeuille ne détient rien (solde nul)',
    basisZeroHelp:
      'Le portefeuille est encore actif ou compromis dans le registre. Au moins deux approbateurs attestent qu’il ne détient aucun fonds, à une date donnée, et indiquent où ils ont constaté ce solde. Le registre doit concorder : aucun avoir consigné et aucun transfert en attente de confirmation.',
    notEmpty:
      'Le registre montre encore des avoirs pour ce portefeuille, ou un transfert non confirmé : rapprochez ses avoirs ou confirmez ses transferts d’abord, sinon le poste refusera.',
    zeroSection: 'Attestation du solde nul',
    addApprover: 'Ajouter un approbateur',
    removeApprover: 'Retirer cet approbateur',
    asOf: 'Solde constaté le (date)',
    source: 'Où le solde a été constaté (portefeuille en lecture seule, explorateur de blocs, relevé du conservateur…)',
    sharesSection: 'Parts détruites au cours de cette séance',
    sharesHelp:
      'Cochez chaque part dont le support est détruit maintenant, devant les témoins. Une part non cochée reste consignée comme détenue, pour une destruction ultérieure ; le portefeuille est consigné comme détruit lorsque toutes ses parts le sont.',
    noShares: 'Toutes les parts de ce portefeuille sont déjà consignées comme détruites.',
    shareLine: (index: number, count: number, holder: string) => `Part ${index} sur ${count}, détenue par ${holder}`,
    shareLineNoHolder: (index: number, count: number) => `Part ${index} sur ${count}, sans détenteur consigné`,
    holderPresent: (name: string) => `${name} est présent(e) et signe pour la destruction de cette part`,
    holderRole: (index: number, name: string) => `Détenteur de la part ${index}, ${name}`,
    holderAbsent: 'En l’absence de son détenteur, le témoin signe seul la destruction de cette part.',
    method: 'Mode de destruction du support',
    methodShred: 'Broyé : réduit en morceaux',
    methodWipe: 'Effacé : effacement sécurisé par un outil dédié',
    mediaId: 'Identifiant du support (tel que marqué dessus)',
    bagSerial: 'Numéro du sachet, lu sur le sachet lui-même',
    bagSerialHelp:
      'Saisissez le numéro imprimé sur le sachet scellé que vous avez devant vous. Il doit être celui que consigne le registre ; s’il diffère, arrêtez-vous et ouvrez un incident.',
    filesSection: 'Fichiers de part scellés accessibles depuis ce poste (facultatif)',
    filesHelp:
      'Chaque fichier choisi est recouvert d’octets aléatoires, puis supprimé, avant la signature de l’étape de cette part. Le recouvrement ne déjoue pas la répartition d’usure des mémoires flash (clés USB, cartes mémoire, SSD) : le support lui-même doit aussi être détruit.',
    chooseFile: 'Choisir un fichier de part scellé',
    fileChosen: (name: string) => `À recouvrir et supprimer : ${name}`,
    removeFile: 'Ne pas effacer ce fichier',
    confirm: 'Je confirme que les supports des parts cochées ci-dessus ont été détruits devant les témoins.',
    needBalanceDate: 'la date à laquelle le solde a été constaté',
    needBalanceSource: 'l’endroit où le solde a été constaté',
    needShareTicked: 'une part cochée comme détruite au cours de cette séance',
    needShareDetails: (index: number) =>
      `la part ${index} : l’identifiant de son support, le numéro de son sachet et, s’il est présent, le fichier de clé de son détenteur`,
  },
});
