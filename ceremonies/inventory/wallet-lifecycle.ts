/**
 * The wallet lifecycle as one state machine (issue 4, "Wallet lifecycle"): generated → distributed →
 * active → compromised → retired → destroyed, with drills and transfers along the way. The
 * inventory moves a wallet only along these edges; preconditions.ts refuses a ceremony that would
 * need another one before anything is recorded.
 */

export type WalletState = 'generated' | 'distributed' | 'active' | 'compromised' | 'retired' | 'destroyed' | 'aborted';

/** The states each state may move to. `aborted`: a creation that never finished. */
export const TRANSITIONS: Record<WalletState, readonly WalletState[]> = {
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
