/**
 * The words of the printed reports (inventory, incidents, ceremony transcript), in English and
 * French, with exactly the same keys in both languages (the type refuses a key missing in either;
 * tests/unit/app/printing-parts.test.ts checks it at run time too). Values are texts or functions
 * of the values they show. The renderer has its own catalogues; main prints, so main holds these.
 * Spec: docs/architecture.md, "Conventions" (English and French for every text, error message and
 * report).
 */

/** The languages a document is printed in. */
export type PrintLocale = 'en' | 'fr';

export const PRINT_LOCALES: readonly PrintLocale[] = ['en', 'fr'];

type Message = string | ((...args: never[]) => string);

/** English and French texts with the same keys and shapes. */
export type Bilingual<T extends Record<string, Message>> = { readonly en: T; readonly fr: { readonly [K in keyof T]: T[K] } };

/** Declares a catalogue; `fr` must have every key of `en`, with the same shape. */
export function bilingual<T extends Record<string, Message>>(catalogue: Bilingual<T>): Bilingual<T> {
  return catalogue;
}

export const REPORT_TEXT = bilingual({
  en: {
    // The header of every report.
    station: 'Station',
    generatedAt: 'Generated',
    entries: 'Entries replayed',
    verifyNote: 'This report replays the station’s record; it does not check the signatures. Run “custos verify” on the data directory to check the record.',
    airGapOffline: (when: string) => `offline: no network interface, route or radio was up (checked ${when})`,
    airGapOnline: (reasons: string, when: string) => `ONLINE: ${reasons} (checked ${when})`,
    yes: 'Yes',
    no: 'No',
    never: 'never',
    none: 'None.',
    // Inventory report.
    inventoryTitle: 'Inventory report',
    inventorySummary: (wallets: number, open: number) => `${wallets} wallet(s), ${open} open incident(s).`,
    classClient: 'Client wallets',
    classHouse: 'House wallets (own assets)',
    stateHeading: (state: string) => `State: ${state}`,
    noWallet: 'No wallet of this class.',
    wallet: 'Wallet',
    label: 'Description',
    clientRef: 'Client reference',
    fingerprint: 'Master fingerprint',
    quorum: 'Quorum',
    quorumValue: (m: number, n: number, proven: number) => `${m}-of-${n}; ${proven} of ${n} shares proven`,
    quorumProven: 'a quorum of proven shares exists',
    quorumNotProven: 'NO quorum of proven shares',
    chains: 'Chains',
    createdAt: 'Created',
    lastDrill: 'Last drill',
    drillEvery: (days: number) => `every ${days} days`,
    drillOverdue: 'drill OVERDUE',
    drillOnSchedule: 'on schedule',
    replaces: 'Replaces',
    replacedBy: 'Replaced by',
    compromisedBy: 'Declared compromised by',
    holdings: 'Holdings recorded',
    holdingValue: (amount: string, asOf: string) => `${amount} (as of ${asOf})`,
    notReconciled: 'not reconciled',
    shares: 'Shares',
    share: 'Share',
    shareOf: (i: number, n: number) => `${i} of ${n}`,
    holder: 'Holder',
    medium: 'Medium',
    bagSerial: 'Bag serial',
    state: 'State',
    lastProven: 'Last proven',
    openIncidents: 'Open incidents',
    noOpenIncident: 'No open incident.',
    // Incident report.
    incidentsTitle: 'Incident report',
    period: 'Period',
    periodValue: (from: string, to: string) => `${from} to ${to}`,
    totals: 'Totals',
    recordedInPeriod: 'Recorded in the period',
    closedInPeriod: 'Closed in the period',
    stillOpen: 'Still open',
    significantCount: 'Significant',
    noIncident: 'No incident in this period.',
    incident: 'Incident',
    occurredAt: 'Occurred',
    discoveredAt: 'Discovered',
    nature: 'Nature',
    origin: 'Origin',
    toolsAndStaff: 'Tools and staff involved',
    impact: 'Impact',
    correctiveAction: 'Corrective action',
    targetDate: 'Target resolution date',
    closedAt: 'Closed',
    status: 'Status',
    significant: 'Significant incident',
    walletsConcerned: 'Wallets concerned',
    recordedAt: 'Recorded',
    history: 'History',
    ceremony: 'Ceremony',
    action: 'Action',
    when: 'When',
    // Ceremony transcript.
    transcriptTitle: 'Ceremony transcript',
    procedure: 'Procedure',
    openedAt: 'Opened',
    endedAt: 'Ended',
    entryCount: 'Entries',
    transcriptEntries: 'The entries, in order',
    entry: (index: number) => `Entry ${index}`,
    step: 'Step',
    entryType: 'Type',
    time: 'Time (station clock)',
    signedBy: 'Signed by',
    signer: (name: string, role: string) => `${name} (${role})`,
    stationSigner: 'the station',
    unknownSigner: (keyid: string) => `key ${keyid}`,
    code: 'Code read aloud',
    recorded: 'Recorded',
    nothingRecorded: 'Nothing more.',
    checkpoint: 'Checkpoint signed after the close',
    noCheckpoint: 'No checkpoint kept in this directory names the end of this ceremony.',
  },
  fr: {
    station: 'Poste',
    generatedAt: 'Établi le',
    entries: 'Entrées rejouées',
    verifyNote:
      'Ce rapport rejoue le registre du poste ; il ne vérifie pas les signatures. Lancez « custos verify » sur le répertoire de données pour vérifier le registre.',
    airGapOffline: (when: string) => `hors ligne : aucune interface réseau, route ou radio n’était active (vérifié le ${when})`,
    airGapOnline: (reasons: string, when: string) => `EN LIGNE : ${reasons} (vérifié le ${when})`,
    yes: 'Oui',
    no: 'Non',
    never: 'jamais',
    none: 'Aucun.',
    inventoryTitle: 'Rapport d’inventaire',
    inventorySummary: (wallets: number, open: number) => `${wallets} portefeuille(s), ${open} incident(s) ouvert(s).`,
    classClient: 'Portefeuilles des clients',
    classHouse: 'Portefeuilles pour compte propre',
    stateHeading: (state: string) => `État : ${state}`,
    noWallet: 'Aucun portefeuille de cette catégorie.',
    wallet: 'Portefeuille',
    label: 'Désignation',
    clientRef: 'Référence client',
    fingerprint: 'Empreinte maîtresse',
    quorum: 'Quorum',
    quorumValue: (m: number, n: number, proven: number) => `${m} sur ${n} ; ${proven} parts prouvées sur ${n}`,
    quorumProven: 'un quorum de parts prouvées existe',
    quorumNotProven: 'AUCUN quorum de parts prouvées',
    chains: 'Chaînes',
    createdAt: 'Créé le',
    lastDrill: 'Dernier exercice',
    drillEvery: (days: number) => `tous les ${days} jours`,
    drillOverdue: 'exercice EN RETARD',
    drillOnSchedule: 'à jour',
    replaces: 'Remplace',
    replacedBy: 'Remplacé par',
    compromisedBy: 'Déclaré compromis par',
    holdings: 'Avoirs enregistrés',
    holdingValue: (amount: string, asOf: string) => `${amount} (au ${asOf})`,
    notReconciled: 'non rapproché',
    shares: 'Parts',
    share: 'Part',
    shareOf: (i: number, n: number) => `${i} sur ${n}`,
    holder: 'Détenteur',
    medium: 'Support',
    bagSerial: 'Numéro du sachet',
    state: 'État',
    lastProven: 'Dernière preuve',
    openIncidents: 'Incidents ouverts',
    noOpenIncident: 'Aucun incident ouvert.',
    incidentsTitle: 'Rapport d’incidents',
    period: 'Période',
    periodValue: (from: string, to: string) => `du ${from} au ${to}`,
    totals: 'Totaux',
    recordedInPeriod: 'Enregistrés dans la période',
    closedInPeriod: 'Clos dans la période',
    stillOpen: 'Encore ouverts',
    significantCount: 'Significatifs',
    noIncident: 'Aucun incident dans cette période.',
    incident: 'Incident',
    occurredAt: 'Survenu le',
    discoveredAt: 'Découvert le',
    nature: 'Nature',
    origin: 'Origine',
    toolsAndStaff: 'Outils et personnel impliqués',
    impact: 'Incidence',
    correctiveAction: 'Mesure corrective',
    targetDate: 'Date de résolution visée',
    closedAt: 'Clos le',
    status: 'Statut',
    significant: 'Incident significatif',
    walletsConcerned: 'Portefeuilles concernés',
    recordedAt: 'Enregistré le',
    history: 'Historique',
    ceremony: 'Cérémonie',
    action: 'Action',
    when: 'Date',
    transcriptTitle: 'Procès-verbal de cérémonie',
    procedure: 'Procédure',
    openedAt: 'Ouverte le',
    endedAt: 'Terminée le',
    entryCount: 'Entrées',
    transcriptEntries: 'Les entrées, dans l’ordre',
    entry: (index: number) => `Entrée ${index}`,
    step: 'Étape',
    entryType: 'Nature',
    time: 'Heure (horloge du poste)',
    signedBy: 'Signée par',
    signer: (name: string, role: string) => `${name} (${role})`,
    stationSigner: 'le poste',
    unknownSigner: (keyid: string) => `clé ${keyid}`,
    code: 'Code lu à voix haute',
    recorded: 'Enregistré',
    nothingRecorded: 'Rien de plus.',
    checkpoint: 'Point de contrôle signé après la clôture',
    noCheckpoint: 'Aucun point de contrôle conservé dans ce répertoire ne correspond à la fin de cette cérémonie.',
  },
});

export type ReportTexts = (typeof REPORT_TEXT)['en'];

/** Words of the record's closed vocabularies (states, media, roles…), by value. */
export interface Terms {
  readonly walletClass: Readonly<Record<'client' | 'house', string>>;
  readonly walletState: Readonly<Record<'generated' | 'distributed' | 'active' | 'compromised' | 'retired' | 'destroyed' | 'aborted', string>>;
  readonly shareState: Readonly<Record<'created' | 'held' | 'destroyed', string>>;
  readonly medium: Readonly<Record<'paper' | 'file', string>>;
  readonly incidentStatus: Readonly<Record<'open' | 'investigating' | 'resolved' | 'closed', string>>;
  readonly incidentAction: Readonly<Record<'open' | 'update' | 'close', string>>;
  readonly ceremonyState: Readonly<Record<'open' | 'closed' | 'aborted', string>>;
  readonly entryType: Readonly<Record<'open' | 'step' | 'close' | 'abort' | 'recovery', string>>;
  readonly role: Readonly<Record<'officer' | 'holder' | 'witness' | 'approver' | 'auditor' | 'subject', string>>;
}

export const TERMS: Readonly<Record<PrintLocale, Terms>> = {
  en: {
    walletClass: { client: 'Client', house: 'House' },
    walletState: {
      generated: 'generated',
      distributed: 'distributed',
      active: 'active',
      compromised: 'compromised',
      retired: 'retired',
      destroyed: 'destroyed',
      aborted: 'aborted (never finished)',
    },
    shareState: { created: 'created', held: 'held', destroyed: 'destroyed' },
    medium: { paper: 'paper card', file: 'encrypted file' },
    incidentStatus: { open: 'open', investigating: 'under investigation', resolved: 'resolved', closed: 'closed' },
    incidentAction: { open: 'opened', update: 'updated', close: 'closed' },
    ceremonyState: { open: 'open', closed: 'closed', aborted: 'aborted' },
    entryType: { open: 'opening', step: 'step', close: 'close', abort: 'abort', recovery: 'recovery' },
    role: { officer: 'officer', holder: 'holder', witness: 'witness', approver: 'approver', auditor: 'auditor', subject: 'enrolled person' },
  },
  fr: {
    walletClass: { client: 'Client', house: 'Compte propre' },
    walletState: {
      generated: 'généré',
      distributed: 'distribué',
      active: 'actif',
      compromised: 'compromis',
      retired: 'retiré',
      destroyed: 'détruit',
      aborted: 'interrompu (jamais achevé)',
    },
    shareState: { created: 'créée', held: 'détenue', destroyed: 'détruite' },
    medium: { paper: 'carte papier', file: 'fichier chiffré' },
    incidentStatus: { open: 'ouvert', investigating: 'en cours d’analyse', resolved: 'résolu', closed: 'clos' },
    incidentAction: { open: 'ouvert', update: 'mis à jour', close: 'clos' },
    ceremonyState: { open: 'ouverte', closed: 'close', aborted: 'interrompue' },
    entryType: { open: 'ouverture', step: 'étape', close: 'clôture', abort: 'interruption', recovery: 'reprise' },
    role: { officer: 'responsable', holder: 'détenteur', witness: 'témoin', approver: 'approbateur', auditor: 'auditeur', subject: 'personne enrôlée' },
  },
};

/** The word for `value` in one of the closed vocabularies, or the value itself when the record has another. */
export function term<K extends keyof Terms>(locale: PrintLocale, kind: K, value: string): string {
  const words = TERMS[locale][kind] as Readonly<Record<string, string>>;
  return Object.hasOwn(words, value) ? words[value]! : value;
}
