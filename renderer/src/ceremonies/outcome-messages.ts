/**
 * The names of the facts a closed ceremony reports (ceremonies/engine/runs/*: `facts`), in English
 * and French, and the few coded values among them (an incident's action, "none"). Wallet states and
 * transfer kinds reuse the inventory's names. A fact the catalogue does not know shows its key, so
 * a new fact is never hidden. Spec: docs/architecture.md, "Conventions" (English and French for
 * every text); docs/cli.md ("What it prints").
 */
import { defineCatalogue } from '../../../common/i18n/catalogue.ts';

export const FACT_KEYS = [
  'wallet', 'fingerprint', 'quorum', 'proven', 'share', 'from', 'to', 'compromised', 'replacement', 'aborted', 'txid', 'swept',
  'fee', 'amount', 'destination', 'kind', 'state', 'destroyed', 'remaining', 'enrolled', 'keyid', 'roles', 'revoked', 'incident',
  'action', 'wallets', 'discrepancies', 'incidents', 'station', 'participants', 'cosignedBy',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

const labels = {
  en: {
    wallet: 'Wallet', fingerprint: 'Master fingerprint', quorum: 'Quorum', proven: 'Shares proven', share: 'Share', from: 'From holder',
    to: 'To holder', compromised: 'Compromised wallet', replacement: 'Replacement wallet', aborted: 'Reason for stopping', txid: 'Transaction id',
    swept: 'Amount swept (satoshis)', fee: 'Network fee (satoshis)', amount: 'Amount (satoshis)', destination: 'Destination address',
    kind: 'Transfer', state: 'Wallet state now', destroyed: 'Shares destroyed', remaining: 'Shares still to destroy', enrolled: 'Enrolled',
    keyid: 'Key id', roles: 'Roles', revoked: 'Key revoked', incident: 'Incident', action: 'Action', wallets: 'Wallets compared',
    discrepancies: 'Discrepancies', incidents: 'Incidents opened', station: 'Station key id', participants: 'People on the roster',
    cosignedBy: 'Checkpoint cosigned by',
  },
  fr: {
    wallet: 'Portefeuille', fingerprint: 'Empreinte maîtresse', quorum: 'Quorum', proven: 'Parts prouvées', share: 'Part', from: 'Ancien détenteur',
    to: 'Nouveau détenteur', compromised: 'Portefeuille compromis', replacement: 'Portefeuille de remplacement', aborted: 'Motif de l’interruption',
    txid: 'Identifiant de transaction', swept: 'Montant transféré (satoshis)', fee: 'Frais de réseau (satoshis)', amount: 'Montant (satoshis)',
    destination: 'Adresse de destination', kind: 'Transfert', state: 'État du portefeuille désormais', destroyed: 'Parts détruites',
    remaining: 'Parts restant à détruire', enrolled: 'Personne inscrite', keyid: 'Identifiant de clé', roles: 'Rôles', revoked: 'Clé révoquée',
    incident: 'Incident', action: 'Action', wallets: 'Portefeuilles comparés', discrepancies: 'Écarts', incidents: 'Incidents ouverts',
    station: 'Identifiant de clé du poste', participants: 'Personnes inscrites au registre',
    cosignedBy: 'Point de contrôle contresigné par',
  },
} satisfies { en: Record<FactKey, string>; fr: Record<FactKey, string> };

export const OUTCOME_TEXT = defineCatalogue({
  en: {
    ...labels.en,
    none: 'none',
    actionOpen: 'opened', actionUpdate: 'updated', actionClose: 'closed',
    signedCount: (n: number) => (n === 1 ? '1 entry signed' : `${n} entries signed`),
  },
  fr: {
    ...labels.fr,
    none: 'aucune',
    actionOpen: 'ouvert', actionUpdate: 'mis à jour', actionClose: 'clos',
    signedCount: (n: number) => (n === 1 ? '1 entrée signée' : `${n} entrées signées`),
  },
});
