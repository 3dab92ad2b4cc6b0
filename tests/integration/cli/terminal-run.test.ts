/**
 * Issue 4, "Headless runs": "on a terminal without --answers it prompts". The real `custos run`
 * under a real pseudo-terminal (util-linux `script`): an incident is recorded by answering the
 * questions as they come, in the order the run asks them; passphrases are typed with echo off and
 * never appear in what the terminal showed; the result is the same record an answers file gives.
 * Without a terminal and without --answers, run is a usage error (tests/integration/engine/refusals).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI, EngineRig, OFFLINE_LAPTOP } from '../../support/engine-rig.ts';
import { labelOf } from '../../../main/cli/terminal-answers.ts';

let rig: EngineRig;

beforeAll(async () => {
  rig = await EngineRig.create('custos-terminal-');
  const r = await rig.run('station-setup');
  if (r.status !== 0) throw new Error(`station setup failed: ${r.stderr}`);
}, 180_000);
afterAll(() => rig?.dispose());

const quote = (s: string) => `'${s.replace(/'/gu, `'\\''`)}'`;

/** Runs `args` under a pseudo-terminal, answering each expected question in order; returns what it showed. */
function converse(args: string[], script: [RegExp, string][]): Promise<{ status: number | null; shown: string; unanswered: number }> {
  return new Promise((resolve) => {
    const command = [process.execPath, CLI, ...args].map(quote).join(' ');
    const child = spawn('script', ['-qefc', command, '/dev/null'], { cwd: rig.root, env: { ...process.env, TMPDIR: rig.tmp }, stdio: ['pipe', 'pipe', 'pipe'] });
    let shown = '';
    let from = 0;
    let next = 0;
    const onData = (d: Buffer) => {
      shown += d.toString('utf8');
      while (next < script.length && script[next]![0].test(shown.slice(from))) {
        from = shown.length;
        child.stdin.write(`${script[next]![1]}\n`);
        next++;
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, shown, unanswered: script.length - next });
    });
  });
}

test('labels read as words', () => {
  expect(labelOf('holders.0.bagSerial')).toBe('holders › #1 › bag serial');
});

test('an incident recorded on a terminal, question by question, passphrases hidden', async () => {
  const passphrase = (label: string) => fs.readFileSync(rig.path(`passphrases/${label}.txt`), 'utf8').replace(/\n$/u, '');
  const q = (text: string) => new RegExp(`${text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}[^\\n]*: $`, 'u');
  const script: [RegExp, string][] = [
    [q('incident › id'), 'INC-TTY-1'],
    [q('incident › action'), 'open'],
    [q('incident › fields › occurred at'), '2026-11-20'],
    [q('incident › fields › discovered at'), '2026-11-21'],
    [q('incident › fields › nature'), 'A witness badge was lost'],
    [q('incident › fields › origin'), 'internal'],
    [q('incident › fields › tools and staff'), 'Badge system; Bob Okafor'],
    [q('incident › fields › impact'), 'None known'],
    [q('incident › fields › corrective action'), 'Badge revoked and reissued'],
    [q('incident › fields › target date'), '2026-11-30'],
    [q('incident › fields › closed at'), ''],
    [q('incident › fields › status'), ''],
    [q('incident › wallets'), ''],
    [q('incident › significant'), 'yes'],
    [q('witness'), 'bob'],
    [q('witness checkpoints › bob'), 'media/bob/tty-checkpoint.txt'],
    [q('station › passphrase (hidden)'), passphrase('station')],
    [q('officer'), 'alice'],
    [q('participants › alice › key file'), 'keys/alice-martin.key'],
    [q('participants › alice › passphrase (hidden)'), passphrase('alice')],
    [q('participants › bob › key file'), 'keys/bob-okafor.key'],
    [q('participants › bob › passphrase (hidden)'), passphrase('bob')],
  ];
  const r = await converse(['run', 'incident', rig.station, '--system-root', OFFLINE_LAPTOP], script);
  expect(r.unanswered, r.shown).toBe(0);
  expect(r.status, r.shown).toBe(0);
  expect(r.shown).toMatch(/incident: ceremony incident-\d+ closed/u);
  for (const label of ['station', 'alice', 'bob']) expect(r.shown).not.toContain(passphrase(label));
  const p = await rig.replay();
  expect(p.incidents).toHaveLength(1);
  expect(p.incidents[0]).toMatchObject({
    id: 'INC-TTY-1', status: 'open', significant: true, occurredAt: '2026-11-20', targetDate: '2026-11-30', nature: 'A witness badge was lost',
  });
  // Bob leaves with the checkpoint he cosigned, on the medium he named, and it matches the record.
  expect(r.shown).toContain('tty-checkpoint.txt');
  expect((await rig.custos('verify', rig.station, '--checkpoint', rig.path('media/bob/tty-checkpoint.txt'))).status).toBe(0);
}, 180_000);
