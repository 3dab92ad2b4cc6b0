/**
 * Per-share proof (issue 19, point 1): each share is due its wallet's drill interval after it was
 * last proven, whatever the other shares did; a drill that proves only a quorum leaves the others to
 * come due on their own dates, and the wallet is overdue as soon as one held share is. Judged at a
 * moment the test sets (ceremonies/inventory/wallets.ts walletHealth), including "overdue".
 */
import { expect, test } from 'vitest';
import { walletHealth, type WalletView } from '../../../ceremonies/inventory/wallets.ts';

const DAY = 86_400_000;
const CREATED = '2026-01-01T10:00:00.000Z';
const at = (iso: string) => new Date(iso);
const plus = (iso: string, days: number) => new Date(Date.parse(iso) + days * DAY).toISOString();

function share(index: number, lastProven: string | null, state: 'created' | 'held' | 'destroyed' = 'held') {
  return { index, holder: `k${index}`, media: ['paper'], bagSerial: `B-${index}`, fileName: null, commitment: `c${index}`, state, lastProven, atRisk: false };
}

function wallet(shares: ReturnType<typeof share>[], state: WalletView['state'] = 'active'): WalletView {
  return {
    id: 'w',
    class: 'house',
    ownerRef: null,
    label: 'W',
    state,
    fingerprint: '0badf00d',
    threshold: 2,
    shareCount: shares.length,
    chains: ['bitcoin'],
    accounts: [],
    setId: 's',
    shares,
    formerSets: [],
    drillIntervalDays: 180,
    createdIn: 'create-1',
    createdAt: CREATED,
    lastDrill: null,
    compromisedBy: null,
    replacedBy: null,
    replaces: null,
    transfers: [],
    holdings: {},
    lastReconciled: null,
  };
}

test('handed over at creation: each share due 180 days later; on its due date still in time, the moment after overdue', () => {
  const w = wallet([share(1, CREATED), share(2, CREATED), share(3, CREATED)]);
  const due = plus(CREATED, 180);
  const onTime = walletHealth(w, at(due));
  expect(onTime.shares.map((s) => [s.index, s.due, s.overdue])).toEqual([
    [1, due, false],
    [2, due, false],
    [3, due, false],
  ]);
  expect(onTime).toMatchObject({ drillOverdue: false, overdueShares: [], nextDrill: due, quorumProven: true, provenShares: 3 });
  const late = walletHealth(w, new Date(Date.parse(due) + 1));
  expect(late).toMatchObject({ drillOverdue: true, overdueShares: [1, 2, 3], quorumProven: false, provenShares: 0 });
});

test('a drill that proves only a quorum (shares 1 and 2) does not clear share 3: it comes due on its own date, and the wallet with it', () => {
  const drill = plus(CREATED, 150);
  const w = { ...wallet([share(1, drill), share(2, drill), share(3, CREATED)]), lastDrill: drill };
  const day181 = at(plus(CREATED, 181));
  const h = walletHealth(w, day181);
  expect(h.overdueShares).toEqual([3]);
  expect(h.drillOverdue).toBe(true);
  // The quorum is still proven (two shares within the interval): the two facts are told apart.
  expect(h).toMatchObject({ quorumProven: true, provenShares: 2, nextDrill: plus(CREATED, 180) });
  expect(h.shares.find((s) => s.index === 1)).toMatchObject({ due: plus(drill, 180), overdue: false });
  // Once share 3 is proven too, nothing is overdue and the next drill is the earliest due date.
  const all = walletHealth({ ...w, shares: [share(1, drill), share(2, drill), share(3, plus(CREATED, 181))] }, day181);
  expect(all).toMatchObject({ drillOverdue: false, overdueShares: [], nextDrill: plus(drill, 180) });
});

test('a share never proven since it was handed over: due from the creation', () => {
  const w = wallet([share(1, null), share(2, CREATED)]);
  expect(walletHealth(w, at(plus(CREATED, 200))).shares.map((s) => s.due)).toEqual([plus(CREATED, 180), plus(CREATED, 180)]);
});

test('destroyed and not yet handed-over shares are never due; a compromised wallet shows its overdue shares but is not “drill overdue”; a retired one shows none', () => {
  const shares = [share(1, CREATED), share(2, CREATED, 'destroyed'), share(3, null, 'created')];
  const late = at(plus(CREATED, 400));
  const active = walletHealth(wallet(shares), late);
  expect(active.shares.map((s) => [s.due, s.overdue])).toEqual([
    [plus(CREATED, 180), true],
    [null, false],
    [null, false],
  ]);
  expect(walletHealth(wallet(shares, 'compromised'), late)).toMatchObject({ overdueShares: [1], drillOverdue: false });
  expect(walletHealth(wallet(shares, 'retired'), late)).toMatchObject({ overdueShares: [], drillOverdue: false });
});
