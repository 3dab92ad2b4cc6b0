/**
 * The writer applies verification's own rules before appending (record-writer.ts): an entry that
 * `custos verify` would flag is refused with that finding's code, and the journal stays byte for
 * byte as it was. Covers roles, quorums, step order, unknown and revoked keys, the subject rule,
 * ceremony structure and procedure changes.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { enrolParticipant } from '../../../ceremonies/procedures/enrol-participant.ts';
import { revokeParticipant } from '../../../ceremonies/procedures/revoke-participant.ts';
import type { EntryDraft } from '../../../ceremonies/record/record-writer.ts';
import { OFFLINE_EVIDENCE, enrol, revoke, rosterEntry, setUpStation, testSigner, type TestStation } from '../../support/test-station.ts';

let t: TestStation;
const eve = testSigner('holder Eve', ['holder']);
const finn = testSigner('approver Finn', ['approver']);
const stranger = testSigner('stranger', ['witness']);

beforeAll(async () => {
  t = await setUpStation();
  await enrol(t, eve);
  await enrol(t, finn);
  await revoke(t, finn.keyid);
});
afterAll(() => {
  t.writer.close();
  rmSync(t.dir, { recursive: true, force: true });
});

const journal = () => readFileSync(join(t.dir, 'journal', '000001.jsonl'));

async function refused(draft: EntryDraft): Promise<string> {
  const before = journal();
  try {
    await t.writer.append(draft);
  } catch (error) {
    expect(journal().equals(before)).toBe(true);
    expect(error).toBeInstanceOf(CustosError);
    expect((error as CustosError).message).toMatch(/Nothing was recorded\.$/u);
    return (error as CustosError).code;
  }
  throw new Error('the entry was accepted');
}

const open = (participants: EntryDraft['participants'], ceremony = 'enrol-g') => ({
  ceremony,
  type: 'open' as const,
  step: 'open',
  procedure: enrolParticipant,
  body: { participant: rosterEntry(testSigner('newcomer', ['holder'])), airGap: OFFLINE_EVIDENCE },
  participants,
});

test('an opening without air-gap evidence: refused as verify would report it (the meaning rules)', async () => {
  const { airGap: _evidence, ...body } = open([{ signer: t.officer, role: 'officer' }]).body;
  expect(await refused({ ...open([{ signer: t.officer, role: 'officer' }]), body })).toBe('AIRGAP_EVIDENCE_MISSING');
});

test('a role the signer does not hold', async () => {
  expect(await refused(open([{ signer: eve, role: 'officer' }]))).toBe('ROLE_NOT_HELD');
});

test('a key not on the roster, and a revoked key', async () => {
  expect(await refused(open([{ signer: stranger, role: 'officer' }]))).toBe('SIGNER_UNKNOWN');
  expect(await refused(open([{ signer: finn, role: 'approver' }]))).toBe('ROLE_NOT_ALLOWED');
});

test('a quorum short, a role not allowed, a step out of order, a subject who is not the subject', async () => {
  await t.writer.append(open([{ signer: t.officer, role: 'officer' }], 'enrol-h'));
  const newcomer = testSigner('newcomer', ['holder']);
  const witness = { signer: t.witnesses[0]!, role: 'witness' as const };
  const step = (participants: EntryDraft['participants'], s = 'prove-key', type: 'step' | 'close' = 'step') => ({
    ceremony: 'enrol-h',
    type,
    step: s,
    procedure: enrolParticipant,
    body: (type === 'close' ? { entries: 2 } : { keyid: newcomer.keyid }) as EntryDraft['body'],
    participants,
  });
  expect(await refused(step([{ signer: newcomer, role: 'subject' }]))).toBe('QUORUM_NOT_MET');
  expect(await refused(step([{ signer: newcomer, role: 'subject' }, witness, { signer: eve, role: 'holder' }]))).toBe('ROLE_NOT_ALLOWED');
  expect(await refused(step([{ signer: eve, role: 'subject' }, witness]))).toBe('ROLE_NOT_HELD');
  expect(await refused(step([{ signer: t.officer, role: 'officer' }, witness], 'close', 'close'))).toBe('STEP_MISSING');
  expect(await refused(step([witness], 'no-such-step'))).toBe('STEP_UNKNOWN');
  expect(await refused({ ...step([{ signer: t.officer, role: 'officer' }]), procedure: revokeParticipant, step: 'open' })).toBe('PROCEDURE_CHANGED');
  expect(await refused(open([{ signer: t.officer, role: 'officer' }], 'enrol-i'))).toBe('CEREMONY_ALREADY_OPEN');
  await t.writer.append(step([{ signer: newcomer, role: 'subject' }, witness]));
  expect(await refused(step([{ signer: newcomer, role: 'subject' }, witness]))).toBe('STEP_REPEATED');
  await t.writer.append(step([{ signer: t.officer, role: 'officer' }, witness], 'close', 'close'));
  await t.writer.checkpoint([witness.signer]);
  // The refusals left no trace: the enrolment, which broke no rule once written, took effect.
  expect(t.writer.rules.roster.participants.has(newcomer.keyid)).toBe(true);
  expect(await refused(step([{ signer: t.officer, role: 'officer' }, witness], 'close', 'close'))).toBe('CEREMONY_NOT_OPEN');
});

test('after all that, the journal verifies clean', async () => {
  const { verifyJournal } = await import('../../../ceremonies/audit/verify.ts');
  const { openDataDir } = await import('../../../ceremonies/audit/journal-source.ts');
  const report = await verifyJournal(openDataDir(t.dir));
  expect(report.findings).toEqual([]);
});
