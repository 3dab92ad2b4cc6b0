/**
 * Evidence (issue 19, point 6) through the real CLI: an incident whose opening and close name the
 * files filmed and photographed during it (kept on a separate medium), each by name and SHA-256;
 * `custos verify --evidence <dir>` passes on that medium, and fails when a file is changed
 * (EVIDENCE_MISMATCH) or gone (EVIDENCE_MISSING), warns of a file the record does not name
 * (EVIDENCE_UNRECORDED); answers naming a step the procedure lacks (EVIDENCE_STEP_UNKNOWN) or a file
 * that cannot be read (EVIDENCE_UNREADABLE) are refused with the journal unchanged.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EngineRig, type AnswersJson } from '../../support/engine-rig.ts';

let rig: EngineRig;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const VIDEO = Buffer.from('a video of the ceremony, in place of one'.repeat(40_000));
const PHOTO = Buffer.from('a photo of the bag serials');

beforeAll(async () => {
  rig = await EngineRig.create('custos-evidence-');
  await rig.runExamples(['station-setup', 'enrol-participant', 'create-wallet']);
  fs.mkdirSync(rig.path('evidence-medium'), { recursive: true });
  fs.writeFileSync(rig.path('evidence-medium/ceremony-2026-12-07.mp4'), VIDEO);
  fs.writeFileSync(rig.path('evidence-medium/serials.jpg'), PHOTO);
}, 240_000);
afterAll(() => rig?.dispose());

const verifyWith = async (dir: string) => {
  const r = await rig.custosInProcess('verify', rig.station, '--json', '--evidence', dir);
  return { status: r.status, findings: (JSON.parse(r.stdout) as AnswersJson).findings as AnswersJson[] };
};

test('answers naming a step incident lacks, or a file that cannot be read, are refused; the journal is unchanged', async () => {
  const journal = rig.journalBytes();
  rig.variant('incident', 'incident-evidence-wrong-step', (a) => {
    a.evidence = [{ step: 'hand-over', file: 'evidence-medium/serials.jpg' }];
  });
  const wrongStep = await rig.run('incident', 'incident-evidence-wrong-step');
  expect(wrongStep.stderr).toMatch(/Evidence is given for step "hand-over", which incident does not have.*\[EVIDENCE_STEP_UNKNOWN\]/u);
  rig.variant('incident', 'incident-evidence-gone', (a) => {
    a.evidence = [{ step: 'open', file: 'evidence-medium/no-such-file.mp4' }];
  });
  const gone = await rig.run('incident', 'incident-evidence-gone');
  expect(gone.stderr).toMatch(/The evidence file at evidence\.0\.file cannot be read.*\[EVIDENCE_UNREADABLE\]/u);
  expect(rig.journalBytes()).toEqual(journal);
}, 120_000);

test('an incident names its video at the opening and its photo at the close; verify --evidence checks the medium', async () => {
  rig.variant('incident', 'incident-evidence', (a) => {
    a.evidence = [
      { step: 'open', file: 'evidence-medium/ceremony-2026-12-07.mp4' },
      { step: 'close', file: 'evidence-medium/serials.jpg' },
    ];
  });
  const r = await rig.run('incident', 'incident-evidence');
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  // The record names each file by name and SHA-256, in the entries of its steps.
  const journal = `${rig.station}/journal`;
  const lines = fs
    .readdirSync(journal)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => fs.readFileSync(`${journal}/${f}`, 'utf8').split('\n').filter(Boolean));
  const bodies = lines
    .map((l) => JSON.parse(Buffer.from(JSON.parse(l).payload, 'base64').toString('utf8')) as AnswersJson)
    .filter((p) => p.procedureId.startsWith('incident@'));
  expect(bodies.find((p) => p.type === 'open')!.body.evidence).toEqual([{ name: 'ceremony-2026-12-07.mp4', sha256: sha256(VIDEO) }]);
  expect(bodies.find((p) => p.type === 'close')!.body.evidence).toEqual([{ name: 'serials.jpg', sha256: sha256(PHOTO) }]);

  const medium = rig.path('evidence-medium');
  const clean = await verifyWith(medium);
  expect(clean.status).toBe(0);
  expect(clean.findings.filter((f) => f.code.startsWith('EVIDENCE_'))).toEqual([]);

  // A file the record does not name: a warning only.
  fs.writeFileSync(rig.path('evidence-medium/notes.txt'), 'unrelated');
  const extra = await verifyWith(medium);
  expect(extra.status).toBe(0);
  expect(extra.findings.filter((f) => f.code.startsWith('EVIDENCE_'))).toEqual([
    expect.objectContaining({ severity: 'warning', code: 'EVIDENCE_UNRECORDED', details: { name: 'notes.txt' } }),
  ]);

  // The photo changed by one byte, the video gone: both are errors, each at the entry that names it.
  const photo = Buffer.from(PHOTO);
  photo[0] = photo[0]! ^ 1;
  fs.writeFileSync(rig.path('evidence-medium/serials.jpg'), photo);
  fs.rmSync(rig.path('evidence-medium/ceremony-2026-12-07.mp4'));
  const broken = await verifyWith(medium);
  expect(broken.status).toBe(1);
  const open = bodies.find((p) => p.type === 'open')!.index;
  const close = bodies.find((p) => p.type === 'close')!.index;
  expect(broken.findings.filter((f) => f.severity === 'error' && f.code.startsWith('EVIDENCE_'))).toEqual([
    expect.objectContaining({ code: 'EVIDENCE_MISSING', index: open, details: { name: 'ceremony-2026-12-07.mp4' } }),
    expect.objectContaining({ code: 'EVIDENCE_MISMATCH', index: close, details: { name: 'serials.jpg' } }),
  ]);
  // Without --evidence, verify judges the record alone and passes.
  expect((await rig.custosInProcess('verify', rig.station)).status).toBe(0);
  const folder = await rig.custosInProcess('verify', rig.station, '--evidence', rig.path('evidence-medium/serials.jpg'));
  expect(folder.stderr).toMatch(/\[EVIDENCE_FOLDER_UNREADABLE\]/u);
}, 120_000);
