/**
 * How the inventory screen arranges the projection of the record (main/app/app-api.ts
 * InventoryView, the same as `custos replay --json`): wallets by class (client, then house) and by
 * state in the order of their lifecycle, the open incidents naming each wallet, holders by name and
 * where each of their shares is. Pure functions over the view; nothing here recomputes what the
 * replay decided (quorum health and drill overdue come from the record's replay, never from the
 * screen). Spec: docs/desktop-app.md, "The screens" (Inventory).
 */
import type { IncidentSummary, InventoryView, ParticipantSummary, ShareSummary, WalletSummary } from '../../../main/app/app-api.ts';

type WalletClass = WalletSummary['class'];

const WALLET_CLASSES: readonly WalletClass[] = ['client', 'house'];

/** Wallet states in lifecycle order (ceremonies/inventory/wallet-lifecycle.ts); unknown states come last. */
const WALLET_STATE_ORDER: readonly string[] = ['active', 'distributed', 'generated', 'compromised', 'retired', 'destroyed', 'aborted'];

/** States in which a wallet's shares still guard coins, so its quorum health matters. */
export const GUARDED_STATES: ReadonlySet<string> = new Set(['generated', 'distributed', 'active', 'compromised', 'retired']);

interface StateGroup {
  readonly state: string;
  readonly wallets: readonly WalletSummary[];
}

export interface ClassGroup {
  readonly walletClass: WalletClass;
  readonly states: readonly StateGroup[];
  readonly count: number;
}

function stateRank(state: string): number {
  const i = WALLET_STATE_ORDER.indexOf(state);
  return i < 0 ? WALLET_STATE_ORDER.length : i;
}

/** Wallets by class (client first), then by state (lifecycle order), then by id. Empty classes are kept. */
export function groupWallets(wallets: readonly WalletSummary[]): ClassGroup[] {
  return WALLET_CLASSES.map((walletClass) => {
    const mine = wallets.filter((w) => w.class === walletClass);
    const states = [...new Set(mine.map((w) => w.state))].sort((a, b) => stateRank(a) - stateRank(b) || a.localeCompare(b));
    return {
      walletClass,
      count: mine.length,
      states: states.map((state) => ({ state, wallets: mine.filter((w) => w.state === state).sort((a, b) => a.id.localeCompare(b.id)) })),
    };
  });
}

export function isOpenIncident(incident: IncidentSummary): boolean {
  return incident.status !== 'closed';
}

/** The incidents not yet closed that name the wallet. */
export function openIncidentsOf(walletId: string, incidents: readonly IncidentSummary[]): IncidentSummary[] {
  return incidents.filter((i) => isOpenIncident(i) && i.wallets.includes(walletId));
}

/** Participants by key id (a share's holder, a signer). */
export function participantsByKey(participants: readonly ParticipantSummary[]): ReadonlyMap<string, ParticipantSummary> {
  return new Map(participants.map((p) => [p.keyid, p]));
}

interface HeldShare {
  readonly wallet: WalletSummary;
  readonly share: ShareSummary;
}

export interface HolderShares {
  /** The holder's key id, or null for shares with no recorded holder. */
  readonly keyid: string | null;
  readonly participant: ParticipantSummary | null;
  readonly shares: readonly HeldShare[];
}

/**
 * Where each holder's shares are: every share not destroyed, by holder (holders by name, then shares
 * by wallet and index). A holder with no share left is not listed.
 */
export function sharesByHolder(view: InventoryView): HolderShares[] {
  const people = participantsByKey(view.participants);
  const byHolder = new Map<string | null, HeldShare[]>();
  for (const wallet of view.wallets) {
    for (const share of wallet.shares) {
      if (share.state === 'destroyed') continue;
      const list = byHolder.get(share.holder) ?? [];
      list.push({ wallet, share });
      byHolder.set(share.holder, list);
    }
  }
  const nameOf = (keyid: string | null) => (keyid === null ? '\uffff' : (people.get(keyid)?.name ?? keyid));
  return [...byHolder.entries()]
    .map(([keyid, shares]) => ({
      keyid,
      participant: keyid === null ? null : (people.get(keyid) ?? null),
      shares: shares.sort((a, b) => a.wallet.id.localeCompare(b.wallet.id) || a.share.index - b.share.index),
    }))
    .sort((a, b) => nameOf(a.keyid).localeCompare(nameOf(b.keyid)));
}

/** Counts for the summary line at the top of the screen. */
export function inventoryCounts(view: InventoryView): { wallets: number; quorumNotProven: number; drillOverdue: number; openIncidents: number } {
  const guarded = view.wallets.filter((w) => GUARDED_STATES.has(w.state));
  return {
    wallets: view.wallets.length,
    quorumNotProven: guarded.filter((w) => !w.quorumProven).length,
    drillOverdue: guarded.filter((w) => w.drillOverdue).length,
    openIncidents: view.incidents.filter(isOpenIncident).length,
  };
}

/** The DOM id of a wallet's card and of an incident's row (the rotation and incident links scroll to them). */
export const walletAnchor = (id: string): string => `wallet-card-${id}`;
export const incidentAnchor = (id: string): string => `incident-row-${id}`;

/** The time left until `due` at `at` (negative once past), in whole days, hours and minutes. */
export function countdown(due: string, at: string): { past: boolean; days: number; hours: number; minutes: number } {
  const ms = Date.parse(due) - Date.parse(at);
  const left = Math.floor(Math.abs(ms) / 60_000);
  return { past: ms < 0, days: Math.floor(left / 1440), hours: Math.floor((left % 1440) / 60), minutes: left % 60 };
}
