/**
 * What the reconciliation form collects, when it is complete, and the answers it becomes (docs/cli.md
 * "`reconciliation`": balances {file, asOf}, credits? [{wallet, chain, amount, reference}],
 * addressGap?, officer and ONE witness), the balances file as `{ "$chosen": token }`. Pure functions
 * of the draft, tested without a screen; the engine checks everything again.
 */
import type { ScreenAnswers } from '../../../../common/answers/procedure-answers.ts';
import type { Chosen } from '../../../../main/app/app-api.ts';
import { attestationReady, checkpointAnswers, chosenAnswer, participantAnswer, stillNeeded, type AttestationValue } from '../answer-parts.ts';

/** A deposit the custodian's register shows since the last reconciliation. */
export interface CreditDraft {
  readonly wallet: string;
  readonly chain: string;
  /** On an ethereum account: a listed token's symbol (absent, or `ETH`: the ether). */
  readonly asset?: string;
  /** Coins as decimal text, exactly as typed ("0.75"). */
  readonly amount: string;
  readonly reference: string;
}

export interface ReconciliationDraft {
  readonly officer: AttestationValue;
  readonly witness: AttestationValue;
  readonly balances: Chosen | null;
  /** YYYY-MM-DD. */
  readonly asOfDate: string;
  /** hh:mm or hh:mm:ss in UTC, or empty. */
  readonly asOfTime: string;
  readonly credits: readonly CreditDraft[];
  readonly addressGap: number;
}

export const NEW_CREDIT: CreditDraft = { wallet: '', chain: '', amount: '', reference: '' };
export const DEFAULT_GAP = 200;
export const MAX_GAP = 5000;

/** The answers' `balances.asOf`: the date, or a UTC time YYYY-MM-DDThh:mm:ssZ when a time is given. */
export function asOfAnswer(date: string, time: string): string {
  const t = time.trim();
  if (!t) return date;
  return `${date}T${/^\d{2}:\d{2}$/u.test(t) ? `${t}:00` : t}Z`;
}

function creditReady(c: CreditDraft): boolean {
  return c.wallet !== '' && c.chain !== '' && /^\d+(\.\d+)?$/u.test(c.amount.trim()) && c.reference.trim().length > 0 && c.reference.length <= 120;
}

export function gapValid(gap: number): boolean {
  return Number.isInteger(gap) && gap >= 1 && gap <= MAX_GAP;
}

/** How each missing piece of a reconciliation is said (the ceremony screens' and the reconciliation form's words). */
export interface ReconciliationNeedWords {
  readonly roleOfficer: string;
  readonly witness: string;
  readonly needKey: (who: string) => string;
  readonly needBalancesFile: string;
  readonly needBalancesDate: string;
  readonly needBalancesTime: string;
  readonly needCredit: (n: number) => string;
  readonly needGap: string;
}

/** What the reconciliation still needs before it can start, in the form's order; empty when it can start. */
export function reconciliationNeeds(d: ReconciliationDraft, words: ReconciliationNeedWords): string[] {
  return stillNeeded([
    [attestationReady(d.officer), words.needKey(words.roleOfficer)],
    [attestationReady(d.witness), words.needKey(words.witness)],
    [d.balances !== null, words.needBalancesFile],
    [/^\d{4}-\d{2}-\d{2}$/u.test(d.asOfDate), words.needBalancesDate],
    [/^(\d{2}:\d{2}(:\d{2})?)?$/u.test(d.asOfTime.trim()), words.needBalancesTime],
    ...d.credits.map((c, i): readonly [boolean, string] => [creditReady(c), words.needCredit(i + 1)]),
    [gapValid(d.addressGap), words.needGap],
  ]);
}

export function reconciliationAnswers(d: ReconciliationDraft): ScreenAnswers<'reconciliation'> {
  return {
    station: {},
    participants: { officer: participantAnswer(d.officer), witness: participantAnswer(d.witness) },
    officer: 'officer',
    witness: 'witness',
    witnessCheckpoints: checkpointAnswers([['witness', d.witness]]),
    balances: { file: chosenAnswer(d.balances), asOf: asOfAnswer(d.asOfDate, d.asOfTime) },
    ...(d.credits.length
      ? {
          credits: d.credits.map((c) => ({
            wallet: c.wallet,
            chain: c.chain,
            ...(c.chain === 'ethereum' && c.asset && c.asset !== 'ETH' ? { asset: c.asset } : {}),
            amount: c.amount.trim(),
            reference: c.reference.trim(),
          })),
        }
      : {}),
    ...(d.addressGap === DEFAULT_GAP ? {} : { addressGap: d.addressGap }),
  };
}
