/**
 * What the compromise-rotation and change-holder forms read from the inventory
 * (renderer/src/ceremonies/forms/rotation-model.ts; docs/cli.md `compromise-rotation`, "Waiting",
 * `change-holder`): the rotation waiting for its sweep and the wallets it concerns, the wallets a
 * first sitting may rotate, the open incidents naming a wallet, the networks of a sweep, the held
 * shares with their holders' names.
 */
import { describe, expect, test } from 'vitest';
import type { CeremonyListing, IncidentSummary, InventoryView, OpenCeremonyListing, ShareSummary, WalletSummary } from '../../../main/app/app-api.ts';
import {
  heldShares,
  holderName,
  incidentsFor,
  shorten,
  sweepNetworks,
  waitingRotation,
  walletsToRotate,
} from '../../../renderer/src/ceremonies/forms/rotation-model.ts';

const wallet = (id: string, state: string, extra: Partial<WalletSummary> = {}): WalletSummary => ({
  id,
  class: 'client',
  ownerRef: 'CL-1',
  label: id,
  state,
  fingerprint: null,
  threshold: 3,
  shareCount: 5,
  chains: ['bitcoin', 'ethereum'],
  drillIntervalDays: 180,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastDrill: null,
  compromisedBy: null,
  replacedBy: null,
  replaces: null,
  formerSets: [],
  shares: [],
  transfers: [],
  holdings: {},
  provenShares: 5,
  quorumProven: true,
  drillOverdue: false,
  overdueShares: [],
  accounts: [],
  nextDrill: '2027-05-20T00:00:00.000Z',
  lastProven: null,
  ...extra,
});

const incident = (id: string, status: string, wallets: string[]): IncidentSummary => ({
  id,
  classification: null,
  deadlines: [],
  occurredAt: null,
  discoveredAt: null,
  nature: null,
  impact: null,
  correctiveAction: null,
  status,
  significant: true,
  wallets,
  recordedAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
});

const ceremony = (id: string, procedureId: string, state: CeremonyListing['state']): CeremonyListing => ({
  id,
  procedureId,
  state,
  openedAt: 1,
  endedAt: state === 'open' ? null : 2,
  entries: 3,
});

const view = (
  wallets: WalletSummary[],
  ceremonies: CeremonyListing[] = [],
  incidents: IncidentSummary[] = [],
  openCeremony: OpenCeremonyListing | null = null,
): InventoryView => ({
  station: 'ab',
  entries: 10,
  at: '2026-01-01T00:00:00.000Z',
  wallets,
  tokens: [],
  incidents,
  ceremonies,
  openCeremony,
  problems: 0,
  participants: [{ keyid: 'k-dora', name: 'Dora Lindqvist', roles: ['holder'], state: 'active' }],
});

const share = (index: number, holder: string | null, state: ShareSummary['state'] = 'held'): ShareSummary => ({
  index,
  holder,
  bagSerial: `TB-${index}`,
  media: ['file'],
  state,
  lastProven: null,
  due: null,
  overdue: false,
  atRisk: false,
});

describe('the rotation waiting for its sweep', () => {
  const open = (procedureId: string, wallet: string | null, replacement: string | null): OpenCeremonyListing => ({
    id: 'compromise-rotation-25',
    procedureId,
    wallet,
    replacement,
    steps: { open: 1, 'declare-compromised': 1, 'export-replacement': 1 },
  });

  test('none without an open compromise-rotation ceremony at the end of the record (another procedure open does not count)', () => {
    expect(waitingRotation(null)).toBeNull();
    expect(waitingRotation(view([wallet('old', 'compromised')], [ceremony('compromise-rotation-9', 'compromise-rotation@1', 'closed')]))).toBeNull();
    expect(waitingRotation(view([wallet('w', 'generated')], [], [], open('create-wallet@1', 'w', null)))).toBeNull();
  });

  test('names the wallets its opening names, whatever other compromised wallets or distributed ones exist', () => {
    const o = open('compromise-rotation@1', 'old', 'new');
    const w = waitingRotation(
      view(
        [
          wallet('aborted-earlier', 'compromised'),
          wallet('old', 'compromised'),
          wallet('other-new', 'distributed'),
          wallet('new', 'distributed'),
          wallet('other', 'active'),
        ],
        [],
        [],
        o,
      ),
    );
    expect(w?.ceremony).toBe(o);
    expect(w?.replacement?.id).toBe('new');
    expect(w?.replaced?.id).toBe('old');
  });

  test('a wallet the inventory lacks is null, the ceremony still names it', () => {
    const w = waitingRotation(view([], [], [], open('compromise-rotation@1', 'old', 'new')));
    expect(w).toMatchObject({ replacement: null, replaced: null, ceremony: { wallet: 'old', replacement: 'new' } });
  });
});

describe('the first sitting and change-holder choices', () => {
  test('wallets to rotate: active ones, and compromised ones not replaced (an aborted rotation)', () => {
    const inv = view([
      wallet('a', 'active'),
      wallet('c', 'compromised'),
      wallet('r', 'compromised', { replacedBy: 'n' }),
      wallet('n', 'distributed'),
      wallet('x', 'retired'),
    ]);
    expect(walletsToRotate(inv).map((w) => w.id)).toEqual(['a', 'c']);
    expect(walletsToRotate(null)).toEqual([]);
  });

  test('incidents for a wallet: not closed, and naming it', () => {
    const inv = view(
      [],
      [],
      [incident('I-1', 'open', ['a']), incident('I-2', 'closed', ['a']), incident('I-3', 'investigating', ['a', 'b']), incident('I-4', 'open', ['b'])],
    );
    expect(incidentsFor(inv, 'a').map((i) => i.id)).toEqual(['I-1', 'I-3']);
  });

  test('a sweep is signed on the old wallet’s Bitcoin chains only', () => {
    expect(sweepNetworks(wallet('a', 'compromised', { chains: ['ethereum', 'bitcoin', 'regtest'] }))).toEqual(['bitcoin', 'regtest']);
    expect(sweepNetworks(wallet('a', 'compromised', { chains: ['ethereum'] }))).toEqual([]);
    expect(sweepNetworks(undefined)).toEqual([]);
  });

  test('held shares with their holder’s name (an unknown key by the start of its id); destroyed shares left out', () => {
    const inv = view([]);
    const w = wallet('a', 'active', { shares: [share(1, 'k-dora'), share(2, 'f'.repeat(64)), share(3, 'k-dora', 'destroyed')] });
    expect(heldShares(inv, w).map((s) => `${s.index} ${s.holderName}`)).toEqual(['1 Dora Lindqvist', `2 ${'f'.repeat(16)}`]);
    expect(holderName(inv, null)).toBe('—');
  });

  test('long texts are cut with an ellipsis for the choices', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('a text that is far too long', 10)).toBe('a text th…');
    expect(shorten('a text that is far too long', 10)).toHaveLength(10);
  });
});
