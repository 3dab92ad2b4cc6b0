/**
 * E2E of QR in (issue 18, point 4; ADR 0029) in Debian Chromium on the BUILT renderer, window.custos
 * bound to the real router: the station's camera is Chromium's fake video capture playing a Y4M file
 * of animated QR frames (tests/support/qr-video.ts). The frames are made by an implementation
 * independent of the station's decoder: a PSBT built by bitcoinjs-lib, as `crypto-psbt` parts from
 * @ngraveio/bc-ur's fountain encoder (pure and mixed parts), and an EIP-4527 `eth-sign-request` around
 * an unsigned EIP-1559 transaction serialised by ethers. Only the camera is granted to the page (no
 * microphone): a screen that asked for audio too would fail. Each test launches its own Chromium,
 * whose camera plays that test's video.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UR, UREncoder } from '@ngraveio/bc-ur';
import { HDKey } from '@scure/bip32';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { Transaction, getAddress } from 'ethers';
import { cborArray, cborBoolean, cborBytes, cborMap, cborTag, cborText, cborUnsigned } from '../../common/bc-ur/cbor.ts';
import { buildPsbt } from '../support/psbt-builder.ts';
import { writeQrVideo } from '../support/qr-video.ts';
import { bindCustosApi } from './custos-binding.ts';
import { PageGuard } from './page-guard.ts';
import { stationSuite } from './station-suite.ts';
import playwrightConfig from './playwright.config.ts';

test.setTimeout(120_000);

const suite = stationSuite({ prefix: 'custos-e2e-qr-in-', examples: ['station-setup', 'enrol-participant'] });

/** A wallet of no one's (BIP32 from a fixed seed): the PSBT is read and shown, not signed, in these tests. */
const ACCOUNT = HDKey.fromMasterSeed(new Uint8Array(32).fill(7)).derive("m/84'/0'/0'");
const FINGERPRINT = HDKey.fromMasterSeed(new Uint8Array(32).fill(7)).fingerprint.toString(16).padStart(8, '0');
const DESTINATION = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
const CLIENT_ETH = getAddress('0x8ba1f109551bd432803012645ac136ddd64dba72');
const SENDER_ETH = getAddress('0x9858effd232b4033e47d90003d41ec34ecaeda94');

const CAMERA_ARGS = ['--use-fake-device-for-media-stream'];

/** The parts of `cbor` as an animated UR from @ngraveio/bc-ur: every pure part, then as many mixed ones, upper case. */
function independentFrames(type: string, cbor: Uint8Array, maxFragmentLength: number): string[] {
  const encoder = new UREncoder(new UR(Buffer.from(cbor), type), maxFragmentLength, 0, 10);
  const count = encoder.fragmentsLength * 2;
  return Array.from({ length: count }, () => encoder.nextPart().toUpperCase());
}

/** A Chromium whose camera plays `video`, a page in it bound to the suite's app, guarded; the station opened on Ceremonies. */
async function stationWithCamera(video: string): Promise<{ browser: Browser; page: Page; guard: PageGuard }> {
  const base = playwrightConfig.use?.launchOptions?.args ?? [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...base, ...CAMERA_ARGS, `--use-file-for-fake-video-capture=${video}`] });
  const { server, app, rig } = suite();
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.grantPermissions(['camera'], { origin: server.origin });
  const page = await context.newPage();
  const guard = new PageGuard();
  guard.watch(page);
  await bindCustosApi(page, app.api);
  await page.goto(`${server.origin}/`);
  app.dialog.next('data-dir', rig.station);
  await page.getByRole('banner').getByRole('button', { name: 'Open a data directory' }).click();
  await expect(page.getByTestId('data-dir-name')).toHaveText('station');
  await page.getByRole('navigation').getByRole('button', { name: 'Ceremonies' }).click();
  await page.getByTestId('procedure-restitution').getByRole('button', { name: 'Run on this screen' }).click();
  return { browser, page, guard };
}

test('a PSBT built by bitcoinjs-lib, shown as an animated crypto-psbt by another encoder, is read by the camera: its outputs in plain words, the file byte for byte', async () => {
  const psbt = buildPsbt({
    xpub: ACCOUNT.publicExtendedKey,
    fingerprint: FINGERPRINT,
    network: 'bitcoin',
    inputs: [
      [0, 0, 60_000_000n],
      [0, 1, 50_000_000n],
      [1, 3, 25_000_000n],
    ],
    payments: [{ address: DESTINATION, amount: 75_000_000n }],
    change: [1, 4, 59_990_000n],
    withPreviousTx: true,
  });
  const frames = independentFrames('crypto-psbt', cborBytes(psbt), 120);
  expect(frames.length).toBeGreaterThan(4);
  const video = test.info().outputPath('psbt.y4m');
  writeQrVideo(video, frames);
  const { browser, page, guard } = await stationWithCamera(video);
  try {
    await page.getByRole('button', { name: 'Scan the PSBT from the coordinator’s screen' }).click();
    await expect(page.getByTestId('qr-scan-video')).toBeVisible();
    await expect(page.getByTestId('qr-scan-done')).toContainText('Read in full', { timeout: 60_000 });
    await expect(page.getByTestId('qr-scan-video')).toHaveCount(0);
    await expect(page.getByTestId('psbt-output')).toHaveText([`0.75000000 BTC to ${DESTINATION}`, /^0\.59990000 BTC to bc1q[a-z0-9]+$/u]);
    await expect(page.getByTestId('psbt-preview')).toContainText('Network fee: 0.00010000 BTC');
    const { scanDir } = suite().app;
    const written = fs.readdirSync(scanDir).filter((f) => f.endsWith('.psbt'));
    expect(written).toHaveLength(1);
    expect(Buffer.from(fs.readFileSync(path.join(scanDir, written[0]!))).equals(Buffer.from(psbt))).toBe(true);
    // The camera is closed once the code is read: no track of the page is still live.
    await expect(page.locator('video')).toHaveCount(0);
    guard.expectClean(suite().server.origin);
  } finally {
    await browser.close();
  }
});

/** An EIP-4527 eth-sign-request (CBOR) for an unsigned EIP-1559 transaction serialised by ethers. */
function ethSignRequest(unsigned: string, chainId: number, index: number, address: string): Uint8Array {
  const keypath = cborMap([
    [
      1,
      cborArray([
        cborUnsigned(44),
        cborBoolean(true),
        cborUnsigned(60),
        cborBoolean(true),
        cborUnsigned(0),
        cborBoolean(true),
        cborUnsigned(0),
        cborBoolean(false),
        cborUnsigned(index),
        cborBoolean(false),
      ]),
    ],
    [2, cborUnsigned(0x12345678)],
  ]);
  return cborMap([
    [1, cborTag(37, cborBytes(Uint8Array.from({ length: 16 }, (_, i) => i + 1)))],
    [2, cborBytes(Buffer.from(unsigned.slice(2), 'hex'))],
    [3, cborUnsigned(4)],
    [4, cborUnsigned(chainId)],
    [5, cborTag(304, keypath)],
    [6, cborBytes(Buffer.from(address.slice(2), 'hex'))],
    [7, cborText('e2e coordinator')],
  ]);
}

test('an Ethereum request shown as an EIP-4527 eth-sign-request is read by the camera on the restitution’s Ethereum leg, in French: the request file written field for field', async () => {
  const tx = Transaction.from({
    type: 2,
    chainId: 1,
    nonce: 7,
    to: CLIENT_ETH,
    value: 1_500_000_000_000_000_000n,
    data: '0x',
    gasLimit: 21_000,
    maxFeePerGas: 30_000_000_000n,
    maxPriorityFeePerGas: 1_000_000_000n,
  });
  const frames = independentFrames('eth-sign-request', ethSignRequest(tx.unsignedSerialized, 1, 0, SENDER_ETH), 60);
  const video = test.info().outputPath('eth.y4m');
  writeQrVideo(video, frames);
  const { browser, page, guard } = await stationWithCamera(video);
  try {
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByTestId('destination-network').selectOption('mainnet');
    await page.getByRole('button', { name: 'Scanner la demande sur l’écran du coordinateur' }).click();
    await expect(page.getByTestId('qr-scan-done')).toContainText('Lu en entier', { timeout: 60_000 });
    const { scanDir } = suite().app;
    const written = fs.readdirSync(scanDir).filter((f) => f.endsWith('.eth-request.json'));
    expect(written).toHaveLength(1);
    await expect(page.getByText(`Fichier de demande : ${written[0]!}`)).toBeVisible();
    expect(JSON.parse(fs.readFileSync(path.join(scanDir, written[0]!), 'utf8'))).toEqual({
      format: 'custos-eth-request/1',
      chainId: '1',
      from: SENDER_ETH,
      path: "m/44'/60'/0'/0/0",
      nonce: '7',
      to: CLIENT_ETH,
      value: '1500000000000000000',
      data: '0x',
      gasLimit: '21000',
      maxFeePerGas: '30000000000',
      maxPriorityFeePerGas: '1000000000',
    });
    guard.expectClean(suite().server.origin);
  } finally {
    await browser.close();
  }
});

test('a QR code of another kind (an Ethereum request where a PSBT is expected) is refused with QR_WRONG_KIND and nothing is written', async () => {
  const tx = Transaction.from({ type: 2, chainId: 1, nonce: 1, to: CLIENT_ETH, value: 1n, gasLimit: 21_000, maxFeePerGas: 2n, maxPriorityFeePerGas: 1n });
  const video = test.info().outputPath('wrong-kind.y4m');
  writeQrVideo(video, independentFrames('eth-sign-request', ethSignRequest(tx.unsignedSerialized, 1, 0, SENDER_ETH), 400));
  const { scanDir } = suite().app;
  const before = fs.readdirSync(scanDir).sort();
  const { browser, page, guard } = await stationWithCamera(video);
  try {
    await page.getByRole('button', { name: 'Scan the PSBT from the coordinator’s screen' }).click();
    await expect(page.getByTestId('error-notice')).toHaveAttribute('data-code', 'QR_WRONG_KIND', { timeout: 60_000 });
    await expect(page.getByTestId('qr-scan-video')).toHaveCount(0);
    expect(fs.readdirSync(scanDir).sort()).toEqual(before);
    await expect(page.getByTestId('psbt-preview')).toHaveCount(0);
    guard.expectClean(suite().server.origin);
  } finally {
    await browser.close();
  }
});
