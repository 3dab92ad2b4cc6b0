/**
 * The ceremony flows of the e2e suites, by clicks on the built renderer: create-wallet with paper
 * shares, a backup drill with those cards, a restitution with two approvals and its animated QR, and
 * the French screens checked for English. The same flows run in Debian Chromium with window.custos
 * bound to the real router (tests/e2e/ceremonies.spec.ts) and in Electron where its binary exists
 * (tests/electron/flows.spec.ts); only how the page is loaded and how the station's file dialog
 * answers differ. Spec: issue 5, "Done when".
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import type { ChooseKind } from '../../main/app/app-api.ts';
import type { EngineRig } from '../support/engine-rig.ts';
import { interruptedRun } from '../support/interrupt.ts';
import { buildPsbt } from '../support/psbt-builder.ts';
import { englishOnlyStrings } from './english-strings.ts';
import { screenshotPath } from './screenshots.ts';
import { typeShareWords } from './share-words-entry.ts';
import { SigningDesk } from './signing-desk.ts';
import { violations } from './axe-violations.ts';

export const WALLET = 'ui-client-1';
export const DESTINATION = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
export const HOLDERS = [
  { key: 'keys/dora-lindqvist.key', label: 'dora', bag: 'TB-UI-000001' },
  { key: 'keys/emil-novak.key', label: 'emil', bag: 'TB-UI-000002' },
  { key: 'keys/farid-haddad.key', label: 'farid', bag: 'TB-UI-000003' },
];

/** Answers the station's next file dialog of a kind with a path. */
export interface DialogScript {
  next(kind: ChooseKind, chosen: string): unknown;
}

export class CeremonyFlows {
  readonly rig: EngineRig;
  readonly dialog: DialogScript;
  /** Loads the app's first screen in the page. */
  readonly load: (page: Page) => Promise<void>;
  /** The words each holder wrote on their card during create-wallet, by label. */
  readonly cards = new Map<string, string[]>();

  /** The people present: they answer each sign request and passphrase question the guided ceremony shows. */
  readonly desk: SigningDesk;

  constructor(rig: EngineRig, dialog: DialogScript, load: (page: Page) => Promise<void>) {
    this.rig = rig;
    this.dialog = dialog;
    this.desk = new SigningDesk(
      (label) => this.passphrase(label),
      (label) => this.dialog.next('save-file', this.checkpointOf(label)),
    );
    this.load = async (page) => {
      await load(page);
      await this.desk.seat(page);
    };
  }

  passphrase(label: string): string {
    return fs.readFileSync(this.rig.path(`passphrases/${label}.txt`), 'utf8').replace(/\r?\n$/u, '');
  }

  async openStation(page: Page): Promise<void> {
    await this.load(page);
    await this.dialog.next('data-dir', this.rig.station);
    await page.getByRole('banner').getByRole('button', { name: 'Open a data directory' }).click();
    await expect(page.getByTestId('data-dir-name')).toHaveText('station');
    await page.getByRole('navigation').getByRole('button', { name: 'Ceremonies' }).click();
  }

  /**
   * A person chooses their key file in the form. `label` (their first name) is how the signing desk
   * knows them: their passphrase is typed at their first signature, and a witness chooses where their
   * checkpoint is written at the close.
   */
  async attest(page: Page, testId: string, keyFile: string, label: string): Promise<void> {
    const box = page.getByTestId(testId);
    await this.dialog.next('key-file', this.rig.path(keyFile));
    await box.getByRole('button', { name: 'Choose key file' }).click();
    await expect(box.getByText(`Key file: ${path.basename(keyFile)}`)).toBeVisible();
    expect(label).toMatch(/^[a-z]+$/u);
  }

  /** Where the witness `label` keeps their checkpoint (their own medium). */
  checkpointOf(label: string): string {
    return this.rig.path(`media/${label}/checkpoint.txt`);
  }

  async attestOfficerAndWitnesses(page: Page): Promise<void> {
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await this.attest(page, 'attest-witness-2', 'keys/chloe-dubois.key', 'chloe');
  }

  async verifyStation(): Promise<void> {
    const r = await this.rig.custos('verify', this.rig.station, '--json');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  }

  async presentShares(page: Page): Promise<void> {
    for (const [i, h] of HOLDERS.slice(0, 2).entries()) {
      await this.attest(page, `attest-holder-${i + 1}`, h.key, h.label);
      await typeShareWords(page, `share-words-${i + 1}`, this.cards.get(h.label)!);
      await page.getByTestId(`share-bag-${i + 1}`).fill(h.bag);
    }
  }

  /** a full create-wallet ceremony by clicks, paper shares shown one holder at a time and gone from the DOM after their step. */
  async createWallet(page: Page): Promise<void> {
    await this.openStation(page);
    await page.getByTestId('procedure-create-wallet').getByRole('button', { name: 'Run on this screen' }).click();
    // The start button says why it cannot start yet, and what is left as the form fills.
    await expect(page.getByTestId('start-missing')).toContainText('To start, still needed: Custody officer’s key file · Witness 1’s key file');
    await this.attestOfficerAndWitnesses(page);
    await page.getByTestId('wallet-id').fill(WALLET);
    await page.getByTestId('client-ref').fill('CL-UI-0001');
    await page.getByTestId('wallet-label').fill('Client cold storage made on screen');
    for (const [i, h] of HOLDERS.entries()) {
      await this.attest(page, `attest-holder-${i + 1}`, h.key, h.label);
      await page.getByTestId(`bag-serial-${i + 1}`).fill(h.bag);
    }
    await expect(page.getByTestId('start-missing')).toHaveText('To start, still needed: the confirmation.');
    await page.getByTestId('confirm-hand-over').check();
    await expect(page.getByTestId('start-missing')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('ceremony-create-wallet-form.png'), fullPage: true });
    // The station key, the opening and the first holder's card (shown, written, typed back) are in
    // French, each checked for English; the other holders read their cards in English.
    await this.startInFrench(page, page.getByRole('button', { name: 'Start the ceremony' }), 'création');

    for (const [i, h] of HOLDERS.entries()) {
      const french = i === 0;
      const card = page.getByTestId('share-words-prompt');
      await expect(card).toBeVisible({ timeout: 60_000 });
      await expect(card.getByRole('heading')).toContainText(french ? 'Part 1 sur 3' : `Share ${i + 1} of 3`);
      // Masked until the holder reveals them.
      await expect(page.getByTestId('share-words')).toHaveCount(0);
      if (french) await this.expectNoEnglish(page, 'création : carte masquée');
      await card.getByRole('button', { name: french ? 'Afficher mes mots' : 'Reveal my words' }).click();
      const words = await page.getByTestId('share-words').locator('li').allTextContents();
      expect(words).toHaveLength(39);
      if (french) await this.expectNoEnglish(page, 'création : mots affichés');
      if (i === 2) await page.screenshot({ path: screenshotPath('ceremony-share-card.png'), fullPage: true });
      await card.getByRole('button', { name: french ? 'J’ai écrit tous les mots sur ma carte' : 'I have written all the words on my card' }).click();
      await expect(page.getByTestId('share-words')).toHaveCount(0);
      // The first holder types only four letters a word: the list completes each one.
      await typeShareWords(page, 'share-words-typed', words, french ? 'prefixes' : 'whole');
      if (french) await this.expectNoEnglish(page, 'création : mots retapés');
      await card.getByRole('button', { name: french ? 'Prouver ma carte' : 'Prove my card' }).click();
      if (french) {
        await expect(page.getByTestId('entry-hand-over')).toHaveCount(1, { timeout: 60_000 });
        await page.getByRole('button', { name: 'English' }).click();
      }
      await expect(page.getByTestId('entry-hand-over')).toHaveCount(i + 1, { timeout: 60_000 });
      // After its step, nothing of the share is left in the page.
      const html = await page.content();
      for (let k = 0; k + 4 <= words.length; k++) expect(html.includes(words.slice(k, k + 4).join(' '))).toBe(false);
      const values = (await page.evaluate(`[...document.querySelectorAll('input, textarea')].map((e) => e.value).join(' ')`)) as string;
      expect(values).not.toContain(words.slice(0, 4).join(' '));
      this.cards.set(h.label, words);
    }

    const outcome = page.getByTestId('ceremony-outcome');
    await expect(outcome).toHaveAttribute('data-state', 'closed', { timeout: 60_000 });
    await expect(page.getByTestId('fact-wallet')).toHaveText(WALLET);
    await expect(page.getByTestId('fact-quorum')).toHaveText('2-of-3');
    await expect(page.getByTestId('script-step-hand-over')).toHaveAttribute('data-done', 'true');
    await expect(page.locator('.entry-code').first()).toHaveText(/^[0-9a-f]{4} [0-9a-f]{4}$/u);
    await page.screenshot({ path: screenshotPath('ceremony-create-wallet-done.png'), fullPage: true });

    await this.verifyStation();
    // Each witness left with the checkpoint they cosigned, on the medium they chose, and it matches the record.
    for (const witness of ['bob', 'chloe']) {
      expect(fs.readFileSync(this.checkpointOf(witness), 'utf8')).toBe(await page.getByTestId('checkpoint').textContent());
      const r = await this.rig.custos('verify', this.rig.station, '--checkpoint', this.checkpointOf(witness));
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }
    const wallet = (await this.rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
    expect(wallet).toMatchObject({ class: 'client', state: 'active', threshold: 2, shareCount: 3 });
    expect(wallet.shares.map((s: { media: string[]; bagSerial: string }) => `${s.media.join()} ${s.bagSerial}`)).toEqual(HOLDERS.map((h) => `paper ${h.bag}`));
  }

  /** a backup drill by clicks, its guided steps in French: two holders type their cards, the wallet is rebuilt. */
  async backupDrill(page: Page): Promise<void> {
    expect(this.cards.size).toBe(3);
    await this.openStation(page);
    await page.getByTestId('procedure-backup-drill').getByRole('button', { name: 'Run on this screen' }).click();
    await this.attestOfficerAndWitnesses(page);
    await page.getByLabel('Wallet to drill').selectOption(WALLET);
    await this.presentShares(page);
    await this.startInFrench(page, page.getByRole('button', { name: 'Start the ceremony' }), 'exercice');
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed', { timeout: 90_000 });
    await expect(page.getByTestId('fact-proven')).toHaveText('1, 2');
    await expect(page.getByTestId('entry-present-share')).toHaveCount(2);
    await this.expectNoEnglish(page, 'exercice clôturé');
    await page.getByRole('button', { name: 'English' }).click();
    await this.verifyStation();
    const wallet = (await this.rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
    expect(wallet.lastDrill).not.toBeNull();
  }

  /** a restitution with two approvals: the PSBT outputs in plain words, signed, and its animated QR. */
  async restitution(page: Page): Promise<void> {
    const wallet = (await this.rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
    const account = wallet.accounts.find((a: { chain: string }) => a.chain === 'bitcoin');
    const psbtFile = this.rig.path('coordinator/ui-restitution.psbt');
    fs.mkdirSync(path.dirname(psbtFile), { recursive: true });
    fs.writeFileSync(
      psbtFile,
      buildPsbt({
        xpub: account.xpub,
        fingerprint: wallet.fingerprint,
        network: 'bitcoin',
        inputs: [[0, 0, 100_000_000n]],
        payments: [{ address: DESTINATION, amount: 75_000_000n }],
        change: [1, 0, 24_995_000n],
      }),
    );
    const signedDir = this.rig.path('coordinator/ui-signed');

    await this.openStation(page);
    await page.getByTestId('procedure-restitution').getByRole('button', { name: 'Run on this screen' }).click();
    await this.attestOfficerAndWitnesses(page);
    await page.getByLabel('Client wallet to return from').selectOption(WALLET);
    await page.getByTestId('request-reference').fill('RET-UI-0001');
    await page.getByTestId('destination-address').fill(DESTINATION);
    await page.getByTestId('destination-amount').fill('0.75');
    await this.dialog.next('psbt-file', psbtFile);
    await page.getByRole('button', { name: 'Choose PSBT file' }).click();
    await expect(page.getByTestId('psbt-output')).toHaveText([`0.75000000 BTC to ${DESTINATION}`, /^0\.24995000 BTC to bc1q[a-z0-9]+$/u]);
    await expect(page.getByTestId('psbt-preview')).toContainText('Network fee: 0.00005000 BTC');
    await this.dialog.next('folder', signedDir);
    await page.getByRole('button', { name: 'Choose folder' }).click();
    await this.attest(page, 'attest-approver-1', 'keys/jules-moreau.key', 'jules');
    await this.attest(page, 'attest-approver-2', 'keys/karin-berg.key', 'karin');
    await this.presentShares(page);
    await page.screenshot({ path: screenshotPath('ceremony-restitution-form.png'), fullPage: true });
    await this.startInFrench(page, page.getByRole('button', { name: 'Start the ceremony' }), 'restitution');

    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed', { timeout: 90_000 });
    await this.expectNoEnglish(page, 'restitution signée');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('fact-destination')).toHaveText(DESTINATION);
    await expect(page.getByTestId('fact-amount')).toHaveText('75000000');
    const txid = await page.getByTestId('fact-txid').textContent();
    expect(txid).toMatch(/^[0-9a-f]{64}$/u);
    expect(fs.readdirSync(signedDir).some((f) => f.endsWith('.psbt'))).toBe(true);
    await page.getByRole('button', { name: 'Show the signed transaction as an animated QR' }).click();
    await expect(page.getByTestId('animated-qr')).toBeVisible();
    await page.screenshot({ path: screenshotPath('ceremony-restitution-qr.png'), fullPage: true });

    await this.verifyStation();
    const after = (await this.rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
    expect(after.transfers).toEqual([expect.objectContaining({ kind: 'restitution', txid, to: DESTINATION, amount: '75000000', state: 'signed' })]);
  }

  /** the restitution confirmed on chain, by clicks: the final one retires the client wallet. */
  async confirmTransfer(page: Page): Promise<void> {
    const transfer = (await this.rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET).transfers[0];
    await this.openStation(page);
    await page.getByTestId('procedure-confirm-transfer').getByRole('button', { name: 'Run on this screen' }).click();
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await page.getByLabel('Transfer seen on chain').selectOption(`${WALLET}/${transfer.txid}`);
    await page.getByLabel('Block height').fill('927600');
    await page.getByLabel('Confirmations').fill('6');
    await page.getByLabel('This was the final restitution: retire the client wallet').check();
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 60_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    await this.verifyStation();
    const wallet = (await this.rig.replay()).wallets.find((w: { id: string }) => w.id === WALLET);
    expect(wallet.transfers[0]).toMatchObject({ txid: transfer.txid, state: 'confirmed', blockHeight: 927600 });
    expect(wallet.state).toBe('retired');
  }

  /** a new station set up by clicks in an empty folder: its roster from public key cards. */
  async stationSetup(page: Page): Promise<void> {
    const folder = this.rig.path('station-from-screen');
    fs.mkdirSync(folder, { recursive: true });
    await this.load(page);
    await this.dialog.next('data-dir', folder);
    await page.getByRole('banner').getByRole('button', { name: 'Open a data directory' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Ceremonies' }).click();
    await page.getByTestId('procedure-station-setup').getByRole('button', { name: 'Run on this screen' }).click();
    // The officer chooses the new station key's passphrase when the ceremony starts.
    this.desk.newStation = 'a new station passphrase, long enough';
    const roster: [string, string][] = [
      ['alice-martin', 'officer'],
      ['bob-okafor', 'witness'],
      ['chloe-dubois', 'witness'],
      ['dora-lindqvist', 'holder'],
    ];
    for (const [i, [who, role]] of roster.entries()) {
      if (i > 0) await page.getByRole('button', { name: 'Add a public key card' }).click();
      const row = page.getByTestId(`roster-${i + 1}`);
      await this.dialog.next('public-key-file', this.rig.path(`keys/${who}.pub.json`));
      await row.getByRole('button', { name: 'Choose public key card' }).click();
      await row.getByRole('checkbox', { name: role, exact: true }).check();
    }
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await this.attest(page, 'attest-witness-2', 'keys/chloe-dubois.key', 'chloe');
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 60_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    const verify = await this.rig.custos('verify', folder);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    const replay = await this.rig.replay(folder);
    expect(replay.participants.map((p: { name: string; roles: string[] }) => `${p.name} ${p.roles.join()}`)).toEqual([
      'Alice Martin officer',
      'Bob Okafor witness',
      'Chloé Dubois witness',
      'Dora Lindqvist holder',
    ]);
  }

  /** a new person enrolled by clicks from their public key card, then their key revoked with a reason. */
  async enrolThenRevoke(page: Page): Promise<void> {
    fs.writeFileSync(this.rig.path('passphrases/lena.txt'), 'lena: correct horse battery staple 2026\n');
    const made = await this.rig.custos(
      'key',
      'new',
      '--name',
      'Lena Fontaine',
      '--out',
      this.rig.path('keys'),
      '--passphrase-file',
      this.rig.path('passphrases/lena.txt'),
    );
    expect(made.status, made.stderr).toBe(0);
    await this.openStation(page);
    await page.getByTestId('procedure-enrol-participant').getByRole('button', { name: 'Run on this screen' }).click();
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await this.dialog.next('public-key-file', this.rig.path('keys/lena-fontaine.pub.json'));
    await page.getByRole('button', { name: 'Choose public key card' }).click();
    await page.getByRole('checkbox', { name: 'witness', exact: true }).check();
    await this.attest(page, 'attest-subject', 'keys/lena-fontaine.key', 'lena');
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 60_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    const lena = (await this.rig.replay()).participants.find((p: { name: string }) => p.name === 'Lena Fontaine');
    expect(lena).toMatchObject({ roles: ['witness'], state: 'active' });

    await page.getByRole('button', { name: 'Another ceremony' }).click();
    await page.getByTestId('procedure-revoke-participant').getByRole('button', { name: 'Run on this screen' }).click();
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await page.getByLabel('Participant whose key is revoked').selectOption(lena.keyid);
    await page.getByTestId('revoke-reason').fill('Left the company on 2026-11-23');
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 60_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('fact-revoked')).toHaveText('Lena Fontaine');
    await this.verifyStation();
    expect((await this.rig.replay()).participants.find((p: { name: string }) => p.name === 'Lena Fontaine').state).toBe('revoked');

    // Lena comes back as a witness with her revoked key: refused before anything is recorded, and her
    // attestation is the one marked in the form given back.
    const journal = this.rig.journalBytes();
    await page.getByRole('button', { name: 'Another ceremony' }).click();
    await page.getByTestId('procedure-revoke-participant').getByRole('button', { name: 'Run on this screen' }).click();
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/lena-fontaine.key', 'lena');
    const hana = (await this.rig.replay()).participants.find((p: { name: string }) => p.name === 'Hana Sato');
    await page.getByLabel('Participant whose key is revoked').selectOption(hana.keyid);
    await page.getByTestId('revoke-reason').fill('Never recorded: the witness key is revoked');
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    await expect(page.getByTestId('error-notice')).toHaveAttribute('data-code', 'SIGNER_REVOKED', { timeout: 60_000 });
    await expect(page.getByTestId('attest-witness-1')).toHaveAttribute('data-refused', 'true');
    await expect(page.getByTestId('attest-witness-1').getByTestId('refused-here')).toHaveText(
      'The refusal above is about this person (Witness): check their key file, or bring the right person.',
    );
    await expect(page.getByTestId('attest-officer')).toHaveAttribute('data-refused', 'false');
    expect(this.rig.journalBytes()).toEqual(journal);
  }

  /** an incident opened by clicks, in the register (written in French, as the officer would here). */
  async incident(page: Page): Promise<void> {
    await this.openStation(page);
    await page.getByTestId('procedure-incident').getByRole('button', { name: 'Run on this screen' }).click();
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await page.getByTestId('incident-id').fill('INC-UI-0001');
    await page.getByLabel('Significant incident (to be notified)').check();
    await page.getByRole('checkbox', { name: WALLET }).check();
    await page.getByLabel('Occurred on').fill('2026-11-20');
    await page.getByLabel('Discovered on').fill('2026-11-21');
    await page.getByLabel('Nature').fill('Un détenteur a égaré son sachet pendant une heure.');
    await page.getByLabel('Origin').fill('Signalement du détenteur');
    await page.getByLabel('Tools and staff involved').fill('Coffre A ; Alice Martin, Bob Okafor');
    await page.getByLabel('Impact').fill('Aucune connue : le sachet a été retrouvé scellé.');
    await page.getByLabel('Corrective action').fill('Exercice sur le portefeuille et inspection de chaque sachet.');
    await page.getByLabel('Target date').fill('2026-12-15');
    await this.guidedWithWrongPassphrase(page);
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 60_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('fact-incident')).toHaveText('INC-UI-0001');
    await this.verifyStation();
    const incident = (await this.rig.replay()).incidents.find((i: { id: string }) => i.id === 'INC-UI-0001');
    expect(incident).toMatchObject({
      significant: true,
      wallets: [WALLET],
      occurredAt: '2026-11-20',
      nature: 'Un détenteur a égaré son sachet pendant une heure.',
    });
  }

  /**
   * A creation killed partway by the CLI (the power went) leaves its ceremony open; the ceremonies
   * screen says so, and an officer and a witness abort it with a reason, by clicks (issue 15).
   */
  async abortLeftOpen(page: Page): Promise<void> {
    const answers = this.rig.variant('create-wallet', 'e2e-killed-wallet', (a) => {
      a.wallet.id = 'killed-in-e2e-1';
      for (const h of a.holders) h.outputDir = `out/killed-in-e2e-1/${h.name}`;
    });
    const killed = await interruptedRun(this.rig, 'create-wallet', answers, 'SIGKILL', 2);
    expect(killed.status).toBeNull();
    const open = (await this.rig.replay()).ceremonies.at(-1);
    expect(open).toMatchObject({ state: 'open' });

    await this.openStation(page);
    const notice = page.getByTestId('open-ceremony');
    await expect(notice).toContainText(`Ceremony ${open.id} (create-wallet) was not closed`);
    await notice.getByRole('button', { name: 'Abort it…' }).click();
    await expect(page.getByTestId('abort-which')).toContainText(`The open ceremony is ${open.id} (create-wallet).`);
    await this.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    const start = page.getByRole('button', { name: 'Abort the ceremony' });
    await expect(start).toBeDisabled(); // no reason yet
    await page.getByTestId('abort-reason').fill('The laptop lost power during the hand-over.');
    await start.click();
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'aborted', { timeout: 60_000 });
    await this.verifyStation();
    const p = await this.rig.replay();
    expect(p.ceremonies.at(-1)).toMatchObject({ id: open.id, state: 'aborted' });
    expect(p.wallets.find((w: { id: string }) => w.id === 'killed-in-e2e-1')).toMatchObject({ state: 'aborted' });
    await page.getByRole('navigation').getByRole('button', { name: 'Inventory' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Ceremonies' }).click();
    await expect(page.getByTestId('open-ceremony')).toHaveCount(0);
  }

  /**
   * Starts the ceremony with `start`, then the people present speak French: the screen is switched to
   * French, the station key's question and the first sign request are checked for English, and the
   * signing desk answers the rest of the guided run (in French).
   */
  async startInFrench(page: Page, start: Locator, where: string): Promise<void> {
    await this.desk.away(page);
    await start.click();
    await page.getByRole('button', { name: 'Français' }).click();
    const asked = page.getByTestId('passphrase-prompt');
    await expect(asked.getByRole('heading')).toHaveText('La clé du poste', { timeout: 60_000 });
    await this.expectNoEnglish(page, `${where} : clé du poste`);
    await this.desk.answer(asked);
    // Holders presenting or receiving share files are asked their passphrases before anything is signed (in French too).
    const request = page.getByTestId('sign-request');
    for (;;) {
      await expect(asked.or(request).first()).toBeVisible({ timeout: 60_000 });
      if (await request.isVisible()) break;
      const field = (await asked.getAttribute('data-field')) ?? '';
      await this.expectNoEnglish(page, `${where} : ${field}`);
      await this.desk.answer(asked);
      // The next question may follow at once (holders one after another): wait for this one to go.
      await expect(page.locator(`[data-testid="passphrase-prompt"][data-field="${field}"]`)).toHaveCount(0);
    }
    await expect(request.getByRole('heading', { level: 3 })).toHaveText(/^À signer maintenant : /u);
    await this.expectNoEnglish(page, `${where} : demande de signature`);
    await this.desk.seat(page);
  }

  /**
   * The guided steps played by hand (the incident's): the station key asked first; the opening's sign
   * request read in words with who signs it, and each locked signer's own field; in French too, with
   * no English text; Bob mistypes at his first signature and is asked again by name, his field marked;
   * then the people present answer the rest.
   */
  async guidedWithWrongPassphrase(page: Page): Promise<void> {
    await this.desk.away(page);
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    const asked = page.getByTestId('passphrase-prompt');
    await expect(asked).toHaveAttribute('data-purpose', 'station', { timeout: 60_000 });
    await expect(asked.getByRole('heading')).toHaveText('The station key');
    await asked.getByLabel('Passphrase (station)').fill(this.passphrase('station'));
    await asked.getByRole('button', { name: 'Continue' }).click();
    // The opening, before anyone types their passphrase: the step, what it records, who signs.
    const request = page.getByTestId('sign-request');
    await expect(request).toHaveAttribute('data-step', 'open', { timeout: 60_000 });
    await expect(request.getByRole('heading', { level: 3 })).toHaveText('To sign now: State the incident');
    await expect(request.getByTestId('sign-summary')).toContainText('INC-UI-0001');
    await expect(request.getByTestId('signer')).toHaveText([/^Alice Martin — officer/u]);
    await page.screenshot({ path: screenshotPath('ceremony-sign-request.png'), fullPage: true });
    expect(await violations(page, 'sign request')).toEqual([]);
    // The same request in French, with no English text on the page.
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(request.getByRole('heading', { level: 3 })).toHaveText(/^À signer maintenant : /u);
    await this.expectNoEnglish(page, 'demande de signature');
    expect(await violations(page, 'demande de signature')).toEqual([]);
    await page.getByRole('button', { name: 'English' }).click();
    await request.getByLabel('Passphrase of Alice Martin').fill(this.passphrase('alice'));
    await request.getByRole('button', { name: 'Sign' }).click();
    // The close: Alice's key is open already; Bob types his passphrase now, and mistypes it.
    await expect(request).toHaveAttribute('data-step', 'close', { timeout: 60_000 });
    await expect(request.getByTestId('signer')).toHaveText([/^Alice Martin — officer \(key unlocked\)/u, /^Bob Okafor — witness/u]);
    await request.getByLabel('Passphrase of Bob Okafor').fill('not Bob’s passphrase at all');
    await request.getByRole('button', { name: 'Sign' }).click();
    // Bob is asked again, by name, his field marked, the attempt counted; nothing else is asked again.
    await expect(asked).toHaveAttribute('data-field', 'participants.witness.passphrase', { timeout: 60_000 });
    await expect(asked.getByRole('heading')).toHaveText('The key of Bob Okafor');
    await expect(asked.getByTestId('passphrase-refused')).toHaveText('The passphrase typed for Bob Okafor did not open it. Try again (attempt 2 of 5).');
    await expect(asked.getByTestId('passphrase-field')).toHaveAttribute('aria-invalid', 'true');
    await page.screenshot({ path: screenshotPath('ceremony-passphrase-again.png'), fullPage: true });
    expect(await violations(page, 'passphrase asked again')).toEqual([]);
    await asked.getByTestId('passphrase-field').fill(this.passphrase('bob'));
    await asked.getByRole('button', { name: 'Continue' }).click();
    await this.desk.seat(page);
  }

  /**
   * Whole English texts of any catalogue shown on the page, each with where it shows. Set aside: code
   * elements (commands, ids and tokens) and what the page declares English (`lang="en"`): a holder's
   * BIP39 share words, which are English words in every locale (the word "report" once failed this).
   */
  async expectNoEnglish(page: Page, where: string): Promise<void> {
    const english = englishOnlyStrings();
    expect(english.length).toBeGreaterThan(100);
    const shown = (await page.evaluate(
      `(() => { const body = document.body.cloneNode(true); body.querySelectorAll('code, [lang="en"]').forEach((c) => c.remove()); document.documentElement.appendChild(body); const t = body.innerText; body.remove(); return t; })()`,
    )) as string;
    // Whole words only ("holder" is English; "placeholder" would not be).
    const found = english.flatMap((t) => {
      const at = shown.search(new RegExp(`(?<![\\p{L}])${t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'u'));
      return at < 0 ? [] : [`${t} … ${shown.slice(Math.max(0, at - 40), at + t.length + 40).replace(/\s+/gu, ' ')}`];
    });
    expect(found, where).toEqual([]);
  }

  /** in French, no screen shows an English text: inventory, ceremonies, the forms, the auditor. */
  async frenchShowsNoEnglish(page: Page): Promise<void> {
    const check = (where: string) => this.expectNoEnglish(page, where);
    await this.load(page);
    await page.getByRole('button', { name: 'Français' }).click();
    await this.dialog.next('data-dir', this.rig.station);
    await page.getByRole('banner').getByRole('button', { name: 'Ouvrir un répertoire de données' }).click();
    await expect(page.getByTestId('data-dir-name')).toHaveText('station');
    await expect(page.getByText(WALLET).first()).toBeVisible();
    await check('inventaire');
    await page.screenshot({ path: screenshotPath('inventory-fr.png'), fullPage: true });
    await page.getByRole('navigation').getByRole('button', { name: 'Cérémonies' }).click();
    await expect(page.getByTestId('procedure-create-wallet')).toBeVisible();
    await check('cérémonies');
    for (const procedure of [
      'create-wallet',
      'backup-drill',
      'restitution',
      'incident',
      'confirm-transfer',
      'enrol-participant',
      'revoke-participant',
      'station-setup',
      'compromise-rotation',
      'change-holder',
      'destruction',
      'reconciliation',
    ]) {
      await page.getByTestId(`procedure-${procedure}`).getByRole('button', { name: 'Conduire sur cet écran' }).click();
      await expect(page.getByTestId('ceremony-runner')).toBeVisible();
      await check(procedure);
      await page.getByRole('button', { name: 'Retour aux procédures' }).click();
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Audit' }).click();
    await check('audit');
  }
}
