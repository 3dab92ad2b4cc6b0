/**
 * The serious and critical accessibility violations axe-core (@axe-core/playwright, WCAG 2.1 A and
 * AA rules) finds on a page as it is, one line each naming the rule, its impact and the elements:
 * used by the scan of every screen (accessibility.spec.ts) and by the flows on the screens only a
 * running ceremony shows (the guided sign request, a passphrase asked again).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export async function violations(page: Page, where: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
