/**
 * The small parts behind printing in main: the catalogues of the printed documents (English and
 * French with the same keys, every French text filled in), a job's pending share-words prompt read
 * back for its card (PROMPT_UNKNOWN once answered or stopped; the words gone), and the wallet a
 * ceremony's cards name, from its answers.
 */
import { describe, expect, test } from 'vitest';
import { Job } from '../../../main/app/app-jobs.ts';
import { walletOnCards } from '../../../main/app/app-router.ts';
import { PRINT_LOCALES, REPORT_TEXT, TERMS } from '../../../main/app/reports/report-text.ts';
import { SHARE_CARD_TEXT } from '../../../main/app/reports/share-card-text.ts';

const code = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return 'no error';
};

describe('the catalogues of the printed documents', () => {
  test.each([
    ['REPORT_TEXT', REPORT_TEXT],
    ['SHARE_CARD_TEXT', SHARE_CARD_TEXT],
  ] as const)('%s: the same keys and kinds in English and French, French filled in', (_name, catalogue) => {
    const en = catalogue.en as Record<string, unknown>;
    const fr = catalogue.fr as Record<string, unknown>;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) {
      expect(typeof fr[key], key).toBe(typeof en[key]);
      if (typeof en[key] === 'function') expect((fr[key] as (...a: unknown[]) => string).length, key).toBe((en[key] as (...a: unknown[]) => string).length);
      const text = (value: unknown) => (typeof value === 'function' ? String((value as (...a: number[]) => unknown)(1, 2, 3)) : String(value));
      expect(text(fr[key]).trim(), key).not.toBe('');
    }
  });

  test('the vocabularies (states, media, roles…) have the same values in both languages', () => {
    expect(PRINT_LOCALES).toEqual(['en', 'fr']);
    for (const kind of Object.keys(TERMS.en) as (keyof typeof TERMS.en)[]) {
      expect(Object.keys(TERMS.fr[kind]).sort(), kind).toEqual(Object.keys(TERMS.en[kind]).sort());
    }
    expect(TERMS.fr.shareState.held).toBe('détenue');
  });
});

describe("a job's pending share card", () => {
  const share = {
    kind: 'prompt' as const,
    prompt: 'share-words' as const,
    holder: 'Dora',
    index: 1,
    of: 2,
    bagSerial: 'TB-1',
    words: ['w1', 'w2'],
    qr: 'CUSTOS-SHARE1:AB',
    attempt: 1,
  };

  test('is readable while the prompt waits; refused with PROMPT_UNKNOWN once answered, and its words are gone', async () => {
    const job = new Job();
    const answered = job.ask((id) => ({ ...share, id }));
    const { events } = await job.since(0, 0);
    const id = (events[0] as { id: string }).id;
    expect(job.pendingShareCard(id)).toMatchObject({ holder: 'Dora', bagSerial: 'TB-1', words: ['w1', 'w2'], qr: 'CUSTOS-SHARE1:AB' });
    expect(code(() => job.pendingShareCard('another-prompt'))).toBe('PROMPT_UNKNOWN');
    job.answer(id, 'share-words', 'w1 w2');
    await answered;
    expect(code(() => job.pendingShareCard(id))).toBe('PROMPT_UNKNOWN');
    expect((await job.since(0, 0)).events[0]).toMatchObject({ words: [], qr: '' });
  });

  test('is refused once the ceremony is stopped', async () => {
    const job = new Job();
    const asked = job.ask((id) => ({ ...share, id })).catch(() => 'stopped');
    const id = ((await job.since(0, 0)).events[0] as { id: string }).id;
    job.stop(new Error('stop'));
    expect(await asked).toBe('stopped');
    expect(code(() => job.pendingShareCard(id))).toBe('PROMPT_UNKNOWN');
  });
});

describe('the wallet printed on the cards', () => {
  test('the new wallet of a create-wallet, the replacement of a rotation, none otherwise', () => {
    expect(walletOnCards({ wallet: { id: 'northwind-pension-cold-1', class: 'client' } })).toBe('northwind-pension-cold-1');
    expect(walletOnCards({ wallet: 'northwind-pension-cold-1', replacement: { wallet: { id: 'northwind-pension-cold-2' } } })).toBe('northwind-pension-cold-2');
    expect(walletOnCards({ wallet: 'northwind-pension-cold-1' })).toBeNull();
    expect(walletOnCards({})).toBeNull();
    expect(walletOnCards({ wallet: { id: 42 } })).toBeNull();
  });
});
