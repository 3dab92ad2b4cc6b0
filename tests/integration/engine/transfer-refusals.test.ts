/**
 * Issue 4, "Done when": "Each precondition, role, quorum and state violation is a test with its
 * error code (at least 25), and every refused step leaves the record byte-for-byte unchanged", for
 * the procedures that move or end custody (docs/adr/0012): compromise-rotation (first sitting and
 * second sitting with its sweep), restitution (on Bitcoin and, issue 18, on Ethereum: each
 * refusal of the request, the asset, the approval and a nonce already spent), the token list,
 * confirm-transfer, destruction and reconciliation. The refusals of station-setup, enrolment, revocation, wallet creation and drills are in
 * refusals.test.ts, with the same pattern.
 *
 * Each case changes one thing in a base answers file shaped like the runs that built the station, and
 * runs it through the real `custos run` on its own copy of that station. Every refused run exits 1 with `custos: <message> [<CODE>]` on stderr (docs/errors.md),
 * prints nothing on stdout and no passphrase, leaves the journal, its checkpoints and the station key
 * byte-for-byte as they were and adds no file to the data directory, writes no share, descriptor,
 * signed transaction or witness checkpoint, and touches no file its answers name (a share file named
 * for destruction is neither overwritten nor removed).
 *
 * One station is built once, forked early, and copies are kept at the points the cases need:
 *   trunk:   station setup (the docs example), a 2-of-2 house wallet on regtest (house-reserve-1);
 *   client:  the trunk, then a 2-of-3 client wallet on regtest and ethereum (client-acme-1), an
 *            incident naming it, a restitution from it and its confirmation, an incident opened
 *            then closed, the token list (USDC) and an Ether restitution with nonce 0;
 *   waiting: the trunk, then an incident naming house-reserve-1 and the first sitting of its rotation
 *            (replacement house-reserve-2): the rotation waits for its sweep;
 *   swept:   the second sitting signed the sweep (not yet confirmed);
 *   partial: the sweep confirmed (house-reserve-1 retired), then its share 1 destroyed;
 *   final:   its share 2 destroyed too (house-reserve-1 destroyed; house-reserve-2 holds the sweep),
 *            then a wallet creation that aborted (house-never-1).
 * The two branches are built at the same time; cases run two CLI processes at a time (two cores,
 * and each key or share opened costs about a second of scrypt by design).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as bitcoin from 'bitcoinjs-lib';
import { afterAll, beforeAll, describe, expect, test, type ExpectStatic } from 'vitest';
import { checkAirGap } from '../../../ceremonies/engine/air-gap.ts';
import { EngineRig, PEOPLE, filesUnder, shareFilesIn, witnessMedia, type AnswersJson, type CliResult } from '../../support/engine-rig.ts';
import { FOREIGN_ETH_ADDRESS, TEST_TOKEN, approveData, etherRequest, transferData, type RequestFields } from '../../support/eth-request.ts';
import { accountKey, addressAt, buildPsbt, foreignAddress, keyAt } from '../../support/psbt-builder.ts';

let rig: EngineRig;
let passphrases: string[];

const CLIENT = 'client-acme-1';
const CLIENT_REF = 'CL-2026-0077';
const RESERVE = 'house-reserve-1';
const REPLACEMENT = 'house-reserve-2';
const ABORTED = 'house-never-1';
const INCIDENT = 'INC-2026-0031';
const CLOSED_INCIDENT = 'INC-2026-0030';
/** The client's own address, where a restitution returns its coins. */
const DESTINATION = foreignAddress('regtest', 7);
/** Someone else's address. */
const STRANGER = foreignAddress('regtest', 8);
/** The client's own Ethereum address, where an Ethereum restitution returns its assets. */
const ETH_DESTINATION = '0x00000000219ab540356cBB839Cbe05303d7705Fa';

/** The stations the cases run on (copies of each are made per case). */
type Base = 'client' | 'waiting' | 'swept' | 'partial' | 'final';
const stationOf = (base: Base) => (base === 'final' ? rig.station : rig.path(`stations/${base}`));

/** The machine this suite runs on: the air-gap cases only make sense where it looks online. */
const ONLINE = checkAirGap().online;

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/ /gu, '-');

/** The participants block naming these people (everyone by default: only those a run needs are unlocked). */
function participants(...labels: string[]): AnswersJson {
  const chosen = labels.length ? labels : PEOPLE.map((p) => p.label);
  return Object.fromEntries(
    chosen.map((l) => [l, { keyFile: `keys/${slug(PEOPLE.find((p) => p.label === l)!.name)}.key`, passphraseFile: `passphrases/${l}.txt` }]),
  );
}

/** Writes answers `<name>.json` in the workspace (station passphrase included); returns the name. */
function write(name: string, data: AnswersJson): string {
  fs.writeFileSync(
    rig.path(`${name}.json`),
    `${JSON.stringify({ station: { passphraseFile: 'passphrases/station.txt' }, witnessCheckpoints: witnessMedia(data), ...data }, null, 2)}\n`,
  );
  return name;
}

function ok(r: CliResult, what: string): CliResult {
  if (r.status !== 0) throw new Error(`${what} failed (${r.status}): ${r.stderr}`);
  return r;
}

const holder = (label: string, folder: string, serial: string) => ({
  name: label,
  media: ['file'],
  sharePassphraseFile: `passphrases/${label}-share.txt`,
  outputDir: `media/${label}/${folder}`,
  bagSerial: serial,
});

/** The one share file Custos wrote in media/<label>/<folder>, relative to the workspace. */
function shareFile(label: string, folder: string): string {
  const files = shareFilesIn(rig.path(`media/${label}/${folder}`));
  if (files.length !== 1) throw new Error(`expected one share file in media/${label}/${folder}, found ${files.length}`);
  return path.relative(rig.root, files[0]!.file);
}

const presented = (label: string, folder: string, serial: string) => ({
  holder: label,
  file: shareFile(label, folder),
  sharePassphraseFile: `passphrases/${label}-share.txt`,
  bag: { state: 'intact', serial },
});

const walletOf = (p: AnswersJson, id: string): AnswersJson => p.wallets.find((w: AnswersJson) => w.id === id);
const regtestOf = (w: AnswersJson): AnswersJson => w.accounts.find((a: AnswersJson) => a.chain === 'regtest');

/** Copies a data directory (a station at one point of its life). */
function copyStation(from: string, to: string): string {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** Writes an unsigned PSBT for the coordinator folder; returns its path relative to the workspace. */
function psbtFile(name: string, bytes: Uint8Array): string {
  const rel = `coordinator/${name}.psbt`;
  fs.writeFileSync(rig.path(rel), bytes);
  return rel;
}

/** `psbt` with, appended, the first input of `other` (a coin of another wallet). */
function withInputOf(psbt: Uint8Array, other: Uint8Array): Uint8Array {
  const network = bitcoin.networks.regtest;
  const out = bitcoin.Psbt.fromBuffer(Buffer.from(psbt), { network });
  const foreign = bitcoin.Psbt.fromBuffer(Buffer.from(other), { network });
  const input = foreign.txInputs[0]!;
  const data = foreign.data.inputs[0]!;
  out.addInput({ hash: input.hash, index: input.index, witnessUtxo: data.witnessUtxo!, bip32Derivation: data.bip32Derivation! });
  return Uint8Array.from(out.toBuffer());
}

/**
 * `psbt` with, appended, an output paying `address` that claims to be change of `wallet` (its
 * fingerprint and the key of m/84'/1'/0'/1/1): a payment hidden as change.
 */
function withChangeTo(psbt: Uint8Array, wallet: AnswersJson, address: string, amount: bigint): Uint8Array {
  const out = bitcoin.Psbt.fromBuffer(Buffer.from(psbt), { network: bitcoin.networks.regtest });
  out.addOutput({
    address,
    value: amount,
    bip32Derivation: [
      {
        masterFingerprint: Buffer.from(wallet.fingerprint, 'hex'),
        path: "m/84'/1'/0'/1/1",
        pubkey: keyAt(accountKey(regtestOf(wallet).xpub, 'regtest'), 1, 1),
      },
    ],
  });
  return Uint8Array.from(out.toBuffer());
}

/** Lets `n` CLI processes run at a time (the scrypt of each unlock is CPU-bound). */
function limiter(n: number) {
  let active = 0;
  const queue: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => queue.push(resolve));
    try {
      return await task();
    } finally {
      const next = queue.shift();
      if (next) next();
      else active--;
    }
  };
}
const twoAtATime = limiter(2);

/** The trunk: the station (docs example) and the house wallet both branches need. */
async function buildTrunk(): Promise<void> {
  // Karin approves and may also lead ceremonies: the separation of duties is tried with her.
  ok(
    await rig.run(
      'station-setup',
      rig.variant('station-setup', 't-setup', (a) => {
        a.roster.find((r: AnswersJson) => r.publicKeyFile === 'keys/karin-berg.pub.json').roles = ['approver', 'officer'];
      }),
    ),
    'station setup',
  );
  ok(
    await rig.run(
      'create-wallet',
      write('t-reserve', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        confirm: { holdersReceivedShares: true },
        wallet: { id: RESERVE, class: 'house', label: 'Operations reserve' },
        chains: ['regtest'],
        threshold: 2,
        holders: [holder('dora', 'reserve', 'TB-O-1'), holder('emil', 'reserve', 'TB-O-2')],
      }),
    ),
    'the house wallet',
  );
}

/** Opens (or closes) an incident in the register of the station in `dir`. */
async function incident(dir: string, name: string, body: AnswersJson): Promise<void> {
  ok(
    await rig.run('incident', write(name, { participants: participants('alice', 'bob'), officer: 'alice', witness: 'bob', incident: body }), { dataDir: dir }),
    name,
  );
}

const incidentFields = (nature: string) => ({
  occurredAt: '2026-11-20',
  discoveredAt: '2026-11-21',
  nature,
  origin: 'internal inspection',
  toolsAndStaff: 'Safe B; the holders of its bags',
  impact: 'The wallet is possibly exposed',
  correctiveAction: 'Rotate the wallet',
  targetDate: '2026-11-30',
});

/** The client branch: the client wallet, an incident naming it, a restitution and its confirmation, an incident closed. */
async function buildClientBranch(dir: string): Promise<void> {
  ok(
    await rig.run(
      'create-wallet',
      write('c-client', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil', 'farid'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        confirm: { holdersReceivedShares: true },
        wallet: { id: CLIENT, class: 'client', clientRef: CLIENT_REF, label: 'ACME Pension, cold storage' },
        chains: ['regtest', 'ethereum'],
        threshold: 2,
        holders: [holder('dora', 'client', 'TB-C-1'), holder('emil', 'client', 'TB-C-2'), holder('farid', 'client', 'TB-C-3')],
      }),
      { dataDir: dir },
    ),
    'the client wallet',
  );
  await incident(dir, 'c-incident', {
    id: INCIDENT,
    action: 'open',
    significant: true,
    wallets: [CLIENT],
    fields: incidentFields('The safe of the client bags was found unlocked.'),
  });
  const client = walletOf(await rig.replay(dir), CLIENT);
  const psbt = psbtFile(
    'RET-2026-0077-01',
    buildPsbt({
      xpub: regtestOf(client).xpub,
      fingerprint: client.fingerprint,
      network: 'regtest',
      inputs: [
        [0, 0, 50_000_000n],
        [0, 2, 20_000_000n],
      ],
      payments: [{ address: DESTINATION, amount: 30_000_000n }],
      change: [1, 0, 39_998_000n],
    }),
  );
  ok(
    await rig.run(
      'restitution',
      write('c-restitution', {
        participants: participants('alice', 'bob', 'chloe', 'jules', 'karin', 'dora', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        approvers: ['jules', 'karin'],
        wallet: CLIENT,
        request: { reference: 'RET-2026-0077-01', reason: 'Partial return requested by the client' },
        destination: { address: DESTINATION, amount: '0.3', network: 'regtest' },
        psbtFile: psbt,
        outputDir: 'coordinator/signed',
        shares: [presented('dora', 'client', 'TB-C-1'), presented('emil', 'client', 'TB-C-2')],
      }),
      { dataDir: dir },
    ),
    'the restitution',
  );
  const [transfer] = walletOf(await rig.replay(dir), CLIENT).transfers;
  ok(
    await rig.run(
      'confirm-transfer',
      write('c-confirm', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        wallet: CLIENT,
        txid: transfer.txid,
        blockHeight: 815,
        confirmations: 3,
      }),
      { dataDir: dir },
    ),
    'the confirmation of the restitution',
  );
  await incident(dir, 'c-incident-open', {
    id: CLOSED_INCIDENT,
    action: 'open',
    wallets: [CLIENT],
    fields: { ...incidentFields('A holder reported a torn seal sticker on a client bag.'), correctiveAction: 'Re-seal the bag at the next drill' },
  });
  await incident(dir, 'c-incident-close', { id: CLOSED_INCIDENT, action: 'close', fields: { closedAt: '2026-11-25' } });
  ok(
    await rig.run(
      'token-list',
      write('c-tokens', {
        participants: participants('alice', 'bob', 'chloe'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        reason: 'The client deposits USD Coin',
        tokens: [TEST_TOKEN],
      }),
      { dataDir: dir },
    ),
    'the token list',
  );
  // An Ether restitution with the account's nonce 0: the nonce is spent from then on.
  fs.writeFileSync(rig.path('coordinator/RET-2026-0077-eth-0.json'), etherRequest({ from: ethOf(client), to: ETH_DESTINATION, value: 10n ** 17n, nonce: 0n }));
  ok(
    await rig.run(
      'restitution',
      write('c-restitution-eth', {
        participants: participants('alice', 'bob', 'chloe', 'jules', 'karin', 'dora', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        approvers: ['jules', 'karin'],
        wallet: CLIENT,
        request: { reference: 'RET-2026-0077-E0', reason: 'The client takes some ether back' },
        destination: { address: ETH_DESTINATION, amount: '0.1', network: 'mainnet', asset: 'ETH' },
        requestFile: 'coordinator/RET-2026-0077-eth-0.json',
        outputDir: 'coordinator/signed',
        shares: [presented('dora', 'client', 'TB-C-1'), presented('emil', 'client', 'TB-C-2')],
      }),
      { dataDir: dir },
    ),
    'the Ether restitution',
  );
}

/** The client wallet's first Ethereum address (its account's receive address 0). */
const ethOf = (wallet: AnswersJson): string => wallet.accounts.find((a: AnswersJson) => a.chain === 'ethereum').addresses[0];

/** Writes a coordinator's Ethereum transfer request; returns its path relative to the workspace. */
function ethRequestFile(name: string, bytes: Uint8Array): string {
  const rel = `coordinator/${name}.json`;
  fs.writeFileSync(rig.path(rel), bytes);
  return rel;
}

/** The rotation branch, on the main station: each point the cases need is kept as a copy. */
async function buildRotationBranch(): Promise<void> {
  await incident(rig.station, 'r-incident', {
    id: INCIDENT,
    action: 'open',
    significant: true,
    wallets: [RESERVE],
    fields: incidentFields('A bag of the house reserve was found opened.'),
  });
  const present = participants('alice', 'bob', 'chloe', 'dora', 'emil', 'farid', 'gita');
  ok(
    await rig.run(
      'compromise-rotation',
      write('r-rotation', {
        participants: present,
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        wallet: RESERVE,
        incident: INCIDENT,
        replacement: {
          wallet: { id: REPLACEMENT, class: 'house', label: 'Operations reserve (rotated)' },
          chains: ['regtest'],
          threshold: 2,
          holders: [holder('farid', 'reserve-2', 'TB-R-1'), holder('gita', 'reserve-2', 'TB-R-2')],
        },
        descriptorFile: `coordinator/${REPLACEMENT}.descriptor.json`,
        confirm: { holdersReceivedShares: true },
      }),
    ),
    'the first sitting of the rotation',
  );
  copyStation(rig.station, stationOf('waiting'));
  const p = await rig.replay();
  const old = walletOf(p, RESERVE);
  const target = addressAt(accountKey(regtestOf(walletOf(p, REPLACEMENT)).xpub, 'regtest'), 'regtest', 0, 0);
  const sweep = psbtFile(
    'sweep',
    buildPsbt({
      xpub: regtestOf(old).xpub,
      fingerprint: old.fingerprint,
      network: 'regtest',
      inputs: [
        [0, 0, 150_000n],
        [0, 1, 250_000n],
        [1, 0, 100_000n],
      ],
      payments: [{ address: target, amount: 499_000n }],
    }),
  );
  ok(
    await rig.run(
      'compromise-rotation',
      write('r-sweep', {
        participants: present,
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        shares: [presented('dora', 'reserve', 'TB-O-1'), presented('emil', 'reserve', 'TB-O-2')],
        sweep: { psbtFile: sweep, network: 'regtest', outputDir: 'coordinator/signed' },
      }),
    ),
    'the second sitting of the rotation',
  );
  copyStation(rig.station, stationOf('swept'));
  const [transfer] = walletOf(await rig.replay(), RESERVE).transfers;
  ok(
    await rig.run(
      'confirm-transfer',
      write('r-confirm', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        wallet: RESERVE,
        txid: transfer.txid,
        blockHeight: 812,
        confirmations: 6,
      }),
    ),
    'the confirmation of the sweep',
  );
  const destroy = (name: string, share: AnswersJson) =>
    write(name, {
      participants: present,
      officer: 'alice',
      witnesses: ['bob', 'chloe'],
      wallet: RESERVE,
      basis: 'retired',
      shares: [share],
      confirm: { sharesDestroyed: true },
    });
  ok(
    await rig.run('destruction', destroy('r-destroy-1', { index: 1, holder: 'dora', method: 'shred', mediaId: 'USB-O-1', bagSerial: 'TB-O-1' })),
    'the destruction of share 1',
  );
  copyStation(rig.station, stationOf('partial'));
  ok(await rig.run('destruction', destroy('r-destroy-2', { index: 2, method: 'wipe', mediaId: 'USB-O-2', bagSerial: 'TB-O-2' })), 'the destruction of share 2');
  // A creation that fails after it opened (Gita's output folder is a file) is aborted with its reason.
  fs.mkdirSync(rig.path('media/gita'), { recursive: true });
  fs.writeFileSync(rig.path('media/gita/not-a-folder'), 'a file where a folder was expected\n');
  const aborted = await rig.run(
    'create-wallet',
    write('r-aborted', {
      participants: present,
      officer: 'alice',
      witnesses: ['bob', 'chloe'],
      confirm: { holdersReceivedShares: true },
      wallet: { id: ABORTED, class: 'house', label: 'Never finished' },
      chains: ['regtest'],
      threshold: 2,
      holders: [{ ...holder('gita', 'never', 'TB-N-1'), outputDir: 'media/gita/not-a-folder' }, holder('farid', 'never', 'TB-N-2')],
    }),
  );
  expect(aborted.status, 'the creation of house-never-1 aborts').toBe(1);
}

/** The valid answers each case varies, and the files (PSBTs, balances, decoy share files) they name. */
async function writeBases(): Promise<void> {
  const client = walletOf(await rig.replay(stationOf('client')), CLIENT);
  const reserve = walletOf(await rig.replay(stationOf('partial')), RESERVE);
  const clientSpend = (payments: { address: string; amount: bigint }[], change?: bigint, changeIndex = 1) =>
    buildPsbt({
      xpub: regtestOf(client).xpub,
      fingerprint: client.fingerprint,
      network: 'regtest',
      inputs: [[0, 3, 40_000_000n]],
      payments,
      change: change === undefined ? undefined : [1, changeIndex, change],
    });
  const restitutionPsbt = clientSpend([{ address: DESTINATION, amount: 20_000_000n }], 19_995_000n);
  psbtFile('RET-2026-0077-02', restitutionPsbt);
  psbtFile('RET-2026-0077-02-amount', clientSpend([{ address: DESTINATION, amount: 19_000_000n }], 20_995_000n));
  psbtFile('RET-2026-0077-02-far-change', clientSpend([{ address: DESTINATION, amount: 20_000_000n }], 19_995_000n, 5000));
  psbtFile('RET-2026-0077-02-address', clientSpend([{ address: STRANGER, amount: 20_000_000n }], 19_995_000n));
  psbtFile(
    'RET-2026-0077-02-two-payments',
    clientSpend(
      [
        { address: DESTINATION, amount: 20_000_000n },
        { address: STRANGER, amount: 1_000_000n },
      ],
      18_995_000n,
    ),
  );
  psbtFile('RET-2026-0077-02-disguised-change', withChangeTo(clientSpend([{ address: DESTINATION, amount: 20_000_000n }]), client, STRANGER, 19_995_000n));
  psbtFile(
    'RET-2026-0077-02-foreign-input',
    withInputOf(
      restitutionPsbt,
      buildPsbt({
        xpub: regtestOf(reserve).xpub,
        fingerprint: reserve.fingerprint,
        network: 'regtest',
        inputs: [[0, 5, 1_000_000n]],
        payments: [{ address: STRANGER, amount: 990_000n }],
      }),
    ),
  );
  // The Ethereum restitution the cases change: 2,500 USDC, the account's next nonce (1).
  const from = ethOf(client);
  const usdc = (f: Partial<RequestFields> = {}) =>
    etherRequest({ from, to: TEST_TOKEN.contract, data: transferData(ETH_DESTINATION, 2_500_000_000n), nonce: 1n, ...f });
  ethRequestFile('RET-2026-0077-eth-1', usdc());
  ethRequestFile('RET-2026-0077-eth-1-nonce-0', usdc({ nonce: 0n }));
  ethRequestFile('RET-2026-0077-eth-1-destination', usdc({ data: transferData(FOREIGN_ETH_ADDRESS, 2_500_000_000n) }));
  ethRequestFile('RET-2026-0077-eth-1-amount', usdc({ data: transferData(ETH_DESTINATION, 2_600_000_000n) }));
  ethRequestFile('RET-2026-0077-eth-1-ether', etherRequest({ from, to: ETH_DESTINATION, value: 2_500_000_000n, nonce: 1n }));
  ethRequestFile('RET-2026-0077-eth-1-from', usdc({ from: FOREIGN_ETH_ADDRESS }));
  ethRequestFile('RET-2026-0077-eth-1-chain', usdc({ chainId: 11_155_111n }));
  ethRequestFile('RET-2026-0077-eth-1-approve', usdc({ data: approveData(ETH_DESTINATION, 2_500_000_000n) }));
  ethRequestFile('RET-2026-0077-eth-1-fee', usdc({ maxFeePerGas: 1_000_000_000_000n }));
  write('b-restitution-eth', {
    participants: participants(),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    approvers: ['jules', 'karin'],
    wallet: CLIENT,
    request: { reference: 'RET-2026-0077-E1', reason: 'The client takes its USD Coin back' },
    destination: { address: ETH_DESTINATION, amount: '2500', network: 'mainnet', asset: 'USDC' },
    requestFile: 'coordinator/RET-2026-0077-eth-1.json',
    outputDir: 'coordinator/signed',
    shares: [presented('dora', 'client', 'TB-C-1'), presented('emil', 'client', 'TB-C-2')],
    witnessCheckpoints: { bob: 'media/bob/checkpoint.txt', chloe: 'media/chloe/checkpoint.txt' },
  });
  write('b-tokens', {
    participants: participants(),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    reason: 'Another token',
    tokens: [TEST_TOKEN],
    witnessCheckpoints: { bob: 'media/bob/checkpoint.txt', chloe: 'media/chloe/checkpoint.txt' },
  });
  write('b-restitution', {
    participants: participants(),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    approvers: ['jules', 'karin'],
    wallet: CLIENT,
    request: { reference: 'RET-2026-0077-02', reason: 'Second partial return requested by the client' },
    destination: { address: DESTINATION, amount: '0.2', network: 'regtest' },
    psbtFile: 'coordinator/RET-2026-0077-02.psbt',
    outputDir: 'coordinator/signed',
    shares: [presented('dora', 'client', 'TB-C-1'), presented('emil', 'client', 'TB-C-2')],
    witnessCheckpoints: { bob: 'media/bob/checkpoint.txt', chloe: 'media/chloe/checkpoint.txt' },
  });
  write('b-rotation', {
    participants: participants(),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    wallet: CLIENT,
    incident: INCIDENT,
    replacement: {
      wallet: { id: 'client-acme-2', class: 'client', clientRef: CLIENT_REF, label: 'ACME Pension, cold storage (rotated)' },
      chains: ['regtest', 'ethereum'],
      threshold: 2,
      holders: [holder('farid', 'client-2', 'TB-D-1'), holder('gita', 'client-2', 'TB-D-2')],
    },
    descriptorFile: 'coordinator/client-acme-2.descriptor.json',
    confirm: { holdersReceivedShares: true },
  });

  // The second sitting, as the coordinator could get it wrong: paying a stranger, or back to the old wallet.
  const waiting = await rig.replay(stationOf('waiting'));
  const old = walletOf(waiting, RESERVE);
  const replacementAddress = addressAt(accountKey(regtestOf(walletOf(waiting, REPLACEMENT)).xpub, 'regtest'), 'regtest', 0, 0);
  const sweepOf = (payments: { address: string; amount: bigint }[], change?: [0 | 1, number, bigint]) =>
    buildPsbt({
      xpub: regtestOf(old).xpub,
      fingerprint: old.fingerprint,
      network: 'regtest',
      inputs: [
        [0, 0, 150_000n],
        [0, 1, 250_000n],
        [1, 0, 100_000n],
      ],
      payments,
      change,
    });
  psbtFile('sweep-to-stranger', sweepOf([{ address: foreignAddress('regtest', 9), amount: 499_000n }]));
  psbtFile('sweep-back-to-old', sweepOf([{ address: replacementAddress, amount: 300_000n }], [1, 1, 199_000n]));
  write('b-sweep', {
    participants: participants(),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    shares: [presented('dora', 'reserve', 'TB-O-1'), presented('emil', 'reserve', 'TB-O-2')],
    sweep: { psbtFile: 'coordinator/sweep.psbt', network: 'regtest', outputDir: 'coordinator/signed' },
  });

  write('b-confirm', {
    participants: participants(),
    officer: 'alice',
    witness: 'bob',
    wallet: CLIENT,
    txid: client.transfers[0].txid,
    blockHeight: 900,
    confirmations: 6,
    witnessCheckpoints: { bob: 'media/bob/checkpoint.txt' },
  });
  fs.writeFileSync(rig.path('coordinator/unknown-signed.txn'), `02000000${'00'.repeat(60)}\n`);

  // Decoy share files for destruction: another wallet's real sealed share, a file that only has the
  // right name, and a real copy of the share (to prove a refusal touches none of them).
  const expected = reserve.shares[1].fileName as string;
  expect(expected).toMatch(/^custos-share-[0-9a-f]{8}-[0-9a-f]{8}-2of2\.cshare$/u);
  for (const d of ['other-wallet', 'name-only', 'real']) fs.mkdirSync(rig.path(`decoys/${d}`), { recursive: true });
  const otherShare = shareFile('emil', 'client');
  fs.copyFileSync(rig.path(otherShare), rig.path(`decoys/other-wallet/${path.basename(otherShare)}`));
  fs.writeFileSync(rig.path(`decoys/name-only/${expected}`), 'not a sealed share, only its name\n');
  fs.copyFileSync(rig.path(shareFile('emil', 'reserve')), rig.path(`decoys/real/${expected}`));
  write('b-destroy', {
    participants: participants(),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    wallet: RESERVE,
    basis: 'retired',
    shares: [{ index: 2, method: 'shred', mediaId: 'USB-O-2', bagSerial: 'TB-O-2' }],
    confirm: { sharesDestroyed: true },
    witnessCheckpoints: { bob: 'media/bob/checkpoint.txt', chloe: 'media/chloe/checkpoint.txt' },
  });

  const address = regtestOf(client).addresses[0] as string;
  const balances = (name: string, text: string) => fs.writeFileSync(rig.path(`coordinator/${name}`), text);
  balances('balances.csv', `address,amount\n${address},0.39998\n`);
  balances('balances-number.json', `{"${address}": 0.39998}\n`);
  balances('balances-three-columns.csv', `address,amount\n${address},0.39998,confirmed\n`);
  balances('balances-twice.csv', `address,amount\n${address},0.39998\n${address},0.1\n`);
  write('b-reconcile', {
    participants: participants(),
    officer: 'alice',
    witness: 'bob',
    balances: { file: 'coordinator/balances.csv', asOf: '2026-12-01' },
    credits: [{ wallet: CLIENT, chain: 'regtest', amount: '0.7', reference: 'DEP-2026-1101' }],
    witnessCheckpoints: { bob: 'media/bob/checkpoint.txt' },
  });
}

beforeAll(async () => {
  rig = await EngineRig.create('custos-transfer-refusals-');
  for (const label of ['dora', 'emil', 'farid', 'gita'])
    fs.writeFileSync(rig.path(`passphrases/${label}-share.txt`), `${label}: share passphrase of the transfer refusals\n`);
  fs.mkdirSync(rig.path('coordinator'), { recursive: true });
  await buildTrunk();
  const clientStation = copyStation(rig.station, stationOf('client'));
  await Promise.all([buildClientBranch(clientStation), buildRotationBranch()]);
  await writeBases();

  // Each station is where the cases expect it.
  const states = async (base: Base) => (await rig.replay(stationOf(base))).wallets.map((w: AnswersJson) => `${w.id} ${w.state}`);
  expect(await states('client')).toEqual([`${RESERVE} active`, `${CLIENT} active`]);
  expect(await states('waiting')).toEqual([`${RESERVE} compromised`, `${REPLACEMENT} distributed`]);
  expect(await states('swept')).toEqual([`${RESERVE} compromised`, `${REPLACEMENT} active`]);
  expect(await states('partial')).toEqual([`${RESERVE} retired`, `${REPLACEMENT} active`]);
  expect(await states('final')).toEqual([`${RESERVE} destroyed`, `${REPLACEMENT} active`, `${ABORTED} aborted`]);
  const client = await rig.replay(stationOf('client'));
  expect(walletOf(client, CLIENT).transfers.map((t: AnswersJson) => `${t.kind} ${t.chain} ${t.state}`)).toEqual([
    'restitution regtest confirmed',
    'restitution ethereum signed',
  ]);
  expect(client.tokens).toEqual([TEST_TOKEN]);
  expect(client.incidents.map((i: AnswersJson) => `${i.id} ${i.status}`)).toEqual([`${INCIDENT} open`, `${CLOSED_INCIDENT} closed`]);
  expect((await rig.replay(stationOf('waiting'))).ceremonies.at(-1)).toMatchObject({ procedureId: 'compromise-rotation@3', state: 'open' });
  expect(walletOf(await rig.replay(stationOf('swept')), RESERVE).transfers.map((t: AnswersJson) => `${t.kind} ${t.state}`)).toEqual(['sweep signed']);
  expect(walletOf(await rig.replay(stationOf('partial')), RESERVE).shares.map((s: AnswersJson) => s.state)).toEqual(['destroyed', 'held']);
  expect(walletOf(await rig.replay(), REPLACEMENT).holdings.regtest.recorded).toBe('499000');
  for (const base of ['client', 'waiting', 'swept', 'partial', 'final'] as const) {
    expect(await rig.custos('verify', stationOf(base)), `verify ${base}`).toMatchObject({ status: 0 });
  }
  passphrases = filesUnder(rig.path('passphrases')).map((f) => fs.readFileSync(rig.path(`passphrases/${f}`), 'utf8').trim());
}, 420_000);
afterAll(() => rig?.dispose());

/** Sends every output of a case to out/<case>/, where nothing may appear. */
function redirectOutputs(a: AnswersJson, id: string): void {
  if (typeof a.outputDir === 'string') a.outputDir = `out/${id}/signed`;
  if (typeof a.sweep?.outputDir === 'string') a.sweep.outputDir = `out/${id}/signed`;
  if (typeof a.descriptorFile === 'string') a.descriptorFile = `out/${id}/descriptor.json`;
  for (const h of a.replacement?.holders ?? []) h.outputDir = `out/${id}/${h.name}`;
  for (const w of Object.keys(a.witnessCheckpoints ?? {})) a.witnessCheckpoints[w] = `out/${id}/${w}/checkpoint.txt`;
}

/** A variant of a base answers file for one case. */
function from(base: string, change: (a: AnswersJson) => void = () => {}) {
  return (id: string) =>
    rig.variant(base, id, (a) => {
      redirectOutputs(a, id);
      change(a);
    });
}

/** Every existing file the answers name as an input (shares, PSBTs, balances, transactions, files to destroy). */
function namedFiles(a: AnswersJson): string[] {
  const out = new Set<string>();
  const visit = (value: unknown, key: string) => {
    if (typeof value === 'string' && ['file', 'psbtFile', 'transactionFile', 'files'].includes(key)) {
      if (fs.existsSync(rig.path(value))) out.add(rig.path(value));
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
  };
  visit(a, '');
  return [...out].sort();
}

/** Size, SHA-256 and modification time of each file: a readable difference when something was touched. */
function fingerprints(files: string[]): { [file: string]: string } {
  return Object.fromEntries(
    files.map((f) => {
      if (!fs.existsSync(f)) return [f, 'gone'];
      const bytes = fs.readFileSync(f);
      return [f, `${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}, mtime ${fs.statSync(f).mtimeMs}`];
    }),
  );
}

interface Refusal {
  name: string;
  procedure: string;
  /** The station the case runs on (a copy of it). */
  on: Base;
  answers: (id: string) => string;
  code: string;
  /** Read this machine's real network state (no --system-root): only where it looks online. */
  online?: boolean;
  check?: (r: CliResult, expect: ExpectStatic) => void;
}

async function refused(c: Refusal, id: string, expect: ExpectStatic): Promise<void> {
  await twoAtATime(async () => {
    const dir = copyStation(stationOf(c.on), rig.path(`clones/${id}`));
    const answers = c.answers(id);
    const named = namedFiles(rig.answers(answers));
    const record = () => fingerprints([...rig.journalBytes(dir).keys()].map((rel) => path.join(dir, rel)));
    const before = { record: record(), files: filesUnder(dir), named: fingerprints(named) };
    expect(before.files).toEqual(expect.arrayContaining(['journal/000001.jsonl', 'station.key']));
    const r = await rig.run(c.procedure, answers, { dataDir: dir, online: c.online });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    // docs/cli.md: a refusal before the ceremony opens ends with "Nothing was recorded." (issue 15).
    expect(r.stderr).toMatch(new RegExp(`^custos: [^\\n]+ Nothing was recorded\\. \\[${c.code}\\]\\n$`, 'u'));
    for (const secret of passphrases) expect(r.stderr).not.toContain(secret);
    expect(record(), 'the journal, its checkpoints and the station key are byte-for-byte unchanged').toEqual(before.record);
    expect(filesUnder(dir), 'no file was added to or removed from the data directory').toEqual(before.files);
    expect(fingerprints(named), 'no file the answers name was touched').toEqual(before.named);
    expect(filesUnder(rig.path(`out/${id}`)), 'no share, descriptor, signed transaction or checkpoint file was written').toEqual([]);
    c.check?.(r, expect);
  });
}

const says = (text: string | RegExp) => (r: CliResult, expect: ExpectStatic) => {
  if (typeof text === 'string') expect(r.stderr).toContain(text);
  else expect(r.stderr).toMatch(text);
};

const restitution = (change: (a: AnswersJson) => void = () => {}) => from('b-restitution', change);
const ethRestitution = (change: (a: AnswersJson) => void = () => {}) => from('b-restitution-eth', change);
const tokens = (change: (a: AnswersJson) => void = () => {}) => from('b-tokens', change);
/** The Ethereum restitution with the coordinator's request `variant` (written in writeBases). */
const withRequest = (variant: string) =>
  ethRestitution((a) => {
    a.requestFile = `coordinator/RET-2026-0077-eth-1-${variant}.json`;
  });
const rotation = (change: (a: AnswersJson) => void = () => {}) => from('b-rotation', change);
/** Points every person's and every share's passphrase at a file that does not exist: any unlock would fail. */
function withoutPassphrases(a: AnswersJson): void {
  for (const person of Object.values(a.participants) as AnswersJson[]) person.passphraseFile = 'passphrases/nobody.txt';
  for (const share of a.shares as AnswersJson[]) {
    delete share.sharePassphrase;
    share.sharePassphraseFile = 'passphrases/nobody.txt';
  }
}
const sweep = (change: (a: AnswersJson) => void = () => {}) => from('b-sweep', change);
const confirm = (change: (a: AnswersJson) => void = () => {}) => from('b-confirm', change);
const destroy = (change: (a: AnswersJson) => void = () => {}) => from('b-destroy', change);
const reconcile = (change: (a: AnswersJson) => void = () => {}) => from('b-reconcile', change);
/** A house replacement on regtest, for a rotation of a house wallet. */
const houseReplacement = (a: AnswersJson) => {
  a.replacement.wallet = { id: 'house-reserve-9', class: 'house', label: 'Another reserve' };
  a.replacement.chains = ['regtest'];
};
const decoy = (kind: string) => `decoys/${kind}/${fs.readdirSync(rig.path(`decoys/${kind}`))[0]}`;

const CASES: Refusal[] = [
  // Ethereum restitution (restitution@2): the asset named, then the request against the wallet, the approval and the nonces spent.
  {
    name: 'an Ethereum restitution of a token not on the station’s list: TOKEN_NOT_LISTED',
    procedure: 'restitution',
    on: 'client',
    code: 'TOKEN_NOT_LISTED',
    answers: ethRestitution((a) => {
      a.destination.asset = 'DAI';
    }),
  },
  {
    name: 'an Ethereum restitution whose request reuses the nonce of a transfer already signed: NONCE_ALREADY_USED',
    procedure: 'restitution',
    on: 'client',
    code: 'NONCE_ALREADY_USED',
    answers: withRequest('nonce-0'),
  },
  {
    name: 'an Ethereum request paying the token to another destination than approved: TRANSFER_NOT_APPROVED',
    procedure: 'restitution',
    on: 'client',
    code: 'TRANSFER_NOT_APPROVED',
    answers: withRequest('destination'),
    check: says('its destination differs'),
  },
  {
    name: 'an Ethereum request moving another amount than approved: TRANSFER_NOT_APPROVED',
    procedure: 'restitution',
    on: 'client',
    code: 'TRANSFER_NOT_APPROVED',
    answers: withRequest('amount'),
    check: says('its amount differs'),
  },
  {
    name: 'an Ethereum request moving ether where the token is approved: TRANSFER_NOT_APPROVED',
    procedure: 'restitution',
    on: 'client',
    code: 'TRANSFER_NOT_APPROVED',
    answers: withRequest('ether'),
    check: says('its asset differs'),
  },
  {
    name: 'an Ethereum request paying from an address the wallet does not hold: ETH_FROM_FOREIGN',
    procedure: 'restitution',
    on: 'client',
    code: 'ETH_FROM_FOREIGN',
    answers: withRequest('from'),
  },
  {
    name: 'an Ethereum request for a test network signed as mainnet: ETH_CHAIN_REFUSED',
    procedure: 'restitution',
    on: 'client',
    code: 'ETH_CHAIN_REFUSED',
    answers: withRequest('chain'),
  },
  {
    name: 'an Ethereum request calling approve on the listed token: ETH_CALL_REFUSED',
    procedure: 'restitution',
    on: 'client',
    code: 'ETH_CALL_REFUSED',
    answers: withRequest('approve'),
  },
  {
    name: 'an Ethereum request whose fee could exceed the station’s cap: ETH_FEE_TOO_HIGH',
    procedure: 'restitution',
    on: 'client',
    code: 'ETH_FEE_TOO_HIGH',
    answers: withRequest('fee'),
  },
  {
    name: 'an Ethereum restitution given a PSBT instead of a request: ANSWERS_INVALID',
    procedure: 'restitution',
    on: 'client',
    code: 'ANSWERS_INVALID',
    answers: ethRestitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02.psbt';
    }),
  },
  {
    name: 'a token list naming one token twice on its chain: TOKEN_LIST_INVALID',
    procedure: 'token-list',
    on: 'client',
    code: 'TOKEN_LIST_INVALID',
    answers: tokens((a) => {
      a.tokens = [TEST_TOKEN, { ...TEST_TOKEN, contract: TEST_TOKEN.contract.toLowerCase() }];
    }),
  },
  {
    name: 'a token list whose contract breaks its EIP-55 checksum: TOKEN_LIST_INVALID',
    procedure: 'token-list',
    on: 'client',
    code: 'TOKEN_LIST_INVALID',
    answers: tokens((a) => {
      a.tokens = [{ ...TEST_TOKEN, contract: TEST_TOKEN.contract.replace('A0b8', 'a0B8') }];
    }),
  },
  // Restitution: the class, the approvers, the amount and network, then the PSBT against the approval.
  {
    name: 'a restitution from a house wallet: WALLET_CLASS_INVALID',
    procedure: 'restitution',
    on: 'client',
    code: 'WALLET_CLASS_INVALID',
    answers: restitution((a) => {
      a.wallet = RESERVE;
    }),
  },
  {
    name: 'a restitution approved by one approver: APPROVERS_TOO_FEW',
    procedure: 'restitution',
    on: 'client',
    code: 'APPROVERS_TOO_FEW',
    answers: restitution((a) => {
      a.approvers = ['jules'];
    }),
  },
  {
    name: 'a restitution approved by the same approver twice: APPROVERS_TOO_FEW',
    procedure: 'restitution',
    on: 'client',
    code: 'APPROVERS_TOO_FEW',
    answers: restitution((a) => {
      a.approvers = ['jules', 'jules'];
    }),
  },
  {
    name: 'an approver who does not hold the approver role (a holder): ROLE_NOT_HELD',
    procedure: 'restitution',
    on: 'client',
    code: 'ROLE_NOT_HELD',
    answers: restitution((a) => {
      a.approvers = ['gita', 'jules'];
    }),
    check: says('does not hold the role approver'),
  },
  {
    name: 'the officer who runs the restitution also one of its two approvers: DUTIES_NOT_SEPARATED',
    procedure: 'restitution',
    on: 'client',
    code: 'DUTIES_NOT_SEPARATED',
    answers: restitution((a) => {
      a.officer = 'karin';
    }),
    check: says('Karin Berg runs this ceremony as officer and cannot also approve it'),
  },
  {
    name: 'a PSBT paying another amount than the approved one: PSBT_OUTPUTS_NOT_APPROVED',
    procedure: 'restitution',
    on: 'client',
    code: 'PSBT_OUTPUTS_NOT_APPROVED',
    answers: restitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02-amount.psbt';
    }),
  },
  {
    // ADR 0035: the coordinator's file is reviewed against the recorded account key before anyone is asked a passphrase.
    name: 'a PSBT paying another amount, with no passphrase of any person or share to be found: PSBT_OUTPUTS_NOT_APPROVED, refused before anyone unlocks anything',
    procedure: 'restitution',
    on: 'client',
    code: 'PSBT_OUTPUTS_NOT_APPROVED',
    answers: restitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02-amount.psbt';
      withoutPassphrases(a);
    }),
  },
  {
    name: 'an Ethereum request paying from another address, with no passphrase of any person or share to be found: ETH_FROM_FOREIGN, refused before anyone unlocks anything',
    procedure: 'restitution',
    on: 'client',
    code: 'ETH_FROM_FOREIGN',
    answers: ethRestitution((a) => {
      a.requestFile = 'coordinator/RET-2026-0077-eth-1-from.json';
      withoutPassphrases(a);
    }),
  },
  {
    name: "change sent to the wallet's address 5000, beyond the first 200: CHANGE_OUTPUT_OUT_OF_RANGE",
    procedure: 'restitution',
    on: 'client',
    code: 'CHANGE_OUTPUT_OUT_OF_RANGE',
    answers: restitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02-far-change.psbt';
    }),
  },
  {
    name: 'a PSBT paying another address than the approved one: PSBT_OUTPUTS_NOT_APPROVED',
    procedure: 'restitution',
    on: 'client',
    code: 'PSBT_OUTPUTS_NOT_APPROVED',
    answers: restitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02-address.psbt';
    }),
  },
  {
    name: 'a PSBT with a second payment beside the approved one: PSBT_OUTPUTS_NOT_APPROVED',
    procedure: 'restitution',
    on: 'client',
    code: 'PSBT_OUTPUTS_NOT_APPROVED',
    answers: restitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02-two-payments.psbt';
    }),
    check: says('2 payment(s)'),
  },
  {
    name: 'a payment to a stranger disguised as change of the wallet: PSBT_CHANGE_MISMATCH from the crypto core',
    procedure: 'restitution',
    on: 'client',
    code: 'PSBT_CHANGE_MISMATCH',
    answers: restitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02-disguised-change.psbt';
    }),
    check: says('Output 2'),
  },
  {
    name: 'a PSBT spending a coin of another wallet: PSBT_INPUT_FOREIGN from the crypto core',
    procedure: 'restitution',
    on: 'client',
    code: 'PSBT_INPUT_FOREIGN',
    answers: restitution((a) => {
      a.psbtFile = 'coordinator/RET-2026-0077-02-foreign-input.psbt';
    }),
    check: says('Input 2 does not belong to this wallet'),
  },
  {
    name: 'a restitution on a network the wallet has no account on: NETWORK_NOT_IN_WALLET',
    procedure: 'restitution',
    on: 'client',
    code: 'NETWORK_NOT_IN_WALLET',
    answers: restitution((a) => {
      a.destination.network = 'bitcoin';
    }),
  },
  {
    name: 'an amount with nine decimals: AMOUNT_INVALID',
    procedure: 'restitution',
    on: 'client',
    code: 'AMOUNT_INVALID',
    answers: restitution((a) => {
      a.destination.amount = '0.200000001';
    }),
  },
  {
    name: 'an amount of zero: AMOUNT_INVALID',
    procedure: 'restitution',
    on: 'client',
    code: 'AMOUNT_INVALID',
    answers: restitution((a) => {
      a.destination.amount = '0.0';
    }),
  },
  {
    name: 'a destination that is not an address: ANSWERS_INVALID',
    procedure: 'restitution',
    on: 'client',
    code: 'ANSWERS_INVALID',
    answers: restitution((a) => {
      a.destination.address = 'the client account at ACME bank';
    }),
  },
  {
    name: 'one share of a 2-of-3 wallet: SHARES_TOO_FEW',
    procedure: 'restitution',
    on: 'client',
    code: 'SHARES_TOO_FEW',
    answers: restitution((a) => {
      a.shares = a.shares.slice(0, 1);
    }),
  },
  {
    name: 'Emil presents his share of the house reserve for the client wallet: SHARE_NOT_PROVEN',
    procedure: 'restitution',
    on: 'client',
    code: 'SHARE_NOT_PROVEN',
    answers: restitution((a) => {
      a.shares = [{ ...a.shares[1], file: shareFile('emil', 'reserve') }, a.shares[0]];
    }),
  },
  {
    name: 'a bag whose serial is not the recorded one: BAG_SERIAL_MISMATCH',
    procedure: 'restitution',
    on: 'client',
    code: 'BAG_SERIAL_MISMATCH',
    answers: restitution((a) => {
      a.shares[0].bag.serial = 'TB-C-9';
    }),
  },

  // Compromise rotation, first sitting: the incident, the replacement, the wallet's state.
  {
    name: 'a rotation from an incident that does not name the wallet: INCIDENT_NOT_FOR_WALLET',
    procedure: 'compromise-rotation',
    on: 'final',
    code: 'INCIDENT_NOT_FOR_WALLET',
    answers: rotation((a) => {
      a.wallet = REPLACEMENT;
      houseReplacement(a);
    }),
  },
  {
    name: 'a rotation from an incident not in the register: INCIDENT_NOT_FOUND',
    procedure: 'compromise-rotation',
    on: 'client',
    code: 'INCIDENT_NOT_FOUND',
    answers: rotation((a) => {
      a.incident = 'INC-2026-9999';
    }),
  },
  {
    name: 'a rotation from a closed incident: INCIDENT_CLOSED',
    procedure: 'compromise-rotation',
    on: 'client',
    code: 'INCIDENT_CLOSED',
    answers: rotation((a) => {
      a.incident = CLOSED_INCIDENT;
    }),
  },
  {
    name: 'a house replacement for a client wallet: REPLACEMENT_CLASS_MISMATCH',
    procedure: 'compromise-rotation',
    on: 'client',
    code: 'REPLACEMENT_CLASS_MISMATCH',
    answers: rotation((a) => {
      a.replacement.wallet.class = 'house';
      delete a.replacement.wallet.clientRef;
    }),
  },
  {
    name: 'a replacement for another client: REPLACEMENT_CLASS_MISMATCH',
    procedure: 'compromise-rotation',
    on: 'client',
    code: 'REPLACEMENT_CLASS_MISMATCH',
    answers: rotation((a) => {
      a.replacement.wallet.clientRef = 'CL-2026-0099';
    }),
  },
  {
    name: 'a replacement without the ethereum chain of the wallet: REPLACEMENT_CHAINS_MISSING',
    procedure: 'compromise-rotation',
    on: 'client',
    code: 'REPLACEMENT_CHAINS_MISSING',
    answers: rotation((a) => {
      a.replacement.chains = ['regtest'];
    }),
    check: says('lacks ethereum'),
  },
  {
    name: 'a replacement named as an existing wallet: WALLET_EXISTS',
    procedure: 'compromise-rotation',
    on: 'client',
    code: 'WALLET_EXISTS',
    answers: rotation((a) => {
      a.replacement.wallet.id = RESERVE;
    }),
  },
  {
    name: 'the rotation of a retired wallet: WALLET_STATE_INVALID',
    procedure: 'compromise-rotation',
    on: 'partial',
    code: 'WALLET_STATE_INVALID',
    answers: rotation((a) => {
      a.wallet = RESERVE;
      houseReplacement(a);
    }),
    check: says('is retired'),
  },
  {
    name: 'the rotation of a destroyed wallet: WALLET_STATE_INVALID',
    procedure: 'compromise-rotation',
    on: 'final',
    code: 'WALLET_STATE_INVALID',
    answers: rotation((a) => {
      a.wallet = RESERVE;
      houseReplacement(a);
    }),
    check: says('is destroyed'),
  },
  {
    name: 'the rotation of a wallet whose creation aborted: WALLET_STATE_INVALID',
    procedure: 'compromise-rotation',
    on: 'final',
    code: 'WALLET_STATE_INVALID',
    answers: rotation((a) => {
      a.wallet = ABORTED;
      houseReplacement(a);
    }),
    check: says('is aborted'),
  },
  {
    name: 'holders of the replacement not confirmed to have received their shares: CONFIRMATION_MISSING',
    procedure: 'compromise-rotation',
    on: 'client',
    code: 'CONFIRMATION_MISSING',
    answers: rotation((a) => {
      a.confirm.holdersReceivedShares = false;
    }),
  },

  // While a rotation waits for its sweep, no other ceremony opens.
  {
    name: 'another rotation while one waits for its sweep: CEREMONY_WAITING',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'CEREMONY_WAITING',
    answers: rotation(),
  },
  { name: 'a restitution while a rotation waits: CEREMONY_WAITING', procedure: 'restitution', on: 'waiting', code: 'CEREMONY_WAITING', answers: restitution() },
  {
    name: 'a confirmation while a rotation waits: CEREMONY_WAITING',
    procedure: 'confirm-transfer',
    on: 'waiting',
    code: 'CEREMONY_WAITING',
    answers: confirm(),
  },
  { name: 'a destruction while a rotation waits: CEREMONY_WAITING', procedure: 'destruction', on: 'waiting', code: 'CEREMONY_WAITING', answers: destroy() },
  {
    name: 'a reconciliation while a rotation waits: CEREMONY_WAITING',
    procedure: 'reconciliation',
    on: 'waiting',
    code: 'CEREMONY_WAITING',
    answers: reconcile(),
  },

  // Compromise rotation, second sitting: something must wait, the old wallet's shares, the sweep's outputs.
  {
    name: 'a second sitting with no rotation waiting: CEREMONY_NOT_WAITING',
    procedure: 'compromise-rotation',
    on: 'final',
    code: 'CEREMONY_NOT_WAITING',
    answers: sweep(),
  },
  {
    name: 'aborting a rotation when none waits: CEREMONY_NOT_WAITING',
    procedure: 'compromise-rotation',
    on: 'final',
    code: 'CEREMONY_NOT_WAITING',
    answers: sweep((a) => {
      delete a.sweep;
      a.abort = { reason: 'The coordinator lost the descriptor.' };
    }),
  },
  {
    name: 'aborting the waiting rotation without a reason: ANSWERS_INVALID',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'ANSWERS_INVALID',
    answers: sweep((a) => {
      delete a.sweep;
      a.abort = {};
    }),
  },
  {
    name: 'a sweep paying a stranger instead of the replacement: SWEEP_OUTPUT_FOREIGN',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'SWEEP_OUTPUT_FOREIGN',
    answers: sweep((a) => {
      a.sweep.psbtFile = 'coordinator/sweep-to-stranger.psbt';
    }),
    check: says('Output 1 of the sweep'),
  },
  {
    name: 'a sweep paying a stranger, with no passphrase of any person or share to be found: SWEEP_OUTPUT_FOREIGN, refused before anyone unlocks anything',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'SWEEP_OUTPUT_FOREIGN',
    answers: sweep((a) => {
      a.sweep.psbtFile = 'coordinator/sweep-to-stranger.psbt';
      withoutPassphrases(a);
    }),
  },
  {
    name: 'a sweep returning change to the compromised wallet: SWEEP_OUTPUT_FOREIGN',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'SWEEP_OUTPUT_FOREIGN',
    answers: sweep((a) => {
      a.sweep.psbtFile = 'coordinator/sweep-back-to-old.psbt';
    }),
    check: says('Output 2 of the sweep'),
  },
  {
    name: 'a sweep on a network the old wallet has no account on: NETWORK_NOT_IN_WALLET',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'NETWORK_NOT_IN_WALLET',
    answers: sweep((a) => {
      a.sweep.network = 'bitcoin';
    }),
  },
  {
    name: 'one share of the 2-of-2 old wallet for the sweep: SHARES_TOO_FEW',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'SHARES_TOO_FEW',
    answers: sweep((a) => {
      a.shares = a.shares.slice(0, 1);
    }),
  },

  // Confirm-transfer.
  {
    name: 'confirming a txid the station never signed from the wallet: TRANSFER_NOT_FOUND',
    procedure: 'confirm-transfer',
    on: 'client',
    code: 'TRANSFER_NOT_FOUND',
    answers: confirm((a) => {
      a.txid = 'ab'.repeat(32);
    }),
  },
  {
    name: 'confirming by a transaction file the station never wrote: TRANSFER_NOT_FOUND',
    procedure: 'confirm-transfer',
    on: 'client',
    code: 'TRANSFER_NOT_FOUND',
    answers: confirm((a) => {
      delete a.txid;
      a.transactionFile = 'coordinator/unknown-signed.txn';
    }),
  },
  {
    name: 'confirming a transfer already confirmed: TRANSFER_ALREADY_CONFIRMED',
    procedure: 'confirm-transfer',
    on: 'client',
    code: 'TRANSFER_ALREADY_CONFIRMED',
    answers: confirm(),
  },
  {
    name: 'retireWallet on the confirmation of a sweep: ANSWERS_INVALID',
    procedure: 'confirm-transfer',
    on: 'swept',
    code: 'ANSWERS_INVALID',
    check: says('retireWallet'),
    answers: confirm((a) => {
      a.wallet = RESERVE;
      a.txid = JSON.parse(fs.readFileSync(rig.path('r-confirm.json'), 'utf8')).txid;
      a.retireWallet = true;
    }),
  },
  {
    name: 'confirming a sweep once its wallet is retired: WALLET_STATE_INVALID',
    procedure: 'confirm-transfer',
    on: 'partial',
    code: 'WALLET_STATE_INVALID',
    answers: confirm((a) => {
      a.wallet = RESERVE;
      a.txid = JSON.parse(fs.readFileSync(rig.path('r-confirm.json'), 'utf8')).txid;
    }),
  },
  {
    name: 'a confirmation with no confirmations: ANSWERS_INVALID',
    procedure: 'confirm-transfer',
    on: 'client',
    code: 'ANSWERS_INVALID',
    answers: confirm((a) => {
      a.confirmations = 0;
    }),
  },

  // Destruction: the basis, the approvers of a zero balance, each share and the files named for it.
  {
    name: 'destroying an active wallet on the basis "retired": WALLET_STATE_INVALID',
    procedure: 'destruction',
    on: 'client',
    code: 'WALLET_STATE_INVALID',
    answers: destroy((a) => {
      a.wallet = CLIENT;
      a.shares = [{ index: 1, method: 'shred', mediaId: 'USB-C-1', bagSerial: 'TB-C-1' }];
    }),
    check: says('is active, not retired'),
  },
  {
    name: 'a zero-balance destruction without approvers: ANSWERS_INVALID',
    procedure: 'destruction',
    on: 'client',
    code: 'ANSWERS_INVALID',
    check: says('zeroBalance'),
    answers: destroy((a) => {
      a.wallet = CLIENT;
      a.basis = 'zero-balance';
      a.shares = [{ index: 1, method: 'shred', mediaId: 'USB-C-1', bagSerial: 'TB-C-1' }];
    }),
  },
  {
    name: 'a zero balance attested by one approver: APPROVERS_TOO_FEW',
    procedure: 'destruction',
    on: 'client',
    code: 'APPROVERS_TOO_FEW',
    answers: destroy((a) => {
      a.wallet = CLIENT;
      a.basis = 'zero-balance';
      a.zeroBalance = { approvers: ['jules'], asOf: '2026-12-01', source: 'watch-only export of 2026-12-01' };
      a.shares = [{ index: 1, method: 'shred', mediaId: 'USB-C-1', bagSerial: 'TB-C-1' }];
    }),
  },
  {
    name: 'a zero-balance destruction of a wallet the record says holds the sweep: HOLDINGS_NOT_ZERO',
    procedure: 'destruction',
    on: 'final',
    code: 'HOLDINGS_NOT_ZERO',
    answers: destroy((a) => {
      a.wallet = REPLACEMENT;
      a.basis = 'zero-balance';
      a.zeroBalance = { approvers: ['jules', 'karin'], asOf: '2026-12-01', source: 'watch-only export of 2026-12-01' };
      a.shares = [{ index: 1, method: 'shred', mediaId: 'USB-R-1', bagSerial: 'TB-R-1' }];
    }),
  },
  {
    name: 'a share already destroyed: SHARE_ALREADY_DESTROYED',
    procedure: 'destruction',
    on: 'partial',
    code: 'SHARE_ALREADY_DESTROYED',
    answers: destroy((a) => {
      a.shares = [{ index: 1, method: 'shred', mediaId: 'USB-O-1', bagSerial: 'TB-O-1' }];
    }),
  },
  {
    name: 'a share index the wallet does not have: SHARE_NOT_FOUND',
    procedure: 'destruction',
    on: 'partial',
    code: 'SHARE_NOT_FOUND',
    answers: destroy((a) => {
      a.shares[0].index = 3;
    }),
  },
  {
    name: 'the same share named twice: SHARE_DUPLICATE',
    procedure: 'destruction',
    on: 'partial',
    code: 'SHARE_DUPLICATE',
    answers: destroy((a) => {
      a.shares = [a.shares[0], { ...a.shares[0], mediaId: 'USB-O-2b' }];
    }),
  },
  {
    name: 'a method other than shred or wipe ("burn"): ANSWERS_INVALID',
    procedure: 'destruction',
    on: 'partial',
    code: 'ANSWERS_INVALID',
    answers: destroy((a) => {
      a.shares[0].method = 'burn';
    }),
  },
  {
    name: 'the sealed share of another wallet named as the file of share 2: SHARE_FILE_MISMATCH, the file untouched',
    procedure: 'destruction',
    on: 'partial',
    code: 'SHARE_FILE_MISMATCH',
    answers: destroy((a) => {
      a.shares[0].files = [decoy('other-wallet')];
    }),
    check: (r, e) => {
      e(r.stderr).toMatch(/is not the sealed file of share 2/u);
      e(fs.existsSync(rig.path(decoy('other-wallet')))).toBe(true);
    },
  },
  {
    name: 'a file with the right name that is not a sealed share: SHARE_FILE_MISMATCH, the file untouched',
    procedure: 'destruction',
    on: 'partial',
    code: 'SHARE_FILE_MISMATCH',
    answers: destroy((a) => {
      a.shares[0].files = [decoy('name-only')];
    }),
    check: (r, e) => e(fs.readFileSync(rig.path(decoy('name-only')), 'utf8')).toBe('not a sealed share, only its name\n'),
  },
  {
    name: 'a share file that cannot be read: SHARE_FILE_UNREACHABLE',
    procedure: 'destruction',
    on: 'partial',
    code: 'SHARE_FILE_UNREACHABLE',
    answers: destroy((a) => {
      a.shares[0].files = [`decoys/missing/${path.basename(decoy('real'))}`];
    }),
  },
  {
    name: 'a bag whose serial is not the recorded one, with the real share file named: BAG_SERIAL_MISMATCH, the file untouched',
    procedure: 'destruction',
    on: 'partial',
    code: 'BAG_SERIAL_MISMATCH',
    answers: destroy((a) => {
      a.shares[0].files = [decoy('real')];
      a.shares[0].bagSerial = 'TB-O-9';
    }),
  },
  {
    name: 'shares not confirmed destroyed: CONFIRMATION_MISSING',
    procedure: 'destruction',
    on: 'partial',
    code: 'CONFIRMATION_MISSING',
    answers: destroy((a) => {
      delete a.confirm;
    }),
  },

  // Reconciliation: the balances file, and the credits declared from the custodian's register.
  {
    name: 'a balances file with an amount as a JSON number: BALANCES_INVALID',
    procedure: 'reconciliation',
    on: 'client',
    code: 'BALANCES_INVALID',
    answers: reconcile((a) => {
      a.balances.file = 'coordinator/balances-number.json';
    }),
    check: says('as a JSON number'),
  },
  {
    name: 'a balances CSV with three columns on a row: BALANCES_INVALID',
    procedure: 'reconciliation',
    on: 'client',
    code: 'BALANCES_INVALID',
    answers: reconcile((a) => {
      a.balances.file = 'coordinator/balances-three-columns.csv';
    }),
  },
  {
    name: 'a balances file listing an address twice: BALANCES_INVALID',
    procedure: 'reconciliation',
    on: 'client',
    code: 'BALANCES_INVALID',
    answers: reconcile((a) => {
      a.balances.file = 'coordinator/balances-twice.csv';
    }),
    check: says('twice'),
  },
  {
    name: 'a balances file that cannot be read: BALANCES_UNREADABLE',
    procedure: 'reconciliation',
    on: 'client',
    code: 'BALANCES_UNREADABLE',
    answers: reconcile((a) => {
      a.balances.file = 'coordinator/no-such-balances.csv';
    }),
  },
  {
    name: 'a credit to a wallet that is not recorded: WALLET_NOT_FOUND',
    procedure: 'reconciliation',
    on: 'client',
    code: 'WALLET_NOT_FOUND',
    answers: reconcile((a) => {
      a.credits[0].wallet = 'client-nobody-1';
    }),
  },
  {
    name: 'a credit with nine decimals: AMOUNT_INVALID',
    procedure: 'reconciliation',
    on: 'client',
    code: 'AMOUNT_INVALID',
    answers: reconcile((a) => {
      a.credits[0].amount = '0.700000001';
    }),
  },
  {
    name: 'a credit on a chain the wallet does not have: ANSWERS_INVALID',
    procedure: 'reconciliation',
    on: 'client',
    code: 'ANSWERS_INVALID',
    answers: reconcile((a) => {
      a.credits[0].chain = 'bitcoin';
    }),
  },

  // The air gap, where this machine looks online: refused before the station is opened.
  {
    name: 'a restitution on this online machine: AIRGAP_ONLINE',
    procedure: 'restitution',
    on: 'client',
    code: 'AIRGAP_ONLINE',
    online: true,
    answers: restitution(),
  },
  {
    name: 'the sweep sitting on this online machine: AIRGAP_ONLINE',
    procedure: 'compromise-rotation',
    on: 'waiting',
    code: 'AIRGAP_ONLINE',
    online: true,
    answers: sweep(),
  },
  {
    name: 'a destruction naming the real share file on this online machine: AIRGAP_ONLINE, the file untouched',
    procedure: 'destruction',
    on: 'partial',
    code: 'AIRGAP_ONLINE',
    online: true,
    answers: destroy((a) => {
      a.shares[0].files = [decoy('real')];
    }),
    check: (r, e) => {
      e(r.stderr).toContain('This machine looks connected to a network (');
      e(fs.existsSync(rig.path(decoy('real')))).toBe(true);
    },
  },
];

describe.concurrent('each refused transfer, rotation, destruction or reconciliation exits 1 with its code and changes nothing', () => {
  for (const [i, c] of CASES.entries()) {
    test.skipIf(c.online === true && !ONLINE)(c.name, ({ expect }) => refused(c, `case-${String(i).padStart(2, '0')}`, expect), 240_000);
  }
});
