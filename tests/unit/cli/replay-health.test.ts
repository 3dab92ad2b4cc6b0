/**
 * `custos replay` raises "no quorum!" only where a quorum still matters (issue 15: it called a
 * destroyed wallet "no quorum!"): wallets whose keys guard something; a destroyed or aborted wallet
 * is said as such, a retired one shows its count without the alarm.
 */
import { expect, test } from 'vitest';
import { walletHealthText } from '../../../main/cli/replay-command.ts';

const wallet = (state: string, quorumProven: boolean, drillOverdue = false) => ({
  state,
  provenShares: quorumProven ? 2 : 1,
  threshold: 2,
  quorumProven,
  drillOverdue,
});

test.each([
  ['active', true, false, '2/2 proven'],
  ['active', false, true, '1/2 proven (no quorum!), drill overdue'],
  ['distributed', false, false, '1/2 proven (no quorum!)'],
  ['compromised', false, false, '1/2 proven (no quorum!)'],
  ['retired', false, true, '1/2 proven'],
  ['destroyed', false, true, 'shares destroyed'],
  ['aborted', false, false, 'never completed'],
])('%s, quorum proven %s, drill overdue %s: "%s"', (state, proven, overdue, text) => {
  expect(walletHealthText(wallet(state, proven, overdue))).toBe(text);
});
