/**
 * Issue 14, "Done when": for every catalogue procedure, every step and every signer rule that needs
 * someone, a record that lacks one required distinct person's signature fails verification with a
 * specific code at that entry, however the attacker fills the gap with the keys they hold.
 *
 * Each procedure's ceremony is generated after a generated station setup (tests/support/attacker.ts):
 * every step as often as its `repeat.min` (at least once), each rule signed by exactly `min` people
 * of that role, a body with exactly the step's records, a checkpoint cosigned by the close's
 * witnesses. The control (nothing missing) verifies clean. Then, for each step and rule, one
 * required person is taken out of the step's first entry, and the attacker, who re-signs and
 * re-chains everything else and cosigns the checkpoints, puts in their place:
 * - nobody (dropped), - the station key, - a fresh key of their own, - a participant who does not
 *   hold the role, - a key already signing the entry in another role, - for the approvals that
 *   require separate duties, the officer running the ceremony (who also holds the approver role).
 * Every variant must fail with QUORUM_NOT_MET at that entry, plus the variant's own code.
 */
import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import type { Finding } from '../../../../ceremonies/audit/findings.ts';
import { PROCEDURES } from '../../../../ceremonies/procedures/catalogue.ts';
import type { ProcedureDefinition, StepDefinition } from '../../../../ceremonies/procedures/definition.ts';
import { stationSetup } from '../../../../ceremonies/procedures/station-setup.ts';
import { approverMustNotBeOfficer } from '../../../../ceremonies/procedures/separated-duties.ts';
import type { JsonValue } from '../../../../ceremonies/record/entry-payload.ts';
import { Attacker, type ForgedSigner } from '../../../support/attacker.ts';
import { summary, verifyDir } from '../../../support/tamper.ts';
import { OFFLINE_EVIDENCE, rosterEntry, tempDir, testSigner, type TestSigner } from '../../../support/test-station.ts';

const station = testSigner('station');
const people: Record<string, TestSigner[]> = {
  // Alice may also approve, except what she runs herself (separation of duties).
  officer: [testSigner('officer Alice', ['officer', 'approver'])],
  witness: ['Bob', 'Chloé', 'Dan'].map((n) => testSigner(`witness ${n}`, ['witness'])),
  holder: ['Eve', 'Gus', 'Hana'].map((n) => testSigner(`holder ${n}`, ['holder'])),
  approver: ['Finn', 'Ivo', 'Jon'].map((n) => testSigner(`approver ${n}`, ['approver'])),
};
const roster = Object.values(people).flat();
const subject = testSigner('newcomer Kai', ['holder']);
const outsider = testSigner('outsider Mallory', ['witness']);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

type Gap = 'dropped' | 'station' | 'fresh' | 'role-not-held' | 'reused' | 'runner';
interface Hole {
  step: string;
  role: string;
  gap: Gap;
}

/** The station policy the generated setup records, and how many approvers each approval gets. */
const settings = { policy: { approvers: 2 } as JsonValue, approvers: 0 };

/** The body of an entry of `step`: exactly its records, each null but for what the rules read. */
function bodyOf(procedure: ProcedureDefinition, step: StepDefinition, seq: number): { [key: string]: JsonValue } {
  const body: { [key: string]: JsonValue } = Object.fromEntries(step.records.map((r) => [r, null]));
  if (step.records.includes('policy')) body.policy = settings.policy;
  if (step.type === 'close') body.entries = seq;
  if (step.type === 'open') body.airGap = OFFLINE_EVIDENCE;
  if (procedure.id === 'station-setup' && step.type === 'open') {
    body.station = { keyid: station.keyid, publicKey: Buffer.from(station.publicKey).toString('hex') };
    body.roster = roster.map(rosterEntry);
  }
  if (procedure.id === 'enrol-participant') {
    if (step.type === 'open') body.participant = rosterEntry(subject);
    if (step.id === 'prove-key') body.keyid = subject.keyid;
  }
  if (procedure.id === 'revoke-participant' && step.type === 'open') body.keyid = people.holder![2]!.keyid;
  return body;
}

/** Who signs an entry of `step` (the `entry`-th of it), with a hole made in it if `hole` names the step. */
function signersOf(step: StepDefinition, entry: number, hole: Hole | null): ForgedSigner[] {
  const out: ForgedSigner[] = [];
  for (const rule of step.signers) {
    const pool = rule.role === 'subject' ? [subject] : people[rule.role]!;
    const count = rule.role === 'approver' && settings.approvers ? settings.approvers : rule.min;
    for (let i = 0; i < count; i++) out.push({ signer: pool[(i + (rule.role === 'holder' ? entry : 0)) % pool.length]!, role: rule.role });
  }
  if (!hole || hole.step !== step.id || entry !== 0) return out;
  const at = out.findIndex((s) => s.role === hole.role);
  const [removed] = out.splice(at, 1);
  const stranger = roster.find((p) => !p.roles.includes(hole.role as never) && !out.some((s) => s.signer === p))!;
  const other = out.find((s) => s.signer !== removed!.signer);
  if (hole.gap === 'station') out.push({ signer: station, role: hole.role });
  else if (hole.gap === 'fresh') out.push({ signer: outsider, role: hole.role });
  else if (hole.gap === 'role-not-held') out.push({ signer: stranger, role: hole.role });
  else if (hole.gap === 'reused' && other) out.push({ signer: other.signer, role: hole.role });
  else if (hole.gap === 'runner') out.push({ signer: people.officer![0]!, role: hole.role });
  return out;
}

/** Appends one ceremony of `procedure` (every step at its minimum) and returns where the hole's entry landed. */
function ceremony(attacker: Attacker, procedure: ProcedureDefinition, id: string, hole: Hole | null): number {
  let seq = 0;
  let target = -1;
  for (const step of procedure.steps) {
    const count = step.type === 'step' ? Math.max(1, step.repeat?.min ?? 1) : 1;
    for (let entry = 0; entry < count; entry++) {
      if (hole?.step === step.id && entry === 0) target = attacker.size;
      attacker.append({ ceremony: id, type: step.type, step: step.id, procedure, body: bodyOf(procedure, step, seq), signers: signersOf(step, entry, hole) });
      seq++;
    }
  }
  return target;
}

/** A station setup, then `procedure`'s ceremony (or the setup itself, holed), with a checkpoint after each close. */
async function record(procedure: ProcedureDefinition, hole: Hole | null): Promise<{ dir: string; target: number }> {
  const attacker = new Attacker(station);
  const checkpoints: { size: number; note: string }[] = [];
  const witnessesOfClose = () => people.witness!.slice(0, 2);
  let target = ceremony(attacker, stationSetup, 'setup', procedure === stationSetup ? hole : null);
  checkpoints.push(await attacker.checkpoint(witnessesOfClose()));
  if (procedure !== stationSetup) {
    target = ceremony(attacker, procedure, procedure.id, hole);
    checkpoints.push(await attacker.checkpoint(witnessesOfClose()));
  }
  const dir = tempDir('custos-quorum-');
  dirs.push(dir);
  attacker.writeTo(dir, checkpoints);
  return { dir, target };
}

const EXPECTED: Record<Gap, string | null> = {
  dropped: null,
  station: 'STATION_KEY_AS_PARTICIPANT',
  fresh: 'SIGNER_UNKNOWN',
  'role-not-held': 'ROLE_NOT_HELD',
  reused: 'SIGNATURE_DUPLICATE',
  runner: 'DUTIES_NOT_SEPARATED',
};

/**
 * What verify finds besides the signers in these generated ceremonies: their bodies name no real
 * wallet, share, transaction or signed challenge (meaning-rules.ts judges those; its own tests give
 * them meaning).
 */
const MEANING = new Set(['WALLET_STATE_INVALID', 'SHARE_COMMITMENT_MISMATCH', 'OUTPUTS_NOT_APPROVED', 'PROOF_NOT_VALID']);

test('control: one ceremony of each catalogue procedure, every quorum met, breaks no rule of who signs', async () => {
  for (const procedure of PROCEDURES) {
    const { dir } = await record(procedure, null);
    expect(
      summary(await verifyDir(dir)).filter((f) => !MEANING.has(f.split('@')[0]!)),
      procedure.id,
    ).toEqual([]);
  }
});

test('every step of every catalogue procedure, one required person missing however the gap is filled: QUORUM_NOT_MET there', async () => {
  let cases = 0;
  let runners = 0;
  for (const procedure of PROCEDURES) {
    for (const step of procedure.steps) {
      for (const rule of step.signers.filter((r) => r.min > 0)) {
        for (const gap of Object.keys(EXPECTED) as Gap[]) {
          if (gap === 'reused' && step.signers.reduce((n, r) => n + r.min, 0) < 2) continue;
          if (gap === 'role-not-held' && rule.role === 'subject') continue;
          if (gap === 'runner' && !(rule.role === 'approver' && approverMustNotBeOfficer(`${procedure.id}@${procedure.version}`, step.id))) continue;
          const hole = { step: step.id, role: rule.role, gap };
          const { dir, target } = await record(procedure, hole);
          const report = await verifyDir(dir);
          const at = (code: string) => report.findings.some((f: Finding) => f.severity === 'error' && f.code === code && f.index === target);
          const what = `${procedure.id} ${step.id} ${rule.role} ${gap}: ${summary(report).join(', ')}`;
          expect(report.ok, what).toBe(false);
          expect(at('QUORUM_NOT_MET'), what).toBe(true);
          // A key that is not the subject's, in the subject's place, is refused as not holding that role.
          const code = rule.role === 'subject' && gap === 'fresh' ? 'ROLE_NOT_HELD' : EXPECTED[gap];
          if (code) expect(at(code), what).toBe(true);
          cases++;
          if (gap === 'runner') runners++;
        }
      }
    }
  }
  expect(cases).toBeGreaterThan(250);
  expect(runners).toBe(2);
}, 300_000);

test('the approver quorum set at station setup: 3 approvers needed, 2 are not enough; a policy out of range is refused', async () => {
  const restitution = PROCEDURES.find((p) => p.id === 'restitution')!;
  const approveAt = (dir: string) =>
    verifyDir(dir).then((r) => r.findings.filter((f: Finding) => f.severity === 'error' && ['QUORUM_NOT_MET', 'POLICY_INVALID'].includes(f.code)));
  try {
    settings.policy = { approvers: 3 };
    settings.approvers = 2;
    const short = await record(restitution, null);
    expect(await approveAt(short.dir)).toEqual([
      expect.objectContaining({ code: 'QUORUM_NOT_MET', details: { step: 'approve', role: 'approver', min: 3, count: 2 } }),
    ]);
    settings.approvers = 3;
    expect(await approveAt((await record(restitution, null)).dir)).toEqual([]);
    settings.policy = { approvers: 1 };
    settings.approvers = 0;
    expect(await approveAt((await record(restitution, null)).dir)).toEqual([expect.objectContaining({ code: 'POLICY_INVALID', index: 0 })]);
  } finally {
    settings.policy = { approvers: 2 };
    settings.approvers = 0;
  }
});
