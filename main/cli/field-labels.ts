/**
 * The name of an answers field as a person reads it at a terminal question (docs/cli.md, "On a
 * terminal"): "holders.0.bagSerial" is "holders › #1 › bag serial" in English and "détenteurs ›
 * n° 1 › numéro du sac scellé" in French. The French words of every field docs/answers/ uses are here
 * (tests/unit/cli/cli-language.test.ts checks the examples); a participant's label (alice, bob) is a
 * name and stays as it is.
 */
import type { Locale } from '../../common/i18n/locale.ts';

const FR: Readonly<Record<string, string>> = {
  abort: 'interruption',
  action: 'action',
  address: 'adresse',
  addressIndex: 'rang de l’adresse',
  amount: 'montant',
  approvers: 'approbateurs',
  asOf: 'à la date du',
  asset: 'actif',
  at: 'le',
  authority: 'autorité',
  bag: 'sac',
  bagSerial: 'numéro du sac scellé',
  balances: 'soldes',
  basis: 'motif',
  blockHeight: 'hauteur de bloc',
  ceremony: 'cérémonie',
  chain: 'chaîne',
  challengeFile: 'fichier de défi',
  chainId: 'identifiant de chaîne',
  chains: 'chaînes',
  class: 'catégorie',
  classification: 'classification',
  classifiedAt: 'classé le',
  clientRef: 'référence client',
  'clients-affected': 'clients touchés',
  closedAt: 'clos le',
  confirm: 'confirmation',
  confirmations: 'confirmations',
  contract: 'contrat',
  correctiveAction: 'action corrective',
  credits: 'crédits',
  criteria: 'critères',
  'critical-services': 'services critiques touchés',
  'data-losses': 'pertes de données',
  decimals: 'décimales',
  descriptorFile: 'fichier de descripteur',
  destination: 'destination',
  destroy: 'à détruire',
  detectedAt: 'détecté le',
  discoveredAt: 'découvert le',
  drillIntervalDays: 'intervalle des exercices (jours)',
  'duration-downtime': 'durée et interruption de service',
  'economic-impact': 'conséquences économiques',
  enrol: 'inscription',
  ethereum: 'ethereum',
  evidence: 'preuves',
  exportFile: 'fichier d’export',
  feePaid: 'frais payés',
  fields: 'champs',
  file: 'fichier',
  files: 'fichiers',
  'geographical-spread': 'étendue géographique',
  holder: 'détenteur',
  holderReceivedShare: 'le détenteur a reçu sa part',
  holders: 'détenteurs',
  holdersReceivedShares: 'les détenteurs ont reçu leurs parts',
  id: 'identifiant',
  impact: 'impact',
  incident: 'incident',
  index: 'numéro',
  keyFile: 'fichier de clé',
  label: 'libellé',
  media: 'supports',
  mediaId: 'identifiant du support',
  method: 'méthode',
  name: 'nom',
  nature: 'nature',
  network: 'réseau',
  newSerial: 'nouveau numéro de scellé',
  notifications: 'déclarations',
  occurredAt: 'survenu le',
  officer: 'responsable',
  oldSharesDestroyed: 'anciennes parts détruites',
  origin: 'origine',
  outputDir: 'dossier de sortie',
  participants: 'participants',
  passphrase: 'phrase secrète',
  passphraseFile: 'fichier de phrase secrète',
  photoSha256: 'empreinte SHA-256 de la photo',
  policy: 'politique',
  present: 'présents',
  psbtFile: 'fichier PSBT',
  publicKeyFile: 'fichier de clé publique',
  reason: 'motif',
  reference: 'référence',
  replacement: 'remplaçant',
  report: 'déclaration',
  'reputational-impact': 'atteinte à la réputation',
  request: 'demande',
  requestedBy: 'demandé par',
  requestFile: 'fichier de demande de transfert',
  requestFiles: 'fichiers de demande de transfert',
  revoke: 'révocation',
  roles: 'rôles',
  roster: 'liste des participants',
  serial: 'numéro de scellé',
  share: 'part',
  sharePassphrase: 'phrase secrète de la part',
  sharePassphraseFile: 'fichier de phrase secrète de la part',
  shares: 'parts',
  sharesDestroyed: 'parts détruites',
  significant: 'significatif',
  state: 'état',
  station: 'poste',
  status: 'statut',
  step: 'étape',
  sweep: 'balayage',
  symbol: 'symbole',
  targetDate: 'date cible',
  threshold: 'quorum',
  to: 'vers',
  tokens: 'jetons',
  toolsAndStaff: 'outils et personnel',
  transactionFile: 'fichier de transaction',
  unreachable: 'injoignables',
  wallet: 'portefeuille',
  wallets: 'portefeuilles',
  watchOnlyFile: 'fichier d’export en lecture seule',
  witness: 'témoin',
  witnessCheckpoints: 'points de contrôle des témoins',
  witnesses: 'témoins',
};

/** The French word for an answers field name, when there is one. */
export function frenchFieldWord(part: string): string | undefined {
  return Object.hasOwn(FR, part) ? FR[part] : undefined;
}

/** "holders.0.bagSerial" → "holders › #1 › bag serial" (en) or "détenteurs › n° 1 › numéro du sac scellé" (fr). */
export function labelOf(field: string, locale: Locale = 'en'): string {
  return field
    .split('.')
    .map((part) => {
      if (/^\d+$/u.test(part)) return locale === 'fr' ? `n° ${Number(part) + 1}` : `#${Number(part) + 1}`;
      if (locale === 'fr') {
        const word = frenchFieldWord(part);
        if (word !== undefined) return word;
      }
      return part.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase();
    })
    .join(' › ');
}
