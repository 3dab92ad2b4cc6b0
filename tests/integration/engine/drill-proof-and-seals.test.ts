/**
 * Per-share proof and seal outcomes through the real CLI, with the station's clock set by the test
 * (issue 19, points 1 and 2). Per-share proof:
 * a 3-of-5 wallet whose five shares were handed over today is replayed 181 days later with every
 * share overdue; the example drill presents three of them and is refused (DRILL_OVERDUE_SHARE_LEFT_OUT,
 * the journal unchanged) until the two others are said unreachable, with their reasons; a share said
 * unreachable that is presented, or not overdue, is refused (UNREACHABLE_SHARE_INVALID). The drill
 * then records what was overdue, what could not be reached and what remains; the replay shows the two
 * shares still overdue, by holder, and the three proven ones due again in 180 days; verify passes.
 * Seal outcomes: a drill a day later finds one bag's seal broken (a photo's hash recorded, not
 * re-bagged) and another share brought without its bag (re-bagged there): each opens its incident in
 * the drill, signed by the officer and both witnesses, in the register with the wallet; the first
 * share shows at risk, the second is in its new bag; verify passes. (A restitution and a rotation
 * finding a broken bag: custody-scenario.test.ts.)
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EngineRig, type AnswersJson } from '../../support/engine-rig.ts';

const DAY = 86_400_000;
let rig: EngineRig;
let later: Date;

beforeAll(async () => {
  rig = await EngineRig.create('custos-drill-overdue-');
  await rig.runExamples(['station-setup', 'enrol-participant', 'create-wallet']);
  later = new Date(Date.now() + 181 * DAY);
  rig.placeShares('backup-drill');
}, 240_000);
afterAll(() => rig?.dispose());

const drillAt = (answers: string) => rig.custosInProcessAt(later, 'run', 'backup-drill', rig.station, '--answers', rig.path(answers));
const replayAt = async (at: Date) => JSON.parse((await rig.custosInProcessAt(at, 'replay', rig.station, '--json')).stdout) as AnswersJson;

test('181 days on, every share is overdue; a drill of three leaves two out and is refused until they are said unreachable; then it records what remains', async () => {
  const wallet = rig.answers('backup-drill').wallet as string;
  const before = (await replayAt(later)).wallets.find((w: AnswersJson) => w.id === wallet);
  expect(before).toMatchObject({ drillOverdue: true, overdueShares: [1, 2, 3, 4, 5] });
  const presentedHolders = (rig.answers('backup-drill').shares as { holder: string }[]).map((s) => s.holder);
  expect(presentedHolders).toHaveLength(3);

  const journal = rig.journalBytes();
  const refused = await drillAt('backup-drill.json');
  expect(refused.status).not.toBe(0);
  expect(refused.stderr).toMatch(/\[DRILL_OVERDUE_SHARE_LEFT_OUT\]/u);
  expect(refused.stderr).toMatch(/Share \d \(held by [^)]+\) is overdue for proof and is not presented/u);
  expect(rig.journalBytes()).toEqual(journal);

  // Which shares the three holders hold, from the replay: the two others are the ones to account for.
  const participants = new Map((before.shares as { index: number; holder: string }[]).map((s) => [s.index, s.holder]));
  const names = new Map(((await replayAt(later)).participants as { keyid: string; name: string }[]).map((p) => [p.keyid, p.name]));
  const away = [...participants.entries()].filter(([, keyid]) => !presentedHolders.some((h) => names.get(keyid)?.toLowerCase().startsWith(h))).map(([i]) => i);
  expect(away).toHaveLength(2);

  const presentedIndex = [...participants.keys()].find((i) => !away.includes(i))!;
  rig.variant('backup-drill', 'drill-unreachable-presented', (a) => {
    a.unreachable = [...away.map((share) => ({ share, reason: 'abroad' })), { share: presentedIndex, reason: 'listed by mistake' }];
  });
  const wrong = await drillAt('drill-unreachable-presented.json');
  expect(wrong.stderr).toMatch(/\[UNREACHABLE_SHARE_INVALID\]/u);
  expect(rig.journalBytes()).toEqual(journal);

  rig.variant('backup-drill', 'drill-with-reasons', (a) => {
    a.unreachable = away.map((share, i) => ({ share, reason: i === 0 ? 'Holder on leave until March; bag seen intact by video call' : 'Holder abroad' }));
  });
  const done = await drillAt('drill-with-reasons.json');
  expect(done.stderr).toBe('');
  expect(done.status).toBe(0);
  expect(done.stdout).toContain(`stillOverdue: ${away.join(', ')}`);

  const after = (await replayAt(new Date(later.getTime() + DAY))).wallets.find((w: AnswersJson) => w.id === wallet);
  expect(after.overdueShares).toEqual(away);
  expect(after.drillOverdue).toBe(true);
  for (const s of after.shares as { index: number; due: string; overdue: boolean }[]) {
    if (away.includes(s.index)) expect(s.overdue).toBe(true);
    else expect(Date.parse(s.due)).toBeGreaterThan(later.getTime() + 179 * DAY);
  }
  const text = await rig.custosInProcessAt(new Date(later.getTime() + DAY), 'replay', rig.station);
  expect(text.stdout).toMatch(/Shares overdue for proof/u);
  const verify = await rig.custos('verify', rig.station);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
}, 240_000);

test('a day later, a drill finds a seal broken and a bag missing: each opens its incident in the drill; the unbagged share is at risk, the re-bagged one is not', async () => {
  const at = new Date(later.getTime() + 86_400_000);
  const wallet = rig.answers('backup-drill').wallet as string;
  const before = (await replayAt(at)).wallets.find((w: AnswersJson) => w.id === wallet);
  const photo = 'ab'.repeat(32);
  rig.variant('drill-with-reasons', 'drill-seals', (a) => {
    // A bag the last drill replaced is presented under its new serial, intact.
    for (const share of a.shares) if (share.bag.newSerial) share.bag = { state: 'intact', serial: share.bag.newSerial };
    a.shares[0].bag = { state: 'broken', serial: a.shares[0].bag.serial, photoSha256: photo };
    a.shares[1].bag = { state: 'missing', newSerial: 'TB-2027-009901' };
  });
  // The drill's shares, by index, as the replay knows their holders' bags.
  const drilled = await rig.custosInProcessAt(at, 'run', 'backup-drill', rig.station, '--answers', rig.path('drill-seals.json'));
  expect(drilled.stderr).toBe('');
  expect(drilled.status).toBe(0);
  const incidents = /incidents: (SEAL-\S+), (SEAL-\S+)\n/u.exec(drilled.stdout);
  expect(incidents, drilled.stdout).not.toBeNull();
  const p = await replayAt(at);
  const after = p.wallets.find((w: AnswersJson) => w.id === wallet);
  const changed = (after.shares as AnswersJson[]).filter((s) => s.atRisk || s.bagSerial === 'TB-2027-009901');
  expect(changed).toHaveLength(2);
  const [atRisk] = (after.shares as AnswersJson[]).filter((s) => s.atRisk);
  expect(atRisk.bagSerial).toBe((before.shares as AnswersJson[]).find((s) => s.index === atRisk.index).bagSerial);
  expect((after.shares as AnswersJson[]).find((s) => s.bagSerial === 'TB-2027-009901')).toMatchObject({ atRisk: false });
  const opened = (p.incidents as AnswersJson[]).filter((i) => i.id.startsWith('SEAL-'));
  expect(opened.map((i) => i.id).sort()).toEqual([incidents![1], incidents![2]].sort());
  for (const i of opened) expect(i).toMatchObject({ status: 'open', significant: true, wallets: [wallet], origin: 'backup-drill' });
  expect(opened.find((i) => i.id.endsWith(`-${atRisk.index}`)).nature).toContain(`A photo was taken (SHA-256 ${photo})`);
  const entries = (await rig.custosInProcessAt(at, 'replay', rig.station)).stdout;
  expect(entries).toMatch(/Shares at risk/u);

  const verify = await rig.custos('verify', rig.station);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
}, 240_000);
