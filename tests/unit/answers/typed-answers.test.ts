/**
 * The engine reads a procedure's answers as typed values (ceremonies/engine/typed-answers.ts, ADR
 * 0023): `answers.typed('restitution')` is shaped by the restitution schema; each field is read when
 * the run uses it, once, through the same checked readers; a person at a terminal is asked only what
 * the run reads, in the order it reads it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test, vi } from 'vitest';
import { Answers } from '../../../ceremonies/engine/answers.ts';
import { need } from '../../../ceremonies/engine/typed-answers.ts';
import type { CustosError } from '../../../ceremonies/custos-error.ts';
import { TerminalAnswers, type Terminal } from '../../../main/cli/terminal-answers.ts';

const ANSWERS_DIR = fileURLToPath(new URL('../../../docs/answers/', import.meta.url));
const load = (name: string) => Answers.load(path.join(ANSWERS_DIR, `${name}.json`));

function refusal(fn: () => unknown): CustosError {
  try {
    fn();
  } catch (error) {
    return error as CustosError;
  }
  throw new Error('the field was accepted');
}

describe('answers from a file', () => {
  test('are typed values: texts, lists, nested objects, and files as paths from the answers file’s folder', () => {
    const a = load('restitution').typed('restitution');
    expect(a.wallet).toBe('northwind-pension-cold-2');
    expect(a.destination.amount).toBe('0.75');
    expect(a.destination.network).toBe('bitcoin');
    expect(a.approvers).toEqual(['jules', 'karin']);
    expect(a.shares.map((s) => s.holder)).toEqual(['gita', 'hana']);
    expect(a.shares[0]!.bag.state).toBe('intact');
    expect(a.psbtFile).toBe(path.join(ANSWERS_DIR, 'coordinator/RET-2026-0042-01.psbt'));
    expect(a.witnessCheckpoints?.bob).toBe(path.join(ANSWERS_DIR, 'media/bob/checkpoint.txt'));
  });

  test('a field left out reads as undefined, or as its default', () => {
    const a = load('reconciliation').typed('reconciliation');
    expect(a.addressGap).toBe(200);
    const drill = load('create-wallet').typed('create-wallet');
    expect(drill.dice).toBeUndefined();
    expect(drill.drillIntervalDays).toBe(180);
  });

  test('a field is read, and refused, only when the run reads it; each once', () => {
    const answers = new Answers(path.join(ANSWERS_DIR, 'x.json'), { wallet: 'w-1', basis: 'burnt', shares: [] });
    const string = vi.spyOn(answers, 'string');
    const a = answers.typed('destruction');
    expect(a.wallet).toBe('w-1');
    expect(a.wallet).toBe('w-1');
    expect(string).toHaveBeenCalledTimes(1);
    const wrong = refusal(() => a.basis);
    expect(wrong.code).toBe('ANSWERS_INVALID');
    expect(wrong.details).toEqual({ field: 'basis' });
  });

  test('a field the run needs is refused when the file lacks it, in the reader’s words', () => {
    const a = new Answers(path.join(ANSWERS_DIR, 'x.json'), { revoke: { reason: 'left' } }).typed('revoke-participant');
    const missing = refusal(() => need(a.revoke, 'keyid'));
    expect(missing.details).toEqual({ field: 'revoke.keyid' });
    expect(missing.message).toMatch(/must be a non-empty text/u);
    expect(() => need({ keyid: 'x' }, 'keyid')).toThrow(TypeError);
  });

  test('a confirmation reads as true only when it is `true`; anything else is CONFIRMATION_MISSING', () => {
    const given = (confirm: unknown) => new Answers(path.join(ANSWERS_DIR, 'x.json'), { confirm: confirm as never }).typed('destruction').confirm;
    expect(given({ sharesDestroyed: true }).sharesDestroyed).toBe(true);
    for (const confirm of [undefined, {}, { sharesDestroyed: 'yes' }, { sharesDestroyed: false }]) {
      expect(refusal(() => given(confirm).sharesDestroyed).code).toBe('CONFIRMATION_MISSING');
    }
  });
});

describe('answers at a terminal', () => {
  function terminal(replies: string[]): { terminal: Terminal; asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      terminal: {
        ask: (question) => {
          asked.push(question);
          return replies.shift() ?? '';
        },
        askHidden: () => '',
        say: () => undefined,
      },
    };
  }

  test('only what the run reads is asked, when it reads it, and a typed answer is checked', () => {
    const t = terminal(['INC-9', 'open', '2026-11-20']);
    const a = new TerminalAnswers(t.terminal, 'en', ANSWERS_DIR).typed('incident');
    expect(t.asked).toEqual([]);
    expect(a.incident.id).toBe('INC-9');
    expect(a.incident.action).toBe('open');
    expect(a.incident.fields.occurredAt).toBe('2026-11-20');
    expect(t.asked.map((q) => q.split(/[(:]/u)[0]!.trim())).toEqual(['incident › id', 'incident › action', 'incident › fields › occurred at']);
  });

  test('a field the schema lets out but the run needs: skipped by mistake, it is asked again as required', () => {
    // Enter at "revoke › key id" (optional: a card may be given instead), then the run needs it.
    const t = terminal(['', '', 'not-a-key-id', 'a'.repeat(64)]);
    const a = new TerminalAnswers(t.terminal, 'en', ANSWERS_DIR).typed('revoke-participant');
    expect(a.revoke.publicKeyFile).toBeUndefined();
    expect(a.revoke.keyid).toBeUndefined();
    expect(need(a.revoke, 'keyid')).toBe('a'.repeat(64));
    expect(t.asked.map((q) => q.split(/[(:]/u)[0]!.trim())).toEqual(['revoke › public key file', 'revoke › keyid', 'revoke › keyid', 'revoke › keyid']);
  });

  test('a value refused is asked again; a whole number is read as one', () => {
    const t = terminal(['ten', '3']);
    const a = new TerminalAnswers(t.terminal, 'en', ANSWERS_DIR).typed('confirm-transfer');
    expect(a.confirmations).toBe(3);
    expect(t.asked).toHaveLength(2);
  });
});
