/**
 * Typing a share's words into the app's word-by-word entry (renderer/src/ceremonies/ShareWordsEntry.tsx),
 * as a holder does from their card. `prefixes`: only the first four letters of each word and a space,
 * on the real keyboard, so the BIP39 completion must finish every word and move to the next box;
 * otherwise each box is filled with its whole word. Either way the entry must then count all 39.
 */
import { expect, type Page } from '@playwright/test';

export async function typeShareWords(page: Page, testId: string, words: readonly string[], how: 'prefixes' | 'whole' = 'whole'): Promise<void> {
  expect(words).toHaveLength(39);
  if (how === 'prefixes') {
    await page.getByTestId(`${testId}-word-1`).click();
    for (const word of words) await page.keyboard.type(`${word.slice(0, 4)} `);
    for (const [i, word] of words.entries()) await expect(page.getByTestId(`${testId}-word-${i + 1}`)).toHaveValue(word);
  } else {
    for (const [i, word] of words.entries()) await page.getByTestId(`${testId}-word-${i + 1}`).fill(word);
  }
  await expect(page.getByTestId(`${testId}-count`)).toContainText('39');
}
