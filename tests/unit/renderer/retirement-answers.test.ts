/**
 * The answers the destruction and reconciliation forms build (renderer/src/ceremonies/forms/
 * destruction-answers.ts, reconciliation-answers.ts) and when each form may start: the basis a
 * wallet's state allows, the zero-balance attestation only on that basis, a holder's label only when
 * present, sealed files only when chosen, the bag serial exactly as typed; the balances' as-of time in
 * UTC, deposits and the address gap only when given. Spec: docs/cli.md "`destruction`",
 * "`reconciliation`".
 */
import { describe, expect, test } from 'vitest';
import { readAnswers } from '../../../common/answers/procedure-answers.ts';
import { screenForm } from '../../support/screen-form.ts';
import type { ShareSummary, WalletSummary } from '../../../main/app/app-api.ts';
import { EMPTY_ATTESTATION, type AttestationValue } from '../../../renderer/src/ceremonies/answer-parts.ts';
import {
  basisFor,
  destructionAnswers,
  destructionNeeds,
  recordShowsEmpty,
  sharesToDestroy,
  type DestructionDraft,
} from '../../../renderer/src/ceremonies/forms/destruction-answers.ts';
import {
  asOfAnswer,
  reconciliationAnswers,
  reconciliationNeeds,
  type ReconciliationDraft,
} from '../../../renderer/src/ceremonies/forms/reconciliation-answers.ts';
import { RECONCILIATION_TEXT } from '../../../renderer/src/ceremonies/forms/reconciliation-messages.ts';
import { DESTRUCTION_TEXT } from '../../../renderer/src/ceremonies/forms/destruction-messages.ts';
import { CEREMONY_TEXT } from '../../../renderer/src/ceremonies/ceremony-messages.ts';

/** What the start button says is still needed, in English and in French, as each form words it. */
const destructionMissing = (d: DestructionDraft, lang: 'en' | 'fr' = 'en') => destructionNeeds(d, { ...CEREMONY_TEXT[lang], ...DESTRUCTION_TEXT[lang] });
const reconciliationMissing = (d: ReconciliationDraft, lang: 'en' | 'fr' = 'en') =>
  reconciliationNeeds(d, { ...CEREMONY_TEXT[lang], ...RECONCILIATION_TEXT[lang] });

const person = (token: string): AttestationValue => ({ token, fileName: `${token}.key` });
/** A witness also chose the file on their medium where their checkpoint is written. */
const witness = (token: string): AttestationValue => ({ ...person(token), checkpoint: { token: `${token}-medium`, name: 'checkpoint.txt' } });
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
const wallet = (state: string, extra: Partial<WalletSummary> = {}): WalletSummary => ({
  id: 'w-1',
  class: 'house',
  ownerRef: null,
  label: 'w',
  state,
  fingerprint: 'aabbccdd',
  threshold: 2,
  shareCount: 3,
  chains: ['bitcoin'],
  drillIntervalDays: 180,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastDrill: null,
  compromisedBy: null,
  replacedBy: null,
  replaces: null,
  formerSets: [],
  shares: [share(1, 'k-dora'), share(2, 'k-emil', 'destroyed'), share(3, null)],
  transfers: [],
  holdings: {},
  provenShares: 0,
  quorumProven: false,
  drillOverdue: false,
  overdueShares: [],
  accounts: [],
  nextDrill: '2027-05-20T00:00:00.000Z',
  lastProven: null,
  ...extra,
});

function destruction(state: string, change: (d: DestructionDraft) => DestructionDraft = (d) => d): DestructionDraft {
  const w = wallet(state);
  const [first, third] = sharesToDestroy(w);
  return change({
    presence: { officer: person('alice'), witnesses: [witness('bob'), witness('chloe')] },
    wallet: w,
    zero: { approvers: [person('jules'), person('karin')], asOf: '2026-12-16', source: 'coordinator' },
    shares: [
      { ...first!, chosen: true, holder: person('dora'), mediaId: 'USB-1', bagSerial: ' TB-1 ', files: [{ token: 'f1', name: 'share.cshare' }] },
      { ...third!, chosen: true, method: 'wipe', mediaId: 'USB-3', bagSerial: 'TB-3' },
    ],
    confirmed: true,
  });
}

describe('the answers the screens build are valid answers of their procedure’s schema', () => {
  test('destruction, on a retired wallet and on an attested zero balance', () => {
    for (const state of ['retired', 'active']) {
      expect(readAnswers('destruction', 'destruction', destructionAnswers(destruction(state)), screenForm), state).toEqual(
        expect.objectContaining({ ok: true }),
      );
    }
  });

  test('reconciliation, with and without credits', () => {
    expect(readAnswers('reconciliation', 'reconciliation', reconciliationAnswers(reconciliation()), screenForm)).toEqual(expect.objectContaining({ ok: true }));
  });
});

describe('destruction', () => {
  test("a retired wallet is destroyed as retired, an active or compromised one on a zero balance, an aborted creation's shares as aborted, no other", () => {
    expect(['retired', 'active', 'compromised', 'distributed', 'destroyed', 'aborted'].map(basisFor)).toEqual([
      'retired',
      'zero-balance',
      'zero-balance',
      null,
      null,
      'aborted',
    ]);
  });

  test("only shares handed over can be destroyed: an aborted creation's share never handed over is not listed", () => {
    const aborted = { ...wallet('aborted'), shares: [share(1, 'k-dora'), { ...share(2, null), state: 'created' as ShareSummary['state'] }] };
    expect(sharesToDestroy(aborted).map((s) => s.index)).toEqual([1]);
  });

  test('the shares still to destroy, none ticked, a holder present by default only when one is recorded, bag serial empty', () => {
    expect(sharesToDestroy(wallet('active')).map((s) => [s.index, s.chosen, s.holderPresent, s.bagSerial])).toEqual([
      [1, false, true, ''],
      [3, false, false, ''],
    ]);
  });

  test('the record shows a zero balance only without holdings and without a transfer awaiting confirmation', () => {
    expect(recordShowsEmpty(wallet('active'))).toBe(true);
    expect(recordShowsEmpty(wallet('active', { holdings: { bitcoin: { recorded: '0', asOf: null } } }))).toBe(true);
    expect(recordShowsEmpty(wallet('active', { holdings: { bitcoin: { recorded: '1', asOf: null } } }))).toBe(false);
    const transfer = {
      ceremony: 'r-1',
      kind: 'restitution',
      txid: 'ab',
      chain: 'bitcoin',
      asset: 'bitcoin',
      to: 'bc1q',
      amount: '1',
      fee: '1',
      state: 'signed',
      signedAt: '',
      confirmedAt: null,
    } as const;
    expect(recordShowsEmpty(wallet('active', { transfers: [transfer] }))).toBe(false);
  });

  test('on a zero balance: the approvers attest; the holder present signs; the absent one is not named; files only when chosen', () => {
    expect(destructionAnswers(destruction('active'))).toEqual({
      station: {},
      participants: {
        officer: { keyFile: { $chosen: 'alice' } },
        witness1: { keyFile: { $chosen: 'bob' } },
        witness2: { keyFile: { $chosen: 'chloe' } },
        approver1: { keyFile: { $chosen: 'jules' } },
        approver2: { keyFile: { $chosen: 'karin' } },
        holder1: { keyFile: { $chosen: 'dora' } },
      },
      officer: 'officer',
      witnesses: ['witness1', 'witness2'],
      witnessCheckpoints: { witness1: { $chosen: 'bob-medium' }, witness2: { $chosen: 'chloe-medium' } },
      wallet: 'w-1',
      basis: 'zero-balance',
      zeroBalance: { approvers: ['approver1', 'approver2'], asOf: '2026-12-16', source: 'coordinator' },
      shares: [
        { index: 1, holder: 'holder1', method: 'shred', mediaId: 'USB-1', bagSerial: 'TB-1', files: [{ $chosen: 'f1' }] },
        { index: 3, method: 'wipe', mediaId: 'USB-3', bagSerial: 'TB-3' },
      ],
      confirm: { sharesDestroyed: true },
    });
  });

  test('a retired wallet: no zero-balance attestation and no approver in the answers', () => {
    const answers = destructionAnswers(destruction('retired'));
    expect(answers.basis).toBe('retired');
    expect(answers.zeroBalance).toBeUndefined();
    expect(Object.keys(answers.participants as object)).toEqual(['officer', 'witness1', 'witness2', 'holder1']);
  });

  test('shares left unticked are not named; a holder who is not present is not named', () => {
    const answers = destructionAnswers(
      destruction('active', (d) => ({
        ...d,
        shares: [
          { ...d.shares[0]!, holderPresent: false },
          { ...d.shares[1]!, chosen: false },
        ],
      })),
    );
    expect(answers.shares).toEqual([{ index: 1, method: 'shred', mediaId: 'USB-1', bagSerial: 'TB-1', files: [{ $chosen: 'f1' }] }]);
    expect(Object.keys(answers.participants as object)).not.toContain('holder1');
  });

  test('the form starts only when complete, and the start button says what is still needed', () => {
    expect(destructionMissing(destruction('active'))).toEqual([]);
    expect(destructionMissing(destruction('retired', (d) => ({ ...d, zero: { approvers: [], asOf: '', source: '' } })))).toEqual([]);
    const share1 = 'share 1: its medium’s identifier, its bag’s serial and, if present, its holder’s key file';
    const refused: [string, (d: DestructionDraft) => DestructionDraft, string[]][] = [
      ['no confirmation', (d) => ({ ...d, confirmed: false }), ['the confirmation']],
      ['no share ticked', (d) => ({ ...d, shares: d.shares.map((s) => ({ ...s, chosen: false })) }), ['a share ticked as destroyed in this sitting']],
      ['one approver', (d) => ({ ...d, zero: { ...d.zero, approvers: [person('jules')] } }), ['approver 2’s key file']],
      ['an approver without a key file', (d) => ({ ...d, zero: { ...d.zero, approvers: [person('jules'), EMPTY_ATTESTATION] } }), ['approver 2’s key file']],
      ['no as-of date', (d) => ({ ...d, zero: { ...d.zero, asOf: '' } }), ['the date the balance was seen']],
      ['no source', (d) => ({ ...d, zero: { ...d.zero, source: ' ' } }), ['where the balance was seen']],
      ['no bag serial', (d) => ({ ...d, shares: [{ ...d.shares[0]!, bagSerial: '' }] }), [share1]],
      ['a bag serial no bag carries', (d) => ({ ...d, shares: [{ ...d.shares[0]!, bagSerial: 'TB 1/2' }] }), [share1]],
      ['no medium id', (d) => ({ ...d, shares: [{ ...d.shares[0]!, mediaId: '' }] }), [share1]],
      ['a present holder without key', (d) => ({ ...d, shares: [{ ...d.shares[0]!, holder: EMPTY_ATTESTATION }] }), [share1]],
      ['one witness only', (d) => ({ ...d, presence: { ...d.presence, witnesses: [witness('bob'), EMPTY_ATTESTATION] } }), ['Witness 2’s key file']],
      ['a wallet that cannot be destroyed', (d) => ({ ...d, wallet: wallet('destroyed') }), ['the wallet']],
    ];
    for (const [why, change, missing] of refused) expect(destructionMissing(destruction('active', change)), why).toEqual(missing);
    // An empty form names everything, in the form's order, and in French too.
    const empty: DestructionDraft = {
      presence: { officer: EMPTY_ATTESTATION, witnesses: [EMPTY_ATTESTATION, EMPTY_ATTESTATION] },
      wallet: null,
      zero: { approvers: [EMPTY_ATTESTATION, EMPTY_ATTESTATION], asOf: '', source: '' },
      shares: [],
      confirmed: false,
    };
    expect(destructionMissing(empty)).toEqual([
      'Custody officer’s key file',
      'Witness 1’s key file',
      'Witness 2’s key file',
      'the wallet',
      'a share ticked as destroyed in this sitting',
      'the confirmation',
    ]);
    expect(destructionMissing(empty, 'fr').slice(3)).toEqual(['le portefeuille', 'une part cochée comme détruite au cours de cette séance', 'la confirmation']);
  });
});

const reconciliation = (change: Partial<ReconciliationDraft> = {}): ReconciliationDraft => ({
  officer: person('alice'),
  witness: witness('bob'),
  balances: { token: 'b1', name: 'balances.csv' },
  asOfDate: '2026-12-15',
  asOfTime: '',
  credits: [],
  addressGap: 200,
  ...change,
});

describe('reconciliation', () => {
  test('the as-of is the date, or a UTC time when a time is given', () => {
    expect([asOfAnswer('2026-12-15', ''), asOfAnswer('2026-12-15', '18:00'), asOfAnswer('2026-12-15', '18:00:05')]).toEqual([
      '2026-12-15',
      '2026-12-15T18:00:00Z',
      '2026-12-15T18:00:05Z',
    ]);
  });

  test('one officer and one witness, the balances file chosen; no deposits nor gap when none are given', () => {
    expect(reconciliationAnswers(reconciliation())).toEqual({
      station: {},
      participants: {
        officer: { keyFile: { $chosen: 'alice' } },
        witness: { keyFile: { $chosen: 'bob' } },
      },
      officer: 'officer',
      witness: 'witness',
      witnessCheckpoints: { witness: { $chosen: 'bob-medium' } },
      balances: { file: { $chosen: 'b1' }, asOf: '2026-12-15' },
    });
  });

  test('a token deposit names its asset; an ether one, or one on another chain, does not', () => {
    const answers = reconciliationAnswers(
      reconciliation({
        credits: [
          { wallet: 'w-1', chain: 'ethereum', asset: 'USDC', amount: '2500', reference: 'DEP-1' },
          { wallet: 'w-1', chain: 'ethereum', asset: 'ETH', amount: '1.5', reference: 'DEP-2' },
          { wallet: 'w-1', chain: 'bitcoin', asset: 'USDC', amount: '0.1', reference: 'DEP-3' },
        ],
      }),
    );
    expect(answers.credits).toEqual([
      { wallet: 'w-1', chain: 'ethereum', asset: 'USDC', amount: '2500', reference: 'DEP-1' },
      { wallet: 'w-1', chain: 'ethereum', amount: '1.5', reference: 'DEP-2' },
      { wallet: 'w-1', chain: 'bitcoin', amount: '0.1', reference: 'DEP-3' },
    ]);
  });

  test('deposits as decimal text, exactly as typed; a gap other than the default', () => {
    const answers = reconciliationAnswers(
      reconciliation({ credits: [{ wallet: 'w-1', chain: 'bitcoin', amount: ' 0.10000000 ', reference: 'DEP-1' }], addressGap: 50 }),
    );
    expect(answers.credits).toEqual([{ wallet: 'w-1', chain: 'bitcoin', amount: '0.10000000', reference: 'DEP-1' }]);
    expect(answers.addressGap).toBe(50);
  });

  test('the form starts only when complete, and the start button says what is still needed', () => {
    expect(reconciliationMissing(reconciliation())).toEqual([]);
    const deposit1 = 'deposit 1: its wallet, chain, amount and reference';
    const refused: [string, Partial<ReconciliationDraft>, string[]][] = [
      ['no balances file', { balances: null }, ['the balances file']],
      ['no date', { asOfDate: '' }, ['the date the balances were observed']],
      ['a time that is not one', { asOfTime: '6 pm' }, ['a UTC time as hh:mm or hh:mm:ss, or none']],
      ['no witness', { witness: EMPTY_ATTESTATION }, ['Witness’s key file']],
      ['an incomplete deposit', { credits: [{ wallet: 'w-1', chain: '', amount: '1', reference: 'DEP-1' }] }, [deposit1]],
      ['an amount that is not decimal text', { credits: [{ wallet: 'w-1', chain: 'bitcoin', amount: '1,5', reference: 'DEP-1' }] }, [deposit1]],
      ['a gap of 0', { addressGap: 0 }, ['a number of addresses from 1 to 5,000']],
      ['a gap above 5,000', { addressGap: 5001 }, ['a number of addresses from 1 to 5,000']],
    ];
    for (const [why, change, missing] of refused) expect(reconciliationMissing(reconciliation(change)), why).toEqual(missing);
    expect(reconciliationMissing(reconciliation({ officer: EMPTY_ATTESTATION, balances: null }), 'fr')).toEqual([
      'le fichier de clé (Responsable de la conservation)',
      'le fichier des soldes',
    ]);
  });
});
