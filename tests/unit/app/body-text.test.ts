/**
 * What an entry recorded, in words (main/app/reports/body-text.ts; issue 17: the transcript showed
 * raw JSON). Every field a released procedure's steps record, retired versions included, has a
 * label in English and French; values are said as people read them: a participant's key id as
 * their name, amounts in coins with their satoshis from the body's chain, bags and media in words,
 * lists one item a line, nested fields under their labels, and no JSON or camelCase anywhere.
 */
import { describe, expect, test } from 'vitest';
import { PINNED_PROCEDURES, authorizedProcedure } from '../../../ceremonies/procedures/released.ts';
import { FIELD_LABELS, bodyText } from '../../../main/app/reports/body-text.ts';

const released = Object.values(PINNED_PROCEDURES).map((hash) => authorizedProcedure(hash)!);
const names = new Map([['a'.repeat(64), 'Dora Lindqvist']]);

describe('labels', () => {
  test('every field a released procedure records has an English and a French label', () => {
    expect(released.length).toBe(Object.keys(PINNED_PROCEDURES).length);
    const fields = [...new Set(released.flatMap((d) => d.steps.flatMap((s) => s.records)))].sort();
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.filter((f) => !FIELD_LABELS[f]?.en || !FIELD_LABELS[f]?.fr)).toEqual([]);
  });
});

describe('values', () => {
  const body = {
    chain: 'bitcoin',
    amount: '75000000',
    holder: 'a'.repeat(64),
    bag: { serial: 'TB-1', state: 'replaced', newSerial: 'TB-2' },
    media: ['paper', 'file'],
    outputs: [{ address: 'bc1qdest', amount: '1500' }],
    significant: false,
    airGap: { online: true, reasons: ['eth0 is up'], checkedAt: '2026-11-23T09:00:00.000Z' },
  };

  test('in English', () => {
    expect(Object.fromEntries(bodyText(body, { locale: 'en', names }))).toEqual({
      Chain: 'bitcoin',
      Amount: '0.75000000 BTC (75,000,000 sat)',
      Holder: `Dora Lindqvist (${'a'.repeat(16)}…)`,
      'Tamper-evident bag': 'Bag serial: TB-1\nState: replaced\nNew bag serial: TB-2',
      Media: 'paper card, encrypted file',
      Outputs: '• Address: bc1qdest\n  Amount: 0.00001500 BTC (1,500 sat)',
      'Significant incident': 'No',
      'Air gap': 'ONLINE: eth0 is up (checked 23 November 2026 at 09:00:00 UTC)',
    });
  });

  test('in French', () => {
    const fr = Object.fromEntries(bodyText(body, { locale: 'fr', names }));
    expect(fr).toMatchObject({
      Montant: '0,75000000 BTC (75\u202f000\u202f000 sat)',
      'Sachet inviolable': 'Numéro du sachet : TB-1\nÉtat : remplacé\nNouveau numéro de sachet : TB-2',
      Supports: 'carte papier, fichier chiffré',
      'Incident significatif': 'Non',
      'Isolement du réseau': 'EN LIGNE : eth0 is up (vérifié le 23 novembre 2026 à 09:00:00 UTC)',
    });
    expect(Object.values(fr).join('\n')).not.toMatch(/\b[a-z]+[A-Z]\w*\b|[{}"]|paper|file\b/u);
  });

  test('a key id no participant has stays whole; an empty list is a dash', () => {
    expect(bodyText({ keyid: 'b'.repeat(64), wallets: [] }, { locale: 'en', names })).toEqual([
      ['Key', 'b'.repeat(64)],
      ['Wallets', '—'],
    ]);
  });
});
