/**
 * The wallet lifecycle as one state machine (docs/architecture.md, "The inventory"): generated →
 * distributed → active → compromised → retired → destroyed, with drills and transfers along the
 * way. A creation that never finished is aborted, and may only be destroyed. The inventory moves a
 * wallet only along these edges; preconditions.ts refuses a ceremony that would need another one
 * before anything is recorded.
 */

export type WalletState = 'generated' | 'distributed' | 'active' | 'compromised' | 'retired' | 'destroyed' | 'aborted';

/** The states each state may move to. `aborted`: a creation that never finished. */
const TRANSITIONS: Record<WalletState, readonly WalletState[]> = {
  generated: ['distributed', 'active', 'aborted'],
  distributed: ['active', 'aborted'],
  active: ['compromised', 'retired', 'destroyed'],
  compromised: ['retired', 'destroyed'],
  retired: ['destroyed'],
  destroyed: [],
  aborted: ['destroyed'],
};

export function canMove(from: WalletState, to: WalletState): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}
