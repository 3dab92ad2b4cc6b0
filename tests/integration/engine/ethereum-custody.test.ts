/**
 * Issue 18, "Done when": the custody scenario of a client wallet holding BTC, ETH and one ERC-20 token,
 * through the real `custos` CLI: the token list adopted; the wallet made on regtest and Ethereum,
 * with its watch-only export written at creation (its Ethereum addresses derived again by ethers);
 * its deposits declared and reconciled (clean); a restitution of each asset (a PSBT, an Ether
 * transfer, a USDC transfer), each confirmed, the Ethereum ones with the fee they paid
 * (confirm-transfer@2); then a compromise rotation whose sweep moves all three to the replacement
 * (a PSBT and two transfer requests), refused first while it would leave the tokens behind
 * (SWEEP_INCOMPLETE, nothing recorded); each transfer of the sweep confirmed, the old wallet retired
 * with the last; a final reconciliation clean; `custos verify` passes. Every signed Ethereum
 * transaction is read back with ethers (tests/support/eth-request.ts) and compared with what was
 * approved; the PSBTs are built and checked with bitcoinjs-lib.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { HDNodeWallet } from 'ethers';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EngineRig, shareFilesIn, witnessMedia, type AnswersJson, type CliResult } from '../../support/engine-rig.ts';
import { etherRequest, readSigned, transferData } from '../../support/eth-request.ts';
import { lastCeremonyEntries } from '../../support/journal-entries.ts';
import { accountKey, addressAt, buildPsbt, foreignAddress, validateSigned } from '../../support/psbt-builder.ts';

let rig: EngineRig;

const OLD = 'client-multi-1';
const NEW = 'client-multi-2';
const INCIDENT = 'INC-2026-0180';
const USDC = { chainId: '1', contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', decimals: 6 };
const USDC_ASSET = `erc20:1:${USDC.contract}`;
/** The client's own addresses, where restitutions pay. */
const BTC_CLIENT = foreignAddress('regtest', 11);
const ETH_CLIENT = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
const GWEI = 1_000_000_000n;
const ETHER = 10n ** 18n;

const LABELS: Record<string, string> = {
  alice: 'alice-martin',
  bob: 'bob-okafor',
  chloe: 'chloe-dubois',
  dora: 'dora-lindqvist',
  emil: 'emil-novak',
  gita: 'gita-rao',
  jules: 'jules-moreau',
  karin: 'karin-berg',
};
const participants = (...labels: string[]): AnswersJson =>
  Object.fromEntries(labels.map((l) => [l, { keyFile: `keys/${LABELS[l]}.key`, passphraseFile: `passphrases/${l}.txt` }]));

function write(name: string, data: AnswersJson): string {
  fs.writeFileSync(
    rig.path(`${name}.json`),
    `${JSON.stringify({ station: { passphraseFile: 'passphrases/station.txt' }, witnessCheckpoints: witnessMedia(data), ...data }, null, 2)}\n`,
  );
  return name;
}

async function run(procedure: string, answers: string): Promise<CliResult> {
  const r = await rig.run(procedure, answers);
  if (r.status !== 0) throw new Error(`${procedure} (${answers}) failed (${r.status}): ${r.stderr}`);
  return r;
}

const walletOf = async (id: string): Promise<AnswersJson> => (await rig.replay()).wallets.find((w: AnswersJson) => w.id === id);
const accountOf = (w: AnswersJson, chain: string): AnswersJson => w.accounts.find((a: AnswersJson) => a.chain === chain);
const recorded = (w: AnswersJson) => Object.fromEntries(Object.entries(w.holdings).map(([asset, h]) => [asset, (h as AnswersJson).recorded]));

/** Wei (or a token's base units) as decimal text of the whole unit, as a balances file writes it. */
function units(base: bigint, decimals: number): string {
  const unit = 10n ** BigInt(decimals);
  const fraction = (base % unit).toString().padStart(decimals, '0').replace(/0+$/u, '');
  return `${base / unit}${fraction ? `.${fraction}` : ''}`;
}

const holder = (label: string, folder: string, serial: string) => ({
  name: label,
  media: ['file'],
  sharePassphraseFile: `passphrases/${label}-share.txt`,
  outputDir: `media/${label}/${folder}`,
  bagSerial: serial,
});

function presented(label: string, folder: string, serial: string) {
  const files = shareFilesIn(rig.path(`media/${label}/${folder}`));
  expect(files, `${label}/${folder}`).toHaveLength(1);
  return {
    holder: label,
    file: path.relative(rig.root, files[0]!.file),
    sharePassphraseFile: `passphrases/${label}-share.txt`,
    bag: { state: 'intact', serial },
  };
}
const oldShares = () => [presented('dora', 'old', 'TB-M-1'), presented('emil', 'old', 'TB-M-2')];

/** A restitution from the old wallet: approved by Jules and Karin, Dora's and Emil's shares. */
function restitution(name: string, destination: AnswersJson, file: { psbtFile: string } | { requestFile: string }): string {
  return write(name, {
    participants: participants('alice', 'bob', 'chloe', 'jules', 'karin', 'dora', 'emil'),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    approvers: ['jules', 'karin'],
    wallet: OLD,
    request: { reference: name.toUpperCase(), reason: 'The client takes part of its assets back' },
    destination,
    ...file,
    outputDir: 'coordinator/signed',
    shares: oldShares(),
  });
}

/** Confirms a transfer of `wallet` by its txid (an Ethereum one with the fee it paid). */
async function confirm(name: string, wallet: string, txid: string, feePaid?: bigint): Promise<void> {
  await run(
    'confirm-transfer',
    write(name, {
      participants: participants('alice', 'bob'),
      officer: 'alice',
      witness: 'bob',
      wallet,
      txid,
      blockHeight: 900,
      confirmations: 12,
      ...(feePaid === undefined ? {} : { feePaid: feePaid.toString() }),
    }),
  );
}

/** A reconciliation of the balances in `rows` (address, amount, asset): returns what it printed. */
async function reconcile(name: string, rows: [string, string, string][], credits: AnswersJson[] = []): Promise<string> {
  fs.writeFileSync(rig.path(`coordinator/${name}.csv`), `address,amount,asset\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const r = await run(
    'reconciliation',
    write(name, {
      participants: participants('alice', 'bob'),
      officer: 'alice',
      witness: 'bob',
      balances: { file: `coordinator/${name}.csv`, asOf: '2026-12-20' },
      ...(credits.length ? { credits } : {}),
    }),
  );
  return r.stdout;
}

beforeAll(async () => {
  rig = await EngineRig.create('custos-eth-custody-');
  for (const label of ['dora', 'emil', 'gita'])
    fs.writeFileSync(rig.path(`passphrases/${label}-share.txt`), `${label}: share passphrase of the Ethereum custody\n`);
  fs.mkdirSync(rig.path('coordinator/signed'), { recursive: true });
  await rig.runExamples(['station-setup', 'token-list']);
}, 180_000);
afterAll(() => rig?.dispose());

describe('a client wallet holding BTC, ETH and USDC, by the CLI', () => {
  test('the wallet is made on regtest and Ethereum; its deposits are declared and reconciled, clean', async () => {
    await run(
      'create-wallet',
      write('m-create', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        confirm: { holdersReceivedShares: true },
        wallet: { id: OLD, class: 'client', clientRef: 'CL-2026-0180', label: 'Multi-asset cold storage' },
        chains: ['regtest', 'ethereum'],
        threshold: 2,
        holders: [holder('dora', 'old', 'TB-M-1'), holder('emil', 'old', 'TB-M-2')],
        watchOnlyFile: `coordinator/${OLD}.watch-only.json`,
      }),
    );
    const w = await walletOf(OLD);
    // At creation, the watch-only export for the coordinator (create-wallet@2), recorded by its hash.
    const bytes = fs.readFileSync(rig.path(`coordinator/${OLD}.watch-only.json`));
    const exported = JSON.parse(bytes.toString('utf8'));
    expect(exported).toMatchObject({ format: 'custos-watch-only/1', wallet: OLD, fingerprint: w.fingerprint });
    expect(exported.accounts.map((a: AnswersJson) => [a.chain, a.xpub])).toEqual(w.accounts.map((a: AnswersJson) => [a.chain, a.xpub]));
    expect(exported.cryptoAccount).toMatch(/^UR:CRYPTO-ACCOUNT\//u);
    const ethAccount = HDNodeWallet.fromExtendedKey(accountOf(w, 'ethereum').xpub);
    expect(exported.accounts[1].addresses).toEqual(Array.from({ length: 20 }, (_, i) => ethAccount.deriveChild(0).deriveChild(i).address));
    const step = lastCeremonyEntries(rig.station, 'create-wallet').find((e) => e.step === 'export-watch-only')!;
    expect(step).toMatchObject({
      procedureId: 'create-wallet@2',
      body: { fileName: `${OLD}.watch-only.json`, sha256: createHash('sha256').update(bytes).digest('hex'), fingerprint: w.fingerprint },
    });
    const printed = await reconcile(
      'm-deposits',
      [
        [accountOf(w, 'regtest').addresses[0], '1', ''],
        [accountOf(w, 'ethereum').addresses[0], '5', ''],
        [accountOf(w, 'ethereum').addresses[0], '10000', 'USDC'],
      ],
      [
        { wallet: OLD, chain: 'regtest', amount: '1', reference: 'DEP-1' },
        { wallet: OLD, chain: 'ethereum', amount: '5', reference: 'DEP-2' },
        { wallet: OLD, chain: 'ethereum', asset: 'USDC', amount: '10000', reference: 'DEP-3' },
      ],
    );
    expect(printed).toMatch(/^ {2}discrepancies: 0$/mu);
    expect(recorded(await walletOf(OLD))).toEqual({ regtest: '100000000', ethereum: (5n * ETHER).toString(), [USDC_ASSET]: '10000000000' });
  }, 240_000);

  test('a restitution of each asset — BTC by PSBT, ETH and USDC by transfer requests — each signed and confirmed', async () => {
    const w = await walletOf(OLD);
    const from = accountOf(w, 'ethereum').addresses[0];
    // Bitcoin: 0.1 BTC to the client, the rest back as change.
    const psbt = buildPsbt({
      xpub: accountOf(w, 'regtest').xpub,
      fingerprint: w.fingerprint,
      network: 'regtest',
      inputs: [[0, 0, 100_000_000n]],
      payments: [{ address: BTC_CLIENT, amount: 10_000_000n }],
      change: [1, 0, 89_990_000n],
    });
    fs.writeFileSync(rig.path('coordinator/m-btc.psbt'), psbt);
    await run('restitution', restitution('m-ret-btc', { address: BTC_CLIENT, amount: '0.1', network: 'regtest' }, { psbtFile: 'coordinator/m-btc.psbt' }));
    // Ether: 0.5 ETH, nonce 0.
    fs.writeFileSync(rig.path('coordinator/m-eth.json'), etherRequest({ from, to: ETH_CLIENT, value: ETHER / 2n, nonce: 0n }));
    await run(
      'restitution',
      restitution('m-ret-eth', { address: ETH_CLIENT, amount: '0.5', network: 'mainnet', asset: 'ETH' }, { requestFile: 'coordinator/m-eth.json' }),
    );
    // USDC: 1,000, nonce 1.
    fs.writeFileSync(rig.path('coordinator/m-usdc.json'), etherRequest({ from, to: USDC.contract, data: transferData(ETH_CLIENT, 1_000_000_000n), nonce: 1n }));
    await run(
      'restitution',
      restitution('m-ret-usdc', { address: ETH_CLIENT, amount: '1000', network: 'mainnet', asset: 'USDC' }, { requestFile: 'coordinator/m-usdc.json' }),
    );

    const [btc, eth, usdc] = (await walletOf(OLD)).transfers;
    expect([btc, eth, usdc].map((t: AnswersJson) => `${t.kind} ${t.asset} ${t.to} ${t.amount} ${t.state}`)).toEqual([
      `restitution regtest ${BTC_CLIENT} 10000000 signed`,
      `restitution ethereum ${ETH_CLIENT} ${ETHER / 2n} signed`,
      `restitution ${USDC_ASSET} ${ETH_CLIENT} 1000000000 signed`,
    ]);
    expect(validateSigned(psbt, fs.readFileSync(rig.path(`coordinator/signed/custos-${OLD}-${btc.txid}.txn`), 'utf8').trim(), 'regtest').txid).toBe(btc.txid);
    const signed = (t: AnswersJson) => readSigned(fs.readFileSync(rig.path(`coordinator/signed/custos-${OLD}-${t.txid.slice(2)}.ethtx`), 'utf8').trim());
    expect(signed(eth)).toMatchObject({ from, to: ETH_CLIENT, value: ETHER / 2n, nonce: 0n, chainId: 1n, call: null });
    expect(signed(usdc)).toMatchObject({ from, to: USDC.contract, value: 0n, nonce: 1n, call: { name: 'transfer', to: ETH_CLIENT, amount: 1_000_000_000n } });

    // Mined: the Ethereum ones paid less than their most (gas used × the price paid).
    await confirm('m-confirm-btc', OLD, btc.txid);
    await confirm('m-confirm-eth', OLD, eth.txid, 21_000n * 20n * GWEI);
    // A fee above what the transfer could cost is refused, and nothing is recorded.
    const before = rig.journalBytes();
    const tooMuch = await rig.run(
      'confirm-transfer',
      write('m-confirm-usdc-too-much', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        wallet: OLD,
        txid: usdc.txid,
        blockHeight: 900,
        confirmations: 12,
        feePaid: (65_000n * 31n * GWEI).toString(),
      }),
    );
    expect(tooMuch.status).toBe(1);
    expect(tooMuch.stderr).toMatch(/feePaid.*\[ANSWERS_INVALID\]/u);
    expect(rig.journalBytes()).toEqual(before);
    await confirm('m-confirm-usdc', OLD, usdc.txid, 50_000n * 20n * GWEI);

    expect(recorded(await walletOf(OLD))).toEqual({
      regtest: '89990000',
      ethereum: (5n * ETHER - ETHER / 2n - 21_000n * 20n * GWEI - 50_000n * 20n * GWEI).toString(),
      [USDC_ASSET]: '9000000000',
    });
  }, 300_000);

  test('a rotation sweeps all three to the replacement; a sweep leaving the tokens behind is refused first', async () => {
    await run(
      'incident',
      write('m-incident', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        incident: {
          id: INCIDENT,
          action: 'open',
          significant: true,
          wallets: [OLD],
          fields: {
            occurredAt: '2026-12-18',
            discoveredAt: '2026-12-18',
            nature: 'A share bag of the multi-asset wallet was found opened.',
            origin: 'internal inspection',
            toolsAndStaff: 'Safe C; Dora and Emil',
            impact: 'The wallet is possibly exposed',
            correctiveAction: 'Rotate the wallet and sweep every asset',
            targetDate: '2026-12-31',
          },
        },
      }),
    );
    await run(
      'compromise-rotation',
      write('m-rotation-1', {
        participants: participants('alice', 'bob', 'chloe', 'gita', 'dora'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        wallet: OLD,
        incident: INCIDENT,
        replacement: {
          wallet: { id: NEW, class: 'client', clientRef: 'CL-2026-0180', label: 'Multi-asset cold storage (rotated)' },
          chains: ['regtest', 'ethereum'],
          threshold: 2,
          holders: [holder('gita', 'new', 'TB-N-1'), holder('dora', 'new', 'TB-N-2')],
        },
        descriptorFile: `coordinator/${NEW}.descriptor.json`,
        confirm: { holdersReceivedShares: true },
      }),
    );
    const old = await walletOf(OLD);
    const replacement = await walletOf(NEW);
    const from = accountOf(old, 'ethereum').addresses[0];
    const to = accountOf(replacement, 'ethereum').addresses[0];
    // The coordinator's sweep: the change coin on Bitcoin; the USDC (nonce 2), then the ether less the most both transfers may cost (nonce 3).
    const psbt = buildPsbt({
      xpub: accountOf(old, 'regtest').xpub,
      fingerprint: old.fingerprint,
      network: 'regtest',
      inputs: [[1, 0, 89_990_000n]],
      payments: [{ address: addressAt(accountKey(accountOf(replacement, 'regtest').xpub, 'regtest'), 'regtest', 0, 0), amount: 89_980_000n }],
    });
    fs.writeFileSync(rig.path('coordinator/m-sweep.psbt'), psbt);
    const ether = BigInt(old.holdings.ethereum.recorded);
    const fees = 65_000n * 30n * GWEI + 21_000n * 30n * GWEI;
    fs.writeFileSync(rig.path('coordinator/m-sweep-usdc.json'), etherRequest({ from, to: USDC.contract, data: transferData(to, 9_000_000_000n), nonce: 2n }));
    fs.writeFileSync(rig.path('coordinator/m-sweep-eth.json'), etherRequest({ from, to, value: ether - fees, nonce: 3n }));
    // A sweep of the ether alone, as if the coordinator had forgotten the token.
    fs.writeFileSync(rig.path('coordinator/m-sweep-eth-alone.json'), etherRequest({ from, to, value: ether - 21_000n * 30n * GWEI, nonce: 2n }));
    const sweep = (name: string, requests: string[]) =>
      write(name, {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        shares: oldShares(),
        sweep: {
          psbtFile: 'coordinator/m-sweep.psbt',
          network: 'regtest',
          ethereum: { network: 'mainnet', requestFiles: requests },
          outputDir: 'coordinator/signed',
        },
      });

    // Refused before anything is recorded: a transfer paying someone else than the replacement, two
    // transfers with one nonce, and a sweep leaving the tokens in the compromised wallet.
    const before = rig.journalBytes();
    fs.writeFileSync(
      rig.path('coordinator/m-sweep-usdc-elsewhere.json'),
      etherRequest({ from, to: USDC.contract, data: transferData(ETH_CLIENT, 9_000_000_000n), nonce: 2n }),
    );
    fs.writeFileSync(rig.path('coordinator/m-sweep-eth-nonce-2.json'), etherRequest({ from, to, value: ether - fees, nonce: 2n }));
    for (const [name, requests, code] of [
      ['m-rotation-2-elsewhere', ['coordinator/m-sweep-usdc-elsewhere.json', 'coordinator/m-sweep-eth.json'], 'SWEEP_OUTPUT_FOREIGN'],
      ['m-rotation-2-one-nonce', ['coordinator/m-sweep-usdc.json', 'coordinator/m-sweep-eth-nonce-2.json'], 'NONCE_ALREADY_USED'],
    ] as const) {
      const r = await rig.run('compromise-rotation', sweep(name, [...requests]));
      expect(r.status, name).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`\\[${code}\\]\\n$`, 'u'));
      expect(rig.journalBytes()).toEqual(before);
    }
    const incomplete = await rig.run('compromise-rotation', sweep('m-rotation-2-incomplete', ['coordinator/m-sweep-eth-alone.json']));
    expect(incomplete.status).toBe(1);
    expect(incomplete.stderr).toMatch(/\[SWEEP_INCOMPLETE\]\n$/u);
    expect(incomplete.stderr).toContain(USDC_ASSET);
    expect(rig.journalBytes()).toEqual(before);
    expect(fs.readdirSync(rig.path('coordinator/signed')).filter((f) => f.startsWith(`custos-${OLD}`))).toHaveLength(4);

    const done = await run('compromise-rotation', sweep('m-rotation-2', ['coordinator/m-sweep-usdc.json', 'coordinator/m-sweep-eth.json']));
    expect(done.stdout).toMatch(/^ {2}ethTransfers: 2$/mu);
    const sweeps = (await walletOf(OLD)).transfers.filter((t: AnswersJson) => t.kind === 'sweep');
    expect(sweeps.map((t: AnswersJson) => `${t.asset} ${t.to} ${t.amount} ${t.state}`)).toEqual([
      `regtest ${NEW} 89980000 signed`,
      `${USDC_ASSET} ${NEW} 9000000000 signed`,
      `ethereum ${NEW} ${ether - fees} signed`,
    ]);
    const signed = (t: AnswersJson) => readSigned(fs.readFileSync(rig.path(`coordinator/signed/custos-${OLD}-${t.txid.slice(2)}.ethtx`), 'utf8').trim());
    expect(signed(sweeps[1])).toMatchObject({ from, nonce: 2n, call: { name: 'transfer', to, amount: 9_000_000_000n } });
    expect(signed(sweeps[2])).toMatchObject({ from, to, nonce: 3n, value: ether - fees });

    // Each transfer of the sweep confirmed; the old wallet retires with the last.
    await confirm('m-confirm-sweep-btc', OLD, sweeps[0].txid);
    await confirm('m-confirm-sweep-usdc', OLD, sweeps[1].txid, 40_000n * 25n * GWEI);
    expect((await walletOf(OLD)).state).toBe('compromised');
    await confirm('m-confirm-sweep-eth', OLD, sweeps[2].txid, 21_000n * 25n * GWEI);
    const p = await rig.replay();
    const oldAfter = p.wallets.find((w: AnswersJson) => w.id === OLD);
    expect(oldAfter.state).toBe('retired');
    // What stays is what the fees did not take: the difference between the most they could cost and what they paid.
    const left = fees - 40_000n * 25n * GWEI - 21_000n * 25n * GWEI;
    expect(recorded(oldAfter)).toEqual({ regtest: '0', ethereum: left.toString(), [USDC_ASSET]: '0' });
    expect(recorded(p.wallets.find((w: AnswersJson) => w.id === NEW))).toEqual({
      regtest: '89980000',
      ethereum: (ether - fees).toString(),
      [USDC_ASSET]: '9000000000',
    });
  }, 360_000);

  test('a last reconciliation is clean, and custos verify passes', async () => {
    const old = await walletOf(OLD);
    const replacement = await walletOf(NEW);
    const ether = BigInt(replacement.holdings.ethereum.recorded);
    const printed = await reconcile('m-final', [
      [accountOf(old, 'regtest').addresses[0], '0', ''],
      [accountOf(old, 'ethereum').addresses[0], units(BigInt(old.holdings.ethereum.recorded), 18), ''],
      [accountOf(old, 'ethereum').addresses[0], '0', 'USDC'],
      [accountOf(replacement, 'regtest').addresses[0], '0.8998', ''],
      [accountOf(replacement, 'ethereum').addresses[0], units(ether, 18), ''],
      [accountOf(replacement, 'ethereum').addresses[0], '9000', 'USDC'],
    ]);
    expect(printed).toMatch(/^ {2}discrepancies: 0$/mu);
    const verify = await rig.custos('verify', rig.station, '--json');
    expect(verify.status, verify.stdout).toBe(0);
    const report = JSON.parse(verify.stdout);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    const p = await rig.replay();
    expect(p.ceremonies.filter((c: AnswersJson) => c.state !== 'closed')).toEqual([]);
    expect(p.ceremonies.map((c: AnswersJson) => c.procedureId)).toEqual(
      expect.arrayContaining(['token-list@1', 'restitution@3', 'compromise-rotation@3', 'confirm-transfer@2', 'reconciliation@1']),
    );
  }, 120_000);
});
