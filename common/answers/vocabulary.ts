/**
 * The ceremony's vocabulary both sides share (docs/procedures.md, docs/answers/README.md): the roles a
 * participant may hold, the fields and statuses of the incident register. The procedures and the
 * register (ceremonies/) and the answers schemas (common/answers/) name them from here.
 */
export const ROLES = ['officer', 'holder', 'witness', 'approver', 'auditor'] as const;

export const INCIDENT_FIELDS = [
  'occurredAt',
  'discoveredAt',
  'nature',
  'origin',
  'toolsAndStaff',
  'impact',
  'correctiveAction',
  'targetDate',
  'closedAt',
  'status',
] as const;

export const INCIDENT_STATUSES = ['open', 'investigating', 'resolved', 'closed'] as const;

/**
 * The criteria an incident is classified by (issue 19, "Regulatory clock"; DORA art. 18 and its RTS on
 * the classification of ICT-related incidents, as they apply to MiCA crypto-asset service providers):
 * `critical-services` is the condition every major incident meets; with it, `data-losses` alone, or two
 * of the others, make the incident major (ceremonies/inventory/regulatory-clock.ts).
 */
export const INCIDENT_CRITERIA = [
  'critical-services',
  'data-losses',
  'clients-affected',
  'reputational-impact',
  'duration-downtime',
  'geographical-spread',
  'economic-impact',
] as const;
export type IncidentCriterion = (typeof INCIDENT_CRITERIA)[number];

/** The reports a major incident owes its authority, in order: initial notification, intermediate, final. */
export const INCIDENT_REPORTS = ['initial', 'intermediate', 'final'] as const;
export type IncidentReportKind = (typeof INCIDENT_REPORTS)[number];

export type Role = (typeof ROLES)[number];

/** The chains a wallet may hold accounts on, and the Bitcoin networks Custos signs on. */
export const CHAINS = ['bitcoin', 'testnet', 'regtest', 'ethereum'] as const;
export type Chain = (typeof CHAINS)[number];
export const BITCOIN_NETWORKS = ['bitcoin', 'testnet', 'regtest'] as const;
export type BitcoinNetwork = (typeof BITCOIN_NETWORKS)[number];
/** The Ethereum networks Custos signs on (crypto/protocol.ts ETH_NETWORKS gives their chain ids). */
export const ETHEREUM_NETWORKS = ['mainnet', 'sepolia', 'holesky'] as const;
export type EthereumNetwork = (typeof ETHEREUM_NETWORKS)[number];
/** The EIP-155 chain id of each, as decimal text (the station's token list names tokens by it). */
export const ETHEREUM_CHAIN_IDS: Readonly<Record<EthereumNetwork, string>> = { mainnet: '1', sepolia: '11155111', holesky: '17000' };

/** `value` when it is one of `values` (a choice read back from a screen's select), else undefined. */
export function oneOfValues<V extends string>(values: readonly V[], value: string): V | undefined {
  return (values as readonly string[]).includes(value) ? (value as V) : undefined;
}
