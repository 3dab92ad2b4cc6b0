/**
 * How the inventory and auditor screens arrange what main sends (renderer/src/inventory/
 * inventory-model.ts, renderer/src/auditor/timeline-model.ts): wallets by class then lifecycle state,
 * open incidents naming a wallet, holders and their shares (destroyed ones left out), the summary
 * counts; timeline entries grouped by ceremony with how each ended, findings by entry index, and the
 * procedures' titles in each language. Spec: issue 5, "Home / inventory" and "Auditor view".
 */
import { describe, expect, test } from 'vitest';
import type { FindingView, IncidentSummary, InventoryView, ProcedureView, ShareSummary, TimelineEntry, WalletSummary } from '../../../main/app/app-api.ts';
import { findingsByIndex, groupTimeline, procedureTitles } from '../../../renderer/src/auditor/timeline-model.ts';
import { groupWallets, inventoryCounts, openIncidentsOf, sharesByHolder } from '../../../renderer/src/inventory/inventory-model.ts';

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

const wallet = (id: string, walletClass: WalletSummary['class'], state: string, extra: Partial<WalletSummary> = {}): WalletSummary => ({
  id,
  class: walletClass,
  ownerRef: null,
  label: id,
  state,
  fingerprint: null,
  threshold: 2,
  shareCount: 3,
  chains: ['bitcoin'],
  drillIntervalDays: 180,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastDrill: null,
  compromisedBy: null,
  replacedBy: null,
  replaces: null,
  shares: [],
  formerSets: [],
  transfers: [],
  holdings: {},
  provenShares: 3,
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
  significant: false,
  wallets,
  recordedAt: '2026-01-01T00:00:00.000Z',
  closedAt: null,
});

const view = (wallets: WalletSummary[], incidents: IncidentSummary[] = []): InventoryView => ({
  station: 'ab',
  entries: 1,
  at: '2026-01-01T00:00:00.000Z',
  wallets,
  tokens: [],
  incidents,
  ceremonies: [],
  openCeremony: null,
  problems: 0,
  participants: [
    { keyid: 'k-dora', name: 'Dora Lindqvist', roles: ['holder'], state: 'active' },
    { keyid: 'k-emil', name: 'Emil Novak', roles: ['holder'], state: 'active' },
  ],
});

describe('inventory', () => {
  test('wallets by class (client first), then by state in lifecycle order', () => {
    const groups = groupWallets([
      wallet('h-1', 'house', 'retired'),
      wallet('c-2', 'client', 'compromised'),
      wallet('c-1', 'client', 'active'),
      wallet('h-2', 'house', 'active'),
      wallet('c-3', 'client', 'active'),
    ]);
    expect(groups.map((g) => [g.walletClass, g.count, g.states.map((s) => [s.state, s.wallets.map((w) => w.id)])])).toEqual([
      [
        'client',
        3,
        [
          ['active', ['c-1', 'c-3']],
          ['compromised', ['c-2']],
        ],
      ],
      [
        'house',
        2,
        [
          ['active', ['h-2']],
          ['retired', ['h-1']],
        ],
      ],
    ]);
  });

  test('an empty class is kept, to say there is none', () => {
    expect(groupWallets([wallet('c-1', 'client', 'active')])[1]).toEqual({ walletClass: 'house', count: 0, states: [] });
  });

  test('open incidents naming a wallet', () => {
    const incidents = [
      incident('INC-1', 'open', ['w']),
      incident('INC-2', 'closed', ['w']),
      incident('INC-3', 'investigating', ['x', 'w']),
      incident('INC-4', 'open', ['x']),
    ];
    expect(openIncidentsOf('w', incidents).map((i) => i.id)).toEqual(['INC-1', 'INC-3']);
  });

  test('holders by name with their shares; destroyed shares left out', () => {
    const v = view([
      wallet('b', 'client', 'active', { shares: [share(1, 'k-emil'), share(2, 'k-dora'), share(3, null)] }),
      wallet('a', 'house', 'destroyed', { shares: [share(1, 'k-dora', 'destroyed'), share(2, 'k-emil')] }),
    ]);
    expect(sharesByHolder(v).map((h) => [h.participant?.name ?? null, h.shares.map((s) => `${s.wallet.id}#${s.share.index}`)])).toEqual([
      ['Dora Lindqvist', ['b#2']],
      ['Emil Novak', ['a#2', 'b#1']],
      [null, ['b#3']],
    ]);
  });

  test('summary counts only wallets whose shares still guard coins', () => {
    const v = view(
      [
        wallet('a', 'client', 'active', { quorumProven: false, drillOverdue: true }),
        wallet('b', 'client', 'destroyed', { quorumProven: false, drillOverdue: true }),
        wallet('c', 'house', 'active'),
      ],
      [incident('INC-1', 'open', []), incident('INC-2', 'closed', [])],
    );
    expect(inventoryCounts(v)).toEqual({ wallets: 3, quorumNotProven: 1, drillOverdue: 1, openIncidents: 1 });
  });
});

describe('auditor timeline', () => {
  const entry = (index: number, ceremony: string, type: string, step = type): TimelineEntry => ({
    index,
    ceremony,
    procedure: ceremony === '' ? '' : 'backup-drill@1',
    type,
    step,
    time: '2026-01-01T00:00:00.000Z',
    signers: [],
    code: '0000 0000',
  });
  const finding = (index: number | null, code = 'SIGNATURE_INVALID'): FindingView => ({
    severity: 'error',
    code,
    message: 'm',
    index,
    ceremony: null,
    details: {},
  });

  test('entries grouped by ceremony in journal order, with how each ended and its findings', () => {
    const timeline = [
      entry(0, 'a', 'open'),
      entry(1, 'a', 'close'),
      entry(2, 'b', 'open'),
      entry(3, 'b', 'abort'),
      entry(4, '', 'unreadable'),
      entry(5, 'c', 'open'),
    ];
    const byIndex = findingsByIndex([finding(1), finding(1, 'PREV_MISMATCH'), finding(5), finding(null, 'CHECKPOINT_ROOT_MISMATCH')]);
    expect([...byIndex.keys()]).toEqual([1, 5]);
    expect(groupTimeline(timeline, byIndex).map((g) => [g.ceremony, g.entries.map((e) => e.index), g.ending, g.findings])).toEqual([
      ['a', [0, 1], 'closed', 2],
      ['b', [2, 3], 'aborted', 0],
      ['', [4], 'unreadable', 0],
      ['c', [5], 'open', 1],
    ]);
  });

  test('procedure and step titles in the screen language, null when unknown', () => {
    const procedures: ProcedureView[] = [
      {
        id: 'backup-drill',
        version: 1,
        title: { en: 'Backup drill', fr: 'Exercice de vérification des sauvegardes' },
        purpose: { en: '', fr: '' },
        requirements: [],
        steps: [{ id: 'open', type: 'open', title: { en: 'Name the wallet', fr: 'Nommer le portefeuille' }, signers: [] }],
      },
    ];
    const fr = procedureTitles(procedures, 'fr');
    expect(fr.procedure('backup-drill@1')).toBe('Exercice de vérification des sauvegardes');
    expect(fr.step('backup-drill@1', 'open')).toBe('Nommer le portefeuille');
    expect(procedureTitles(procedures, 'en').step('backup-drill@1', 'open')).toBe('Name the wallet');
    expect(fr.procedure('backup-drill@2')).toBeNull();
    expect(fr.step('backup-drill@1', 'abort')).toBeNull();
  });
});
