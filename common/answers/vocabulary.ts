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
