/**
 * Reshare through the real CLI (issue 19, "Reshare"; ADR 0032), on the examples' 3-of-5 wallet
 * `northwind-pension-cold-1`: Dora, Emil and Farid present their shares (Farid's bag found with its
 * seal broken, a photo's hash recorded); the wallet is split 3-of-4 between Dora, Farid, Gita and
 * Hana; all five old shares are destroyed. Refused before anything is recorded (journal unchanged):
 * an old share not named for destruction (RESHARE_OLD_SHARE_LEFT), a quorum above the new holders
 * (ANSWERS_INVALID), a destruction in the wrong bag (BAG_SERIAL_MISMATCH), a new holder named twice
 * (SIGNATURE_DUPLICATE), too few shares presented (SHARES_TOO_FEW). Stopped by Ctrl-C after its
 * first hand-over, the reshare is aborted: the wallet stays under its old set, the new set is void
 * and the file written for it erased. Run again to its end: same fingerprint and account keys, a new
 * set id, the old set retired with every share destroyed, Farid's seal incident in the register
 * from the reshare, and verify passes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EngineRig, shareFilesIn, type AnswersJson } from '../../support/engine-rig.ts';
import { interruptedRun } from '../../support/interrupt.ts';

const WALLET = 'northwind-pension-cold-1';
const PHOTO = 'cd'.repeat(32);
let rig: EngineRig;

beforeAll(async () => {
  rig = await EngineRig.create('custos-reshare-');
  await rig.runExamples(['station-setup', 'enrol-participant', 'create-wallet']);
  rig.placeShares('backup-drill');
  // The reshare example's new set, for the first wallet: Dora, Emil and Farid present; all five old shares destroyed.
  rig.variant('reshare', 'reshare-cold-1', (a) => {
    a.wallet = WALLET;
    a.reason = 'Emil and Gita leave the custody team; the wallet is reshared 3-of-4.';
    a.shares = rig.answers('backup-drill').shares;
    a.shares[2].bag = { state: 'broken', serial: 'TB-2026-000103', photoSha256: PHOTO };
    const holders = ['dora', 'emil', 'farid', 'gita', 'hana'];
    a.destroy = holders.map((holder, i) => ({
      index: i + 1,
      holder,
      method: i % 2 ? 'wipe' : 'shred',
      mediaId: `USB-${holder.toUpperCase()}-1`,
      bagSerial: `TB-2026-00010${i + 1}`,
      // Dora's medium is wiped of the file Custos wrote on it; the others are destroyed whole.
      ...(i === 0 ? { files: [shareFilesIn(rig.path('media/dora'))[0]!.file] } : {}),
    }));
  });
}, 240_000);
afterAll(() => rig?.dispose());

const walletOf = (p: AnswersJson): AnswersJson => p.wallets.find((w: AnswersJson) => w.id === WALLET);

test.each([
  [
    'an old share not named for destruction',
    (a: AnswersJson) => a.destroy.pop(),
    /share 5 of northwind-pension-cold-1 is not named for destruction.*\[RESHARE_OLD_SHARE_LEFT\]/su,
  ],
  ['a quorum above the number of new holders', (a: AnswersJson) => (a.threshold = 5), /threshold must be a whole number from 2 to 4.*\[ANSWERS_INVALID\]/su],
  ['a share destroyed in another bag than its own', (a: AnswersJson) => (a.destroy[1].bagSerial = 'TB-2026-000999'), /\[BAG_SERIAL_MISMATCH\]/u],
  ['a new holder named twice', (a: AnswersJson) => (a.holders[1].name = 'dora'), /appears twice among the holders.*\[SIGNATURE_DUPLICATE\]/su],
  ['fewer shares than the quorum', (a: AnswersJson) => a.shares.pop(), /3 shares are needed to rebuild.*\[SHARES_TOO_FEW\]/su],
])('refused, nothing recorded: %s', async (_what, change, error) => {
  rig.variant('reshare-cold-1', 'reshare-refused', change);
  const journal = rig.journalBytes();
  const r = await rig.custosInProcess('run', 'reshare', rig.station, '--answers', rig.path('reshare-refused.json'));
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(error);
  expect(rig.journalBytes()).toEqual(journal);
});

test('stopped by Ctrl-C after its first hand-over: aborted, the wallet under its old set, the new set void and its file erased', async () => {
  const before = walletOf(await rig.replay());
  // open, three presentations, Farid's seal incident, reconstruct, split, the first hand-over.
  const r = await interruptedRun(rig, 'reshare', 'reshare-cold-1.json', 'SIGINT', 8);
  expect(r.stderr).toMatch(/\[RUN_INTERRUPTED\]\n$/u);
  const p = await rig.replay();
  expect(p.ceremonies.at(-1)).toMatchObject({ procedureId: 'reshare@1', state: 'aborted' });
  const w = walletOf(p);
  expect(w).toMatchObject({ state: 'active', setId: before.setId, threshold: 3, shareCount: 5 });
  expect(w.shares.map((s: AnswersJson) => s.state)).toEqual(['held', 'held', 'held', 'held', 'held']);
  expect(w.formerSets).toHaveLength(1);
  expect(w.formerSets[0]).toMatchObject({ outcome: 'void', threshold: 3, shareCount: 4 });
  expect(w.formerSets[0].shares.map((s: AnswersJson) => s.state)).toEqual(['held', 'created', 'created', 'created']);
  expect(shareFilesIn(rig.path('media/dora-3'))).toEqual([]);
  // The old shares are untouched: the file Custos wrote on Dora's medium is still there.
  expect(shareFilesIn(rig.path('media/dora'))).toHaveLength(1);
  const text = (await rig.custosInProcess('replay', rig.station)).stdout;
  expect(text).toMatch(/Former share sets[\s\S]*?northwind-pension-cold-1 +[0-9a-f]{16} +void \(reshare aborted\) +3 of 4 +reshare-\d+ +1\n/u);
  const verify = await rig.custos('verify', rig.station);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
}, 240_000);

test('run to its end: the same wallet under a new 3-of-4 set, the old set retired and destroyed, the seal incident opened in the reshare', async () => {
  const before = walletOf(await rig.replay());
  const r = await rig.run('reshare', 'reshare-cold-1');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^reshare: ceremony reshare-\d+ closed;/u);
  expect(r.stdout).toMatch(/quorum: 3-of-4/u);
  const p = await rig.replay();
  const w = walletOf(p);
  expect(w).toMatchObject({ state: 'active', fingerprint: before.fingerprint, threshold: 3, shareCount: 4, quorumProven: true, drillOverdue: false });
  expect(w.accounts).toEqual(before.accounts);
  expect(w.setId).not.toBe(before.setId);
  expect(w.formerSets.map((f: AnswersJson) => [f.outcome, f.setId === before.setId])).toEqual([
    ['void', false],
    ['retired', true],
  ]);
  expect(w.formerSets[1].shares.map((s: AnswersJson) => s.state)).toEqual(['destroyed', 'destroyed', 'destroyed', 'destroyed', 'destroyed']);
  expect(shareFilesIn(rig.path('media/dora'))).toEqual([]);
  for (const [i, who] of ['dora', 'farid', 'gita', 'hana'].entries()) {
    expect(shareFilesIn(rig.path(`media/${who}-3`)).map((f) => [f.fingerprint, f.index, f.count])).toEqual([[before.fingerprint, i + 1, 4]]);
  }
  const incidents = (p.incidents as AnswersJson[]).filter((i) => i.id.startsWith('SEAL-reshare-'));
  expect(incidents.map((i) => i.id)).toEqual([expect.stringMatching(/-3$/u), expect.stringMatching(/-3$/u)]);
  expect(incidents.at(-1)).toMatchObject({ origin: 'reshare', significant: true, wallets: [WALLET] });
  expect(incidents.at(-1).nature).toContain(`A photo was taken (SHA-256 ${PHOTO})`);
  expect(incidents.at(-1).correctiveAction).toMatch(/rotate the wallet \(compromise-rotation\)/u);
  const text = (await rig.custosInProcess('replay', rig.station)).stdout;
  expect(text).toMatch(new RegExp(`${before.setId} +retired +3 of 5`, 'u'));
  const verify = await rig.custos('verify', rig.station, '--json');
  const report = JSON.parse(verify.stdout);
  expect(report.findings.filter((f: AnswersJson) => f.severity === 'error')).toEqual([]);
  expect(verify.status).toBe(0);
}, 240_000);
