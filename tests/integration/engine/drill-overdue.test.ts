/**
 * Per-share proof through the real CLI, with the station's clock set by the test (issue 19, point 1):
 * a 3-of-5 wallet whose five shares were handed over today is replayed 181 days later with every
 * share overdue; the example drill presents three of them and is refused (DRILL_OVERDUE_SHARE_LEFT_OUT,
 * the journal unchanged) until the two others are said unreachable, with their reasons; a share said
 * unreachable that is presented, or not overdue, is refused (UNREACHABLE_SHARE_INVALID). The drill
 * then records what was overdue, what could not be reached and what remains; the replay shows the two
 * shares still overdue, by holder, and the three proven ones due again in 180 days; verify passes.
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
