/**
 * The retirement flows of the e2e suites, by clicks on the built renderer: a reconciliation with a
 * declared deposit and a balances file (one balance at an address no wallet derives: one discrepancy,
 * one REC-… incident), a destruction refused on a wrong bag serial (the refusal shown in English and
 * in French, nothing recorded), a destruction on an attested zero balance (holders present or not, a
 * sealed share file overwritten and removed, the wallet destroyed), and both forms in French with no
 * English text. Like CeremonyFlows (ceremony-flows.ts), whose helpers it uses by composition, it only
 * needs the rig, the station's dialog and how the page is loaded, so the Electron suite can run the
 * same flows. Spec: docs/cli.md "`destruction`", "`reconciliation`", "Balances file".
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { ERRORS } from '../../common/errors/registry.ts';
import { shareFilesIn, type AnswersJson, type EngineRig } from '../support/engine-rig.ts';
import { lastCeremonyEntries } from '../support/journal-entries.ts';
import { accountKey, addressAt } from '../support/psbt-builder.ts';
import { CeremonyFlows, type DialogScript } from './ceremony-flows.ts';
import { screenshotPath } from './screenshots.ts';

/** The 3-of-5 client wallet of docs/answers/create-wallet.json (bitcoin and ethereum), reconciled here. */
export const CLIENT_WALLET = 'northwind-pension-cold-1';
/** A 2-of-3 house wallet made from a variant of that example, never funded, destroyed here. */
export const EMPTY_WALLET = 'ui-house-float-2';
/** BIP173's own example address: a valid mainnet address that no wallet of the station derives. */
export const UNKNOWN_ADDRESS = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
/** The examples the station lives before the house wallet is added. */
export const STATION_EXAMPLES = ['station-setup', 'enrol-participant', 'create-wallet'] as const;
export const EMPTY_HOLDERS = [
  { label: 'dora', name: 'Dora Lindqvist', key: 'keys/dora-lindqvist.key', bag: 'TB-UI-R-000201', dir: 'media/dora-float', present: true },
  { label: 'emil', name: 'Emil Novak', key: 'keys/emil-novak.key', bag: 'TB-UI-R-000202', dir: 'media/emil-float', present: true },
  { label: 'farid', name: 'Farid Haddad', key: 'keys/farid-haddad.key', bag: 'TB-UI-R-000203', dir: 'media/farid-float', present: false },
];

export class RetirementFlows {
  readonly rig: EngineRig;
  readonly dialog: DialogScript;
  readonly load: (page: Page) => Promise<void>;
  readonly ceremonies: CeremonyFlows;

  constructor(rig: EngineRig, dialog: DialogScript, load: (page: Page) => Promise<void>) {
    this.rig = rig;
    this.dialog = dialog;
    this.ceremonies = new CeremonyFlows(rig, dialog, load);
    this.load = this.ceremonies.load;
  }

  /** The station by the CLI examples: set up, Hana enrolled, the client wallet created; then the house wallet to destroy. */
  static async prepareStation(rig: EngineRig): Promise<void> {
    await rig.runExamples(STATION_EXAMPLES);
    await RetirementFlows.addHouseWallet(rig);
  }

  /** The 2-of-3 house wallet, never funded, made from a variant of the create-wallet example. */
  static async addHouseWallet(rig: EngineRig): Promise<void> {
    const emptyWallet = rig.variant('create-wallet', 'create-wallet-float', (a) => {
      a.wallet = { id: EMPTY_WALLET, class: 'house', label: 'House float wallet, never funded' };
      a.chains = ['bitcoin'];
      a.threshold = 2;
      a.holders = EMPTY_HOLDERS.map((h) => ({
        name: h.label,
        media: ['file'],
        sharePassphraseFile: `passphrases/${h.label}-share.txt`,
        outputDir: h.dir,
        bagSerial: h.bag,
      }));
      delete a.participants.gita;
      delete a.participants.hana;
    });
    const r = await rig.run('create-wallet', emptyWallet);
    if (r.status !== 0) throw new Error(`${emptyWallet} failed: ${r.stderr}`);
  }

  async wallet(id: string): Promise<AnswersJson> {
    return (await this.rig.replay()).wallets.find((w: { id: string }) => w.id === id);
  }

  async openProcedure(page: Page, procedure: string): Promise<void> {
    await this.ceremonies.openStation(page);
    await page.getByTestId(`procedure-${procedure}`).getByRole('button', { name: 'Run on this screen' }).click();
    await expect(page.getByTestId('ceremony-runner')).toHaveAttribute('data-procedure', procedure);
  }

  /** a reconciliation by clicks: a deposit declared, a balances file with the wallet's receive address 0 and one address no wallet derives. */
  async reconciliation(page: Page): Promise<void> {
    const account = (await this.wallet(CLIENT_WALLET)).accounts.find((a: { chain: string }) => a.chain === 'bitcoin');
    const receive0 = addressAt(accountKey(account.xpub, 'bitcoin'), 'bitcoin', 0, 0);
    const balances = this.rig.path('coordinator/balances-ui.csv');
    fs.mkdirSync(path.dirname(balances), { recursive: true });
    fs.writeFileSync(balances, `address,amount\n${receive0},0.5\n${UNKNOWN_ADDRESS},0.01\n`);

    await this.openProcedure(page, 'reconciliation');
    await expect(page.getByTestId('start-missing')).toHaveText(
      'To start, still needed: Custody officer’s key file · Witness’s key file · the balances file · the date the balances were observed.',
    );
    await this.ceremonies.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.ceremonies.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await expect(page.getByTestId('attest-witness-2')).toHaveCount(0); // one witness, not two
    this.dialog.next('balances-file', balances);
    await page.getByRole('button', { name: 'Choose the balances file' }).click();
    await expect(page.getByText('Balances file: balances-ui.csv')).toBeVisible();
    await expect(page.getByTestId('balances-formats').locator('code')).toHaveText([/^\{"bc1q/u, /^\[\{"address"/u, 'address,amount']);
    await page.getByTestId('balances-as-of').fill('2026-12-15');
    await page.getByTestId('balances-as-of-time').fill('18:00:00');
    // Two deposit rows, the second removed: an empty row would keep the ceremony from starting.
    await page.getByTestId('add-credit').click();
    await page.getByTestId('add-credit').click();
    await page.getByTestId('credit-1-wallet').selectOption(CLIENT_WALLET);
    await expect(page.getByTestId('credit-1-chain').locator('option')).toHaveText(['—', 'bitcoin', 'ethereum']);
    await page.getByTestId('credit-1-chain').selectOption('bitcoin');
    await page.getByTestId('credit-1-amount').fill('0.5');
    await page.getByTestId('credit-1-reference').fill('DEP-UI-0001');
    const start = page.getByRole('button', { name: 'Start the ceremony' });
    await expect(start).toBeDisabled();
    await expect(page.getByTestId('start-missing')).toHaveText('To start, still needed: deposit 2: its wallet, chain, amount and reference.');
    await page.getByTestId('credit-2').getByRole('button', { name: 'Remove this deposit' }).click();
    await expect(page.getByTestId('credit-2')).toHaveCount(0);
    await expect(page.getByTestId('address-gap')).toHaveValue('200');
    await page.screenshot({ path: screenshotPath('ceremony-reconciliation-form.png'), fullPage: true });
    await start.click();

    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 90_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('fact-wallets')).toHaveText('2');
    await expect(page.getByTestId('fact-discrepancies')).toHaveText('1');
    const incident = (await page.getByTestId('fact-incidents').textContent()) ?? '';
    expect(incident).toMatch(/^REC-reconciliation-\d+-1$/u);
    await expect(page.getByTestId('entry-discrepancy')).toHaveCount(1);
    await page.screenshot({ path: screenshotPath('ceremony-reconciliation-done.png'), fullPage: true });

    await this.ceremonies.verifyStation();
    const replay = await this.rig.replay();
    const wallet = replay.wallets.find((w: { id: string }) => w.id === CLIENT_WALLET);
    expect(wallet.holdings.bitcoin.recorded).toBe('50000000');
    expect(replay.incidents.filter((i: { id: string }) => i.id.startsWith('REC-'))).toEqual([
      expect.objectContaining({ id: incident, status: 'open', significant: true, wallets: [], nature: expect.stringContaining(UNKNOWN_ADDRESS) }),
    ]);
    const [open] = lastCeremonyEntries(this.rig.station, 'reconciliation');
    expect(open!.body).toMatchObject({
      asOf: '2026-12-15T18:00:00Z',
      source: { fileName: 'balances-ui.csv', format: 'csv', addresses: 2 },
      credits: [{ wallet: CLIENT_WALLET, chain: 'bitcoin', amount: '50000000', reference: 'DEP-UI-0001' }],
    });
  }

  /** The sealed share file Custos wrote for a holder of the house wallet. */
  shareFile(holder: (typeof EMPTY_HOLDERS)[number]): string {
    const [file] = shareFilesIn(this.rig.path(holder.dir));
    if (!file) throw new Error(`no share file in ${holder.dir}`);
    return file.file;
  }

  /** The destruction form filled for the house wallet: zero balance attested by Jules and Karin, every share, Dora's sealed file chosen. */
  async fillDestruction(page: Page, bagOfShare1: string): Promise<void> {
    await this.openProcedure(page, 'destruction');
    await this.ceremonies.attestOfficerAndWitnesses(page);
    await expect(page.getByTestId('start-missing')).toHaveText(
      'To start, still needed: the wallet · a share ticked as destroyed in this sitting · the confirmation.',
    );
    await page.getByTestId('destruction-wallet').selectOption(EMPTY_WALLET);
    await expect(page.getByTestId('destruction-basis')).toHaveAttribute('data-basis', 'zero-balance');
    await expect(page.getByTestId('basis-zero-balance')).toBeChecked();
    await expect(page.getByTestId('basis-retired')).toBeDisabled();
    await expect(page.getByTestId('not-empty-warning')).toHaveCount(0);
    await this.ceremonies.attest(page, 'attest-approver-1', 'keys/jules-moreau.key', 'jules');
    await this.ceremonies.attest(page, 'attest-approver-2', 'keys/karin-berg.key', 'karin');
    await page.getByTestId('zero-as-of').fill('2026-12-16');
    await page.getByTestId('zero-source').fill('Watch-only coordinator, balances export of 2026-12-16');
    for (const [i, h] of EMPTY_HOLDERS.entries()) {
      const tid = `destroy-share-${i + 1}`;
      const row = page.getByTestId(tid);
      await expect(row).toContainText(`Share ${i + 1} of 3, held by ${h.name}`);
      await row.getByTestId(`${tid}-tick`).check();
      if (h.present) {
        await this.ceremonies.attest(page, `attest-holder-${i + 1}`, h.key, h.label);
      } else {
        await row.getByTestId(`${tid}-present`).uncheck();
        await expect(page.getByTestId(`attest-holder-${i + 1}`)).toHaveCount(0);
        await expect(row.getByTestId(`${tid}-witness-alone`)).toHaveText('Without its holder, the witness alone signs for the destruction of this share.');
      }
      if (i === 1) await row.getByTestId(`${tid}-method`).selectOption('wipe');
      await row.getByTestId(`${tid}-media`).fill(`USB-UI-R-0${i + 1}`);
      await expect(row.getByTestId(`${tid}-bag`)).toHaveValue(''); // never prefilled from the record
      await row.getByTestId(`${tid}-bag`).fill(i === 0 ? bagOfShare1 : h.bag);
    }
    const dora = this.shareFile(EMPTY_HOLDERS[0]!);
    this.dialog.next('share-file', dora);
    await page.getByTestId('destroy-share-1-choose-file').click();
    await expect(page.getByTestId('destroy-share-1-file')).toContainText(`To overwrite and remove: ${path.basename(dora)}`);
    const start = page.getByRole('button', { name: 'Start the ceremony' });
    await expect(start).toBeDisabled(); // not before the officer confirms the media were destroyed
    await expect(page.getByTestId('start-missing')).toHaveText('To start, still needed: the confirmation.');
    await page.getByTestId('confirm-destroyed').check();
    await expect(start).toBeEnabled();
    await expect(page.getByTestId('start-missing')).toHaveCount(0);
  }

  /** a wrong bag serial refused by clicks: the refusal in English then in French, the journal's bytes unchanged, the share file still there. */
  async destructionRefusedOnWrongBag(page: Page): Promise<void> {
    const before = this.rig.journalBytes();
    const dora = this.shareFile(EMPTY_HOLDERS[0]!);
    await this.fillDestruction(page, 'TB-UI-R-999999');
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    // Refused before anything is signed: the form comes back as filled, the refusal above it.
    const notice = page.getByTestId('error-notice');
    await expect(notice).toHaveAttribute('data-code', 'BAG_SERIAL_MISMATCH', { timeout: 60_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveCount(0);
    await expect(page.getByTestId('destroy-share-1-bag')).toHaveValue('TB-UI-R-999999');
    await expect(page.getByTestId('confirm-destroyed')).toBeChecked();
    await expect(page.getByRole('button', { name: 'Start the ceremony' })).toBeEnabled();
    await expect(notice).toContainText('The bag of share 1 has serial TB-UI-R-999999');
    await expect(notice).toContainText('Open an incident. Nothing was recorded.');
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(notice).toContainText(ERRORS.BAG_SERIAL_MISMATCH.fr.replace('{index}', '1'));
    await page.screenshot({ path: screenshotPath('ceremony-destruction-refused-fr.png'), fullPage: true });

    expect(this.rig.journalBytes()).toEqual(before);
    expect(fs.existsSync(dora)).toBe(true);
    const wallet = await this.wallet(EMPTY_WALLET);
    expect(wallet.state).toBe('active');
    expect(wallet.shares.map((s: { state: string }) => s.state)).not.toContain('destroyed');
  }

  /** a destruction on an attested zero balance by clicks: two holders sign, one is absent, Dora's sealed file is overwritten and removed, the wallet is destroyed. */
  async destruction(page: Page): Promise<void> {
    const dora = this.shareFile(EMPTY_HOLDERS[0]!);
    const emil = this.shareFile(EMPTY_HOLDERS[1]!);
    await this.fillDestruction(page, EMPTY_HOLDERS[0]!.bag);
    await page.screenshot({ path: screenshotPath('ceremony-destruction-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 90_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('fact-wallet')).toHaveText(EMPTY_WALLET);
    await expect(page.getByTestId('fact-state')).toHaveAttribute('data-value', 'destroyed');
    await expect(page.getByTestId('fact-state')).toHaveText('Destroyed');
    // The outcome in French: the facts' names and coded values translated, no English left.
    await page.getByRole('button', { name: 'Français' }).click();
    await expect(page.getByTestId('fact-state')).toHaveText('Détruit');
    await expect(page.getByText('Parts détruites')).toBeVisible();
    await this.ceremonies.expectNoEnglish(page, 'issue de la destruction');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('fact-destroyed')).toHaveText('1, 2, 3');
    await expect(page.getByTestId('entry-attest-zero-balance')).toHaveCount(1);
    await expect(page.getByTestId('entry-destroy-share')).toHaveCount(3);

    expect(fs.existsSync(dora)).toBe(false);
    expect(fs.existsSync(emil)).toBe(true); // only the file chosen is erased
    await this.ceremonies.verifyStation();
    const wallet = await this.wallet(EMPTY_WALLET);
    expect(wallet.state).toBe('destroyed');
    expect(wallet.shares.map((s: { index: number; state: string }) => `${s.index} ${s.state}`)).toEqual(['1 destroyed', '2 destroyed', '3 destroyed']);

    const people = (await this.rig.replay()).participants as { keyid: string; name: string }[];
    const keyOf = (name: string) => people.find((p) => p.name === name)!.keyid;
    const entries = lastCeremonyEntries(this.rig.station, 'destruction');
    expect(entries[0]!.body).toMatchObject({ wallet: EMPTY_WALLET, basis: 'zero-balance' });
    const attested = entries.find((e) => e.step === 'attest-zero-balance')!;
    expect(attested.body).toMatchObject({ balance: '0', asOf: '2026-12-16', source: 'Watch-only coordinator, balances export of 2026-12-16' });
    expect(
      attested.signers
        .filter((s) => s.role === 'approver')
        .map((s) => s.keyid)
        .sort(),
    ).toEqual([keyOf('Jules Moreau'), keyOf('Karin Berg')].sort());
    const destroyed = entries.filter((e) => e.step === 'destroy-share');
    expect(destroyed.map((e) => e.body)).toEqual([
      { index: 1, method: 'shred', mediaId: 'USB-UI-R-01', bagSerial: EMPTY_HOLDERS[0]!.bag, filesOverwritten: [path.basename(dora)] },
      { index: 2, method: 'wipe', mediaId: 'USB-UI-R-02', bagSerial: EMPTY_HOLDERS[1]!.bag, filesOverwritten: [] },
      { index: 3, method: 'shred', mediaId: 'USB-UI-R-03', bagSerial: EMPTY_HOLDERS[2]!.bag, filesOverwritten: [] },
    ]);
    // The holders present sign their share's step; without Farid, the witness alone signs his.
    expect(destroyed.map((e) => e.signers.filter((s) => s.role === 'holder').map((s) => s.keyid))).toEqual([
      [keyOf('Dora Lindqvist')],
      [keyOf('Emil Novak')],
      [],
    ]);
    for (const e of destroyed) expect(e.signers.filter((s) => s.role === 'witness')).toHaveLength(1);
  }

  /** in French, the destruction and reconciliation forms show no English text, with every part of them open. */
  async frenchFormsShowNoEnglish(page: Page): Promise<void> {
    await this.load(page);
    await page.getByRole('button', { name: 'Français' }).click();
    this.dialog.next('data-dir', this.rig.station);
    await page.getByRole('banner').getByRole('button', { name: 'Ouvrir un répertoire de données' }).click();
    await expect(page.getByTestId('data-dir-name')).toHaveText('station');
    await page.getByRole('navigation').getByRole('button', { name: 'Cérémonies' }).click();
    for (const procedure of ['destruction', 'reconciliation']) {
      await expect(page.getByTestId(`procedure-${procedure}`).getByRole('button', { name: 'Conduire sur cet écran' })).toBeVisible();
    }
    await this.ceremonies.expectNoEnglish(page, 'cérémonies');

    await page.getByTestId('procedure-destruction').getByRole('button', { name: 'Conduire sur cet écran' }).click();
    await this.ceremonies.expectNoEnglish(page, 'destruction');
    // The client wallet is active and holds the reconciled deposit: the zero-balance part and its warning show.
    await page.getByTestId('destruction-wallet').selectOption(CLIENT_WALLET);
    await expect(page.getByTestId('not-empty-warning')).toBeVisible();
    await page.getByTestId('destroy-share-1-tick').check();
    await expect(page.getByTestId('destroy-share-1')).toContainText('Part 1 sur 5, détenue par Dora Lindqvist');
    await expect(page.getByTestId('attest-holder-1')).toBeVisible();
    this.dialog.next('share-file', this.rig.path('media/dora/does-not-matter.cshare'));
    await page.getByTestId('destroy-share-1-choose-file').click();
    await expect(page.getByTestId('destroy-share-1-file')).toBeVisible();
    await this.ceremonies.expectNoEnglish(page, 'destruction, solde nul et part cochée');
    await page.getByTestId('destroy-share-1-present').uncheck();
    await expect(page.getByTestId('destroy-share-1-witness-alone')).toBeVisible();
    await this.ceremonies.expectNoEnglish(page, 'destruction, détenteur absent');
    await page.screenshot({ path: screenshotPath('ceremony-destruction-form-fr.png'), fullPage: true });
    await page.getByRole('button', { name: 'Retour aux procédures' }).click();

    await page.getByTestId('procedure-reconciliation').getByRole('button', { name: 'Conduire sur cet écran' }).click();
    await page.getByTestId('add-credit').click();
    await page.getByTestId('credit-1-wallet').selectOption(CLIENT_WALLET);
    this.dialog.next('balances-file', this.rig.path('coordinator/balances-ui.csv'));
    await page.getByRole('button', { name: 'Choisir le fichier des soldes' }).click();
    await expect(page.getByText('Fichier des soldes : balances-ui.csv')).toBeVisible();
    await this.ceremonies.expectNoEnglish(page, 'rapprochement');
    await page.getByRole('button', { name: 'Retour aux procédures' }).click();
  }
}
