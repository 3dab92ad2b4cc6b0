/**
 * Issue 14, the attacks listed under "Why", each played by an insider who holds the station's disk,
 * the station key and its passphrase, and at most one participant's key (docs/threat-model.md,
 * "The guarantee"). Each test gives the attacker toolkit (tests/support/attacker.ts) exactly those
 * keys, builds the record the attacker would, and requires `custos verify` to report it with a
 * specific code, the writer to refuse it, or the store to refuse to open, as the rule says.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { openDataDir } from '../../../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../../../ceremonies/audit/replay.ts';
import { CustosError } from '../../../../ceremonies/custos-error.ts';
import { procedureHash, type ProcedureDefinition } from '../../../../ceremonies/procedures/definition.ts';
import { canonicalBytes } from '../../../../ceremonies/record/canonical-json.ts';
import { enrolParticipant } from '../../../../ceremonies/procedures/enrol-participant.ts';
import { revokeParticipant } from '../../../../ceremonies/procedures/revoke-participant.ts';
import { stationSetup } from '../../../../ceremonies/procedures/station-setup.ts';
import { RecordWriter } from '../../../../ceremonies/record/record-writer.ts';
import { CHECKPOINT_DIR, QUARANTINE_DIR } from '../../../../ceremonies/store/journal-files.ts';
import { verifyText } from '../../../../main/cli/verify-text.ts';
import { Attacker } from '../../../support/attacker.ts';
import { walletScene } from '../../../support/wallet-scene.ts';
import {
  AT,
  ENTRY_COUNT,
  SUPPLIED,
  checkpointName,
  editEnvelope,
  expectFinding,
  flipBase64Bit,
  readJournalBytes,
  removeCheckpoints,
  summary,
  useTamperStation,
  verifyDir,
  writeJournal,
} from '../../../support/tamper.ts';
import { OFFLINE_EVIDENCE, rosterEntry, tempDir, testSigner, type TestSigner } from '../../../support/test-station.ts';

const ctx = useTamperStation();
const codesOf = (report: Awaited<ReturnType<typeof verifyDir>>) => report.findings.filter((f) => f.severity === 'error').map((f) => f.code);

/** enrol-participant under its own id@version, with no participant signing anything and no checkpoint witness. */
const forgedEnrol: ProcedureDefinition = {
  ...enrolParticipant,
  steps: enrolParticipant.steps.map((s) => ({ ...s, signers: s.id === 'prove-key' ? [{ role: 'subject' as const, min: 1, max: 1 }] : [] })),
  checkpointWitnesses: 0,
};

test("a forged definition under a catalogue id@version enrols nobody, even with a witness's retained checkpoint", async () => {
  const { s } = ctx;
  const dir = ctx.copy();
  const attacker = new Attacker(s.station, s.lines);
  const mallory = testSigner('mallory officer', ['officer', 'witness', 'approver']);
  const open = attacker.size;
  attacker.append({ ceremony: 'enrol-m', type: 'open', step: 'open', procedure: forgedEnrol, body: { participant: rosterEntry(mallory) } });
  attacker.append({
    ceremony: 'enrol-m',
    type: 'step',
    step: 'prove-key',
    procedure: forgedEnrol,
    body: { keyid: mallory.keyid },
    signers: [{ signer: mallory, role: 'subject' }],
  });
  attacker.append({ ceremony: 'enrol-m', type: 'close', step: 'close', procedure: forgedEnrol, body: { entries: 2 } });
  // Mallory, "enrolled", then revokes a real witness in a real catalogue ceremony.
  const revokeAt = attacker.size;
  attacker.append({
    ceremony: 'revoke-w',
    type: 'open',
    step: 'open',
    procedure: revokeParticipant,
    body: { keyid: s.witnesses[0]!.keyid, reason: 'takeover', airGap: OFFLINE_EVIDENCE },
    signers: [{ signer: mallory, role: 'officer' }],
  });
  attacker.append({
    ceremony: 'revoke-w',
    type: 'close',
    step: 'close',
    procedure: revokeParticipant,
    body: { entries: 1 },
    signers: [{ signer: mallory, role: 'officer' }],
  });
  const checkpoint = await attacker.checkpoint([]);
  writeJournal(dir, attacker.lines);
  attacker.writeTo(dir, [checkpoint], [forgedEnrol]);

  const report = await verifyDir(dir, s.retained.at(-1), { supplied: new Map() });
  expectFinding(report, 'PROCEDURE_NOT_AUTHORIZED', open, 'enrol-m');
  expectFinding(report, 'SIGNER_UNKNOWN', revokeAt, 'revoke-w');
  // Nothing the forged definition says changes the roster: Mallory is nobody, Bob is still a witness.
  const projection = replayJournal(openDataDir(dir));
  expect(projection.participants.map((p) => p.keyid)).not.toContain(mallory.keyid);
  expect(projection.participants.find((p) => p.keyid === s.witnesses[0]!.keyid)?.state).toBe('active');

  // The writer, with the station key, refuses to open a ceremony of that definition.
  const writerDir = ctx.copy();
  const writer = await RecordWriter.open(writerDir, s.station);
  try {
    const before = readJournalBytes(writerDir);
    await expect(
      writer.append({
        ceremony: 'enrol-m',
        type: 'open',
        step: 'open',
        procedure: forgedEnrol,
        body: { participant: rosterEntry(mallory) },
        participants: [],
      }),
    ).rejects.toMatchObject({ code: 'PROCEDURE_NOT_AUTHORIZED' });
    expect(readJournalBytes(writerDir).equals(before)).toBe(true);
  } finally {
    writer.close();
  }
});

test('an auditor who supplies a definition sees it named, and it still changes no roster', async () => {
  const { s } = ctx;
  const dir = ctx.copy();
  const attacker = new Attacker(s.station, s.lines);
  const mallory = testSigner('mallory officer', ['officer']);
  attacker.append({ ceremony: 'enrol-m', type: 'open', step: 'open', procedure: forgedEnrol, body: { participant: rosterEntry(mallory) } });
  writeJournal(dir, attacker.lines);
  const supplied = new Map([...SUPPLIED, [procedureHash(forgedEnrol), canonicalBytes(forgedEnrol)]]);
  const report = await verifyDir(dir, undefined, { supplied });
  expect(report.findings).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'PROCEDURE_SUPPLIED', index: ENTRY_COUNT }));
  expect(codesOf(report)).not.toContain('PROCEDURE_NOT_AUTHORIZED');
});

test('a station-signed recovery entry cannot move a share to another holder', async () => {
  const { dir, attacker, ceremony } = await walletScene(ctx.s, ctx.copy());
  const before = replayJournal(openDataDir(dir)).wallets[0]!.shares.map((sh) => sh.holder);
  expect(before).toEqual([ctx.s.eve.name, ctx.s.gus.name]);
  // Dressed as a hand-over of the wallet's own ceremony, then as an exactly-shaped recovery whose
  // procedureId still names create-wallet: neither moves the share.
  const at = attacker.size;
  attacker.recovery({
    ceremony,
    step: 'hand-over',
    procedure: { hash: '0'.repeat(64), ref: 'create-wallet@1' },
    body: { index: 1, holder: 'Mallory', media: ['usb'], fileName: null, bagSerial: 'BAG-X', commitment: 'c1' },
  });
  attacker.recovery({
    procedure: { hash: '0'.repeat(64), ref: 'create-wallet@1' },
    body: { quarantined: { bytes: 1, file: 'quarantine/000001-1-0123456789abcdef.bin', offset: 1, segment: '000001.jsonl', sha256: 'a'.repeat(64) } },
  });
  writeJournal(dir, attacker.lines);
  const report = await verifyDir(dir);
  expectFinding(report, 'RECOVERY_INVALID', at);
  expectFinding(report, 'RECOVERY_INVALID', at + 1);
  expect(replayJournal(openDataDir(dir)).wallets[0]!.shares.map((sh) => sh.holder)).toEqual(before);
});

test('the station key never counts as a person: not on the roster, not as a witness', async () => {
  const { s } = ctx;
  // As a witness of an enrolment the attacker runs with the one officer key they hold.
  const dir = ctx.copy();
  const attacker = new Attacker(s.station, s.lines);
  const mallory = testSigner('mallory approver', ['approver']);
  const at = attacker.size;
  attacker.append({
    ceremony: 'enrol-m',
    type: 'open',
    step: 'open',
    procedure: enrolParticipant,
    body: { participant: rosterEntry(mallory), airGap: OFFLINE_EVIDENCE },
    signers: [{ signer: s.officer, role: 'officer' }],
  });
  attacker.append({
    ceremony: 'enrol-m',
    type: 'step',
    step: 'prove-key',
    procedure: enrolParticipant,
    body: { keyid: mallory.keyid },
    signers: [
      { signer: mallory, role: 'subject' },
      { signer: s.station, role: 'witness' },
    ],
  });
  writeJournal(dir, attacker.lines);
  const report = await verifyDir(dir);
  expectFinding(report, 'STATION_KEY_AS_PARTICIPANT', at + 1);
  expectFinding(report, 'QUORUM_NOT_MET', at + 1);

  // On the roster at setup: refused by the writer, an error in verify.
  const fresh = tempDir('custos-station-as-participant-');
  const writer = await RecordWriter.open(fresh, s.station);
  try {
    await expect(
      writer.append({
        ceremony: 'setup',
        type: 'open',
        step: 'open',
        procedure: stationSetup,
        body: {
          station: { keyid: s.station.keyid, publicKey: Buffer.from(s.station.publicKey).toString('hex') },
          roster: [rosterEntry(s.officer), { ...rosterEntry(s.station), roles: ['witness'] }],
          policy: { approvers: 2 },
        },
        participants: [{ signer: s.officer, role: 'officer' }],
      }),
    ).rejects.toMatchObject({ code: 'STATION_KEY_AS_PARTICIPANT' });
  } finally {
    writer.close();
  }
});

test('one person counts once: a second key of the same person neither witnesses its own enrolment nor joins the roster', async () => {
  const { s } = ctx;
  const [bob, chloe] = s.witnesses as [TestSigner, TestSigner];
  const bob2 = testSigner('witness Bob 2', ['witness']);
  const enrolBob2 = (witness: TestSigner): { dir: string; at: number } => {
    const dir = ctx.copy();
    const attacker = new Attacker(s.station, s.lines);
    const at = attacker.size;
    attacker.append({
      ceremony: 'enrol-b',
      type: 'open',
      step: 'open',
      procedure: enrolParticipant,
      body: { participant: { ...rosterEntry(bob2), name: bob.name }, airGap: OFFLINE_EVIDENCE },
      signers: [{ signer: s.officer, role: 'officer' }],
    });
    attacker.append({
      ceremony: 'enrol-b',
      type: 'step',
      step: 'prove-key',
      procedure: enrolParticipant,
      body: { keyid: bob2.keyid },
      signers: [
        { signer: bob2, role: 'subject' },
        { signer: witness, role: 'witness' },
      ],
    });
    attacker.append({
      ceremony: 'enrol-b',
      type: 'close',
      step: 'close',
      procedure: enrolParticipant,
      body: { entries: 2 },
      signers: [
        { signer: s.officer, role: 'officer' },
        { signer: witness, role: 'witness' },
      ],
    });
    writeJournal(dir, attacker.lines);
    return { dir, at };
  };
  // Bob witnessing his own second key: he is the subject too, and counts once.
  const own = enrolBob2(bob);
  expectFinding(await verifyDir(own.dir), 'PERSON_COUNTED_TWICE', own.at + 1);
  expect(replayJournal(openDataDir(own.dir)).participants.map((p) => p.keyid)).not.toContain(bob2.keyid);
  // Witnessed by Chloé: a second active key for Bob is still refused at the close.
  const other = enrolBob2(chloe);
  expectFinding(await verifyDir(other.dir), 'PERSON_ALREADY_ENROLLED', other.at + 2);
  expect(replayJournal(openDataDir(other.dir)).participants.map((p) => p.keyid)).not.toContain(bob2.keyid);
});

test('a completed ceremony cannot be rolled back without a key: the store refuses, verify reports it', async () => {
  const { s } = ctx;
  // Spoil the last entry's station signature and delete the newest checkpoint.
  const dir = ctx.copy();
  const lines = s.lines.slice();
  lines[AT.drillClose] = editEnvelope(lines[AT.drillClose]!, (e) => {
    e.signatures[0]!.sig = flipBase64Bit(e.signatures[0]!.sig, 20);
  });
  writeJournal(dir, lines);
  removeCheckpoints(dir, (size) => size < ENTRY_COUNT);
  const before = readJournalBytes(dir);
  await expect(RecordWriter.open(dir, s.station)).rejects.toMatchObject({ code: 'STORE_DAMAGED', details: { index: AT.drillClose } });
  expect(readJournalBytes(dir).equals(before)).toBe(true);
  expect(readdirSync(join(dir, QUARANTINE_DIR))).toEqual([]);
  const report = await verifyDir(dir);
  expectFinding(report, 'SIGNATURE_INVALID', AT.drillClose);
  expectFinding(report, 'CLOSE_NOT_CHECKPOINTED', AT.drillClose);

  // Cut the close off the end, keeping the checkpoint that covers it: the store refuses.
  const cut = ctx.copy();
  writeJournal(cut, s.lines.slice(0, AT.drillClose));
  await expect(RecordWriter.open(cut, s.station)).rejects.toMatchObject({ code: 'STORE_DAMAGED' });
});

test('a file planted in quarantine/ is never described in a signed recovery entry', async () => {
  const { s } = ctx;
  const dir = ctx.copy();
  const bytes = Buffer.from('{"payload":"forged"}');
  const name = `000001-${readJournalBytes(dir).length}-0123456789abcdef`;
  mkdirSync(join(dir, QUARANTINE_DIR), { recursive: true });
  writeFileSync(join(dir, QUARANTINE_DIR, `${name}.bin`), bytes);
  writeFileSync(
    join(dir, QUARANTINE_DIR, `${name}.json`),
    JSON.stringify({
      file: `quarantine/${name}.bin`,
      segment: '000001.jsonl',
      offset: readJournalBytes(dir).length,
      bytes: bytes.length,
      sha256: 'f'.repeat(64),
    }),
  );
  const before = readJournalBytes(dir);
  const writer = await RecordWriter.open(dir, s.station);
  writer.close();
  expect(readJournalBytes(dir).equals(before)).toBe(true);
});

test("a close no witness checkpoint covers is an error; the witness's own checkpoint covers it", async () => {
  const { s } = ctx;
  const dir = ctx.copy();
  removeCheckpoints(dir, (size) => size < ENTRY_COUNT);
  expect(existsSync(join(dir, CHECKPOINT_DIR, checkpointName(ENTRY_COUNT)))).toBe(false);
  const report = await verifyDir(dir);
  expect(summary(report)).toEqual([`CLOSE_NOT_CHECKPOINTED@${AT.drillClose}`]);
  expect(summary(await verifyDir(dir, s.retained.at(-1)))).toEqual([]);
  const error = await RecordWriter.open(dir, s.station).then(
    (w) => w.close(),
    (e: unknown) => e,
  );
  expect(error).not.toBeInstanceOf(CustosError);
});

test('an officer alone cannot abort a ceremony (issue 15): the abort needs a witness; the writer refuses it, verify reports it', async () => {
  const { s } = ctx;
  const dir = ctx.copy();
  const attacker = new Attacker(s.station, s.lines);
  attacker.append({
    ceremony: 'revoke-x',
    type: 'open',
    step: 'open',
    procedure: revokeParticipant,
    body: { keyid: s.witnesses[2]!.keyid, reason: 'rotation of duties', airGap: OFFLINE_EVIDENCE },
    signers: [{ signer: s.officer, role: 'officer' }],
  });
  const at = attacker.size;
  attacker.append({
    ceremony: 'revoke-x',
    type: 'abort',
    step: 'abort',
    procedure: revokeParticipant,
    body: { reason: 'by myself' },
    signers: [{ signer: s.officer, role: 'officer' }],
  });
  writeJournal(dir, attacker.lines);
  expectFinding(await verifyDir(dir), 'QUORUM_NOT_MET', at);

  // Through the writer, with the station key and the officer's: refused, nothing appended.
  const honest = ctx.copy();
  const writer = await RecordWriter.open(honest, s.station);
  try {
    await writer.append({
      ceremony: 'revoke-y',
      type: 'open',
      step: 'open',
      procedure: revokeParticipant,
      body: { keyid: s.witnesses[2]!.keyid, reason: 'rotation of duties', airGap: OFFLINE_EVIDENCE },
      participants: [{ signer: s.officer, role: 'officer' }],
    });
    const size = writer.store.state.size;
    await expect(
      writer.append({
        ceremony: 'revoke-y',
        type: 'abort',
        step: 'abort',
        procedure: revokeParticipant,
        body: { reason: 'by myself' },
        participants: [{ signer: s.officer, role: 'officer' }],
      }),
    ).rejects.toMatchObject({ code: 'QUORUM_NOT_MET' });
    expect(writer.store.state.size).toBe(size);
    // With a witness as well, the abort lands.
    await writer.append({
      ceremony: 'revoke-y',
      type: 'abort',
      step: 'abort',
      procedure: revokeParticipant,
      body: { reason: 'agreed by two' },
      participants: [
        { signer: s.officer, role: 'officer' },
        { signer: s.witnesses[0]!, role: 'witness' },
      ],
    });
    expect(writer.store.state.size).toBe(size + 1);
  } finally {
    writer.close();
  }
  expect(codesOf(await verifyDir(honest))).toEqual([]);
});

test('a checkpoint only the station key signed, handed to the auditor as a witness’s, is never said to match', async () => {
  const { s } = ctx;
  const dir = ctx.copy();
  // The insider makes a checkpoint at a size no close needs witnesses for: nothing else is wrong with it.
  const attacker = new Attacker(s.station, s.lines.slice(0, 1));
  const forged = await attacker.checkpoint([]);
  const report = await verifyDir(dir, forged.note);
  expect(report.retained).toEqual([{ label: 'kept by a witness', size: 1, matched: false, witnesses: [] }]);
  for (const locale of ['en', 'fr'] as const) {
    const text = verifyText(report, { path: dir, kind: 'directory' }, locale);
    expect(text).not.toMatch(/matches the journal|correspond aux/u);
  }
  expect(verifyText(report, { path: dir, kind: 'directory' }, 'en')).toContain(
    'kept by a witness: carries no valid witness cosignature: only the station signed it',
  );
  // The same checkpoint cosigned by a rostered witness does match.
  const cosigned = await attacker.checkpoint([s.witnesses[0]!]);
  expect((await verifyDir(dir, cosigned.note)).retained).toEqual([{ label: 'kept by a witness', size: 1, matched: true, witnesses: [s.witnesses[0]!.name] }]);
});
