/**
 * `custos replay` for people (main/cli/replay-text.ts; issue 17, "custos replay prints headed tables
 * with each wallet's first receive address, xpub and next drill date"): the record example's
 * projection (tests/fixtures/record-example) with wallets added in every state. Checked: headed
 * tables; the first receive address and xpub of each account; the next drill date, and OVERDUE only
 * for an active wallet past it; "NO QUORUM" only where keys still guard coins (issue 15: it once
 * called a destroyed wallet so); amounts in coins with their satoshis; procedures by title; roles
 * and states in words; French throughout with French dates; never "null", "undefined" or JSON.
 */
import { describe, expect, test } from 'vitest';
import { openSource } from '../../../ceremonies/audit/journal-source.ts';
import { replayJournal, type Projection, type WalletReport } from '../../../ceremonies/audit/replay.ts';
import { replayText } from '../../../main/cli/replay-text.ts';
import { EXAMPLE_FIXTURE } from '../../support/record-example.ts';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const recorded = replayJournal(openSource(EXAMPLE_FIXTURE), NOW);
const ADDRESS = 'bc1q8kzfjswh9wusqyum36c76dnm478ge9k0mcctqw';
const XPUB = 'xpub6C8eWv9Uscbq8Ehp1ERKZWMvJRfE6TdeheBXTXedwxZLmi58on788Z4xMmPHPEDTS3CQJQyXKReZaCd4R3RtjMdU6jHACnKX24gPzF7gqA4';

function wallet(id: string, state: WalletReport['state'], health: Partial<WalletReport> = {}): WalletReport {
  return {
    id,
    class: 'client',
    ownerRef: 'CL-2026-0042',
    label: `Fund ${id}`,
    state,
    fingerprint: 'a1b2c3d4',
    threshold: 2,
    shareCount: 3,
    chains: ['bitcoin'],
    accounts: [{ chain: 'bitcoin', path: "m/84'/0'/0'", xpub: XPUB, addresses: [ADDRESS, 'bc1qsecond'] }],
    setId: '0badcafe',
    shares: [],
    formerSets: [],
    drillIntervalDays: 180,
    createdIn: 'create-1',
    createdAt: '2026-05-01T09:00:00.000Z',
    lastDrill: '2026-05-20T14:00:00.000Z',
    compromisedBy: null,
    replacedBy: null,
    replaces: null,
    transfers: [],
    holdings: { bitcoin: { recorded: '150000000', asOf: '2026-11-26T08:00:00.000Z' } },
    lastReconciled: '2026-11-26T08:00:00.000Z',
    provenShares: 2,
    quorumProven: true,
    drillOverdue: false,
    lastProven: '2026-05-20T14:00:00.000Z',
    nextDrill: '2026-11-16T14:00:00.000Z',
    overdueShares: [],
    ...health,
  };
}

const projection: Projection = {
  ...recorded,
  wallets: [
    wallet('on-time', 'active', {
      nextDrill: '2027-05-19T14:00:00.000Z',
      // Reshared once (its old set retired, all destroyed), after a reshare aborted with one new share handed over.
      formerSets: [
        {
          setId: 'feedface00000001',
          threshold: 3,
          shareCount: 4,
          outcome: 'void',
          ceremony: 'reshare-40',
          at: '2026-06-01T10:00:00.000Z',
          shares: [oldShare(1, 'held'), oldShare(2, 'created')],
        },
        {
          setId: 'feedface00000002',
          threshold: 2,
          shareCount: 3,
          outcome: 'retired',
          ceremony: 'reshare-52',
          at: '2026-06-02T10:00:00.000Z',
          shares: [1, 2, 3].map((i) => oldShare(i, 'destroyed')),
        },
      ],
    }),
    wallet('late', 'active', { provenShares: 1, quorumProven: false, drillOverdue: true }),
    wallet('handed-over', 'distributed', { provenShares: 1, quorumProven: false, lastDrill: null }),
    wallet('old', 'retired', { provenShares: 1, quorumProven: false, drillOverdue: true, holdings: {} }),
    wallet('gone', 'destroyed', { provenShares: 0, quorumProven: false, holdings: {} }),
    wallet('never', 'aborted', { accounts: [], holdings: {} }),
  ],
};

/** A share of a former set, in `state`. */
function oldShare(index: number, state: 'created' | 'held' | 'destroyed') {
  return { index, holder: null, media: [], bagSerial: null, fileName: null, commitment: `c${index}`, state, lastProven: null, atRisk: false };
}

/** The cells of the row that starts with `first` in the table under `heading`. */
function row(text: string, heading: string, first: string): string[] {
  const table = text.split(`\n${heading}\n`)[1]!.split('\n\n')[0]!;
  const line = table.split('\n').find((l) => l.startsWith(`  ${first} `));
  if (!line) throw new Error(`no row ${first} under ${heading}:\n${table}`);
  return line.trim().split(/ {2,}/u);
}

describe('custos replay in English', () => {
  const text = replayText(projection, 'en');

  test('headed tables, a rule under each header, no raw values', () => {
    expect(text.split('\n')[0]).toBe(`Station ${recorded.station}: ${recorded.entries} entries, as of 30 Nov 2026`);
    for (const heading of ['Wallets', 'Accounts (compare with the watch-only wallet)', 'Holdings recorded', 'Participants', 'Ceremonies']) {
      expect(text).toMatch(new RegExp(`\\n${heading.replace(/[()]/gu, '\\$&')}\\n  \\S.*\\n  ─+`, 'u'));
    }
    expect(text).not.toMatch(/null|undefined|[{}]|"|camelCase|ownerRef|drillOverdue/u);
    expect(text).not.toMatch(/ \n/u);
  });

  test('each wallet: quorum, proven shares with the alarm only where it matters, last and next drill', () => {
    const header = row(text, 'Wallets', 'Wallet');
    expect(header).toEqual(['Wallet', 'Label', 'Class', 'Client ref.', 'State', 'Quorum', 'Proven shares', 'Last drill', 'Next drill']);
    expect(row(text, 'Wallets', 'on-time')).toEqual([
      'on-time',
      'Fund on-time',
      'client',
      'CL-2026-0042',
      'active',
      '2 of 3',
      '2 (2 needed)',
      '20 May 2026',
      '19 May 2027',
    ]);
    expect(row(text, 'Wallets', 'late').slice(4)).toEqual(['active', '2 of 3', '1 (2 needed) — NO QUORUM', '20 May 2026', '16 Nov 2026 OVERDUE']);
    expect(row(text, 'Wallets', 'handed-over').slice(4)).toEqual(['distributed', '2 of 3', '1 (2 needed) — NO QUORUM', 'none yet', '—']);
    expect(row(text, 'Wallets', 'old').slice(4)).toEqual(['retired', '2 of 3', '1 (2 needed)', '20 May 2026', '—']);
    expect(row(text, 'Wallets', 'gone').slice(4, 7)).toEqual(['destroyed', '2 of 3', 'shares destroyed']);
    expect(row(text, 'Wallets', 'never').slice(4, 7)).toEqual(['aborted', '2 of 3', 'never completed']);
  });

  test('each account: its path, first receive address and xpub, to compare with the watch-only wallet', () => {
    expect(row(text, 'Accounts (compare with the watch-only wallet)', 'on-time')).toEqual(['on-time', 'bitcoin', "m/84'/0'/0'", ADDRESS, XPUB]);
    expect(text).not.toContain('bc1qsecond');
  });

  test('holdings in coins, with their satoshis', () => {
    expect(row(text, 'Holdings recorded', 'on-time')).toEqual(['on-time', 'bitcoin', '1.50000000 BTC (150,000,000 sat)', '26 Nov 2026']);
  });

  test('participants by name and role, ceremonies by their procedure’s title', () => {
    expect(row(text, 'Participants', 'officer Alice').slice(1, 3)).toEqual(['officer', 'active']);
    expect(text).toMatch(/\n {2}setup-1 +Station setup +closed +0–2\n/u);
    expect(text).toMatch(/\n {2}revoke-eve +Revoke a participant’s key +closed/u);
  });
});

describe('custos replay in French', () => {
  const text = replayText(projection, 'fr');

  test('the former share sets of a reshare: retired, or void with the share still held to destroy', () => {
    const heading = 'Anciens jeux de parts (retirés par un repartage, ou nouveau jeu resté nul ; une part encore détenue doit être détruite)';
    const table = text
      .split(`\n${heading}\n`)[1]!
      .split('\n\n')[0]!
      .split('\n')
      .slice(2)
      .map((l) => l.trim().split(/ {2,}/u));
    expect(table).toEqual([
      ['on-time', 'feedface00000001', 'nul (repartage interrompu)', '3 sur 4', 'reshare-40', '1'],
      ['on-time', 'feedface00000002', 'retiré', '2 sur 3', 'reshare-52', '—'],
    ]);
    expect(replayText(projection, 'en')).toMatch(/\n {2}on-time +feedface00000001 +void \(reshare aborted\) +3 of 4 +reshare-40 +1\n/u);
  });

  test('the same tables, in French words, dates and numbers', () => {
    expect(text.split('\n')[0]).toBe(`Poste ${recorded.station} : ${recorded.entries} entrées, au 30 nov. 2026`);
    expect(row(text, 'Portefeuilles', 'late').slice(2)).toEqual([
      'client',
      'CL-2026-0042',
      'actif',
      '2 sur 3',
      '1 (il en faut 2) — PAS DE QUORUM',
      '20 mai 2026',
      '16 nov. 2026 EN RETARD',
    ]);
    expect(row(text, 'Avoirs enregistrés', 'on-time')).toEqual(['on-time', 'bitcoin', '1,50000000 BTC (150\u202f000\u202f000 sat)', '26 nov. 2026']);
    expect(row(text, 'Participants', 'officer Alice').slice(1, 3)).toEqual(['responsable', 'actif']);
    expect(text).toMatch(/\n {2}setup-1 +Mise en service de la station +clôturée +0–2\n/u);
    for (const english of ['Wallet', 'Proven shares', 'Next drill', 'needed', 'OVERDUE', 'NO QUORUM', 'closed', 'active', 'Station setup']) {
      expect(text, english).not.toMatch(new RegExp(`(^|[^\\w-])${english}([^\\w-]|$)`, 'u'));
    }
  });
});
