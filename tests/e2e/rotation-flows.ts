/**
 * The compromise-rotation and change-holder flows of the e2e suites, by clicks on the built renderer
 * (docs/cli.md `compromise-rotation`, two sittings, ADR 0012; `change-holder`): the first sitting
 * rotating northwind-pension-cold-1 under incident INC-2026-0014 to northwind-pension-cold-2 (one
 * holder on paper, two on sealed files), the rotation left waiting; its abort with a reason on a copy
 * of the station; the second sitting signing the coordinator's sweep with file shares of the old
 * wallet, its outputs shown in plain words first; a change of holder on the replacement, refused once
 * for a wrong share passphrase (nothing recorded) and then done; and the French screens checked for
 * English. Each ceremony is checked with the real `custos verify` and `custos replay`. The station's
 * earlier life comes from the CLI examples (docs/answers/). Reuses CeremonyFlows' helpers by
 * composition; like it, it runs wherever a page is bound to the router (ceremony-flows.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { AnswersJson, EngineRig } from '../support/engine-rig.ts';
import { shareFilesIn } from '../support/engine-rig.ts';
import { coordinatorSweep } from '../support/coordinator-sweep.ts';
import { etherRequest, readSigned, transferData } from '../support/eth-request.ts';
import { validateSigned } from '../support/psbt-builder.ts';
import { CeremonyFlows, type DialogScript } from './ceremony-flows.ts';
import { screenshotPath } from './screenshots.ts';
import { typeShareWords } from './share-words-entry.ts';

export const OLD_WALLET = 'northwind-pension-cold-1';
export const REPLACEMENT = 'northwind-pension-cold-2';
export const INCIDENT = 'INC-2026-0014';
const CLIENT = 'CL-2026-0042';
const DESCRIPTOR = 'coordinator/northwind-pension-cold-2.descriptor.json';
const SWEEP_PSBT = 'coordinator/northwind-pension-cold-1-sweep.psbt';
const SIGNED = 'coordinator/ui-sweep-signed';
/** The old wallet's coins as the coordinator sees them (sats); swept less a 10,000 sat fee. */
const OLD_COINS: [0 | 1, number, bigint][] = [
  [0, 0, 120_000_000n],
  [0, 1, 80_000_000n],
  [1, 0, 50_000_000n],
];
const SWEEP_FEE = 10_000n;
/** The replacement's holders: Dora on paper, Gita and Hana on sealed files. */
const NEW_HOLDERS = [
  { key: 'keys/dora-lindqvist.key', label: 'dora', name: 'Dora Lindqvist', media: 'paper', bag: 'TB-2026-000301' },
  { key: 'keys/gita-rao.key', label: 'gita', name: 'Gita Rao', media: 'file', bag: 'TB-2026-000302', folder: 'media/gita-2', share: 'gita-share-2' },
  { key: 'keys/hana-sato.key', label: 'hana', name: 'Hana Sato', media: 'file', bag: 'TB-2026-000303', folder: 'media/hana-2', share: 'hana-share-2' },
] as const;
/** The old wallet's holders at the sweep (not Farid, whose bag was torn), with their share files as backup-drill.json placed them. */
const OLD_HOLDERS = [
  { key: 'keys/dora-lindqvist.key', label: 'dora', file: 'media/dora/share.cshare', bag: 'TB-2026-000101' },
  { key: 'keys/emil-novak.key', label: 'emil', file: 'media/emil/share.cshare', bag: 'TB-2026-000102' },
  { key: 'keys/gita-rao.key', label: 'gita', file: 'media/gita/share.cshare', bag: 'TB-2026-000104' },
];
/** The token adopted on screen, and the client's Ethereum address an Ethereum restitution pays. */
const USDC = { chainId: '1', contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', decimals: 6 };
const ETH_CLIENT = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const ABORT_REASON = 'The coordinator cannot prepare the sweep before the audit of 2026-12-10; the rotation is restarted then.';
const CHANGE_REASON = 'Gita Rao leaves the custody team on 2027-01-31; her share passes to Emil Novak.';

type Json = AnswersJson;
const walletOf = (p: Json, id: string): Json => p.wallets.find((w: Json) => w.id === id);
const keyidOf = (p: Json, name: string): string => p.participants.find((x: Json) => x.name === name).keyid;

export class RotationFlows {
  readonly rig: EngineRig;
  readonly dialog: DialogScript;
  readonly load: (page: Page) => Promise<void>;
  /** The create-wallet flows' helpers (attestations, opening the station, verify). */
  readonly flows: CeremonyFlows;
  /** Copies of the station taken while the rotation waits (for the abort, and the French screens). */
  readonly clones = new Map<string, string>();

  constructor(rig: EngineRig, dialog: DialogScript, load: (page: Page) => Promise<void>) {
    this.rig = rig;
    this.dialog = dialog;
    this.flows = new CeremonyFlows(rig, dialog, load);
    this.load = this.flows.load;
  }

  /** Opens another data directory than the rig's station (a clone), then the ceremonies screen. */
  async openDataDir(page: Page, dir: string): Promise<void> {
    await this.load(page);
    await this.dialog.next('data-dir', dir);
    await page.getByRole('banner').getByRole('button', { name: 'Open a data directory' }).click();
    await expect(page.getByTestId('data-dir-name')).toHaveText(path.basename(dir));
    await page.getByRole('navigation').getByRole('button', { name: 'Ceremonies' }).click();
  }

  async openProcedure(page: Page, id: string): Promise<void> {
    await page.getByTestId(`procedure-${id}`).getByRole('button', { name: 'Run on this screen' }).click();
    await expect(page.getByTestId('ceremony-runner')).toHaveAttribute('data-procedure', id);
  }

  async verify(dataDir = this.rig.station): Promise<string[]> {
    const r = await this.rig.custos('verify', dataDir, '--json');
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const findings = JSON.parse(r.stdout).findings as { severity: string; code: string }[];
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The rig's air-gap evidence is read under a fixture: every opening says so; the rest is returned.
    return findings.filter((f) => f.code !== 'AIRGAP_NOT_LIVE').map((f) => f.code);
  }

  /** the first sitting by clicks: the wallet compromised, its replacement made (a paper share, two files), the ceremony left waiting for the sweep. */
  async firstSitting(page: Page): Promise<void> {
    await this.flows.openStation(page);
    await this.openProcedure(page, 'compromise-rotation');
    await expect(page.getByTestId('rotation-first-sitting')).toBeVisible();
    await this.flows.attestOfficerAndWitnesses(page);
    await page.getByLabel('Wallet to rotate').selectOption(OLD_WALLET);
    // The open incident naming the wallet is offered (and chosen, being the only one).
    await expect(page.getByLabel('Incident that justifies the rotation')).toHaveValue(INCIDENT);
    // Class and client come from the old wallet, and the screen says so.
    await expect(page.getByTestId('replacement-client-ref')).toHaveText(CLIENT);
    await expect(page.getByTestId('replacement-inherited')).toContainText('Client assets');
    await expect(page.getByTestId('replacement-inherited')).toContainText('same class and the same client (R7)');
    await page.getByTestId('replacement-id').fill(REPLACEMENT);
    await page.getByTestId('replacement-label').fill('Northwind Pension Fund, cold storage (replaces northwind-pension-cold-1)');
    // The old wallet's chains are kept: ticked, and cannot be unticked.
    for (const chain of ['bitcoin', 'ethereum']) {
      await expect(page.getByRole('checkbox', { name: chain, exact: true })).toBeChecked();
      await expect(page.getByRole('checkbox', { name: chain, exact: true })).toBeDisabled();
    }
    await expect(page.getByRole('checkbox', { name: 'testnet', exact: true })).not.toBeChecked();
    await expect(page.getByLabel('Drill every (days)')).toHaveValue('180');
    for (const [i, h] of NEW_HOLDERS.entries()) {
      const box = page.getByTestId(`holder-${i + 1}`);
      await this.flows.attest(page, `attest-holder-${i + 1}`, h.key, h.label);
      await box.getByLabel('Medium').selectOption(h.media);
      await page.getByTestId(`bag-serial-${i + 1}`).fill(h.bag);
      if (h.media === 'file') {
        // The holder chooses it when the ceremony reaches them (the signing desk types it twice).
        this.flows.desk.shares.set(h.label, h.share);
        await this.dialog.next('folder', this.rig.path(h.folder));
        await box.getByRole('button', { name: 'Choose folder' }).click();
        await expect(box.getByText(`Folder: ${path.basename(h.folder)}`)).toBeVisible();
      }
    }
    await this.dialog.next('save-file', this.rig.path(DESCRIPTOR));
    await page.getByRole('button', { name: 'Choose where to write the descriptor' }).click();
    await expect(page.getByText(`Descriptor file: ${path.basename(DESCRIPTOR)}`)).toBeVisible();
    await page.getByTestId('confirm-hand-over').check();
    await page.screenshot({ path: screenshotPath('ceremony-rotation-first-sitting-form.png'), fullPage: true });
    // The whole sitting is in French: the station key, the new share files' passphrases, the opening,
    // Dora's card (shown, written, typed back) and the outcome waiting for the sweep, each checked for English.
    await this.flows.startInFrench(page, page.getByRole('button', { name: 'Start the ceremony' }), 'première séance');

    // Dora's paper share: shown to her alone, written, typed back.
    const card = page.getByTestId('share-words-prompt');
    await expect(card).toBeVisible({ timeout: 120_000 });
    await expect(card.getByRole('heading')).toContainText('Part 1 sur 3, pour Dora Lindqvist');
    await expect(card).toContainText('Numéro du sachet : TB-2026-000301');
    await this.flows.expectNoEnglish(page, 'première séance : carte masquée');
    await card.getByRole('button', { name: 'Afficher mes mots' }).click();
    const words = await page.getByTestId('share-words').locator('li').allTextContents();
    expect(words).toHaveLength(39);
    await this.flows.expectNoEnglish(page, 'première séance : mots affichés');
    await card.getByRole('button', { name: 'J’ai écrit tous les mots sur ma carte' }).click();
    await typeShareWords(page, 'share-words-typed', words);
    await this.flows.expectNoEnglish(page, 'première séance : mots retapés');
    await card.getByRole('button', { name: 'Prouver ma carte' }).click();

    const outcome = page.getByTestId('ceremony-outcome');
    await expect(outcome).toHaveAttribute('data-state', /^(waiting|closed|failed|aborted)$/u, { timeout: 120_000 });
    await expect(outcome).toHaveAttribute('data-state', 'waiting');
    await this.flows.expectNoEnglish(page, 'première séance en attente du balayage');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(card).toHaveCount(0);
    await expect(outcome).toContainText('waits for the coordinator’s sweep PSBT');
    await expect(outcome).toContainText(path.basename(DESCRIPTOR));
    // The replacement's watch-only export, as the QR code Sparrow scans: one frame, its crypto-account.
    await page.getByRole('button', { name: 'Show the watch-only wallet as a QR (for Sparrow)' }).click();
    await expect(page.getByTestId('animated-qr')).toHaveAttribute('data-parts', '1');
    expect(JSON.parse(fs.readFileSync(this.rig.path(DESCRIPTOR), 'utf8')).cryptoAccount).toMatch(/^UR:CRYPTO-ACCOUNT\//u);
    await expect(page.getByTestId('fact-compromised')).toHaveText(OLD_WALLET);
    await expect(page.getByTestId('fact-replacement')).toHaveText(REPLACEMENT);
    await expect(page.getByTestId('entry-hand-over')).toHaveCount(3);
    await expect(page.getByTestId('entry-export-replacement')).toHaveCount(1);
    expect(await page.content()).not.toContain(words.slice(0, 4).join(' '));
    await page.screenshot({ path: screenshotPath('ceremony-rotation-waiting.png'), fullPage: true });

    expect(await this.verify()).toEqual(['CEREMONY_IN_PROGRESS']);
    const p = await this.rig.replay();
    expect(p.ceremonies.at(-1)).toMatchObject({ procedureId: 'compromise-rotation@3', state: 'open', endedAt: null });
    expect(walletOf(p, OLD_WALLET)).toMatchObject({ state: 'compromised', compromisedBy: INCIDENT, replacedBy: null });
    const r = walletOf(p, REPLACEMENT);
    expect(r).toMatchObject({
      class: 'client',
      ownerRef: CLIENT,
      state: 'distributed',
      threshold: 2,
      shareCount: 3,
      chains: ['bitcoin', 'ethereum'],
      drillIntervalDays: 180,
    });
    expect(r.shares.map((s: Json) => [s.index, s.media.join(), s.bagSerial, s.holder])).toEqual(
      NEW_HOLDERS.map((h, i) => [i + 1, h.media, h.bag, keyidOf(p, h.name)]),
    );
    for (const h of NEW_HOLDERS.filter((x) => x.media === 'file'))
      expect(shareFilesIn(this.rig.path(h.folder)).map((f) => f.fingerprint)).toEqual([r.fingerprint]);
    const descriptor = JSON.parse(fs.readFileSync(this.rig.path(DESCRIPTOR), 'utf8'));
    expect(descriptor).toMatchObject({ wallet: REPLACEMENT, fingerprint: r.fingerprint });

    // Copies of the station as it waits: one to abort the rotation, one for the French screens.
    for (const name of ['rotation-abort', 'rotation-waiting-fr']) this.clones.set(name, this.rig.cloneStation(name));

    // Back on the procedures, the rotation now offers its second sitting, naming both wallets.
    await page.getByRole('button', { name: 'Another ceremony' }).click();
    await this.openProcedure(page, 'compromise-rotation');
    await expect(page.getByTestId('rotation-second-sitting')).toBeVisible();
    await expect(page.getByTestId('rotation-waiting')).toContainText('A rotation is waiting for its sweep');
    await expect(page.getByTestId('rotation-waiting')).toContainText(p.ceremonies.at(-1).id);
    await expect(page.getByTestId('rotation-waiting-wallets')).toHaveText(`It replaces the compromised wallet ${OLD_WALLET} by ${REPLACEMENT}.`);
  }

  /** the waiting rotation aborted by clicks with a reason (on a copy of the station): recorded; the old wallet can be rotated again. */
  async abortOnClone(page: Page): Promise<void> {
    const dir = this.clones.get('rotation-abort');
    expect(dir, 'the first sitting ran first').toBeDefined();
    const before = await this.rig.replay(dir!);
    const rotation = before.ceremonies.at(-1);
    expect(rotation).toMatchObject({ procedureId: 'compromise-rotation@3', state: 'open' });
    await this.openDataDir(page, dir!);
    await this.openProcedure(page, 'compromise-rotation');
    await expect(page.getByTestId('rotation-second-sitting')).toBeVisible();
    await page.getByLabel('Abort the waiting rotation').check();
    // An officer and one witness sign an abort (ADR 0017): no second witness, no share, no PSBT asked.
    await expect(page.getByTestId('attest-witness-2')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Choose PSBT file' })).toHaveCount(0);
    await this.flows.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.flows.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    const abort = page.getByRole('button', { name: 'Abort the rotation and record the reason' });
    await expect(abort).toBeDisabled();
    await page.getByTestId('abort-reason').fill(ABORT_REASON);
    await abort.click();
    const outcome = page.getByTestId('ceremony-outcome');
    await expect(outcome).toHaveAttribute('data-state', /^(waiting|closed|failed|aborted)$/u, { timeout: 120_000 });
    await expect(outcome).toHaveAttribute('data-state', 'aborted');
    await expect(page.getByTestId('fact-aborted')).toHaveText(ABORT_REASON);

    await this.verify(dir);
    const after = await this.rig.replay(dir!);
    expect(after.ceremonies.at(-1)).toMatchObject({ id: rotation.id, state: 'aborted' });
    expect(walletOf(after, REPLACEMENT).state).toBe('aborted');
    expect(walletOf(after, OLD_WALLET)).toMatchObject({ state: 'compromised', compromisedBy: INCIDENT, replacedBy: null });
    // The abort entry carries the reason, in the signed record.
    const journal = fs
      .readdirSync(path.join(dir!, 'journal'))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir!, 'journal', f), 'utf8'))
      .join('');
    const last = JSON.parse(journal.trim().split('\n').at(-1)!);
    expect(JSON.parse(Buffer.from(last.payload, 'base64').toString('utf8'))).toMatchObject({ type: 'abort', ceremony: rotation.id });
    expect(Buffer.from(last.payload, 'base64').toString('utf8')).toContain(ABORT_REASON);

    // With nothing waiting, the rotation offers a first sitting again, and the compromised wallet can be rotated again.
    await page.getByRole('button', { name: 'Another ceremony' }).click();
    await this.openProcedure(page, 'compromise-rotation');
    await expect(page.getByTestId('rotation-first-sitting')).toBeVisible();
    await expect(page.getByLabel('Wallet to rotate').locator('option', { hasText: OLD_WALLET })).toHaveText(
      /\(compromised; its earlier rotation was aborted\)$/u,
    );
    // The station itself still waits.
    expect((await this.rig.replay()).ceremonies.at(-1)).toMatchObject({ id: rotation.id, state: 'open' });
  }

  /** the second sitting by clicks: file shares of the old wallet, the sweep's outputs in plain words, signed; the rotation closes. */
  async secondSitting(page: Page): Promise<void> {
    const p0 = await this.rig.replay();
    const old = walletOf(p0, OLD_WALLET);
    const sweep = coordinatorSweep({ oldWallet: old, descriptorFile: this.rig.path(DESCRIPTOR), coins: OLD_COINS, fee: SWEEP_FEE });
    expect(sweep.target).toBe(walletOf(p0, REPLACEMENT).accounts.find((a: Json) => a.chain === 'bitcoin').addresses[0]);
    fs.writeFileSync(this.rig.path(SWEEP_PSBT), sweep.psbt);
    this.rig.placeShares('compromise-rotation-sweep', old.fingerprint);

    await this.flows.openStation(page);
    await this.openProcedure(page, 'compromise-rotation');
    await expect(page.getByTestId('rotation-waiting-wallets')).toHaveText(`It replaces the compromised wallet ${OLD_WALLET} by ${REPLACEMENT}.`);
    // The record's open ceremony names both wallets, and the script shows the first sitting's steps as signed.
    expect(p0.openCeremony).toMatchObject({ procedureId: 'compromise-rotation@3', wallet: OLD_WALLET, replacement: REPLACEMENT });
    for (const step of ['declare-compromised', 'export-replacement'])
      await expect(page.getByTestId(`script-step-${step}`)).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('script-step-sign-sweep')).toHaveAttribute('data-done', 'false');
    await this.flows.attestOfficerAndWitnesses(page);
    await expect(page.getByText(`Holders of the old wallet ${OLD_WALLET} present at least 3 of its 5 shares.`)).toBeVisible();
    await expect(page.getByTestId(/^share-\d+$/u)).toHaveCount(3);
    for (const [i, h] of OLD_HOLDERS.entries()) {
      const box = page.getByTestId(`share-${i + 1}`);
      await this.flows.attest(page, `attest-holder-${i + 1}`, h.key, h.label);
      await box.getByLabel('Medium').selectOption('file');
      await this.dialog.next('share-file', this.rig.path(h.file));
      await box.getByRole('button', { name: 'Choose share file' }).click();
      await expect(box.getByText('Share file: share.cshare')).toBeVisible();
      this.flows.desk.shares.set(h.label, `${h.label}-share`);
      await page.getByTestId(`share-bag-${i + 1}`).fill(h.bag);
    }
    await expect(page.getByLabel('Network', { exact: true })).toHaveValue('bitcoin');
    await this.dialog.next('psbt-file', this.rig.path(SWEEP_PSBT));
    await page.getByRole('button', { name: 'Choose PSBT file' }).click();
    // What the sweep pays, in plain words, before anyone signs.
    await expect(page.getByTestId('psbt-output')).toHaveText([`2.49990000 BTC to ${sweep.target}`]);
    await expect(page.getByTestId('psbt-preview')).toContainText('Network fee: 0.00010000 BTC');
    await expect(page.getByTestId('psbt-preview')).toContainText('Every output must pay an address of the replacement');
    // The old wallet's Ethereum account is swept too: the coordinator's request for its ether (nonce 0).
    const ethFrom = old.accounts.find((a: Json) => a.chain === 'ethereum').addresses[0];
    const ethTo = walletOf(p0, REPLACEMENT).accounts.find((a: Json) => a.chain === 'ethereum').addresses[0];
    const ethRequest = this.rig.path('coordinator/ui-sweep-eth.json');
    fs.writeFileSync(ethRequest, etherRequest({ from: ethFrom, to: ethTo, value: 3n * 10n ** 17n, nonce: 0n }));
    await expect(page.getByTestId('sweep-ethereum-network')).toHaveValue('mainnet');
    await page.getByTestId('add-sweep-request').click();
    await this.dialog.next('eth-request-file', ethRequest);
    await page.getByTestId('sweep-request-1').getByRole('button', { name: 'Choose the request file' }).click();
    await expect(page.getByTestId('sweep-request-1')).toContainText('Request file: ui-sweep-eth.json');
    await this.dialog.next('folder', this.rig.path(SIGNED));
    await page.getByRole('button', { name: 'Choose folder' }).click();
    await page.screenshot({ path: screenshotPath('ceremony-rotation-sweep-form.png'), fullPage: true });
    // The people of the second sitting speak French: its guided steps are asked in French.
    await this.flows.startInFrench(page, page.getByRole('button', { name: 'Resume the ceremony and sign the sweep' }), 'seconde séance');

    const outcome = page.getByTestId('ceremony-outcome');
    await expect(outcome).toHaveAttribute('data-state', /^(waiting|closed|failed|aborted)$/u, { timeout: 120_000 });
    await expect(outcome).toHaveAttribute('data-state', 'closed');
    await this.flows.expectNoEnglish(page, 'seconde séance close');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('entry-present-share')).toHaveCount(3);
    await expect(page.getByTestId('entry-sign-sweep')).toHaveCount(1);
    await expect(page.getByTestId('entry-import-eth-sweep')).toHaveCount(1);
    await expect(page.getByTestId('entry-sign-eth-sweep')).toHaveCount(1);
    await expect(page.getByTestId('fact-ethTransfers')).toHaveText('1');
    await expect(page.getByTestId('fact-compromised')).toHaveText(OLD_WALLET);
    await expect(page.getByTestId('fact-swept')).toHaveText(sweep.swept.toString());
    const txid = (await page.getByTestId('fact-txid').textContent())!;
    expect(txid).toMatch(/^[0-9a-f]{64}$/u);
    const txn = this.rig.path(`${SIGNED}/custos-${OLD_WALLET}-${txid}.txn`);
    expect(validateSigned(sweep.psbt, fs.readFileSync(txn, 'utf8').trim(), 'bitcoin')).toEqual({ fee: SWEEP_FEE, txid });
    await expect(page.getByTestId('checkpoint')).not.toBeEmpty();

    expect(await this.verify()).toEqual([]);
    const p = await this.rig.replay();
    expect(p.ceremonies.at(-1)).toMatchObject({ id: p0.ceremonies.at(-1).id, procedureId: 'compromise-rotation@3', state: 'closed' });
    expect(walletOf(p, REPLACEMENT)).toMatchObject({ state: 'active', replaces: OLD_WALLET });
    expect(walletOf(p, OLD_WALLET)).toMatchObject({ state: 'compromised', replacedBy: REPLACEMENT });
    expect(walletOf(p, OLD_WALLET).transfers).toEqual([
      expect.objectContaining({ kind: 'sweep', state: 'signed', txid, to: REPLACEMENT, amount: sweep.swept.toString(), fee: SWEEP_FEE.toString() }),
      expect.objectContaining({
        kind: 'sweep',
        state: 'signed',
        chain: 'ethereum',
        asset: 'ethereum',
        to: REPLACEMENT,
        amount: (3n * 10n ** 17n).toString(),
        nonce: '0',
      }),
    ]);
  }

  /**
   * The token list adopted by clicks (USD Coin on mainnet), then an Ethereum restitution by clicks
   * from the replacement's Ethereum account: the asset chosen from the list, the coordinator's
   * request chosen, Gita's and Hana's file shares; the signed transaction read back with ethers.
   */
  async ethereumRestitution(page: Page): Promise<void> {
    await this.flows.openStation(page);
    await this.openProcedure(page, 'token-list');
    await this.flows.attestOfficerAndWitnesses(page);
    await page.getByTestId('token-list-reason').fill('Northwind Pension Fund deposits USD Coin with us.');
    await page.getByTestId('add-token').click();
    await expect(page.getByTestId('start-missing')).toContainText('token 1: its contract, symbol and decimals');
    await page.getByTestId('token-1-contract').fill(USDC.contract);
    await page.getByTestId('token-1-symbol').fill(USDC.symbol);
    await page.getByTestId('token-1-decimals').fill('6');
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', /^(closed|failed)$/u, { timeout: 60_000 });
    await expect(page.getByTestId('ceremony-outcome')).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('fact-tokens')).toHaveText('1');
    expect((await this.rig.replay()).tokens).toEqual([USDC]);

    const replacement = walletOf(await this.rig.replay(), REPLACEMENT);
    const from = replacement.accounts.find((a: Json) => a.chain === 'ethereum').addresses[0];
    const request = this.rig.path('coordinator/ui-eth-request.json');
    fs.writeFileSync(request, etherRequest({ from, to: USDC.contract, data: transferData(ETH_CLIENT, 2_500_000_000n), nonce: 0n }));
    const signedDir = this.rig.path('coordinator/ui-eth-signed');
    await this.flows.openStation(page);
    await this.openProcedure(page, 'restitution');
    await this.flows.attestOfficerAndWitnesses(page);
    await page.getByLabel('Client wallet to return from').selectOption(REPLACEMENT);
    await page.getByTestId('request-reference').fill('RET-UI-ETH-0001');
    await page.getByTestId('destination-address').fill(ETH_CLIENT);
    await page.getByTestId('destination-amount').fill('2500');
    await page.getByTestId('destination-network').selectOption('mainnet');
    await expect(page.getByTestId('destination-asset').locator('option')).toHaveText(['ETH (ether)', `USDC — ${USDC.contract}`]);
    await page.getByTestId('destination-asset').selectOption('USDC');
    await expect(page.getByTestId('start-missing')).toContainText('the transfer request file');
    await this.dialog.next('eth-request-file', request);
    await page.getByRole('button', { name: 'Choose the request file' }).click();
    await expect(page.getByText('Request file: ui-eth-request.json')).toBeVisible();
    await this.dialog.next('folder', signedDir);
    await page.getByRole('button', { name: 'Choose folder' }).click();
    await this.flows.attest(page, 'attest-approver-1', 'keys/jules-moreau.key', 'jules');
    await this.flows.attest(page, 'attest-approver-2', 'keys/karin-berg.key', 'karin');
    for (const [i, h] of [NEW_HOLDERS[1], NEW_HOLDERS[2]].entries()) {
      const box = page.getByTestId(`share-${i + 1}`);
      await this.flows.attest(page, `attest-holder-${i + 1}`, h.key, h.label);
      await box.getByLabel('Medium').selectOption('file');
      const file = shareFilesIn(this.rig.path(h.folder)).find((f) => f.fingerprint === replacement.fingerprint)!;
      await this.dialog.next('share-file', file.file);
      await box.getByRole('button', { name: 'Choose share file' }).click();
      await expect(box.getByText(`Share file: ${path.basename(file.file)}`)).toBeVisible();
      this.flows.desk.shares.set(h.label, h.share);
      await page.getByTestId(`share-bag-${i + 1}`).fill(h.bag);
    }
    // The second holder's bag is found with its seal broken: the restitution opens its incident before it imports the request (restitution@3).
    await page.getByTestId('share-bag-state-2').selectOption('broken');
    await expect(page.getByTestId('share-2')).toContainText('the ceremony opens an incident, signed by the officer and the witnesses');
    await expect(page.getByTestId('start-missing')).toHaveCount(0);
    await page.screenshot({ path: screenshotPath('ceremony-restitution-ether-form.png'), fullPage: true });
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    const outcome = page.getByTestId('ceremony-outcome');
    await expect(outcome).toHaveAttribute('data-state', /^(closed|failed|aborted)$/u, { timeout: 120_000 });
    await expect(outcome).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('fact-asset')).toHaveText('USDC');
    await expect(page.getByTestId('fact-amount')).toHaveText('2500000000');
    await expect(page.getByTestId('entry-import-eth-request')).toHaveCount(1);
    await expect(page.getByTestId('entry-sign-eth')).toHaveCount(1);
    await expect(page.getByTestId('entry-seal-incident')).toHaveCount(1);
    await expect(page.getByTestId('fact-incidents')).toHaveText(/^SEAL-restitution-\d+-\d$/u);
    const hash = (await page.getByTestId('fact-txid').textContent())!;
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/u);
    const signed = readSigned(fs.readFileSync(path.join(signedDir, `custos-${REPLACEMENT}-${hash.slice(2)}.ethtx`), 'utf8').trim());
    expect(signed).toMatchObject({ type: 2, chainId: 1n, from, to: USDC.contract, value: 0n, nonce: 0n, hash });
    expect(signed.call).toEqual({ name: 'transfer', to: ETH_CLIENT, amount: 2_500_000_000n });
    // QR out: the signature as one EIP-4527 eth-signature frame for the coordinator's wallet.
    await page.getByRole('button', { name: 'Show the signature as a QR code for the coordinator’s wallet' }).click();
    await expect(page.getByTestId('animated-qr')).toHaveAttribute('data-parts', '1');
    await expect(page.getByRole('img', { name: 'Signature of the Ethereum transfer (EIP-4527 eth-signature)' })).toBeVisible();
    expect(await this.verify()).toEqual([]);
    const p = await this.rig.replay();
    expect(p.ceremonies.at(-1)).toMatchObject({ procedureId: 'restitution@3', state: 'closed' });
    expect(p.incidents.find((i: Json) => i.id.startsWith('SEAL-restitution-'))).toMatchObject({
      origin: 'restitution',
      wallets: [REPLACEMENT],
      status: 'open',
    });
    expect(walletOf(p, REPLACEMENT).transfers.at(-1)).toMatchObject({ kind: 'restitution', chain: 'ethereum', asset: `erc20:1:${USDC.contract}`, txid: hash });
  }

  /**
   * The USDC restitution confirmed on chain by clicks, in French: the Ethereum form asks the fee the
   * transfer paid (at most its approved maximum), and that fee comes out of the wallet's ether.
   */
  async confirmEthereumInFrench(page: Page): Promise<void> {
    const before = walletOf(await this.rig.replay(), REPLACEMENT);
    const transfer = before.transfers.find((t: Json) => t.chain === 'ethereum' && t.state === 'signed');
    const fee = BigInt(transfer.fee) / 3n;
    const etherBefore = BigInt(before.holdings[transfer.feeAsset]?.recorded ?? '0');
    await this.flows.openStation(page);
    await this.openProcedure(page, 'confirm-transfer');
    await this.flows.attest(page, 'attest-officer', 'keys/alice-martin.key', 'alice');
    await this.flows.attest(page, 'attest-witness-1', 'keys/bob-okafor.key', 'bob');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByLabel('Transfert constaté sur la chaîne').selectOption(`${REPLACEMENT}/${transfer.txid}`);
    await page.getByLabel('Hauteur de bloc').fill('21400000');
    await page.getByLabel('Confirmations', { exact: true }).fill('12');
    await expect(page.getByTestId('fee-paid')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Ouvrir la cérémonie' })).toBeDisabled();
    await page.getByTestId('fee-paid').fill(fee.toString());
    await this.flows.expectNoEnglish(page, 'confirmation d’un transfert Ethereum');
    await page.getByRole('button', { name: 'Ouvrir la cérémonie' }).click();
    const outcome = page.getByTestId('ceremony-outcome');
    await expect(outcome).toHaveAttribute('data-state', /^(closed|failed|aborted)$/u, { timeout: 60_000 });
    await expect(outcome).toHaveAttribute('data-state', 'closed');
    await this.flows.expectNoEnglish(page, 'transfert Ethereum confirmé');
    expect(await this.verify()).toEqual([]);
    const after = walletOf(await this.rig.replay(), REPLACEMENT);
    expect(after.transfers.find((t: Json) => t.txid === transfer.txid)).toMatchObject({ state: 'confirmed', blockHeight: 21_400_000, fee: fee.toString() });
    expect(BigInt(after.holdings[transfer.feeAsset].recorded)).toBe(etherBefore - fee);
  }

  /** Fills the change-holder form: Gita's file share of the replacement (overwritten on her medium) to Emil. */
  private async fillChangeHolder(page: Page, gitaFile: string): Promise<void> {
    await this.openProcedure(page, 'change-holder');
    await expect(page.getByTestId('change-holder-form')).toBeVisible();
    await this.flows.attestOfficerAndWitnesses(page);
    await page.getByLabel('Wallet (active)').selectOption(REPLACEMENT);
    await expect(page.getByTestId('wallet-shares')).toContainText('Share 2: held by Gita Rao, bag TB-2026-000302');
    await page.getByTestId('change-reason').fill(CHANGE_REASON);
    const outgoing = page.getByTestId('outgoing');
    await this.flows.attest(page, 'attest-outgoing', 'keys/gita-rao.key', 'gita');
    await this.dialog.next('share-file', gitaFile);
    await outgoing.getByRole('button', { name: 'Choose share file' }).click();
    await page.getByTestId('outgoing-bag').fill('TB-2026-000302');
    await outgoing.getByRole('button', { name: 'Add a file to overwrite' }).click();
    await this.dialog.next('share-file', gitaFile);
    await page.getByTestId('previous-files').getByRole('button', { name: 'Choose share file' }).click();
    await expect(page.getByTestId('previous-files')).toContainText(`To overwrite: ${path.basename(gitaFile)}`);

    const incoming = page.getByTestId('incoming');
    await this.flows.attest(page, 'attest-incoming', 'keys/emil-novak.key', 'emil');
    const start = page.getByRole('button', { name: 'Start the ceremony' });
    await this.dialog.next('folder', this.rig.path('media/emil-2'));
    await incoming.getByRole('button', { name: 'Choose folder' }).click();
    await page.getByTestId('incoming-bag').fill('TB-2026-000304');
    await expect(start).toBeDisabled();
    await page.getByTestId('confirm-received').check();
    await expect(start).toBeEnabled();
  }

  /** change-holder by clicks on the replacement: a wrong share passphrase is asked again of its holder with nothing recorded; then Gita's file share passes to Emil. */
  async changeHolder(page: Page): Promise<void> {
    const p0 = await this.rig.replay();
    const replacement = walletOf(p0, REPLACEMENT);
    expect(replacement.state).toBe('active');
    const gitaFile = path.join(this.rig.path('media/gita-2'), replacement.shares[1].fileName);
    expect(fs.existsSync(gitaFile)).toBe(true);

    // Gita mistypes her share's passphrase when the ceremony reaches her: asked again, by name, her
    // field marked, nothing recorded yet and her file untouched.
    const journal = this.rig.journalBytes();
    await this.flows.openStation(page);
    await this.fillChangeHolder(page, gitaFile);
    await page.screenshot({ path: screenshotPath('ceremony-change-holder-form.png'), fullPage: true });
    await this.flows.desk.away(page);
    await page.getByRole('button', { name: 'Start the ceremony' }).click();
    const asked = page.getByTestId('passphrase-prompt');
    await expect(asked).toHaveAttribute('data-purpose', 'station', { timeout: 60_000 });
    await asked.getByTestId('passphrase-field').fill(this.flows.passphrase('station'));
    await asked.getByRole('button', { name: 'Continue' }).click();
    await expect(asked).toHaveAttribute('data-purpose', 'share', { timeout: 60_000 });
    await expect(asked.getByRole('heading')).toHaveText('The share Gita Rao presents');
    await asked.getByTestId('passphrase-field').fill('not Gita’s share passphrase at all');
    await asked.getByRole('button', { name: 'Continue' }).click();
    await expect(asked.getByTestId('passphrase-refused')).toHaveText('The passphrase typed for Gita Rao did not open it. Try again (attempt 2 of 5).', {
      timeout: 60_000,
    });
    await expect(asked).toHaveAttribute('data-field', 'share.sharePassphrase');
    await expect(asked.getByTestId('passphrase-field')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('entry-open')).toHaveCount(0);
    expect(this.rig.journalBytes()).toEqual(journal);
    expect(fs.existsSync(gitaFile)).toBe(true);
    await asked.getByTestId('passphrase-field').fill(this.flows.passphrase('gita-share-2'));
    await asked.getByRole('button', { name: 'Continue' }).click();
    // Emil chooses the new share's passphrase: too short, then typed differently, are said before it is sent.
    await expect(asked).toHaveAttribute('data-purpose', 'new-share', { timeout: 60_000 });
    await expect(asked.getByRole('heading')).toHaveText('A new share for Emil Novak');
    const proceed = asked.getByRole('button', { name: 'Continue' });
    await asked.getByTestId('passphrase-field').fill('too short');
    await expect(asked.getByText('At least 12 characters.')).toBeVisible();
    await expect(proceed).toBeDisabled();
    await asked.getByTestId('passphrase-field').fill(this.flows.passphrase('emil-share-2'));
    await asked.getByTestId('passphrase-again').fill(`${this.flows.passphrase('emil-share-2')}!`);
    await expect(asked.getByText('The two passphrases differ.')).toBeVisible();
    await expect(proceed).toBeDisabled();
    await asked.getByTestId('passphrase-again').fill(this.flows.passphrase('emil-share-2'));
    await proceed.click();
    await this.flows.desk.seat(page);
    const outcome = page.getByTestId('ceremony-outcome');
    await expect(outcome).toHaveAttribute('data-state', /^(closed|failed|aborted)$/u, { timeout: 120_000 });
    await expect(outcome).toHaveAttribute('data-state', 'closed');
    await expect(page.getByTestId('fact-share')).toHaveText('2');
    await expect(page.getByTestId('fact-from')).toHaveText('Gita Rao');
    await expect(page.getByTestId('fact-to')).toHaveText('Emil Novak');
    await expect(page.getByTestId('entry-present-share')).toHaveCount(1);
    await expect(page.getByTestId('entry-hand-over')).toHaveCount(1);

    expect(await this.verify()).toEqual([]);
    const p = await this.rig.replay();
    expect(p.ceremonies.at(-1)).toMatchObject({ procedureId: 'change-holder@2', state: 'closed' });
    const after = walletOf(p, REPLACEMENT);
    expect(after.state).toBe('active');
    expect(after.shares.map((s: Json) => [s.index, s.state, s.media.join(), s.bagSerial, s.holder])).toEqual([
      [1, 'held', 'paper', 'TB-2026-000301', keyidOf(p, 'Dora Lindqvist')],
      [2, 'held', 'file', 'TB-2026-000304', keyidOf(p, 'Emil Novak')],
      [3, 'held', 'file', 'TB-2026-000303', keyidOf(p, 'Hana Sato')],
    ]);
    // Gita's file was overwritten and removed; Emil's medium holds share 2, sealed to his passphrase.
    expect(fs.existsSync(gitaFile)).toBe(false);
    expect(shareFilesIn(this.rig.path('media/emil-2')).map((f) => [f.fingerprint, f.index])).toEqual([[after.fingerprint, 2]]);
  }

  /** in French, the rotation's two sittings, its abort and the change-holder form show no English text. */
  async frenchShowsNoEnglish(page: Page): Promise<void> {
    const waiting = this.clones.get('rotation-waiting-fr');
    expect(waiting, 'the first sitting ran first').toBeDefined();
    await this.load(page);
    await page.getByRole('button', { name: 'Français' }).click();
    const open = async (dir: string) => {
      await this.dialog.next('data-dir', dir);
      await page.getByRole('banner').getByRole('button', { name: 'Ouvrir un répertoire de données' }).click();
      await expect(page.getByTestId('data-dir-name')).toHaveText(path.basename(dir));
      await page.getByRole('navigation').getByRole('button', { name: 'Cérémonies' }).click();
    };
    const procedure = async (id: string) => {
      await page.getByTestId(`procedure-${id}`).getByRole('button', { name: 'Conduire sur cet écran' }).click();
      await expect(page.getByTestId('ceremony-runner')).toHaveAttribute('data-procedure', id);
    };

    await open(waiting!);
    await procedure('compromise-rotation');
    await expect(page.getByTestId('rotation-waiting-wallets')).toHaveText(`Elle remplace le portefeuille compromis ${OLD_WALLET} par ${REPLACEMENT}.`);
    await this.flows.expectNoEnglish(page, 'seconde séance');
    await page.screenshot({ path: screenshotPath('ceremony-rotation-waiting-fr.png'), fullPage: true });
    await page.getByLabel('Interrompre la rotation en attente').check();
    await this.flows.expectNoEnglish(page, 'interruption');
    await page.getByRole('button', { name: 'Retour aux procédures' }).click();

    await open(this.rig.station);
    await procedure('compromise-rotation');
    await expect(page.getByTestId('rotation-first-sitting')).toBeVisible();
    await page.getByLabel('Portefeuille à remplacer').selectOption(REPLACEMENT);
    // The replacement's one open incident is the seal found broken at the restitution: the form offers it, and nothing else.
    await expect(page.getByTestId('no-incident')).toHaveCount(0);
    await expect(page.getByTestId('rotation-first-sitting').locator('option', { hasText: /^SEAL-restitution-\d+-\d — /u })).toHaveCount(1);
    await expect(page.getByTestId('replacement-inherited')).toBeVisible();
    await this.flows.expectNoEnglish(page, 'première séance');
    await page.getByRole('button', { name: 'Retour aux procédures' }).click();
    await procedure('change-holder');
    await page.getByLabel('Portefeuille (actif)').selectOption(REPLACEMENT);
    await expect(page.getByTestId('wallet-shares')).toContainText('Part 2 : détenue par Emil Novak, sachet TB-2026-000304');
    await page.getByTestId('outgoing').getByRole('button', { name: 'Ajouter un fichier à écraser' }).click();
    await this.flows.expectNoEnglish(page, 'changement de détenteur');
    await page.screenshot({ path: screenshotPath('ceremony-change-holder-fr.png'), fullPage: true });
  }
}
