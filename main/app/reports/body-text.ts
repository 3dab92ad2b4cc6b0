/**
 * What an entry recorded, in words, for the printed ceremony transcript (issue 17, "Plain-language
 * outputs": the French transcript showed raw JSON — `airGap`, key ids). Each body field a released
 * procedure records (its steps' `records`, ceremonies/procedures/) has a label in English and
 * French (FIELD_LABELS; tests/unit/app/body-text.test.ts checks every one); its value is said as a
 * person reads it: a key id as the participant's name (with the key id's first digits), the air-gap
 * check as a sentence, amounts in coins with their base units, yes or no, lists one item a line,
 * nested fields under their own labels. Hashes and addresses stay whole: an auditor compares them.
 * Pure: the transcript (ceremony-transcript.ts) escapes what this returns.
 */
import type { JsonValue } from '../../../ceremonies/record/entry-payload.ts';
import { formatAmount, formatInteger, formatUnits } from '../../../common/i18n/locale-format.ts';
import { formatInstant } from './html.ts';
import { REPORT_TEXT, term, type PrintLocale } from './report-text.ts';

type Label = Readonly<Record<PrintLocale, string>>;
const l = (en: string, fr: string): Label => ({ en, fr });

/** Labels of body fields, top level and nested, in both languages. */
export const FIELD_LABELS: Readonly<Record<string, Label>> = {
  accounts: l('Accounts', 'Comptes'),
  action: l('Action', 'Action'),
  address: l('Address', 'Adresse'),
  addresses: l('First receive addresses', 'Premières adresses de réception'),
  airGap: l('Air gap', 'Isolement du réseau'),
  amount: l('Amount', 'Montant'),
  approvers: l('Approvers required', 'Approbateurs requis'),
  asOf: l('Balances as of', 'Soldes au'),
  bag: l('Tamper-evident bag', 'Sachet inviolable'),
  bagSerial: l('Bag serial', 'Numéro du sachet'),
  added: l('Tokens added', 'Jetons ajoutés'),
  asset: l('Asset', 'Actif'),
  balance: l('Balance', 'Solde'),
  basis: l('Basis', 'Motif'),
  blockHeight: l('Block height', 'Hauteur de bloc'),
  build: l('Custos build', 'Version de Custos'),
  chain: l('Chain', 'Chaîne'),
  chainId: l('Chain id (EIP-155)', 'Identifiant de chaîne (EIP-155)'),
  challenge: l('Challenge signed', 'Défi signé'),
  challengeSha256: l('Challenge (SHA-256)', 'Défi (SHA-256)'),
  changeDescriptor: l('Change descriptor', 'Descripteur de monnaie rendue'),
  chiSquare: l('Chi-square of the dice', 'Khi-deux des dés'),
  chains: l('Chains', 'Chaînes'),
  class: l('Class', 'Catégorie'),
  classification: l('Classification', 'Classification'),
  clientRef: l('Client reference', 'Référence client'),
  commitment: l('Share commitment', 'Empreinte de la part'),
  commitments: l('Share commitments', 'Empreintes des parts'),
  confirmations: l('Confirmations', 'Confirmations'),
  contract: l('Token contract', 'Contrat du jeton'),
  correctiveAction: l('Corrective action', 'Mesure corrective'),
  credits: l('Declared credits', 'Crédits déclarés'),
  decimals: l('Decimals', 'Décimales'),
  descriptor: l('Output descriptor', 'Descripteur de sortie'),
  destination: l('Destination', 'Destination'),
  diceBiasSuspected: l('Dice bias suspected', 'Biais des dés soupçonné'),
  diceBits: l('Bits from dice', 'Bits issus des dés'),
  diceFullStrength: l('Dice alone give full strength', 'Les dés seuls donnent toute la force'),
  diceRolls: l('Dice rolls', 'Lancers de dés'),
  diceTooFewForBiasTest: l('Too few rolls to test for bias', 'Trop peu de lancers pour tester un biais'),
  difference: l('Difference', 'Écart'),
  digest: l('Approved digest', 'Empreinte approuvée'),
  discoveredAt: l('Discovered', 'Découvert le'),
  drillIntervalDays: l('Drill interval (days)', 'Intervalle des exercices (jours)'),
  entries: l('Entries in the ceremony', 'Entrées de la cérémonie'),
  entropy: l('Entropy', 'Entropie'),
  evidence: l('Evidence files (name and SHA-256)', 'Fichiers de preuve (nom et SHA-256)'),
  fee: l('Fee', 'Frais'),
  feePaid: l('Fee paid', 'Frais payés'),
  feeRate: l('Fee rate (sat/vB)', 'Taux de frais (sat/vo)'),
  fields: l('Incident fields', 'Champs de l’incident'),
  fileName: l('Share file', 'Fichier de la part'),
  filesOverwritten: l('Files overwritten', 'Fichiers écrasés'),
  fingerprint: l('Master fingerprint', 'Empreinte maîtresse'),
  from: l('From', 'De'),
  gasLimit: l('Gas limit', 'Limite de gaz'),
  hash: l('Transaction hash', 'Empreinte de la transaction'),
  held: l('Held', 'Détenu'),
  holder: l('Holder', 'Détenteur'),
  holders: l('Holders', 'Détenteurs'),
  impact: l('Impact', 'Incidence'),
  incident: l('Incident', 'Incident'),
  index: l('Share number', 'Numéro de la part'),
  inputs: l('Inputs', 'Entrées de la transaction'),
  keyid: l('Key', 'Clé'),
  kind: l('Kind', 'Nature'),
  label: l('Label', 'Libellé'),
  media: l('Media', 'Supports'),
  maxFee: l('Maximum fee', 'Frais maximaux'),
  maxFeePerGas: l('Maximum fee per gas (wei)', 'Frais maximaux par unité de gaz (wei)'),
  maxPriorityFeePerGas: l('Priority fee per gas (wei)', 'Pourboire par unité de gaz (wei)'),
  mediaId: l('Medium', 'Support'),
  method: l('Method', 'Méthode'),
  name: l('Name', 'Nom'),
  nature: l('Nature', 'Nature'),
  network: l('Network', 'Réseau'),
  newSerial: l('New bag serial', 'Nouveau numéro de sachet'),
  nonce: l('Nonce', 'Nonce'),
  notifications: l('Reports to the authority', 'Déclarations à l’autorité'),
  occurredAt: l('Occurred', 'Survenu le'),
  oldSet: l('Old set of shares', 'Ancien jeu de parts'),
  origin: l('Origin', 'Origine'),
  osBits: l('Bits from the system', 'Bits issus du système'),
  outputs: l('Outputs', 'Sorties'),
  overdue: l('Shares overdue for proof', 'Parts en retard de preuve'),
  participant: l('Participant', 'Participant'),
  path: l('Derivation path', 'Chemin de dérivation'),
  policy: l('Station policy', 'Règles du poste'),
  psbtSha256: l('PSBT (SHA-256)', 'PSBT (SHA-256)'),
  publicKey: l('Public key', 'Clé publique'),
  reason: l('Reason', 'Motif'),
  receiveDescriptor: l('Receive descriptor', 'Descripteur de réception'),
  recorded: l('Recorded', 'Enregistré'),
  reference: l('Reference', 'Référence'),
  requestedBy: l('Requested by', 'Demandé par'),
  residualRisk: l('What remains possible', 'Ce qui reste possible'),
  remaining: l('Overdue shares left for later', 'Parts en retard laissées pour plus tard'),
  removed: l('Tokens removed', 'Jetons retirés'),
  replacement: l('Replacement wallet', 'Portefeuille de remplacement'),
  request: l('Request', 'Demande'),
  requestSha256: l('Transfer request (SHA-256)', 'Demande de transfert (SHA-256)'),
  retireWallet: l('Retire the wallet', 'Retirer le portefeuille'),
  roles: l('Roles', 'Rôles'),
  roster: l('Roster', 'Liste des participants'),
  rosterHash: l('Roster (SHA-256)', 'Liste des participants (SHA-256)'),
  serial: l('Bag serial', 'Numéro du sachet'),
  setId: l('Share set', 'Jeu de parts'),
  sha256: l('SHA-256', 'SHA-256'),
  shareCount: l('Shares', 'Parts'),
  shares: l('Shares', 'Parts'),
  signature: l('Signature', 'Signature'),
  significant: l('Significant incident', 'Incident significatif'),
  source: l('Source', 'Source'),
  state: l('State', 'État'),
  station: l('Station key', 'Clé du poste'),
  status: l('Status', 'Statut'),
  symbol: l('Symbol', 'Symbole'),
  targetDate: l('Target resolution date', 'Date de résolution visée'),
  threshold: l('Threshold', 'Seuil'),
  tokens: l('Token list', 'Liste des jetons'),
  to: l('To', 'À'),
  toolsAndStaff: l('Tools and staff involved', 'Outils et personnel impliqués'),
  totalIn: l('Total in', 'Total des entrées'),
  txid: l('Transaction id', 'Identifiant de transaction'),
  unattributed: l('Balances no wallet derives', 'Soldes d’aucun portefeuille'),
  unreachable: l('Overdue shares that could not be presented (with the reason)', 'Parts en retard qui n’ont pas pu être présentées (avec le motif)'),
  wallet: l('Wallet', 'Portefeuille'),
  wallets: l('Wallets', 'Portefeuilles'),
  xpub: l('Account key (xpub)', 'Clé du compte (xpub)'),
};

/** Fields whose value is an amount in base units of the body's chain. */
const AMOUNTS = new Set(['amount', 'balance', 'difference', 'fee', 'feePaid', 'held', 'maxFee', 'recorded', 'totalIn']);
const ETHEREUM_NETWORKS: ReadonlySet<string> = new Set(['mainnet', 'sepolia', 'holesky']);

/**
 * The unit of an Ethereum body's amount: fees in ether; the asset's own for the rest (its decimals
 * recorded with it, ether's 18, or, for a token named only by symbol, none: its base units are shown).
 */
function ethereumUnit(key: string, body: { readonly [key: string]: JsonValue }): { decimals: number | null; symbol: string } | null {
  if (typeof body.network !== 'string' || !ETHEREUM_NETWORKS.has(body.network)) return null;
  const asset = body.asset;
  if (key === 'maxFee' || asset === 'ETH') return { decimals: 18, symbol: 'ETH' };
  if (asset && typeof asset === 'object' && !Array.isArray(asset) && typeof asset.symbol === 'string') {
    return { decimals: asset.kind === 'ether' ? 18 : typeof asset.decimals === 'number' ? asset.decimals : null, symbol: asset.symbol };
  }
  return typeof asset === 'string' ? { decimals: null, symbol: asset } : null;
}
/** Fields whose value is a participant's key id. */
const KEY_IDS = new Set(['holder', 'keyid', 'from', 'to']);
const HEX_KEY_ID = /^[0-9a-f]{64}$/u;

const WORDS: Readonly<Record<string, Readonly<Record<string, Label>>>> = {
  state: { intact: l('intact', 'intact'), replaced: l('replaced', 'remplacé'), broken: l('broken', 'rompu'), missing: l('missing', 'manquant') },
};

export interface BodyContext {
  readonly locale: PrintLocale;
  /** Participants' names by key id (the replay's). */
  readonly names: ReadonlyMap<string, string>;
}

/** The label of a field, or the field's own name split into words where no label is known. */
function fieldLabel(key: string, locale: PrintLocale): string {
  const label = Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key] : undefined;
  return label?.[locale] ?? key.replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase();
}

function person(keyid: string, ctx: BodyContext): string {
  const name = ctx.names.get(keyid);
  return name === undefined ? keyid : `${name} (${keyid.slice(0, 16)}…)`;
}

/** The air-gap check as a sentence: offline, or online and why, and when it was checked. */
function airGapText(value: { readonly [key: string]: JsonValue }, ctx: BodyContext): string {
  const t = REPORT_TEXT[ctx.locale];
  const when = typeof value.checkedAt === 'string' ? formatInstant(value.checkedAt, ctx.locale) : '—';
  const reasons = Array.isArray(value.reasons) ? value.reasons.filter((r): r is string => typeof r === 'string') : [];
  return value.online === true ? t.airGapOnline(reasons.join('; ') || '—', when) : t.airGapOffline(when);
}

function scalar(key: string, value: JsonValue, body: { readonly [key: string]: JsonValue }, ctx: BodyContext): string {
  const t = REPORT_TEXT[ctx.locale];
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') return formatInteger(value, ctx.locale);
  if (typeof value !== 'string') return '';
  const chain = typeof body.chain === 'string' ? body.chain : typeof body.network === 'string' ? body.network : null;
  const eth = AMOUNTS.has(key) && /^-?\d+$/u.test(value) ? ethereumUnit(key, body) : null;
  if (eth) {
    const base = formatInteger(value, ctx.locale);
    if (eth.decimals === null) return `${base} ${REPORT_TEXT[ctx.locale].baseUnitsOf(eth.symbol)}`;
    return `${formatUnits(value, eth.decimals, ctx.locale)} ${eth.symbol} (${base} ${REPORT_TEXT[ctx.locale].baseUnitsOf(eth.symbol)})`;
  }
  if (AMOUNTS.has(key) && chain !== null && /^-?\d+$/u.test(value)) {
    const amount = formatAmount(chain, value, ctx.locale);
    return amount.unit === null ? `${amount.main} (${chain})` : `${amount.main} ${amount.unit} (${amount.baseUnits} sat)`;
  }
  if (KEY_IDS.has(key) && HEX_KEY_ID.test(value)) return person(value, ctx);
  if (key === 'class') return term(ctx.locale, 'walletClass', value);
  if (key === 'action') return term(ctx.locale, 'incidentAction', value);
  if (key === 'media' || key === 'mediaId') return term(ctx.locale, 'medium', value);
  if (key === 'roles') return term(ctx.locale, 'role', value);
  const words = Object.hasOwn(WORDS, key) ? WORDS[key]![value] : undefined;
  return words?.[ctx.locale] ?? value;
}

/** One value as lines of text (an object or a list of objects takes several). */
function valueLines(key: string, value: JsonValue, body: { readonly [key: string]: JsonValue }, ctx: BodyContext): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return ['—'];
    if (value.every((v) => v === null || typeof v !== 'object')) return [value.map((v) => scalar(key, v, body, ctx)).join(', ')];
    return value.flatMap((v) => valueLines(key, v, body, ctx).map((line, i) => (i === 0 ? `• ${line}` : `  ${line}`)));
  }
  if (value !== null && typeof value === 'object') {
    if (key === 'airGap') return [airGapText(value, ctx)];
    // A participant as a name, not as its key: `{keyid, name, publicKey, roles}`.
    if (typeof value.keyid === 'string' && typeof value.name === 'string') {
      const roles = Array.isArray(value.roles) ? value.roles.map((r) => term(ctx.locale, 'role', String(r))).join(', ') : '';
      const index = typeof value.index === 'number' ? `${formatInteger(value.index, ctx.locale)}. ` : '';
      return [`${index}${value.name}${roles ? ` — ${roles}` : ''} (${value.keyid.slice(0, 16)}…)`];
    }
    const nested = { ...body, ...value };
    const parts = Object.entries(value)
      .filter(([k]) => k !== 'publicKey')
      .map(([k, v]) => `${fieldLabel(k, ctx.locale)}${ctx.locale === 'fr' ? ' : ' : ': '}${valueLines(k, v, nested, ctx).join(' ')}`);
    return parts.length === 0 ? ['—'] : parts;
  }
  return [scalar(key, value, body, ctx)];
}

/** The body's fields as [label, text] pairs, in the order the entry recorded them. */
export function bodyText(body: { readonly [key: string]: JsonValue }, ctx: BodyContext): [string, string][] {
  return Object.entries(body).map(([key, value]) => [fieldLabel(key, ctx.locale), valueLines(key, value, body, ctx).join('\n')]);
}
