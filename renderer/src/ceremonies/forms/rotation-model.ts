/**
 * What the compromise-rotation and change-holder forms read from the inventory (the replay of the
 * record, main/app/app-api.ts InventoryView): the rotation waiting for its sweep, if any (docs/cli.md
 * "Waiting": its ceremony `open`, its replacement `distributed`, the old wallet `compromised` and not
 * yet replaced), the wallets a first sitting may rotate (`active`, or `compromised` after an aborted
 * rotation), the open incidents naming a wallet, the Bitcoin networks a sweep may use, and holders'
 * names. Pure functions, so that the screens' choices are unit-tested.
 */
import { BITCOIN_NETWORKS, CHAINS, oneOfValues, type BitcoinNetwork } from '../../../../common/answers/vocabulary.ts';
import type { IncidentSummary, InventoryView, OpenCeremonyListing, WalletSummary } from '../../../../main/app/app-api.ts';

/** The chains a wallet may have (docs/cli.md "Values"). */
export const WALLET_CHAINS = CHAINS;

export interface WaitingRotation {
  readonly ceremony: OpenCeremonyListing;
  /** The replacement the first sitting created, as its opening names it (null if the inventory lacks it). */
  readonly replacement: WalletSummary | null;
  /** The compromised wallet it replaces, as its opening names it (null if the inventory lacks it). */
  readonly replaced: WalletSummary | null;
}

/** The compromise rotation open and waiting on the station (the record's open ceremony), or null. */
export function waitingRotation(inventory: InventoryView | null): WaitingRotation | null {
  const ceremony = inventory?.openCeremony;
  if (!inventory || !ceremony || ceremony.procedureId.split('@')[0] !== 'compromise-rotation') return null;
  const byId = (id: string | null) => inventory.wallets.find((w) => w.id === id) ?? null;
  return { ceremony, replacement: byId(ceremony.replacement), replaced: byId(ceremony.wallet) };
}

/** The wallets a first sitting may rotate: active ones, and compromised ones whose rotation was aborted. */
export function walletsToRotate(inventory: InventoryView | null): WalletSummary[] {
  return (inventory?.wallets ?? []).filter((w) => w.state === 'active' || (w.state === 'compromised' && w.replacedBy === null));
}

/** The incidents that may justify rotating `wallet`: in the register, not closed, naming it. */
export function incidentsFor(inventory: InventoryView | null, wallet: string): IncidentSummary[] {
  return (inventory?.incidents ?? []).filter((i) => i.status !== 'closed' && i.wallets.includes(wallet));
}

/** The networks a sweep of `wallet` may be signed on: its Bitcoin chains. */
export function sweepNetworks(wallet: WalletSummary | undefined): BitcoinNetwork[] {
  return (wallet?.chains ?? []).flatMap((c) => oneOfValues(BITCOIN_NETWORKS, c) ?? []);
}

/** A holder's name from the roster, by key id (the start of the key id if unknown). */
export function holderName(inventory: InventoryView | null, keyid: string | null): string {
  if (keyid === null) return '—';
  return inventory?.participants.find((p) => p.keyid === keyid)?.name ?? keyid.slice(0, 16);
}

/** The shares of `wallet` held now, with their holder's name, in share order. */
export function heldShares(inventory: InventoryView | null, wallet: WalletSummary | undefined) {
  return (wallet?.shares ?? []).filter((s) => s.state === 'held').map((s) => ({ ...s, holderName: holderName(inventory, s.holder) }));
}

/** A text cut to `max` characters, with an ellipsis when cut (a select grows as wide as its longest option). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
