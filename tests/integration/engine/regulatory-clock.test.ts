/**
 * The regulatory clock through the real CLI, with the station's clock set by the test (issue 19,
 * "Regulatory clock"; ADR 0034). An incident detected at 08:00 and classified major at 09:00 owes its
 * initial notification by 13:00: at 12:00 `custos replay` shows it due with 1 h 0 min left. Refused
 * before anything is recorded (journal unchanged): an intermediate report before the initial one, a
 * report dated in the future, a classification before the detection, a report for an incident not
 * classified. The initial notification made at 14:10 is late; the intermediate report is then due 72
 * hours later and, two days after that, missed. `custos report incident` shows each report's state;
 * `custos report incidents` lists the report made (late) and the deadlines missed, in English and
 * French. An incident whose criteria do not make it major owes nothing. Verify passes.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EngineRig, type AnswersJson } from '../../support/engine-rig.ts';

let rig: EngineRig;
const T = (iso: string) => new Date(iso);

beforeAll(async () => {
  rig = await EngineRig.create('custos-clock-');
  await rig.runExamples(['station-setup']);
}, 240_000);
afterAll(() => rig?.dispose());

const criteria = (major: boolean) => ({
  'critical-services': true,
  'data-losses': major,
  'clients-affected': false,
  'reputational-impact': false,
  'duration-downtime': false,
  'geographical-spread': false,
  'economic-impact': false,
});

/** An incident answers file named `name`: the example's, for incident `id`, with `change` applied. */
function incidentAnswers(name: string, id: string, change: (incident: AnswersJson) => void): string {
  return rig.variant('incident', name, (a) => {
    a.incident.id = id;
    delete a.incident.wallets;
    delete a.incident.notifications;
    a.incident.classification = { criteria: criteria(true), detectedAt: '2026-12-10T08:00:00Z', classifiedAt: '2026-12-10T09:00:00Z' };
    change(a.incident);
  });
}

const runAt = (at: string, answers: string) => rig.custosInProcessAt(T(at), 'run', 'incident', rig.station, '--answers', rig.path(answers));
const cliAt = (at: string, ...args: string[]) => rig.custosInProcessAt(T(at), ...args);
const incidentOf = async (at: string, id: string) =>
  JSON.parse((await cliAt(at, 'replay', rig.station, '--json')).stdout).incidents.find((i: AnswersJson) => i.id === id);

test('classified major at 09:00: the initial notification is due at 13:00, shown with the time left', async () => {
  const opened = await runAt(
    '2026-12-10T10:00:00Z',
    incidentAnswers('clock-open', 'INC-CLOCK-1', () => {}),
  );
  expect(opened.stderr).toBe('');
  expect(opened.status).toBe(0);
  const i = await incidentOf('2026-12-10T12:00:00Z', 'INC-CLOCK-1');
  expect(i.classification).toMatchObject({ major: true, detectedAt: '2026-12-10T08:00:00Z', classifiedAt: '2026-12-10T09:00:00Z' });
  expect(i.deadlines.map((d: AnswersJson) => [d.report, d.due, d.state])).toEqual([
    ['initial', '2026-12-10T13:00:00.000Z', 'open'],
    ['intermediate', null, 'waiting'],
    ['final', null, 'waiting'],
  ]);
  const text = (await cliAt('2026-12-10T12:00:00Z', 'replay', rig.station)).stdout;
  expect(text).toMatch(
    /Reports owed to the authority \(major incidents\)\n.*\n.*\n {2}INC-CLOCK-1 +initial notification +10 Dec 2026, 13:00:00 UTC +(1 h 0|0 h 59) min +due\n/u,
  );
});

test.each([
  [
    'an intermediate report before the initial one',
    (i: AnswersJson) => (i.notifications = [{ report: 'intermediate', at: '2026-12-10T11:00:00Z', authority: 'AMF', reference: 'X' }]),
    /comes before the initial report.*\[INCIDENT_NOTIFICATION_INVALID\]/su,
  ],
  [
    'a report dated in the future',
    (i: AnswersJson) => (i.notifications = [{ report: 'initial', at: '2026-12-10T16:00:00Z', authority: 'AMF', reference: 'X' }]),
    /is dated in the future.*\[INCIDENT_NOTIFICATION_INVALID\]/su,
  ],
  [
    'a classification before the detection',
    (i: AnswersJson) => (i.classification.classifiedAt = '2026-12-10T07:00:00Z'),
    /classifiedAt comes before the incident was detected.*\[ANSWERS_INVALID\]/su,
  ],
])('refused, nothing recorded: %s', async (_what, change, error) => {
  const answers = incidentAnswers('clock-refused', 'INC-CLOCK-1', (i) => {
    i.action = 'update';
    i.fields = {};
    change(i);
  });
  const journal = rig.journalBytes();
  const r = await runAt('2026-12-10T14:30:00Z', answers);
  expect(r.status).not.toBe(0);
  expect(r.stderr).toMatch(error);
  expect(rig.journalBytes()).toEqual(journal);
});

test('a report for an incident not classified is refused; one whose criteria do not make it major owes nothing', async () => {
  const open = await runAt(
    '2026-12-10T10:00:00Z',
    incidentAnswers('clock-minor', 'INC-CLOCK-2', (i) => delete i.classification),
  );
  expect(open.status, open.stderr).toBe(0);
  const journal = rig.journalBytes();
  const refused = await runAt(
    '2026-12-10T11:00:00Z',
    incidentAnswers('clock-unclassified', 'INC-CLOCK-2', (i) => {
      i.action = 'update';
      i.fields = {};
      delete i.classification;
      i.notifications = [{ report: 'initial', at: '2026-12-10T10:30:00Z', authority: 'AMF', reference: 'X' }];
    }),
  );
  expect(refused.stderr).toMatch(/is not classified: give its classification first.*\[INCIDENT_NOTIFICATION_INVALID\]/su);
  expect(rig.journalBytes()).toEqual(journal);
  const classified = await runAt(
    '2026-12-10T11:00:00Z',
    incidentAnswers('clock-classify-minor', 'INC-CLOCK-2', (i) => {
      i.action = 'update';
      i.fields = {};
      i.classification.criteria = criteria(false);
    }),
  );
  expect(classified.status, classified.stderr).toBe(0);
  const i = await incidentOf('2026-12-20T00:00:00Z', 'INC-CLOCK-2');
  expect(i.classification.major).toBe(false);
  expect(i.deadlines).toEqual([]);
});

test('the initial notification made late starts the intermediate report’s 72 hours, then missed; the reports say so, in English and French', async () => {
  const late = await runAt(
    '2026-12-10T14:30:00Z',
    incidentAnswers('clock-initial', 'INC-CLOCK-1', (i) => {
      i.action = 'update';
      i.fields = { status: 'investigating' };
      delete i.classification;
      i.notifications = [{ report: 'initial', at: '2026-12-10T14:10:00Z', authority: 'AMF', reference: 'AMF-ICT-2026-0999' }];
    }),
  );
  expect(late.stderr).toBe('');
  expect(late.status).toBe(0);
  const i = await incidentOf('2026-12-15T12:00:00Z', 'INC-CLOCK-1');
  expect(i.deadlines.map((d: AnswersJson) => [d.report, d.due, d.madeAt, d.state])).toEqual([
    ['initial', '2026-12-10T13:00:00.000Z', '2026-12-10T14:10:00Z', 'made-late'],
    ['intermediate', '2026-12-13T14:10:00.000Z', null, 'missed'],
    ['final', null, null, 'waiting'],
  ]);
  const one = (await cliAt('2026-12-15T12:00:00Z', 'report', 'incident', rig.station, 'INC-CLOCK-1')).stdout;
  expect(one).toMatch(/\n {2}Classification +Major incident \(regulatory reports owed\)\n/u);
  expect(one).toMatch(
    /\nReports to the authority\n.*\n.*\n {2}initial notification +10 Dec 2026, 13:00:00 UTC +10 Dec 2026, 14:10:00 UTC +AMF-ICT-2026-0999 +MADE LATE\n {2}intermediate report +13 Dec 2026, 14:10:00 UTC +— +— +MISSED\n/u,
  );
  const period = (await cliAt('2026-12-15T12:00:00Z', 'report', 'incidents', rig.station, '--from', '2026-12-01', '--to', '2026-12-31')).stdout;
  expect(period).toMatch(
    /\nReports made in the period\n.*\n.*\n {2}INC-CLOCK-1 +initial notification +10 Dec 2026, 14:10:00 UTC +AMF AMF-ICT-2026-0999 +Yes\n/u,
  );
  expect(period).toMatch(
    /\nReport deadlines missed \(due in the period, not made by then\)\n.*\n.*\n {2}INC-CLOCK-1 +initial notification +.*\n {2}INC-CLOCK-1 +intermediate report +13 Dec 2026, 14:10:00 UTC +—\n/u,
  );
  const periodFr = (await cliAt('2026-12-15T12:00:00Z', '--lang', 'fr', 'report', 'incidents', rig.station, '--from', '2026-12-01', '--to', '2026-12-31'))
    .stdout;
  expect(periodFr).toMatch(/\nDéclarations faites dans la période\n/u);
  expect(periodFr).toMatch(/ +rapport intermédiaire +13 déc\. 2026/u);
  const verify = await rig.custos('verify', rig.station);
  expect(verify.status, verify.stdout + verify.stderr).toBe(0);
});
