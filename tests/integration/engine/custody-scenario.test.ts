/**
 * Issue 4, "Done when", the end-to-end scenario through the real `custos` CLI: station setup; seven
 * participants enrolled; a 3-of-5 client wallet and a 2-of-3 house wallet; a drill; an incident; a
 * compromise rotation of the house wallet in two sittings with its sweep; a restitution approved by
 * two approvers; the confirmations; a share of the replacement passing to another holder, who then
 * proves it in a drill; the destruction of the retired wallet (its share files
 * overwritten and removed); a reconciliation with one injected discrepancy, which opens an incident;
 * a drill that finds a seal broken and opens its incident (as do the rotation, for a share brought
 * without its bag, the restitution and the change of holder, for broken seals); a reshare of the client wallet that destroys
 * its old set (issue 19); and a proof of control of its first address for the auditor (BIP-322).
 * PSBTs are built and the signed transactions validated with bitcoinjs-lib and libsecp256k1
 * (tests/support/psbt-builder.ts). Then `custos verify` passes, `custos replay --json` shows the
 * expected states, and no secret of any wallet (entropy, mnemonic in order, seed, xprv, raw shares)
 * is in the data directory, the media, the temp directory, or anything the CLI printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EngineRig, PEOPLE, filesWritten, shareFilesIn, witnessMedia, type AnswersJson, type CliResult } from '../../support/engine-rig.ts';
import { accountKey, addressAt, buildPsbt, foreignAddress, validateSigned } from '../../support/psbt-builder.ts';
import { SecretScanner, recoverWallet } from '../../support/wallet-secrets.ts';

let rig: EngineRig;
let tmpBefore: Set<string>;
const printed: string[] = [];
const scanner = new SecretScanner();

const CLIENT = 'client-acme-1';
const HOUSE = 'house-ops-1';
const REPLACEMENT = 'house-ops-2';
const INCIDENT = 'INC-2026-007';
const DESTINATION = foreignAddress('regtest', 7);

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/gu, '')
    .toLowerCase()
    .replace(/ /gu, '-');
const nameOf = (label: string) => PEOPLE.find((p) => p.label === label)!.name;

/** The participants block of an answers file for these labels. */
function participants(...labels: string[]): AnswersJson {
  return Object.fromEntries(labels.map((l) => [l, { keyFile: `keys/${slug(nameOf(l))}.key`, passphraseFile: `passphrases/${l}.txt` }]));
}

function write(name: string, data: AnswersJson): string {
  fs.writeFileSync(
    rig.path(`${name}.json`),
    `${JSON.stringify({ station: { passphraseFile: 'passphrases/station.txt' }, witnessCheckpoints: witnessMedia(data), ...data }, null, 2)}\n`,
  );
  return name;
}

function seen(r: CliResult): CliResult {
  printed.push(r.stdout, r.stderr);
  return r;
}

async function run(procedure: string, answers: string): Promise<CliResult> {
  const r = seen(await rig.run(procedure, answers));
  if (r.status !== 0) throw new Error(`${procedure} (${answers}) failed (${r.status}): ${r.stderr}`);
  expect(r.stderr).toBe('');
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
  expect(files, `${label}/${folder}`).toHaveLength(1);
  return path.relative(rig.root, files[0]!.file);
}

const presented = (label: string, folder: string, serial: string) => ({
  holder: label,
  file: shareFile(label, folder),
  sharePassphraseFile: `passphrases/${label}-share.txt`,
  bag: { state: 'intact', serial },
});

const walletOf = (p: AnswersJson, id: string): AnswersJson => p.wallets.find((w: AnswersJson) => w.id === id);

async function recover(id: string, shares: [string, string][]): Promise<void> {
  const w = walletOf(await rig.replay(), id);
  scanner.add(
    await recoverWallet(
      w,
      shares.map(([label, folder]) => ({
        file: rig.path(shareFile(label, folder)),
        passphrase: fs.readFileSync(rig.path(`passphrases/${label}-share.txt`), 'utf8').replace(/\r?\n$/u, ''),
      })),
    ),
  );
}

beforeAll(async () => {
  tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
  rig = await EngineRig.create('custos-scenario-');
  for (const label of ['dora', 'emil', 'farid', 'gita', 'hana'])
    fs.writeFileSync(rig.path(`passphrases/${label}-share.txt`), `${label}: share passphrase for the scenario\n`);
  fs.writeFileSync(rig.path('passphrases/station.txt'), 'station: correct horse battery staple 2026\n');
}, 180_000);
afterAll(() => rig?.dispose());

describe('a custody station lives through every procedure, by the CLI', () => {
  test('station setup, then seven participants enrolled', async () => {
    await run(
      'station-setup',
      write('s-setup', {
        participants: participants('alice', 'bob', 'chloe'),
        roster: [
          { publicKeyFile: 'keys/alice-martin.pub.json', roles: ['officer'] },
          { publicKeyFile: 'keys/bob-okafor.pub.json', roles: ['witness'] },
          { publicKeyFile: 'keys/chloe-dubois.pub.json', roles: ['witness'] },
        ],
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
      }),
    );
    const joining: [string, string][] = [
      ['dora', 'holder'],
      ['emil', 'holder'],
      ['farid', 'holder'],
      ['gita', 'holder'],
      ['hana', 'holder'],
      ['jules', 'approver'],
      ['karin', 'approver'],
    ];
    for (const [label, role] of joining) {
      await run(
        'enrol-participant',
        write(`s-enrol-${label}`, {
          participants: participants('alice', 'bob', label),
          officer: 'alice',
          witness: 'bob',
          enrol: { publicKeyFile: `keys/${slug(nameOf(label))}.pub.json`, roles: [role], present: label },
        }),
      );
    }
    const p = await rig.replay();
    expect(p.participants).toHaveLength(10);
    expect(p.participants.filter((x: AnswersJson) => x.roles.includes('approver')).map((x: AnswersJson) => x.name)).toEqual(['Jules Moreau', 'Karin Berg']);
  }, 300_000);

  test('a 3-of-5 client wallet and a 2-of-3 house wallet, then a drill', async () => {
    const base = {
      participants: participants('alice', 'bob', 'chloe', 'dora', 'emil', 'farid', 'gita', 'hana'),
      officer: 'alice',
      witnesses: ['bob', 'chloe'],
      confirm: { holdersReceivedShares: true },
    };
    await run(
      'create-wallet',
      write('s-client', {
        ...base,
        wallet: { id: CLIENT, class: 'client', clientRef: 'CL-2026-0077', label: 'ACME Pension, cold storage' },
        chains: ['regtest', 'ethereum'],
        threshold: 3,
        holders: ['dora', 'emil', 'farid', 'gita', 'hana'].map((l, i) => holder(l, 'client', `TB-C-${i + 1}`)),
      }),
    );
    await run(
      'create-wallet',
      write('s-house', {
        ...base,
        wallet: { id: HOUSE, class: 'house', label: 'Operations reserve' },
        chains: ['regtest'],
        threshold: 2,
        holders: ['dora', 'emil', 'farid'].map((l, i) => holder(l, 'house', `TB-H-${i + 1}`)),
      }),
    );
    await recover(CLIENT, [
      ['dora', 'client'],
      ['gita', 'client'],
      ['hana', 'client'],
    ]);
    await recover(HOUSE, [
      ['emil', 'house'],
      ['farid', 'house'],
    ]);
    await run(
      'backup-drill',
      write('s-drill', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil', 'farid'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        wallet: CLIENT,
        shares: [presented('dora', 'client', 'TB-C-1'), presented('emil', 'client', 'TB-C-2'), presented('farid', 'client', 'TB-C-3')],
      }),
    );
    const p = await rig.replay();
    expect(walletOf(p, CLIENT)).toMatchObject({ state: 'active', class: 'client', ownerRef: 'CL-2026-0077', threshold: 3, shareCount: 5, quorumProven: true });
    expect(walletOf(p, CLIENT).lastDrill).not.toBeNull();
    expect(walletOf(p, HOUSE)).toMatchObject({ state: 'active', class: 'house', ownerRef: null, threshold: 2, shareCount: 3 });
  }, 300_000);

  test('an incident names the house wallet; the rotation waits for its sweep, which pays only the replacement', async () => {
    await run(
      'incident',
      write('s-incident', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        incident: {
          id: INCIDENT,
          action: 'open',
          significant: true,
          wallets: [HOUSE],
          fields: {
            occurredAt: '2026-11-20',
            discoveredAt: '2026-11-21',
            nature: 'A share bag of the house wallet was found opened.',
            origin: 'internal inspection',
            toolsAndStaff: 'Safe B, holders Dora and Emil',
            impact: 'House wallet possibly exposed',
            correctiveAction: 'Rotate the house wallet',
            targetDate: '2026-11-30',
          },
        },
      }),
    );
    const first = await run(
      'compromise-rotation',
      write('s-rotation-1', {
        participants: participants('alice', 'bob', 'chloe', 'gita', 'hana', 'dora'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        wallet: HOUSE,
        incident: INCIDENT,
        replacement: {
          wallet: { id: REPLACEMENT, class: 'house', label: 'Operations reserve (rotated)' },
          chains: ['regtest'],
          threshold: 2,
          holders: ['gita', 'hana', 'dora'].map((l, i) => holder(l, 'house2', `TB-R-${i + 1}`)),
        },
        descriptorFile: 'coordinator/house-ops-2.descriptor.json',
        confirm: { holdersReceivedShares: true },
      }),
    );
    expect(first.stdout).toMatch(/^compromise-rotation: ceremony compromise-rotation-\d+ is open, waiting for the sweep PSBT/u);
    let p = await rig.replay();
    expect(walletOf(p, HOUSE)).toMatchObject({ state: 'compromised', compromisedBy: INCIDENT });
    expect(walletOf(p, REPLACEMENT)).toMatchObject({ state: 'distributed', class: 'house' });
    const descriptor = JSON.parse(fs.readFileSync(rig.path('coordinator/house-ops-2.descriptor.json'), 'utf8'));
    expect(descriptor.accounts[0].xpub).toBe(walletOf(p, REPLACEMENT).accounts[0].xpub);
    expect(JSON.stringify(descriptor)).not.toMatch(/prv/u);
    await recover(REPLACEMENT, [
      ['gita', 'house2'],
      ['hana', 'house2'],
    ]);
    // While the rotation waits, no other ceremony may open, and the refusal changes nothing.
    const before = rig.journalBytes();
    const refused = seen(
      await rig.run(
        'incident',
        write('s-incident-while-waiting', {
          participants: participants('alice', 'bob'),
          officer: 'alice',
          witness: 'bob',
          incident: { id: INCIDENT, action: 'update', fields: { status: 'investigating' } },
        }),
      ),
    );
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/\[CEREMONY_WAITING\]/u);
    expect(rig.journalBytes()).toEqual(before);

    // The coordinator prepares the sweep from the descriptor: every coin of the old wallet to the replacement.
    const old = walletOf(p, HOUSE);
    const target = addressAt(accountKey(descriptor.accounts[0].xpub, 'regtest'), 'regtest', 0, 0);
    const psbt = buildPsbt({
      xpub: old.accounts[0].xpub,
      fingerprint: old.fingerprint,
      network: 'regtest',
      inputs: [
        [0, 0, 150_000n],
        [0, 1, 250_000n],
        [1, 0, 100_000n],
      ],
      payments: [{ address: target, amount: 499_000n }],
    });
    fs.writeFileSync(rig.path('coordinator/sweep.psbt'), psbt);
    const second = await run(
      'compromise-rotation',
      write('s-rotation-2', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        // Emil brings his share without its bag: the rotation (compromise-rotation@3) opens its incident before the sweep.
        shares: [presented('dora', 'house', 'TB-H-1'), { ...presented('emil', 'house', 'TB-H-2'), bag: { state: 'missing' } }],
        sweep: { psbtFile: 'coordinator/sweep.psbt', network: 'regtest', outputDir: 'coordinator/signed' },
      }),
    );
    expect(second.stdout).toMatch(/ closed; /u);
    expect(second.stdout).toMatch(/^ {2}incidents: SEAL-compromise-rotation-\d+-2$/mu);
    p = await rig.replay();
    expect(walletOf(p, HOUSE).shares[1]).toMatchObject({ index: 2, atRisk: true, bagSerial: 'TB-H-2' });
    expect(p.incidents.find((i: AnswersJson) => i.id.startsWith('SEAL-compromise-rotation-'))).toMatchObject({
      status: 'open',
      significant: true,
      wallets: [HOUSE],
      origin: 'compromise-rotation',
    });
    const [transfer] = walletOf(p, HOUSE).transfers;
    expect(transfer).toMatchObject({ kind: 'sweep', to: REPLACEMENT, amount: '499000', debit: '500000', fee: '1000', state: 'signed', chain: 'regtest' });
    const hex = fs.readFileSync(rig.path(`coordinator/signed/custos-${HOUSE}-${transfer.txid}.txn`), 'utf8').trim();
    expect(validateSigned(psbt, hex, 'regtest')).toEqual({ fee: 1000n, txid: transfer.txid });
    expect(walletOf(p, REPLACEMENT)).toMatchObject({ state: 'active', replaces: HOUSE });
    expect(walletOf(p, HOUSE)).toMatchObject({ state: 'compromised', replacedBy: REPLACEMENT });
    await run(
      'confirm-transfer',
      write('s-confirm-sweep', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        wallet: HOUSE,
        txid: transfer.txid,
        blockHeight: 812,
        confirmations: 6,
      }),
    );
    p = await rig.replay();
    expect(walletOf(p, HOUSE).state).toBe('retired');
    expect(walletOf(p, HOUSE).transfers[0]).toMatchObject({ state: 'confirmed', blockHeight: 812 });
    expect(walletOf(p, REPLACEMENT).holdings.regtest.recorded).toBe('499000');
  }, 420_000);

  test('a restitution approved by two approvers pays exactly the destination, with change back', async () => {
    const client = walletOf(await rig.replay(), CLIENT);
    const regtest = client.accounts.find((a: AnswersJson) => a.chain === 'regtest');
    const psbt = buildPsbt({
      xpub: regtest.xpub,
      fingerprint: client.fingerprint,
      network: 'regtest',
      inputs: [
        [0, 0, 50_000_000n],
        [0, 2, 20_000_000n],
      ],
      payments: [{ address: DESTINATION, amount: 30_000_000n }],
      change: [1, 0, 39_998_000n],
    });
    fs.writeFileSync(rig.path('coordinator/restitution.psbt'), psbt);
    await run(
      'restitution',
      write('s-restitution', {
        participants: participants('alice', 'bob', 'chloe', 'jules', 'karin', 'gita', 'hana', 'dora'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        approvers: ['jules', 'karin'],
        wallet: CLIENT,
        request: { reference: 'RET-2026-0012', reason: 'End of contract' },
        destination: { address: DESTINATION, amount: '0.3', network: 'regtest' },
        psbtFile: 'coordinator/restitution.psbt',
        outputDir: 'coordinator/signed',
        // Hana's bag is found broken and her medium re-bagged: the restitution (restitution@3) opens its incident before it imports anything.
        shares: [
          presented('gita', 'client', 'TB-C-4'),
          { ...presented('hana', 'client', 'TB-C-5'), bag: { state: 'broken', serial: 'TB-C-5', newSerial: 'TB-C-5R' } },
          presented('dora', 'client', 'TB-C-1'),
        ],
      }),
    );
    let p = await rig.replay();
    expect(walletOf(p, CLIENT).shares[4]).toMatchObject({ index: 5, atRisk: false, bagSerial: 'TB-C-5R' });
    expect(p.incidents.find((i: AnswersJson) => i.id.startsWith('SEAL-restitution-'))).toMatchObject({
      status: 'open',
      wallets: [CLIENT],
      origin: 'restitution',
    });
    const [transfer] = walletOf(p, CLIENT).transfers;
    expect(transfer).toMatchObject({ kind: 'restitution', to: DESTINATION, amount: '30000000', debit: '30002000', fee: '2000', state: 'signed' });
    const hex = fs.readFileSync(rig.path(`coordinator/signed/custos-${CLIENT}-${transfer.txid}.txn`), 'utf8').trim();
    expect(validateSigned(psbt, hex, 'regtest')).toEqual({ fee: 2000n, txid: transfer.txid });
    await run(
      'confirm-transfer',
      write('s-confirm-restitution', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        wallet: CLIENT,
        txid: transfer.txid,
        blockHeight: 815,
        confirmations: 3,
      }),
    );
    p = await rig.replay();
    expect(walletOf(p, CLIENT)).toMatchObject({ state: 'active' });
    expect(walletOf(p, CLIENT).transfers[0].state).toBe('confirmed');
  }, 300_000);

  test("a share of the replacement passes from Dora to Emil, her bag found broken (its incident opened in the change of holder); Dora's file is overwritten and removed", async () => {
    const doraFile = shareFile('dora', 'house2');
    await run(
      'change-holder',
      write('s-change-holder', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        wallet: REPLACEMENT,
        reason: 'Dora leaves the operations team',
        // Dora's bag is found with its seal broken: the change of holder opens its incident (change-holder@2).
        share: {
          ...presented('dora', 'house2', 'TB-R-3'),
          bag: { state: 'broken', serial: 'TB-R-3', photoSha256: 'a1'.repeat(32) },
          previousFiles: [doraFile],
        },
        to: holder('emil', 'house2', 'TB-R-4'),
        confirm: { holderReceivedShare: true },
      }),
    );
    expect(fs.existsSync(rig.path(doraFile))).toBe(false);
    const p = await rig.replay();
    const w = walletOf(p, REPLACEMENT);
    const emil = p.participants.find((x: AnswersJson) => x.name === 'Emil Novak').keyid;
    expect(w.shares[2]).toMatchObject({ index: 3, holder: emil, bagSerial: 'TB-R-4', state: 'held', atRisk: false });
    expect(p.incidents.find((i: AnswersJson) => i.id.startsWith('SEAL-change-holder-'))).toMatchObject({
      status: 'open',
      significant: true,
      wallets: [REPLACEMENT],
      origin: 'change-holder',
      nature: expect.stringContaining('at a change of holder'),
    });
    expect(w).toMatchObject({ state: 'active', quorumProven: true });
    // Emil can now present it, with his own passphrase, to prove it in a drill.
    await run(
      'backup-drill',
      write('s-drill-replacement', {
        participants: participants('alice', 'bob', 'chloe', 'gita', 'emil'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        wallet: REPLACEMENT,
        shares: [presented('gita', 'house2', 'TB-R-1'), presented('emil', 'house2', 'TB-R-4')],
      }),
    );
  }, 300_000);

  test('the retired house wallet is destroyed share by share; its share files are overwritten and removed', async () => {
    const files = [shareFile('dora', 'house'), shareFile('emil', 'house'), shareFile('farid', 'house')];
    await run(
      'destruction',
      write('s-destruction', {
        participants: participants('alice', 'bob', 'chloe', 'dora'),
        officer: 'alice',
        witnesses: ['bob', 'chloe'],
        wallet: HOUSE,
        basis: 'retired',
        shares: [
          { index: 1, holder: 'dora', method: 'shred', mediaId: 'USB-0001', bagSerial: 'TB-H-1', files: [files[0]] },
          { index: 2, method: 'wipe', mediaId: 'USB-0002', bagSerial: 'TB-H-2', files: [files[1]] },
          { index: 3, method: 'shred', mediaId: 'USB-0003', bagSerial: 'TB-H-3', files: [files[2]] },
        ],
        confirm: { sharesDestroyed: true },
      }),
    );
    for (const f of files) expect(fs.existsSync(rig.path(f)), f).toBe(false);
    const w = walletOf(await rig.replay(), HOUSE);
    expect(w.state).toBe('destroyed');
    expect(w.shares.map((s: AnswersJson) => s.state)).toEqual(['destroyed', 'destroyed', 'destroyed']);
  }, 300_000);

  test('a reconciliation with one injected discrepancy records it and opens an incident', async () => {
    const p0 = await rig.replay();
    const client = walletOf(p0, CLIENT).accounts.find((a: AnswersJson) => a.chain === 'regtest');
    const replacement = walletOf(p0, REPLACEMENT).accounts[0];
    const change = addressAt(accountKey(client.xpub, 'regtest'), 'regtest', 1, 0);
    // The replacement holds 1,000 sat more than the sweep brought: the injected discrepancy.
    fs.writeFileSync(rig.path('coordinator/balances.csv'), `address,amount\n${change},0.39998\n${replacement.addresses[0]},0.00500\n`);
    await run(
      'reconciliation',
      write('s-reconciliation', {
        participants: participants('alice', 'bob'),
        officer: 'alice',
        witness: 'bob',
        balances: { file: 'coordinator/balances.csv', asOf: '2026-11-23' },
        credits: [
          { wallet: CLIENT, chain: 'regtest', amount: '0.7', reference: 'DEP-2026-1101' },
          { wallet: HOUSE, chain: 'regtest', amount: '0.005', reference: 'DEP-2026-0930' },
        ],
      }),
    );
    const p = await rig.replay();
    const incidents = p.incidents.filter((i: AnswersJson) => i.origin === 'reconciliation');
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ status: 'open', wallets: [REPLACEMENT], significant: true });
    expect(incidents[0].nature).toMatch(/recorded 499000, held 500000/u);
    expect(walletOf(p, CLIENT).holdings.regtest.recorded).toBe('39998000');
    expect(walletOf(p, REPLACEMENT).holdings.regtest.recorded).toBe('500000');
  }, 300_000);

  test('a drill of the client wallet finds Gita’s seal broken and opens its incident; the wallet is reshared 2-of-3 without Emil and Gita, its old set destroyed; then its first address proves control to the auditor', async () => {
    const people = { officer: 'alice', witnesses: ['bob', 'chloe'] };
    const photo = '7e'.repeat(32);
    await run(
      'backup-drill',
      write('s-drill-seal', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'gita', 'hana'),
        ...people,
        wallet: CLIENT,
        shares: [
          presented('dora', 'client', 'TB-C-1'),
          { ...presented('gita', 'client', 'TB-C-4'), bag: { state: 'broken', serial: 'TB-C-4', photoSha256: photo } },
          presented('hana', 'client', 'TB-C-5R'),
        ],
      }),
    );
    let p = await rig.replay();
    const seal = p.incidents.find((i: AnswersJson) => i.id.startsWith('SEAL-backup-drill-'));
    expect(seal).toMatchObject({ status: 'open', significant: true, wallets: [CLIENT], origin: 'backup-drill' });
    expect(walletOf(p, CLIENT).shares[3]).toMatchObject({ index: 4, atRisk: true });
    const before = walletOf(p, CLIENT);

    // The share at risk, and Emil's, leave the custody: the wallet is reshared among Dora, Farid and Hana.
    const doraOld = shareFile('dora', 'client');
    await run(
      'reshare',
      write('s-reshare', {
        participants: participants('alice', 'bob', 'chloe', 'dora', 'emil', 'farid', 'gita', 'hana'),
        ...people,
        wallet: CLIENT,
        reason: 'Gita’s bag was found broken (incident opened); Emil leaves. The wallet is reshared among Dora, Farid and Hana.',
        shares: [presented('dora', 'client', 'TB-C-1'), presented('farid', 'client', 'TB-C-3'), presented('hana', 'client', 'TB-C-5R')],
        threshold: 2,
        holders: [holder('dora', 'client2', 'TB-C2-1'), holder('farid', 'client2', 'TB-C2-2'), holder('hana', 'client2', 'TB-C2-3')],
        destroy: [
          { index: 1, holder: 'dora', method: 'wipe', mediaId: 'USB-C-1', bagSerial: 'TB-C-1', files: [doraOld] },
          { index: 2, holder: 'emil', method: 'shred', mediaId: 'USB-C-2', bagSerial: 'TB-C-2' },
          { index: 3, method: 'shred', mediaId: 'USB-C-3', bagSerial: 'TB-C-3' },
          { index: 4, holder: 'gita', method: 'shred', mediaId: 'USB-C-4', bagSerial: 'TB-C-4' },
          { index: 5, method: 'shred', mediaId: 'USB-C-5', bagSerial: 'TB-C-5R' },
        ],
        confirm: { holdersReceivedShares: true, oldSharesDestroyed: true },
      }),
    );
    expect(fs.existsSync(rig.path(doraOld))).toBe(false);
    p = await rig.replay();
    const reshared = walletOf(p, CLIENT);
    expect(reshared).toMatchObject({ state: 'active', fingerprint: before.fingerprint, threshold: 2, shareCount: 3, quorumProven: true });
    expect(reshared.accounts).toEqual(before.accounts);
    expect(reshared.holdings).toEqual(before.holdings);
    expect(reshared.formerSets).toEqual([expect.objectContaining({ setId: before.setId, outcome: 'retired' })]);
    expect(reshared.formerSets[0].shares.every((s: AnswersJson) => s.state === 'destroyed')).toBe(true);
    expect(reshared.shares.some((s: AnswersJson) => s.atRisk)).toBe(false);

    // The auditor's challenge, signed with the key of the wallet's first regtest address by a quorum of the new set.
    const challenge = 'Cabinet Durand, audit of ACME custody 2026: prove control of your first address. Nonce 11f0c3.';
    fs.writeFileSync(rig.path('coordinator/challenge.txt'), challenge);
    const r = await run(
      'proof-of-control',
      write('s-proof', {
        participants: participants('alice', 'bob', 'chloe', 'farid', 'hana'),
        ...people,
        wallet: CLIENT,
        chain: 'regtest',
        addressIndex: 0,
        requestedBy: 'Cabinet Durand, statutory auditor',
        challengeFile: 'coordinator/challenge.txt',
        shares: [presented('farid', 'client2', 'TB-C2-2'), presented('hana', 'client2', 'TB-C2-3')],
        outputDir: 'coordinator/proofs',
      }),
    );
    const first = reshared.accounts.find((a: AnswersJson) => a.chain === 'regtest').addresses[0];
    expect(r.stdout).toContain(`address: ${first}`);
    const [proofFile] = fs.readdirSync(rig.path('coordinator/proofs'));
    expect(JSON.parse(fs.readFileSync(rig.path(`coordinator/proofs/${proofFile}`), 'utf8'))).toMatchObject({
      format: 'custos-proof-of-control/1',
      wallet: CLIENT,
      chain: 'regtest',
      address: first,
      method: 'bip322-simple',
      challenge,
    });
  }, 300_000);

  test('custos verify passes; replay shows every state; the ceremonies are all closed', async () => {
    const verify = seen(await rig.custos('verify', rig.station, '--json'));
    expect(verify.status, verify.stdout).toBe(0);
    const report = JSON.parse(verify.stdout);
    // The rig reads the air-gap evidence under the offline-laptop fixture, not the live system:
    // each opening says so (AIRGAP_NOT_LIVE, a warning), and nothing else is reported.
    const openings = report.findings.filter((f: AnswersJson) => f.code === 'AIRGAP_NOT_LIVE');
    expect(openings.length).toBe(report.ceremonies);
    expect(report.findings.filter((f: AnswersJson) => f.code !== 'AIRGAP_NOT_LIVE')).toEqual([]);
    expect(openings.every((f: AnswersJson) => f.severity === 'warning' && String(f.details.root).endsWith('offline-laptop'))).toBe(true);
    expect(seen(await rig.custos('verify', rig.station, '--checkpoint', rig.path('media/bob/checkpoint.txt'))).status).toBe(0);
    const p = await rig.replay();
    expect(p.wallets.map((w: AnswersJson) => `${w.id} ${w.class} ${w.state}`)).toEqual([
      `${CLIENT} client active`,
      `${HOUSE} house destroyed`,
      `${REPLACEMENT} house active`,
    ]);
    expect(p.incidents.map((i: AnswersJson) => `${i.id.replace(/^(REC-reconciliation|SEAL-[a-z-]+?)-\d+-/u, '$1-N-')} ${i.status}`)).toEqual([
      `${INCIDENT} open`,
      'SEAL-compromise-rotation-N-2 open',
      'SEAL-restitution-N-5 open',
      'SEAL-change-holder-N-3 open',
      'REC-reconciliation-N-1 open',
      'SEAL-backup-drill-N-4 open',
    ]);
    expect(p.ceremonies.every((c: AnswersJson) => c.state === 'closed')).toBe(true);
    expect(p.ceremonies.map((c: AnswersJson) => c.procedureId.split('@')[0])).toEqual([
      'station-setup',
      ...Array(7).fill('enrol-participant'),
      'create-wallet',
      'create-wallet',
      'backup-drill',
      'incident',
      'compromise-rotation',
      'confirm-transfer',
      'restitution',
      'confirm-transfer',
      'change-holder',
      'backup-drill',
      'destruction',
      'reconciliation',
      'backup-drill',
      'reshare',
      'proof-of-control',
    ]);
  }, 120_000);

  test('replay and the incident reports speak plain words, in English and French, about the real station', async () => {
    const p = await rig.replay();
    const say = async (...args: string[]) => {
      const r = seen(await rig.custos(...args));
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/null|undefined|[{}"]|occurredAt|toolsAndStaff|ownerRef|drillOverdue/u);
      return r.stdout;
    };
    const replay = await say('replay', rig.station);
    // Each wallet's first receive address and account xpub, as the record has them, for the officer to compare.
    for (const w of p.wallets) {
      for (const a of w.accounts) expect(replay).toMatch(new RegExp(`\\n  ${w.id} +${a.chain} +\\S+ +${a.addresses[0]} +${a.xpub}\\n`, 'u'));
    }
    expect(replay).toMatch(new RegExp(`\\n  ${CLIENT} +regtest +0\\.39998000 rBTC \\(39,998,000 sat\\) `, 'u'));
    expect(replay).toMatch(new RegExp(`\\n  ${HOUSE} +.* house +— +destroyed +2 of 3 +shares destroyed `, 'u'));
    expect(replay).toMatch(/\n {2}create-wallet-\d+ +Create a custody wallet +closed /u);
    const replayFr = await say('--lang', 'fr', 'replay', rig.station);
    expect(replayFr).toMatch(new RegExp(`\\n  ${CLIENT} +regtest +0,39998000 rBTC \\(39\u202f998\u202f000 sat\\) `, 'u'));
    expect(replayFr).toMatch(/\n {2}create-wallet-\d+ +Créer un portefeuille de conservation +clôturée /u);

    const incident = await say('report', 'incident', rig.station, INCIDENT);
    expect(incident.split('\n')[0]).toBe(`Incident ${INCIDENT}: open — significant incident`);
    expect(incident).toMatch(/\n {2}Occurred +20 Nov 2026\n/u);
    expect(incident).toMatch(/\n {2}Tools and staff involved +\S/u);
    expect(incident).toMatch(/\n {2}Closed +—\n/u);
    expect(incident).toMatch(new RegExp(`\\n  Wallets concerned +${HOUSE}\\n`, 'u'));
    expect(incident).toMatch(/\nHistory\n {2}Ceremony +Action +When\n.*\n {2}incident-\d+ +opened +\d+ \w{3} 2026, \d\d:\d\d:\d\d UTC\n/u);
    const incidentFr = await say('--lang', 'fr', 'report', 'incident', rig.station, INCIDENT);
    expect(incidentFr.split('\n')[0]).toBe(`Incident ${INCIDENT} : ouvert — incident significatif`);
    expect(incidentFr).toMatch(/\n {2}Survenu le +20 nov\. 2026\n/u);
    const period = await say('report', 'incidents', rig.station, '--from', '2026-01-01', '--to', '2030-12-31');
    expect(period.split('\n')[0]).toBe('Incident report: 1 Jan 2026 to 31 Dec 2030');
    expect(period).toMatch(/\n {2}Still open +6\n/u);
    expect(period).toMatch(new RegExp(`\\n  ${INCIDENT} +open +Yes +20 Nov 2026 +\\S`, 'u'));
  }, 60_000);

  test('no secret of any wallet in the data directory, the media, the temp directory or the CLI output', () => {
    expect(scanner.size).toBeGreaterThan(40);
    const files = filesWritten(rig.root, tmpBefore);
    expect(files.filter((f) => f.includes(`${path.sep}journal${path.sep}`)).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.endsWith('.cshare')).length).toBeGreaterThanOrEqual(8);
    const found = [...scanner.scanFiles(files), ...scanner.leaks(Buffer.from(printed.join('\n'))).map((l) => `${l} in the CLI's output`)];
    expect(found).toEqual([]);
  }, 120_000);
});
