/**
 * E2E of the auditor view in Debian Chromium on the BUILT renderer (run `npm run build` first), with
 * window.custos bound to the real router, verifier and crypto core (issue 5, "Auditor view" and Done
 * when: "opening a tampered bundle shows the finding at its entry"). A station is built with the
 * real CLI from the docs/answers examples (station setup, an enrolment, create-wallet, a backup
 * drill) and exported as a bundle with `custos export`. Then: the bundle verifies VALID in the view,
 * with no finding, its counts, and a timeline of its ceremonies with the signers' names (also against
 * a witness's checkpoint); and a copy with one byte of one entry's payload changed shows INVALID, the
 * findings `custos verify --json` reports for it (read from the CLI, not hard-coded), and the entry
 * highlighted in the timeline — in English, then in French with no English text of the catalogues.
 * Every test also asserts that no request left the local server and that the page threw nothing.
 */
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { EngineRig } from '../support/engine-rig.ts';
import type { TestApp } from './custos-binding.ts';
import { englishOnlyStrings } from './english-strings.ts';
import type { RendererServer } from './renderer-server.ts';
import { screenshotPath } from './screenshots.ts';
import { stationSuite } from './station-suite.ts';

test.setTimeout(120_000);

interface VerifyJson {
  ok: boolean;
  entries: number;
  ceremonies: number;
  signatures: number;
  checkpoint: { size: number; root: string };
  retained: { label: string; size: number | null; matched: boolean; witnesses: string[] }[];
  findings: { severity: 'error' | 'warning'; code: string; message: string; index: number | null; ceremony: string | null }[];
}

let rig: EngineRig;
let server: RendererServer;
let app: TestApp;
let bundle: string;

async function cli(...args: string[]): Promise<string> {
  const r = await rig.custos(...args);
  if (r.status !== 0) throw new Error(`custos ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The first line of `custos verify` for people, in `lang`: its headline. */
async function cliHeadline(file: string, lang: 'en' | 'fr'): Promise<string> {
  const r = await rig.custos('--lang', lang, 'verify', file);
  if (r.status !== 0 && r.status !== 1) throw new Error(`custos verify failed (${r.status}): ${r.stderr}`);
  return r.stdout.split('\n')[0]!;
}

async function verifyJson(file: string, ...extra: string[]): Promise<VerifyJson> {
  const r = await rig.custos('verify', file, '--json', ...extra);
  if (r.status !== 0 && r.status !== 1) throw new Error(`custos verify failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as VerifyJson;
}

const suite = stationSuite({
  prefix: 'custos-e2e-auditor-',
  examples: ['station-setup', 'enrol-participant', 'create-wallet', 'backup-drill'],
  prepare: async (station) => {
    rig = station;
    bundle = rig.path('station.custos-bundle');
    await cli('export', rig.station, '--out', bundle);
  },
});
test.beforeAll(() => ({ rig, server, app } = suite()));

/** Opens the app on the auditor view and verifies `file` (optionally against a witness's checkpoint). */
async function verifyInView(page: Page, file: string, checkpoint?: string): Promise<void> {
  await page.goto(`${server.origin}/`);
  await page.getByRole('navigation').getByRole('button', { name: 'Auditor' }).click();
  const screen = page.getByTestId('auditor-screen');
  await expect(screen.getByTestId('audit-verify')).toBeDisabled();
  app.dialog.next('audit-source', file);
  await screen.getByRole('button', { name: 'Open a data directory or bundle' }).click();
  await expect(screen.getByTestId('audit-source')).toHaveText(file.split('/').at(-1)!);
  if (checkpoint !== undefined) {
    app.dialog.next('checkpoint-file', checkpoint);
    await screen.getByRole('button', { name: 'Check against a witness’s checkpoint' }).click();
    await expect(screen.getByTestId('audit-checkpoint')).toHaveText(checkpoint.split('/').at(-1)!);
  }
  await screen.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(screen.getByTestId('verify-verdict')).toBeVisible({ timeout: 60_000 });
}

test('a bundle exported by the station verifies VALID, with its counts and a timeline of its ceremonies and signers', async ({ page }) => {
  // The witness's checkpoint adds its signatures to the count: the CLI is asked the same question.
  const checkpoint = rig.path('media/bob/checkpoint.txt');
  const expected = await verifyJson(bundle, '--checkpoint', checkpoint);
  expect(expected.ok).toBe(true);
  const replay = await rig.replay();
  const ceremonies = (replay.ceremonies as { id: string }[]).map((c) => c.id);
  expect(ceremonies).toHaveLength(4);

  await verifyInView(page, bundle, checkpoint);
  const screen = page.getByTestId('auditor-screen');
  const verdict = screen.getByTestId('verify-verdict');
  await expect(verdict).toHaveAttribute('data-ok', 'true');
  await expect(verdict.getByTestId('verify-verdict-word')).toHaveText('VALID');
  await expect(verdict).toContainText('checkpoint.txt');
  // The same headline as the CLI's; warnings are called warnings, and the witness's checkpoint matched, cosigned by both witnesses.
  expect(await cliHeadline(bundle, 'en')).toBe(`VALID — nothing was altered and every rule holds; ${expected.ceremonies} warnings below.`);
  await expect(verdict.getByTestId('verify-headline')).toHaveText(`Nothing was altered and every rule holds; ${expected.ceremonies} warnings below.`);
  expect(expected.retained).toEqual([{ label: checkpoint, size: expected.entries, matched: true, witnesses: ['Bob Okafor', 'Chloé Dubois'] }]);
  await expect(verdict.getByTestId('verify-checkpoint')).toHaveAttribute('data-matched', 'true');
  await expect(verdict.getByTestId('verify-checkpoint')).toHaveText(
    `✓ The witness’s checkpoint matches: the journal’s first ${expected.entries} entries are the ones Bob Okafor and Chloé Dubois cosigned.`,
  );
  // The progress bar ends full: every entry checked.
  const progress = screen.getByRole('progressbar', { name: 'Verification progress' });
  await expect(progress).toHaveAttribute('value', String(expected.entries));
  await expect(progress).toHaveAttribute('max', String(expected.entries));
  await expect(screen.getByTestId('audit-progress')).toContainText(`${expected.entries} of ${expected.entries} entries checked`);

  await expect(screen.getByTestId('verify-entries')).toHaveText(String(expected.entries));
  await expect(screen.getByTestId('verify-ceremonies')).toHaveText(String(expected.ceremonies));
  await expect(screen.getByTestId('verify-signatures')).toHaveText(String(expected.signatures));
  await expect(screen.getByTestId('verify-root')).toHaveText(expected.checkpoint.root);
  // The rig reads the air-gap evidence under the offline-laptop fixture: each opening is reported as
  // not live (a warning), and nothing else is.
  const findings = screen.getByTestId('findings').locator('tr[data-code]');
  await expect(findings).toHaveCount(expected.ceremonies);
  for (const row of await findings.all()) {
    await expect(row).toHaveAttribute('data-code', 'AIRGAP_NOT_LIVE');
    await expect(row).toHaveAttribute('data-severity', 'warning');
  }

  // Every ceremony, with the procedure's own title, and every entry of the journal.
  const timeline = screen.getByTestId('timeline');
  for (const id of ceremonies) await expect(timeline.getByTestId(`timeline-ceremony-${id}`)).toBeVisible();
  await expect(timeline.getByTestId(`timeline-ceremony-${ceremonies[2]}`).getByRole('heading')).toContainText('Create a custody wallet');
  await expect(timeline.locator('[data-testid^="timeline-entry-"]')).toHaveCount(expected.entries);
  // Signers by name: the officer and the witnesses at the close of the drill, each holder at their share.
  const drill = timeline.getByTestId(`timeline-ceremony-${ceremonies[3]}`);
  await expect(drill.getByRole('heading')).toContainText('Backup drill');
  const close = drill.locator('tr[data-type="close"]');
  for (const name of ['Station', 'Alice Martin', 'Bob Okafor', 'Chloé Dubois']) await expect(close).toContainText(name);
  for (const name of ['Dora Lindqvist', 'Emil Novak', 'Farid Haddad']) await expect(drill).toContainText(name);
  await expect(timeline.getByTestId('timeline-entry-0')).toContainText('Opening');
  await expect(timeline.getByTestId('timeline-entry-0')).toContainText(/[0-9a-f]{4} [0-9a-f]{4}/u);
  await expect(timeline.getByTestId('timeline-truncated')).toHaveCount(0);
  // A ceremony whose only finding is a warning is drawn as a warning, not as an error, on a valid record.
  for (const id of ceremonies) {
    const group = timeline.getByTestId(`timeline-ceremony-${id}`);
    await expect(group).not.toHaveClass(/timeline-group--finding/u);
    await expect(group).toHaveClass(/timeline-group--warning/u);
    const badge = group.getByTestId('timeline-group-findings');
    await expect(badge).toHaveText('⚠ 1 warning');
    await expect(badge).toHaveClass('status-warn');
  }
  // At the narrowest window the app allows (800 px), the timeline stays inside its card and the page
  // does not scroll sideways: a wide row scrolls inside its ceremony's group.
  await page.setViewportSize({ width: 800, height: 900 });
  const sizes = await timeline.evaluate((el) => ({
    card: el.getBoundingClientRect().right,
    groups: Math.max(...[...el.querySelectorAll('.timeline-group')].map((g) => g.getBoundingClientRect().right)),
    page: el.ownerDocument.documentElement.scrollWidth - el.ownerDocument.documentElement.clientWidth,
  }));
  expect(sizes.groups, 'a ceremony of the timeline is wider than its card').toBeLessThanOrEqual(sizes.card + 0.5);
  expect(sizes.page, 'the auditor view scrolls sideways').toBe(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: screenshotPath('auditor-valid-en.png'), fullPage: true });
});

test('a tampered bundle shows INVALID, the finding verify reports, and its entry highlighted in the timeline (English, then French)', async ({ page }) => {
  // Change one byte inside the payload of the first "step" entry of create-wallet (a digit of its
  // station time, so the payload stays readable JSON): its signatures no longer verify.
  const lines = fs.readFileSync(bundle, 'utf8').split('\n');
  const header = 1;
  const target = lines.findIndex((line, i) => {
    if (i < header || line === '') return false;
    const payload = JSON.parse(Buffer.from((JSON.parse(line) as { payload: string }).payload, 'base64').toString('utf8')) as {
      type: string;
      procedureId: string;
    };
    return payload.type === 'step' && payload.procedureId.startsWith('create-wallet@');
  });
  expect(target).toBeGreaterThan(header);
  const envelope = JSON.parse(lines[target]!) as { payload: string };
  const payload = Buffer.from(envelope.payload, 'base64');
  const at = payload.indexOf('"utc":"') + '"utc":"2026-01-01T00:00:00.00'.length;
  payload[at] = payload[at] === 0x30 ? 0x31 : 0x30;
  lines[target] = lines[target]!.replace(envelope.payload, payload.toString('base64'));
  const tampered = rig.path('tampered.custos-bundle');
  fs.writeFileSync(tampered, lines.join('\n'));

  // What the CLI says of it: the UI must show the same.
  const expected = await verifyJson(tampered);
  expect(expected.ok).toBe(false);
  const atEntry = expected.findings.filter((f) => f.severity === 'error' && f.index !== null);
  expect(atEntry.length).toBeGreaterThan(0);
  const first = atEntry[0]!;
  expect(first.index).toBe(target - header);

  await verifyInView(page, tampered);
  const screen = page.getByTestId('auditor-screen');
  const verdict = screen.getByTestId('verify-verdict');
  await expect(verdict).toHaveAttribute('data-ok', 'false');
  await expect(verdict.getByTestId('verify-verdict-word')).toHaveText('INVALID');
  // The headline names the first altered entry and why, as the CLI's does.
  const headline = await cliHeadline(tampered, 'en');
  expect(headline).toMatch(new RegExp(`^INVALID — first altered entry: ${first.index} `, 'u'));
  await expect(verdict.getByTestId('verify-headline')).toHaveText(
    `${capitalized(headline.replace(/^INVALID — /u, ''))} Each finding below names its entry in the timeline.`,
  );

  const findings = screen.getByTestId('findings').locator('tbody tr');
  await expect(findings).toHaveCount(expected.findings.length);
  const atFirst = screen.locator(`tr[data-code="${first.code}"][data-index="${first.index}"]`);
  const shown = atFirst.filter({ hasText: first.message }).first();
  await expect(shown).toBeVisible();
  await expect(shown).toContainText(first.message);
  await expect(shown).toContainText('Error');
  for (const f of expected.findings) {
    await expect(screen.locator(`tr[data-code="${f.code}"][data-index="${f.index ?? ''}"]`).first()).toBeVisible();
  }

  // The entry is highlighted in the timeline, and the finding's link lands on it.
  const row = screen.getByTestId(`timeline-entry-${first.index}`);
  await expect(row).toHaveAttribute('data-finding', new RegExp(`(^| )${first.code}( |$)`, 'u'));
  await expect(row).toHaveClass(/timeline-entry--finding/u);
  await expect(row).toContainText(first.code);
  // An entry with no finding (the roster confirmed: not an opening, which carries the rig's
  // not-live air-gap warning) is not marked.
  await expect(screen.getByTestId('timeline-entry-1')).not.toHaveAttribute('data-finding');
  await shown.getByRole('button', { name: `Show entry ${first.index} in the timeline` }).click();
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport();
  await page.screenshot({ path: screenshotPath('auditor-tampered-en.png'), fullPage: true });

  // In French: the verdict, the findings and the timeline in French, and no English text of the catalogues.
  await page.getByRole('button', { name: 'Français' }).click();
  await expect(verdict.getByTestId('verify-verdict-word')).toHaveText('NON VALIDE');
  const headlineFr = await cliHeadline(tampered, 'fr');
  expect(headlineFr).toMatch(new RegExp(`^INVALIDE — première entrée altérée : ${first.index} `, 'u'));
  await expect(verdict.getByTestId('verify-headline')).toHaveText(
    `${capitalized(headlineFr.replace(/^INVALIDE — /u, ''))} Chaque constat ci-dessous renvoie à son entrée dans la chronologie.`,
  );
  await expect(screen.getByRole('heading', { name: 'Constats' })).toBeVisible();
  await expect(atFirst.first()).toContainText('Erreur');
  await expect(atFirst.first()).not.toContainText(first.message);
  await expect(screen.getByRole('button', { name: 'Vérifier', exact: true })).toBeVisible();
  await expect(screen.getByTestId('timeline').getByRole('heading', { name: /Créer un portefeuille de conservation/u })).toBeVisible();
  await expect(screen.getByTestId('timeline-entry-0')).toContainText('Ouverture');
  await expect(row).toHaveAttribute('data-finding', new RegExp(first.code, 'u'));
  // Codes (SIGNATURE_INVALID…) are names, not English text: they stay as they are in every language.
  const english = englishOnlyStrings();
  const text = (await page.locator('body').innerText()).replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/gu, '');
  expect(english.filter((t) => text.includes(t))).toEqual([]);
  await page.screenshot({ path: screenshotPath('auditor-tampered-fr.png'), fullPage: true });
});
