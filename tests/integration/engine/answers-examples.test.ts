/**
 * Issue 4, "The engine" (headless `custos run` from an answers file; "Headless runs": "docs/cli.md has
 * one complete answers example per procedure, and tests run exactly those examples") and principle 1
 * (no secret on the station's disk): each example of docs/answers/ runs unchanged, in the order a
 * station lives them (tests/support/engine-rig.ts, EXAMPLE_ORDER), through the real `custos run` in
 * one workspace: station-setup, enrol-participant, create-wallet of a 3-of-5 client wallet,
 * backup-drill, revoke-participant, incident (naming the wallet), compromise-rotation in its two
 * sittings (compromise-rotation.json, then compromise-rotation-sweep.json), confirm-transfer of the
 * sweep, restitution from the replacement, the token list, a restitution of a token from the
 * replacement's Ethereum account, destruction of the retired wallet's shares, and reconciliation. After each, `custos verify` exits 0 (also against the checkpoint each witness
 * kept) and `custos replay --json` shows the expected state.
 *
 * The inputs that exist only at run time are written by the test at the fixed paths the examples
 * name, as the coordinator would: the sweep and restitution PSBTs (built with bitcoinjs-lib from the
 * recorded xpubs, mainnet), the Ethereum transfer request (its token call encoded by ethers), the signed sweep transaction brought back for its confirmation, the
 * balances file (addresses derived from the record), and the share files the holders present.
 *
 * Then both wallets' secrets, recovered independently from their sealed share files
 * (tests/support/wallet-secrets.ts), are searched for in every file of the workspace (data
 * directory, media, coordinator files), every file the runs left in the OS temp dir, and every output
 * of the CLI: none may appear.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bytesToHex } from '@noble/hashes/utils.js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EngineRig, OFFLINE_LAPTOP, filesWritten, procedureOf, shareFilesIn, type AnswersJson, type CliResult } from '../../support/engine-rig.ts';
import { interruptedRun, journalEntries } from '../../support/interrupt.ts';
import { NOT_RESUMABLE } from '../../../ceremonies/engine/resumption.ts';
import { coordinatorSweep } from '../../support/coordinator-sweep.ts';
import { createHash } from 'node:crypto';
import { URDecoder } from '@ngraveio/bc-ur';
import { HDNodeWallet, verifyMessage } from 'ethers';
import { hasValidChecksum } from '../../../crypto/descriptor.ts';
import { journalPayloads, lastCeremonyEntries } from '../../support/journal-entries.ts';
import { etherRequest, readSigned, transferData } from '../../support/eth-request.ts';
import { accountKey, addressAt, buildPsbt, validateSigned } from '../../support/psbt-builder.ts';
import { SecretScanner, recoverWallet, type RecoveredWallet } from '../../support/wallet-secrets.ts';

let rig: EngineRig;
/** Top-level entries of the OS temp dir before anything ran (to find what the runs left there). */
let tmpBefore: Set<string>;
/** Everything the CLI printed, searched for secrets too. */
const printed: string[] = [];
/** Warnings verify reported after each example. */
const warnings: string[] = [];
const scanner = new SecretScanner();
/** The interrupted copies resumed with --resume (name@entry), checked at the end. */
const resumedCopies: string[] = [];
/** What the last example's run printed on standard output. */
let lastOutput = '';

beforeAll(async () => {
  tmpBefore = new Set(fs.readdirSync(os.tmpdir()));
  rig = await EngineRig.create('custos-answers-');
}, 180_000);
afterAll(() => rig?.dispose());

function seen(r: CliResult): CliResult {
  printed.push(r.stdout, r.stderr);
  return r;
}

/**
 * Runs one example unchanged; then verify (plain and against each witness's checkpoint) and replay.
 * `waiting`: the run leaves its ceremony open (a rotation's first sitting): no checkpoint is kept.
 */
async function runExample(name: string, options: { waiting?: boolean } = {}): Promise<AnswersJson> {
  const procedure = procedureOf(name);
  // The workspace as it is before the run, for the interrupted copies (interruptOnClones).
  const before = EngineRig.fromSnapshot(rig.root, `custos-before-${name}-`);
  const signedBefore = journalPayloads(rig.station).length;
  const r = seen(await rig.run(procedure, name));
  const signed = journalPayloads(rig.station)
    .slice(signedBefore)
    .map((p) => p.step ?? p.type);
  try {
    await interruptOnClones(name, before.root, signed);
  } finally {
    before.dispose();
  }
  expect(r.stderr).toBe('');
  expect(r.status, r.stderr).toBe(0);
  lastOutput = r.stdout;
  expect(r.stdout).toMatch(new RegExp(`^${procedure}: ceremony ${procedure}-\\d+ ${options.waiting ? 'is open, waiting for ' : 'closed;'}`, 'u'));
  const verify = seen(await rig.custos('verify', rig.station, '--json'));
  expect(verify.status, verify.stdout).toBe(0);
  const report = JSON.parse(verify.stdout);
  expect(report.ok).toBe(true);
  expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
  // The rig reads the air-gap evidence under the offline-laptop fixture: every opening says so
  // (AIRGAP_NOT_LIVE, checked here), and any other warning is kept for the test to name.
  const notLive = report.findings.filter((f: { code: string }) => f.code === 'AIRGAP_NOT_LIVE');
  expect(notLive.length).toBe(report.ceremonies);
  warnings.push(...report.findings.filter((f: { code: string }) => f.code !== 'AIRGAP_NOT_LIVE').map((f: { code: string }) => `${name}: ${f.code}`));
  const kept = Object.values(rig.answers(name).witnessCheckpoints ?? {}) as string[];
  expect(kept.length > 0, 'witnessCheckpoints').toBe(!options.waiting);
  for (const file of kept) {
    // The note each witness keeps is the station's latest checkpoint, and the journal still reaches it.
    const latest = fs.readdirSync(path.join(rig.station, 'checkpoints')).sort().at(-1)!;
    expect(fs.readFileSync(rig.path(file), 'utf8')).toBe(fs.readFileSync(path.join(rig.station, 'checkpoints', latest), 'utf8'));
    expect(seen(await rig.custos('verify', rig.station, '--checkpoint', rig.path(file))).status).toBe(0);
  }
  return rig.replay();
}

/**
 * Issue 15, "a signal test interrupts every procedure at every step": the same run is interrupted
 * after each step it signs in turn (the open, each step, up to the close), each time on a copy of the
 * workspace as it was before the run (station, media, coordinator files), until the run ends before
 * the signal lands. A step repeated (a hand-over per holder, a share presented per holder) is
 * interrupted at its first and last occurrence (`signed`: the steps the uninterrupted run signed, in
 * order); at every occurrence when CUSTOS_INTERRUPT_ALL=1, as `npm run test:slow` sets. The
 * signals take turns, SIGINT after the first entry, SIGKILL after the second, and so on, so every
 * example meets both (both after every entry with CUSTOS_INTERRUPT_ALL=1). SIGINT is Ctrl-C: the run aborts its ceremony itself.
 * SIGKILL is a power loss: an officer and a witness then end the ceremony with `custos abort`.
 * Either way the copy verifies with no error and nothing is left open, so the next ceremony can run.
 */
async function interruptOnClones(name: string, snapshot: string, signed: readonly string[]): Promise<void> {
  const every = process.env.CUSTOS_INTERRUPT_ALL === '1';
  const signalsAt = (k: number): NodeJS.Signals[] => (every ? ['SIGINT', 'SIGKILL'] : [k % 2 === 0 ? 'SIGKILL' : 'SIGINT']);
  // Entry k (1-based) is interrupted unless it is a middle occurrence of a repeated step; after the last, the run ends first.
  const middle = (k: number) => signed[k - 1] === signed[k - 2] && signed[k - 1] === signed[k];
  const queue = (function* () {
    for (let k = 1; k <= signed.length + 1; k++) if (every || !middle(k)) for (const signal of signalsAt(k)) yield { k, signal };
  })();
  const tried: string[] = [];
  let ended = false;
  // Two copies at a time (each is its own workspace); no later entry is tried once a run ended first.
  const worker = async () => {
    for (let job = queue.next(); !job.done && !ended; job = queue.next()) {
      const s = await interruptCopy(name, snapshot, job.value.k, job.value.signal);
      tried.push(s.outcome);
      if (s.ranToItsEnd) ended = true;
    }
  };
  await Promise.all([worker(), worker()]);
  expect(ended, `${name}: interrupted after each of its ${signed.length} entries and it has not ended: ${tried.join('; ')}`).toBe(true);
  // At least the open and one step were interrupted before the run could end on its own.
  expect(tried.filter((t) => !t.endsWith('ended first')).length, `${name}: ${tried.join('; ')}`).toBeGreaterThanOrEqual(2);
}

/** Interrupts `name`'s run with `signal` after its `after`-th entry on a copy of the workspace, ends what is left open, and checks the copy. */
async function interruptCopy(name: string, snapshot: string, after: number, signal: NodeJS.Signals): Promise<{ outcome: string; ranToItsEnd: boolean }> {
  const procedure = procedureOf(name);
  const copy = EngineRig.fromSnapshot(snapshot, `custos-interrupt-${name}-`);
  try {
    const before = journalEntries(copy.station);
    let r: CliResult & { at: number };
    try {
      r = await interruptedRun(copy, procedure, `${name}.json`, signal, after);
    } catch (error) {
      // The run signed fewer entries than `after` and ended: every entry before it was interrupted already.
      if (/ended \(0\) before it could be interrupted/u.test((error as Error).message)) return { outcome: `${signal}@${after} ended first`, ranToItsEnd: true };
      throw error;
    }
    seen(r);
    const signed = r.at - before;
    // A ceremony whose next entry is its last may close before the stop takes effect: it says so.
    // A signal that lands while the finished process is exiting (Node has let go of its signal
    // handlers by then) ends it by that signal, after its summary was printed: that run also ended first.
    const summarized = new RegExp(`^${procedure}: ceremony \\S+ (closed|is open, waiting for )`, 'u').test(r.stdout);
    const closedFirst = r.status === 0 || (r.status === null && summarized);
    if (signal === 'SIGINT') {
      // (Or the run had ended before the signal reached it: then it says nothing at all.)
      if (closedFirst)
        expect(r.stderr).toMatch(/^$|had already (closed|reached its waiting point) when the stop \(SIGINT\) took effect: nothing was aborted\.\n$/u);
      else {
        expect(r.status, r.stderr).toBe(1);
        expect(r.stderr).toMatch(/The run was stopped \(SIGINT\): the ceremony is aborted with that reason.*\[RUN_INTERRUPTED\]\n$/u);
      }
    } else expect([null, 0], r.stderr).toContain(r.status);
    const left = lastCeremony(await copy.replay());
    let how = '';
    // After a power loss, a ceremony that can be done again identically is resumed with the same answers (--resume).
    if (signal === 'SIGKILL' && left.state === 'open' && !NOT_RESUMABLE.has(procedure) && name !== 'compromise-rotation-sweep') {
      const resumed = seen(await copy.run(procedure, name, { extra: ['--resume'] }));
      expect(resumed.status, `${name} resumed after entry ${r.at}: ${resumed.stderr}`).toBe(0);
      expect(resumed.stdout).toMatch(new RegExp(`^${procedure}: ceremony ${left.id} closed;`, 'u'));
      how = ' resumed';
      resumedCopies.push(`${name}@${r.at}`);
    } else if (signal === 'SIGKILL' && left.state === 'open') {
      fs.writeFileSync(
        copy.path('abort-answers.json'),
        JSON.stringify({
          station: { passphraseFile: 'passphrases/station.txt' },
          participants: {
            alice: { keyFile: 'keys/alice-martin.key', passphraseFile: 'passphrases/alice.txt' },
            bob: { keyFile: 'keys/bob-okafor.key', passphraseFile: 'passphrases/bob.txt' },
          },
          officer: 'alice',
          witness: 'bob',
        }),
      );
      const ended = seen(
        await copy.custos(
          'abort',
          copy.station,
          '--reason',
          `${name} was killed after entry ${r.at}`,
          '--answers',
          'abort-answers.json',
          '--system-root',
          OFFLINE_LAPTOP,
        ),
      );
      expect(ended.status, ended.stderr).toBe(0);
    }
    let report = JSON.parse(seen(await copy.custosInProcess('verify', copy.station, '--json')).stdout);
    // Killed between the close and its checkpoint: a close no witness cosigned, until witnesses cosign a checkpoint now.
    if (signal === 'SIGKILL' && report.findings.some((f: { code: string }) => f.code === 'CLOSE_NOT_CHECKPOINTED')) {
      expect(report.findings.map((f: { code: string }) => f.code).filter((c: string) => c !== 'AIRGAP_NOT_LIVE')).toEqual(['CLOSE_NOT_CHECKPOINTED']);
      const cosign = async (witnesses: string[]) => {
        fs.writeFileSync(
          copy.path('checkpoint-answers.json'),
          JSON.stringify({
            station: { passphraseFile: 'passphrases/station.txt' },
            participants: {
              bob: { keyFile: 'keys/bob-okafor.key', passphraseFile: 'passphrases/bob.txt' },
              chloe: { keyFile: 'keys/chloe-dubois.key', passphraseFile: 'passphrases/chloe.txt' },
            },
            witnesses,
            witnessCheckpoints: Object.fromEntries(witnesses.map((w) => [w, `media/${w}/after-the-kill.txt`])),
          }),
        );
        return seen(await copy.custos('checkpoint', copy.station, '--answers', 'checkpoint-answers.json', '--system-root', OFFLINE_LAPTOP));
      };
      let cosigned = await cosign(['bob']);
      // A close that needed two witnesses needs two on the checkpoint that covers it: one is refused, nothing written.
      if (cosigned.status !== 0) {
        expect(cosigned.stderr).toMatch(/witnesses must name at least 2 different witnesses: the last ceremony closed with that many.*\[ANSWERS_INVALID\]\n$/u);
        expect(fs.existsSync(copy.path('media/bob/after-the-kill.txt'))).toBe(false);
        cosigned = await cosign(['bob', 'chloe']);
      }
      expect(cosigned.status, cosigned.stderr).toBe(0);
      expect(cosigned.stdout).toMatch(/^checkpoint: cosigned over the journal's \d+ entries; nothing was added to it\.\n/u);
      expect(seen(await copy.custosInProcess('verify', copy.station, '--checkpoint', copy.path('media/bob/after-the-kill.txt'))).status).toBe(0);
      report = JSON.parse(seen(await copy.custosInProcess('verify', copy.station, '--json')).stdout);
    }
    expect(
      report.findings.filter((f: { severity: string }) => f.severity === 'error'),
      `${name} interrupted by ${signal} after entry ${r.at}`,
    ).toEqual([]);
    const last = lastCeremony(await copy.replay());
    expect(last).toMatchObject({ procedureId: expect.stringMatching(new RegExp(`^${procedure}@`, 'u')) });
    const expected = signal === 'SIGKILL' ? ['closed', 'aborted'] : closedFirst ? ['closed', 'open'] : ['aborted'];
    expect(expected, `${name}: ${signal} after entry ${r.at}`).toContain(last.state);
    // Open only when a rotation's first sitting reached its planned wait (its second sitting or an abort ends it).
    if (last.state === 'open') expect(procedure).toBe('compromise-rotation');
    else expect(report.findings.map((f: { code: string }) => f.code)).not.toContain('CEREMONY_IN_PROGRESS');
    return { outcome: `${signal}@${signed} ${last.state}${how}`, ranToItsEnd: closedFirst };
  } finally {
    copy.dispose();
  }
}

const byName = (projection: AnswersJson) => Object.fromEntries(projection.participants.map((p: AnswersJson) => [p.name, `${p.roles.join('+')} ${p.state}`]));
const keyidOf = (projection: AnswersJson, name: string): string => projection.participants.find((p: AnswersJson) => p.name === name).keyid;
const walletOf = (p: AnswersJson, id: string): AnswersJson => p.wallets.find((w: AnswersJson) => w.id === id);
const accountOf = (w: AnswersJson, chain: string): AnswersJson => w.accounts.find((a: AnswersJson) => a.chain === chain);
const lastCeremony = (p: AnswersJson) => p.ceremonies.at(-1);

const WALLET = 'northwind-pension-cold-1';
const REPLACEMENT = 'northwind-pension-cold-2';
const INCIDENT = 'INC-2026-0014';
const HOLDERS = ['Dora Lindqvist', 'Emil Novak', 'Farid Haddad', 'Gita Rao', 'Hana Sato'];
/** The destination of restitution.json (the BIP173 example P2WPKH address). */
const DESTINATION = 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4';
/** The coins of the compromised wallet, as the coordinator sees them (sats): swept to the replacement less a 10,000 sat fee. */
const OLD_COINS: [0 | 1, number, bigint][] = [
  [0, 0, 120_000_000n],
  [0, 1, 80_000_000n],
  [1, 0, 50_000_000n],
];
const SWEPT = 249_990_000n;
/** The token token-list.json adopts, and the client's Ethereum address restitution-ether.json returns it to. */
const USDC = { chainId: '1', contract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', symbol: 'USDC', decimals: 6 };
const ETH_CLIENT = '0x8ba1f109551bD432803012645Ac136ddd64DBA72';
/** A BIP84 account's multipath descriptor, as Bitcoin Core and Sparrow write it (before its checksum). */
const descriptorBody = (keyOrigin: string, xpub: string) => `wpkh(${keyOrigin}${xpub}/<0;1>/*)`;
/** The restitution: 0.75 BTC to the client, the rest back as change, 5,000 sat fee. */
const RETURNED = 75_000_000n;
const CHANGE = SWEPT - RETURNED - 5_000n;

let created: AnswersJson;
let oldWallet: RecoveredWallet;
let newWallet: RecoveredWallet;
let rotationId: string;
let sweepPsbt: Uint8Array;
let sweepTxid: string;

/** The passphrase in a passphrase file, as Custos reads it. */
const passphraseIn = (rel: string) => fs.readFileSync(rig.path(rel), 'utf8').replace(/\r?\n$/u, '');

describe('the answers examples, in order, through the real CLI', () => {
  test('station-setup.json: the station, its roster, the witnesses keep the checkpoint', async () => {
    const p = await runExample('station-setup');
    expect(byName(p)).toEqual({
      'Alice Martin': 'officer active',
      'Bob Okafor': 'witness active',
      'Chloé Dubois': 'witness active',
      'Ivan Petrov': 'witness active',
      'Dora Lindqvist': 'holder active',
      'Emil Novak': 'holder active',
      'Farid Haddad': 'holder active',
      'Gita Rao': 'holder active',
      'Jules Moreau': 'approver active',
      'Karin Berg': 'approver active',
    });
    expect(p.participants.every((x: AnswersJson) => x.enrolledAt === 0)).toBe(true);
    expect(p.ceremonies.map((c: AnswersJson) => `${c.id} ${c.procedureId} ${c.state}`)).toEqual(['station-setup-0 station-setup@2 closed']);
    expect(p.station).toMatch(/^[0-9a-f]{64}$/u);
    expect(p.wallets).toEqual([]);
  }, 120_000);

  test('enrol-participant.json: Hana Sato joins as holder', async () => {
    const p = await runExample('enrol-participant');
    expect(byName(p)['Hana Sato']).toBe('holder active');
    expect(p.participants).toHaveLength(11);
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'enrol-participant@1', state: 'closed' });
    expect(p.participants.find((x: AnswersJson) => x.name === 'Hana Sato').enrolledAt).toBe(lastCeremony(p).endedAt);
  }, 120_000);

  test('create-wallet.json: a 3-of-5 client wallet, active, five shares held in their bags', async () => {
    const p = await runExample('create-wallet');
    expect(p.wallets).toHaveLength(1);
    const w = p.wallets[0];
    created = w;
    expect(w).toMatchObject({
      id: WALLET,
      class: 'client',
      ownerRef: 'CL-2026-0042',
      label: 'Northwind Pension Fund, cold storage',
      state: 'active',
      threshold: 3,
      shareCount: 5,
      chains: ['bitcoin', 'ethereum'],
      drillIntervalDays: 180,
      lastDrill: null,
      provenShares: 5,
      quorumProven: true,
      drillOverdue: false,
    });
    expect(w.fingerprint).toMatch(/^[0-9a-f]{8}$/u);
    expect(w.accounts.map((a: AnswersJson) => `${a.chain} ${a.path}`)).toEqual(["bitcoin m/84'/0'/0'", "ethereum m/44'/60'/0'"]);
    expect(w.shares.map((s: AnswersJson) => [s.index, s.state, s.bagSerial, s.media])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [i, 'held', `TB-2026-00010${i}`, ['file']]),
    );
    expect(w.shares.map((s: AnswersJson) => s.holder)).toEqual(HOLDERS.map((n) => keyidOf(p, n)));
    // Each holder's medium holds exactly their share file, under the name the record gives.
    const holders = rig.answers('create-wallet').holders as AnswersJson[];
    for (const [i, label] of ['dora', 'emil', 'farid', 'gita', 'hana'].entries()) {
      const files = shareFilesIn(rig.path(`media/${label}`));
      expect(files.map((f) => ({ ...f, file: path.basename(f.file) }))).toEqual([
        { file: w.shares[i].fileName, fingerprint: w.fingerprint, set: w.setId.slice(0, 8), index: i + 1, count: 5 },
      ]);
      // Only its owner may read a share file (issue 14), nor the station key, nor a witness's checkpoint.
      expect(fs.statSync(files[0]!.file).mode & 0o777, `share file of ${label}`).toBe(0o600);
    }
    expect(fs.statSync(path.join(rig.station, 'station.key')).mode & 0o777).toBe(0o600);
    for (const file of Object.values(rig.answers('create-wallet').witnessCheckpoints as Record<string, string>)) {
      expect(fs.statSync(rig.path(file)).mode & 0o777, file).toBe(0o600);
    }
    // The wallet's secrets, recovered independently from the sealed share files: two different
    // quorums (none of them the drill's 1, 2, 3) give the same wallet, which the record describes.
    const sealed = (i: number) => ({
      file: path.join(rig.path(holders[i].outputDir), w.shares[i].fileName),
      passphrase: passphraseIn(holders[i].sharePassphraseFile),
    });
    oldWallet = await recoverWallet(w, [1, 3, 4, 0, 2].map(sealed));
    const other = await recoverWallet(w, [0, 2, 4].map(sealed));
    expect(oldWallet.words).toHaveLength(24);
    expect(other.words).toEqual(oldWallet.words);
    scanner.add(oldWallet);
  }, 180_000);

  test('backup-drill.json: three holders prove their shares, one bag replaced; the wallet is drilled', async () => {
    expect(rig.placeShares('backup-drill', created.fingerprint)).toHaveLength(3);
    const p = await runExample('backup-drill');
    const w = p.wallets[0];
    expect(w).toMatchObject({ id: WALLET, state: 'active', provenShares: 5, quorumProven: true, drillOverdue: false });
    expect(w.lastDrill).not.toBeNull();
    expect(Date.parse(w.lastDrill)).toBeGreaterThan(Date.parse(created.createdAt));
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'backup-drill@2', state: 'closed' });
    for (const i of [0, 1, 2]) {
      expect(Date.parse(w.shares[i].lastProven), `share ${i + 1}`).toBeGreaterThan(Date.parse(created.shares[i].lastProven));
      expect(Date.parse(w.shares[i].lastProven)).toBeLessThanOrEqual(Date.parse(w.lastDrill));
    }
    for (const i of [3, 4]) expect(w.shares[i].lastProven).toBe(created.shares[i].lastProven);
    expect(w.lastProven).toBe(w.shares[2].lastProven);
    expect(w.shares.map((s: AnswersJson) => s.bagSerial)).toEqual(['TB-2026-000101', 'TB-2026-000102', 'TB-2026-000219', 'TB-2026-000104', 'TB-2026-000105']);
  }, 180_000);

  test('revoke-participant.json: Ivan Petrov is revoked, everyone else stays', async () => {
    const p = await runExample('revoke-participant');
    const ivan = p.participants.find((x: AnswersJson) => x.name === 'Ivan Petrov');
    expect(ivan).toMatchObject({ state: 'revoked', revokedAt: lastCeremony(p).endedAt });
    expect(p.participants.filter((x: AnswersJson) => x.state === 'revoked').map((x: AnswersJson) => x.name)).toEqual(['Ivan Petrov']);
    expect(p.ceremonies.map((c: AnswersJson) => `${c.procedureId} ${c.state}`)).toEqual([
      'station-setup@2 closed',
      'enrol-participant@1 closed',
      'create-wallet@2 closed',
      'backup-drill@2 closed',
      'revoke-participant@1 closed',
    ]);
    expect(p.wallets[0]).toMatchObject({ state: 'active', quorumProven: true });
    // Verify reported nothing at all so far (a warning would be listed here).
    expect(warnings).toEqual([]);
  }, 120_000);

  test('incident.json: an incident naming the wallet is opened in the register', async () => {
    const p = await runExample('incident');
    const { incident } = rig.answers('incident');
    expect(p.incidents).toHaveLength(1);
    expect(p.incidents[0]).toMatchObject({
      id: INCIDENT,
      status: 'open',
      significant: true,
      wallets: [WALLET],
      closedAt: null,
      ...incident.fields,
    });
    expect(p.incidents[0].history).toEqual([expect.objectContaining({ ceremony: lastCeremony(p).id, action: 'open' })]);
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'incident@2', state: 'closed' });
    // Recording an incident changes no wallet: the rotation does.
    expect(walletOf(p, WALLET).state).toBe('active');
  }, 120_000);

  test('compromise-rotation.json (first sitting): the wallet is compromised, its replacement made, the ceremony waits', async () => {
    const p = await runExample('compromise-rotation', { waiting: true });
    const rotation = lastCeremony(p);
    rotationId = rotation.id;
    expect(rotation).toMatchObject({ procedureId: 'compromise-rotation@3', state: 'open', endedAt: null });
    // verify reports the open ceremony as a warning, and only that.
    expect(warnings).toEqual(['compromise-rotation: CEREMONY_IN_PROGRESS']);
    expect(walletOf(p, WALLET)).toMatchObject({ state: 'compromised', compromisedBy: INCIDENT, replacedBy: null, transfers: [] });
    const r = walletOf(p, REPLACEMENT);
    expect(r).toMatchObject({
      class: 'client',
      ownerRef: 'CL-2026-0042',
      label: 'Northwind Pension Fund, cold storage (replaces northwind-pension-cold-1)',
      state: 'distributed',
      threshold: 2,
      shareCount: 3,
      chains: ['bitcoin', 'ethereum'],
      createdIn: rotationId,
      replaces: null,
    });
    expect(r.fingerprint).not.toBe(created.fingerprint);
    expect(r.accounts.map((a: AnswersJson) => `${a.chain} ${a.path}`)).toEqual(["bitcoin m/84'/0'/0'", "ethereum m/44'/60'/0'"]);
    expect(r.shares.map((s: AnswersJson) => [s.index, s.state, s.bagSerial, s.holder])).toEqual(
      ['Dora Lindqvist', 'Gita Rao', 'Hana Sato'].map((n, i) => [i + 1, 'held', `TB-2026-00030${i + 1}`, keyidOf(p, n)]),
    );
    // The coordinator's descriptor: public keys only, the replacement's as recorded.
    const descriptor = JSON.parse(fs.readFileSync(rig.path('coordinator/northwind-pension-cold-2.descriptor.json'), 'utf8'));
    expect(descriptor).toMatchObject({ wallet: REPLACEMENT, fingerprint: r.fingerprint });
    expect(descriptor.accounts.map((a: AnswersJson) => [a.chain, a.path, a.xpub])).toEqual(r.accounts.map((a: AnswersJson) => [a.chain, a.path, a.xpub]));
    expect(JSON.stringify(descriptor)).not.toMatch(/prv/u);
    // The replacement's secrets, recovered from its three sealed share files.
    const holders = rig.answers('compromise-rotation').replacement.holders as AnswersJson[];
    newWallet = await recoverWallet(
      r,
      holders.map((h, i) => ({
        file: path.join(rig.path(h.outputDir), r.shares[i].fileName),
        passphrase: passphraseIn(h.sharePassphraseFile),
      })),
    );
    expect(newWallet.words).not.toEqual(oldWallet.words);
    scanner.add(newWallet);
  }, 180_000);

  test('compromise-rotation-sweep.json (second sitting): every coin of the old wallet to the replacement, signed; the rotation closes', async () => {
    // The coordinator builds the sweep from the old wallet's recorded xpub, paying the replacement's
    // first receive address (from the descriptor), and brings it back as the example names it.
    const p0 = await rig.replay();
    expect(walletOf(p0, WALLET).fingerprint).toBe(created.fingerprint);
    const sweepBuilt = coordinatorSweep({
      oldWallet: walletOf(p0, WALLET),
      descriptorFile: rig.path('coordinator/northwind-pension-cold-2.descriptor.json'),
      coins: OLD_COINS,
      fee: 10_000n,
    });
    expect(sweepBuilt.target).toBe(accountOf(walletOf(p0, REPLACEMENT), 'bitcoin').addresses[0]);
    expect(sweepBuilt.target).toMatch(/^bc1q/u);
    expect(sweepBuilt.swept).toBe(SWEPT);
    sweepPsbt = sweepBuilt.psbt;
    const { sweep } = rig.answers('compromise-rotation-sweep');
    fs.writeFileSync(rig.path(sweep.psbtFile), sweepPsbt);
    // Dora's and Emil's shares are where the drill placed them; Gita's is placed now.
    expect(rig.placeShares('compromise-rotation-sweep', created.fingerprint)).toEqual([rig.path('media/gita/share.cshare')]);

    const p = await runExample('compromise-rotation-sweep');
    expect(lastCeremony(p)).toMatchObject({ id: rotationId, procedureId: 'compromise-rotation@3', state: 'closed' });
    expect(p.ceremonies.filter((c: AnswersJson) => c.procedureId === 'compromise-rotation@3')).toHaveLength(1);
    const w = walletOf(p, WALLET);
    expect(w).toMatchObject({ state: 'compromised', compromisedBy: INCIDENT, replacedBy: REPLACEMENT });
    expect(w.transfers).toHaveLength(1);
    const [transfer] = w.transfers;
    expect(transfer).toMatchObject({
      kind: 'sweep',
      chain: 'bitcoin',
      ceremony: rotationId,
      to: REPLACEMENT,
      amount: SWEPT.toString(),
      debit: '250000000',
      fee: '10000',
      state: 'signed',
      confirmedAt: null,
      blockHeight: null,
    });
    sweepTxid = transfer.txid;
    // The signed transaction written for the coordinator, checked independently (bitcoinjs-lib, libsecp256k1).
    const txn = rig.path(`${sweep.outputDir}/custos-${WALLET}-${sweepTxid}.txn`);
    expect(fs.existsSync(rig.path(`${sweep.outputDir}/custos-${WALLET}-${sweepTxid}.psbt`))).toBe(true);
    expect(validateSigned(sweepPsbt, fs.readFileSync(txn, 'utf8').trim(), 'bitcoin')).toEqual({ fee: 10_000n, txid: sweepTxid });
    expect(walletOf(p, REPLACEMENT)).toMatchObject({ state: 'active', replaces: WALLET, quorumProven: true });
    expect(walletOf(p, REPLACEMENT).holdings).toEqual({});
    // The three presented shares were proven again.
    for (const i of [0, 1, 3]) expect(Date.parse(w.shares[i].lastProven)).toBeGreaterThan(Date.parse(created.shares[i].lastProven));
  }, 180_000);

  test('confirm-transfer.json: the sweep is confirmed by its signed transaction file; the old wallet retires', async () => {
    // The coordinator broadcast the signed transaction and brings the file back as the example names it.
    const { sweep } = rig.answers('compromise-rotation-sweep');
    fs.copyFileSync(rig.path(`${sweep.outputDir}/custos-${WALLET}-${sweepTxid}.txn`), rig.path(rig.answers('confirm-transfer').transactionFile));
    const p = await runExample('confirm-transfer');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'confirm-transfer@2', state: 'closed' });
    const w = walletOf(p, WALLET);
    expect(w.state).toBe('retired');
    expect(w.transfers[0]).toMatchObject({ txid: sweepTxid, state: 'confirmed', blockHeight: 927514 });
    expect(w.transfers[0].confirmedAt).not.toBeNull();
    // Holdings from the record: the old wallet is debited what left it (its deposits are not in the
    // record until a reconciliation declares them), the replacement credited what it received.
    expect(w.holdings.bitcoin.recorded).toBe('-250000000');
    expect(walletOf(p, REPLACEMENT)).toMatchObject({ state: 'active', holdings: { bitcoin: { recorded: SWEPT.toString() } } });
  }, 120_000);

  test('restitution.json: two approvers approve 0.75 BTC to the client; the replacement signs it, with change back', async () => {
    const p0 = await rig.replay();
    const r = walletOf(p0, REPLACEMENT);
    const answers = rig.answers('restitution');
    const psbt = buildPsbt({
      xpub: accountOf(r, 'bitcoin').xpub,
      fingerprint: r.fingerprint,
      network: 'bitcoin',
      inputs: [[0, 0, SWEPT]],
      payments: [{ address: DESTINATION, amount: RETURNED }],
      change: [1, 0, CHANGE],
    });
    fs.writeFileSync(rig.path(answers.psbtFile), psbt);
    expect(rig.placeShares('restitution', r.fingerprint)).toHaveLength(2);

    const p = await runExample('restitution');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'restitution@3', state: 'closed' });
    const w = walletOf(p, REPLACEMENT);
    expect(w.state).toBe('active');
    expect(w.transfers).toHaveLength(1);
    const [transfer] = w.transfers;
    expect(transfer).toMatchObject({
      kind: 'restitution',
      chain: 'bitcoin',
      to: DESTINATION,
      amount: RETURNED.toString(),
      debit: (RETURNED + 5_000n).toString(),
      fee: '5000',
      state: 'signed',
    });
    const txn = rig.path(`${answers.outputDir}/custos-${REPLACEMENT}-${transfer.txid}.txn`);
    expect(validateSigned(psbt, fs.readFileSync(txn, 'utf8').trim(), 'bitcoin')).toEqual({ fee: 5_000n, txid: transfer.txid });
    // Signed, not confirmed: the holdings do not move yet.
    expect(w.holdings.bitcoin.recorded).toBe(SWEPT.toString());
  }, 180_000);

  test('token-list.json: USD Coin on mainnet is adopted as the station’s token list', async () => {
    expect((await rig.replay()).tokens).toEqual([]);
    const p = await runExample('token-list');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'token-list@1', state: 'closed' });
    expect(p.tokens).toEqual([USDC]);
    expect(lastOutput).toMatch(/^ {2}tokens: 1$/mu);
  }, 120_000);

  test('restitution-ether.json: two approvers approve 2,500 USDC to the client; the replacement signs the coordinator’s request, read back by ethers', async () => {
    const r = walletOf(await rig.replay(), REPLACEMENT);
    const answers = rig.answers('restitution-ether');
    const from = accountOf(r, 'ethereum').addresses[0];
    const amount = 2_500_000_000n;
    // The coordinator's request, from the replacement's recorded address and its account's nonce (0).
    fs.writeFileSync(rig.path(answers.requestFile), etherRequest({ from, to: USDC.contract, data: transferData(ETH_CLIENT, amount), nonce: 0n }));

    const p = await runExample('restitution-ether');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'restitution@3', state: 'closed' });
    const w = walletOf(p, REPLACEMENT);
    expect(w.transfers).toHaveLength(2);
    const transfer = w.transfers[1];
    expect(transfer).toMatchObject({
      kind: 'restitution',
      chain: 'ethereum',
      asset: `erc20:1:${USDC.contract}`,
      to: ETH_CLIENT,
      amount: amount.toString(),
      fee: (65_000n * 30_000_000_000n).toString(),
      from,
      nonce: '0',
      state: 'signed',
    });
    // The signed transaction written for the coordinator, read by another library.
    const file = rig.path(`${answers.outputDir}/custos-${REPLACEMENT}-${transfer.txid.slice(2)}.ethtx`);
    const read = readSigned(fs.readFileSync(file, 'utf8').trim());
    expect(read).toMatchObject({ type: 2, chainId: 1n, nonce: 0n, from, to: USDC.contract, value: 0n, hash: transfer.txid });
    expect(read.call).toEqual({ name: 'transfer', to: ETH_CLIENT, amount });
    // Signed, not confirmed: no holding moves yet.
    expect(Object.keys(w.holdings)).not.toContain(transfer.asset);
  }, 180_000);

  test('destruction.json: the five shares of the retired wallet are destroyed; the wallet is destroyed', async () => {
    const p = await runExample('destruction');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'destruction@2', state: 'closed' });
    const w = walletOf(p, WALLET);
    expect(w.state).toBe('destroyed');
    expect(w.shares.map((s: AnswersJson) => `${s.index} ${s.state} ${s.bagSerial}`)).toEqual(
      ['101', '102', '219', '104', '105'].map((serial, i) => `${i + 1} destroyed TB-2026-000${serial}`),
    );
    expect(w).toMatchObject({ provenShares: 0, quorumProven: false });
    expect(walletOf(p, REPLACEMENT)).toMatchObject({ state: 'active', quorumProven: true });
  }, 120_000);

  test('reconciliation.json: the balances match the holdings with the declared credits; no discrepancy', async () => {
    const p0 = await rig.replay();
    const old = walletOf(p0, WALLET);
    const r = walletOf(p0, REPLACEMENT);
    const { balances } = rig.answers('reconciliation');
    // The watch-only side's export: every address it watches, with its balance in coins.
    const rows = [
      [accountOf(old, 'bitcoin').addresses[0], '0'],
      [accountOf(old, 'bitcoin').addresses[1], '0'],
      [addressAt(accountKey(accountOf(old, 'bitcoin').xpub, 'bitcoin'), 'bitcoin', 1, 0), '0'],
      [accountOf(r, 'bitcoin').addresses[0], '2.4999'],
      [accountOf(r, 'ethereum').addresses[0], '12.5'],
    ];
    fs.writeFileSync(rig.path(balances.file), `address,amount\n${rows.map((row) => row.join(',')).join('\n')}\n`);

    const p = await runExample('reconciliation');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'reconciliation@1', state: 'closed' });
    // No discrepancy step, so no incident beyond the one the examples opened.
    expect(lastOutput).toMatch(/^ {2}discrepancies: 0\n {2}incidents: none$/mu);
    expect(p.incidents.map((i: AnswersJson) => `${i.id} ${i.status}`)).toEqual([`${INCIDENT} open`]);
    const holdings = (id: string) => Object.fromEntries(Object.entries(walletOf(p, id).holdings).map(([chain, h]) => [chain, (h as AnswersJson).recorded]));
    expect(holdings(WALLET)).toEqual({ bitcoin: '0', ethereum: '0' });
    expect(holdings(REPLACEMENT)).toEqual({ bitcoin: SWEPT.toString(), ethereum: '12500000000000000000' });
    for (const id of [WALLET, REPLACEMENT]) {
      expect(walletOf(p, id).lastReconciled).not.toBeNull();
      expect(walletOf(p, id).holdings.bitcoin.asOf).toBe(walletOf(p, id).lastReconciled);
    }

    // The whole life of the station: every ceremony closed, the states of both wallets.
    expect(p.ceremonies.map((c: AnswersJson) => `${c.procedureId} ${c.state}`)).toEqual([
      'station-setup@2 closed',
      'enrol-participant@1 closed',
      'create-wallet@2 closed',
      'backup-drill@2 closed',
      'revoke-participant@1 closed',
      'incident@2 closed',
      'compromise-rotation@3 closed',
      'confirm-transfer@2 closed',
      'restitution@3 closed',
      'token-list@1 closed',
      'restitution@3 closed',
      'destruction@2 closed',
      'reconciliation@1 closed',
    ]);
    expect(p.wallets.map((w: AnswersJson) => `${w.id} ${w.class} ${w.state}`)).toEqual([`${WALLET} client destroyed`, `${REPLACEMENT} client active`]);
    expect(walletOf(p, WALLET).transfers.map((t: AnswersJson) => `${t.kind} ${t.state}`)).toEqual(['sweep confirmed']);
    expect(walletOf(p, REPLACEMENT).transfers.map((t: AnswersJson) => `${t.kind} ${t.chain} ${t.state}`)).toEqual([
      'restitution bitcoin signed',
      'restitution ethereum signed',
    ]);
    // The only warning along the way was the rotation waiting between its sittings.
    expect(warnings).toEqual(['compromise-rotation: CEREMONY_IN_PROGRESS']);
  }, 180_000);

  test('change-holder.json: share 1 of the replacement passes from Dora to Emil, proven on both sides', async () => {
    const before = walletOf(await rig.replay(), REPLACEMENT);
    const dora = shareFilesIn(rig.path('media/dora-2')).filter((f) => f.fingerprint === before.fingerprint);
    expect(dora).toHaveLength(1);
    fs.copyFileSync(dora[0]!.file, rig.path(rig.answers('change-holder').share.file));
    const p = await runExample('change-holder');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'change-holder@2', state: 'closed' });
    const w = walletOf(p, REPLACEMENT);
    expect(w.shares[0]).toMatchObject({
      index: 1,
      holder: keyidOf(p, 'Emil Novak'),
      bagSerial: 'TB-2026-000304',
      state: 'held',
      fileName: dora[0]!.file.split('/').at(-1),
    });
    expect(Date.parse(w.shares[0].lastProven)).toBeGreaterThan(Date.parse(before.shares[0].lastProven));
    expect(w.shares.slice(1)).toEqual(before.shares.slice(1));
    expect(w).toMatchObject({ state: 'active', quorumProven: true });
    // Emil's medium holds the same share, sealed to his passphrase.
    expect(shareFilesIn(rig.path('media/emil-2')).map((f) => [f.fingerprint, f.index])).toEqual([[before.fingerprint, 1]]);
  }, 180_000);

  test('watch-only-export.json: the replacement’s watch-only export, recorded by its hash, checked by other libraries', async () => {
    const p = await runExample('watch-only-export');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'watch-only-export@1', state: 'closed' });
    const r = walletOf(p, REPLACEMENT);
    const bytes = fs.readFileSync(rig.path(rig.answers('watch-only-export').exportFile));
    const exported = JSON.parse(bytes.toString('utf8'));
    expect(exported).toMatchObject({ format: 'custos-watch-only/1', wallet: REPLACEMENT, fingerprint: r.fingerprint });
    const [btc, eth] = exported.accounts;
    expect(btc).toMatchObject({ chain: 'bitcoin', path: "m/84'/0'/0'", keyOrigin: `[${r.fingerprint}/84h/0h/0h]`, xpub: accountOf(r, 'bitcoin').xpub });
    expect(hasValidChecksum(btc.descriptor)).toBe(true);
    expect(btc.descriptor).toBe(`${descriptorBody(btc.keyOrigin, btc.xpub)}#${btc.descriptor.split('#')[1]}`);
    // The Ethereum addresses, derived again from the account key by ethers.
    const account = HDNodeWallet.fromExtendedKey(eth.xpub);
    expect(eth.addresses).toHaveLength(20);
    expect(eth.addresses).toEqual(eth.addresses.map((_: string, i: number) => account.deriveChild(0).deriveChild(i).address));
    expect(eth.addresses.slice(0, 3)).toEqual(accountOf(r, 'ethereum').addresses);
    // The crypto-account UR, read by another implementation: it names the wallet's fingerprint.
    const ur = URDecoder.decode(exported.cryptoAccount.toLowerCase());
    expect(ur.type).toBe('crypto-account');
    expect(ur.cbor.subarray(0, 7).toString('hex')).toBe(`a2011a${r.fingerprint}`);
    // What the record keeps: the file's name and SHA-256.
    const step = lastCeremonyEntries(rig.station, 'watch-only-export').find((e) => e.step === 'export')!;
    expect(step.body).toEqual({
      fileName: path.basename(rig.answers('watch-only-export').exportFile),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      fingerprint: r.fingerprint,
    });
    expect(bytes.toString('utf8')).not.toMatch(/prv/u);
  }, 120_000);

  test('reshare.json: the replacement is put under a new 3-of-4 set, same keys, and its three old shares are destroyed', async () => {
    const before = walletOf(await rig.replay(), REPLACEMENT);
    const p = await runExample('reshare');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'reshare@1', state: 'closed' });
    const w = walletOf(p, REPLACEMENT);
    // The same wallet: fingerprint, account keys, addresses and holdings unchanged; a new set.
    expect(w).toMatchObject({ state: 'active', fingerprint: before.fingerprint, threshold: 3, shareCount: 4, quorumProven: true });
    expect(w.accounts).toEqual(before.accounts);
    expect(w.holdings).toEqual(before.holdings);
    expect(w.setId).not.toBe(before.setId);
    expect(w.shares.map((s: AnswersJson) => [s.index, s.holder, s.bagSerial, s.state])).toEqual(
      ['Dora Lindqvist', 'Farid Haddad', 'Gita Rao', 'Hana Sato'].map((name, i) => [i + 1, keyidOf(p, name), `TB-2026-00050${i + 1}`, 'held']),
    );
    // The old set is retired, each of its shares destroyed (their media destroyed whole: no file named).
    expect(w.formerSets).toHaveLength(1);
    expect(w.formerSets[0]).toMatchObject({ setId: before.setId, threshold: 2, shareCount: 3, outcome: 'retired' });
    expect(w.formerSets[0].shares.map((s: AnswersJson) => s.state)).toEqual(['destroyed', 'destroyed', 'destroyed']);
    // Each new medium holds its share of the same wallet, of the new set.
    for (const [i, who] of ['dora', 'farid', 'gita', 'hana'].entries()) {
      expect(shareFilesIn(rig.path(`media/${who}-3`)).map((f) => [f.fingerprint, f.index])).toEqual([[before.fingerprint, i + 1]]);
    }
    // The opening says plainly what a copy of the old shares would still do, in both languages.
    const open = lastCeremonyEntries(rig.station, 'reshare').find((e) => e.type === 'open')!;
    expect(open.body.oldSet).toEqual({ setId: before.setId, threshold: 2, shareCount: 3 });
    expect(open.body.residualRisk).toMatchObject({
      en: expect.stringMatching(/^Any 2 shares of the old set [0-9a-f]{16} would still rebuild this wallet's key\..*compromise rotation/u),
      fr: expect.stringMatching(/^2 parts quelconques de l’ancien jeu [0-9a-f]{16} reconstitueraient encore la clé.*rotation après compromission/u),
    });
    expect(lastOutput).toMatch(/^reshare: ceremony reshare-\d+ closed;/u);
  }, 240_000);

  test('proof-of-control.json: the auditor’s challenge signed with the key of the replacement’s first Ethereum address; ethers recovers it; verify checks it', async () => {
    const before = walletOf(await rig.replay(), REPLACEMENT);
    const challenge = 'Cabinet Laurent & Associés — audit 2026 of Northwind custody. Prove control of your first Ethereum address. Nonce 5c1e0f9a, 2026-12-07.';
    const answers = rig.answers('proof-of-control');
    fs.mkdirSync(path.dirname(rig.path(answers.challengeFile)), { recursive: true });
    fs.writeFileSync(rig.path(answers.challengeFile), challenge);
    rig.placeShares('proof-of-control', before.fingerprint);
    const p = await runExample('proof-of-control');
    expect(lastCeremony(p)).toMatchObject({ procedureId: 'proof-of-control@1', state: 'closed' });
    const address = accountOf(walletOf(p, REPLACEMENT), 'ethereum').addresses[0];
    const [file] = fs.readdirSync(rig.path(answers.outputDir));
    const proof = JSON.parse(fs.readFileSync(rig.path(`${answers.outputDir}/${file}`), 'utf8'));
    expect(proof).toMatchObject({ format: 'custos-proof-of-control/1', wallet: REPLACEMENT, chain: 'ethereum', address, method: 'eip191', challenge });
    // An independent implementation recovers the address from the signature over the challenge.
    expect(verifyMessage(challenge, proof.signature)).toBe(address);
    const signed = lastCeremonyEntries(rig.station, 'proof-of-control').find((e) => e.step === 'sign-challenge')!;
    expect(signed.body).toMatchObject({
      address,
      signature: proof.signature,
      fileName: file,
      challengeSha256: createHash('sha256').update(challenge).digest('hex'),
    });
    expect(signed.body.sha256).toBe(
      createHash('sha256')
        .update(fs.readFileSync(rig.path(`${answers.outputDir}/${file}`)))
        .digest('hex'),
    );
    // The shares presented count as proven.
    const proven = walletOf(p, REPLACEMENT).shares.filter((s: AnswersJson, i: number) => s.lastProven !== before.shares[i].lastProven);
    expect(proven.map((s: AnswersJson) => s.index)).toEqual([1, 3, 4]);
  }, 240_000);
});

test('SIGKILL copies of the procedures that can be resumed were resumed, not aborted', () => {
  const resumed = new Set(resumedCopies.map((c) => c.split('@')[0]));
  // Each of these has several slow steps after its open: a kill after an early entry leaves it open.
  for (const name of ['backup-drill', 'restitution', 'destruction']) expect(resumed, name).toContain(name);
});

describe('no secret of either wallet anywhere the runs wrote', () => {
  test("the scanner holds both wallets' secrets and sees each kind of secret when it is there", () => {
    expect(oldWallet.words).toHaveLength(24);
    expect(scanner.size).toBeGreaterThan(40);
    const secret = (name: string) => oldWallet.secrets.find((s) => s.name === `${WALLET} ${name}`)!;
    const seed = secret('seed').bytes!;
    expect(scanner.leaks(Buffer.concat([Buffer.from('x'), Buffer.from(seed), Buffer.from('y')]))).toContain(`${WALLET} seed as bytes`);
    expect(scanner.leaks(Buffer.from(`{"e":"${bytesToHex(secret('entropy').bytes!).toUpperCase()}"}`))).toContain(`${WALLET} entropy as hex`);
    expect(scanner.leaks(Buffer.from(`1. ${oldWallet.words.join('\n2. ')}`.toUpperCase()))).toContain('mnemonic words in order');
    expect(scanner.leaks(Buffer.from(`key=${secret('xprv').text!};`))).toContain(`${WALLET} xprv as text`);
    expect(scanner.leaks(Buffer.from(secret('share 3').bytes!))).toContain(`${WALLET} share 3 as bytes`);
    const payload = Buffer.from(JSON.stringify({ body: { seed: bytesToHex(seed) } })).toString('base64');
    expect(scanner.leaks(Buffer.from(`{"payload":"${payload}","payloadType":"x"}`))).toContain(`${WALLET} seed as hex (in a payload)`);
    // The replacement's secrets are searched for as well.
    expect(scanner.leaks(Buffer.from(newWallet.words.join(' ')))).toContain('mnemonic words in order');
    const xprv = newWallet.secrets.find((s) => s.name === `${REPLACEMENT} xprv`)!.text!;
    expect(scanner.leaks(Buffer.from(xprv))).toContain(`${REPLACEMENT} xprv as text`);
  });

  test('not in the data directory, the media, the coordinator files, the OS temp dir, nor the CLI output', () => {
    // The TMPDIR the CLI ran with is inside the workspace; anything new in this process's temp dir too.
    const files = filesWritten(rig.root, tmpBefore);
    const found = [...scanner.scanFiles(files), ...scanner.leaks(Buffer.from(printed.join('\n'))).map((l) => `${l} in the CLI's output`)];
    expect(found).toEqual([]);
    // The search covered the journal and checkpoints, every share file (the five of the old wallet and
    // the four copies the drill and the sweep presented; the three of the replacement and the two
    // copies the restitution presented; Dora's copy for the change of holder and Emil's new file; the four
    // files of the replacement's new set after its reshare, and the copies of three of them presented for the proof of
    // control), the witnesses' checkpoints, and the coordinator's files (with the auditor's challenge and the proof).
    const under = (dir: string) => files.filter((f) => path.relative(rig.root, f).startsWith(`${dir}${path.sep}`));
    expect(under('station').length).toBeGreaterThanOrEqual(16);
    // Counted in this workspace only: other suites running at the same time write share files of their own to the OS temp dir (scanned above all the same).
    const inWorkspace = (f: string) => !path.relative(rig.root, f).startsWith('..');
    expect(files.filter((f) => f.endsWith('.cshare') && inWorkspace(f))).toHaveLength(5 + 4 + 3 + 2 + 2 + 4 + 3);
    expect(under('media')).toHaveLength(5 + 4 + 3 + 2 + 2 + 2 + 4 + 3);
    expect(
      under('coordinator')
        .map((f) =>
          path
            .relative(rig.root, f)
            .replace(/[0-9a-f]{64}/u, '<txid>')
            .replace(/-[0-9a-f]{12}\.json$/u, '-<challenge>.json'),
        )
        .sort(),
    ).toEqual(
      [
        'coordinator/RET-2026-0042-01.psbt',
        'coordinator/RET-2026-0042-02.eth.json',
        `coordinator/signed/custos-${REPLACEMENT}-<txid>.ethtx`,
        'coordinator/balances-2026-12-15.csv',
        `coordinator/${REPLACEMENT}.descriptor.json`,
        `coordinator/${REPLACEMENT}.watch-only.json`,
        `coordinator/${WALLET}-sweep.psbt`,
        `coordinator/signed/custos-${REPLACEMENT}-<txid>.psbt`,
        `coordinator/signed/custos-${REPLACEMENT}-<txid>.txn`,
        `coordinator/signed/custos-${WALLET}-<txid>.psbt`,
        `coordinator/signed/custos-${WALLET}-<txid>.txn`,
        'coordinator/sweep-signed.txn',
        'coordinator/challenge-AUD-2026-117.txt',
        `coordinator/proofs/custos-proof-${REPLACEMENT}-ethereum-<challenge>.json`,
      ].sort(),
    );
    expect(printed.length).toBeGreaterThan(40);
  }, 120_000);
});
