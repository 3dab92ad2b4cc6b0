/**
 * The worked example of docs/record-format.md, "Worked example": a small real data directory
 * written by the real RecordWriter with fixed test keys (testSigner labels) and a fixed clock
 * (steppingClock), so that every byte is reproducible: ECDSA with RFC 6979 nonces is deterministic.
 * Station setup (officer Alice, witnesses Bob, Chloé and Dan), enrolment of holder Eve, revocation of
 * her key; a checkpoint after each close. tests/fixtures/record-example/ holds its journal,
 * checkpoints and procedure definitions, and record-format-example.test.ts checks that the code
 * still writes exactly those bytes and that the document quotes them.
 *
 * Its station setup is station-setup@1, since retired (ADR 0015): the example is also a record made
 * under an earlier release's definition, which must still verify.
 *
 * Regenerate the fixture (only when the format changes on purpose, then update the quotes in
 * docs/record-format.md): node tests/support/record-example.ts
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalBytes } from '../../ceremonies/record/canonical-json.ts';
import { RecordWriter } from '../../ceremonies/record/record-writer.ts';
import { enrolParticipant } from '../../ceremonies/procedures/enrol-participant.ts';
import { revokeParticipant } from '../../ceremonies/procedures/revoke-participant.ts';
import { stationSetupV1 as stationSetup } from '../../ceremonies/procedures/retired/station-setup-v1.ts';
import { rosterEntry, steppingClock, tempDir, testSigner, type TestSigner } from './test-station.ts';

/** The committed copy of the example. */
export const EXAMPLE_FIXTURE = fileURLToPath(new URL('../fixtures/record-example/', import.meta.url));
/** The parts of the data directory the fixture keeps (custos.lock and the empty quarantine/ are not). */
export const EXAMPLE_PARTS = ['journal', 'checkpoints', 'procedures'] as const;
/** The air-gap evidence each opening carries, as the engine records it on an offline laptop. */
const EXAMPLE_AIR_GAP = {
  checkedAt: '2026-11-23T09:00:00.000Z',
  root: '/',
  online: false,
  reasons: [],
  interfaces: [],
  defaultRoutes: [],
  addresses: [],
  radios: [],
};
/** The clock starts here and moves one minute per entry. */
export const EXAMPLE_START = Date.parse('2026-11-23T09:00:00.000Z');

export interface RecordExample {
  dir: string;
  station: TestSigner;
  officer: TestSigner;
  witnesses: TestSigner[];
  holder: TestSigner;
  /** Checkpoint notes in the order they were signed (sizes 3, 6, 8). */
  checkpoints: string[];
}

/** Writes the example into `dir` (a new or empty directory) and closes the store. */
export async function writeRecordExample(dir: string): Promise<RecordExample> {
  const station = testSigner('station');
  const officer = testSigner('officer Alice', ['officer']);
  const witnesses = [testSigner('witness Bob', ['witness']), testSigner('witness Chloé', ['witness']), testSigner('witness Dan', ['witness'])];
  const holder = testSigner('holder Eve', ['holder']);
  const [bob, chloe] = witnesses as [TestSigner, TestSigner, TestSigner];
  const writer = await RecordWriter.open(dir, station, { clock: steppingClock(EXAMPLE_START) });
  const checkpoints: string[] = [];
  try {
    // Station setup: entries 0-2, checkpoint of size 3 cosigned by the two witnesses present.
    const roster = [officer, ...witnesses].map(rosterEntry);
    const setup = 'setup-1';
    await writer.append({
      ceremony: setup,
      type: 'open',
      step: 'open',
      procedure: stationSetup,
      body: { station: { keyid: station.keyid, publicKey: Buffer.from(station.publicKey).toString('hex') }, roster, airGap: EXAMPLE_AIR_GAP },
      participants: [{ signer: officer, role: 'officer' }],
    });
    await writer.append({
      ceremony: setup,
      type: 'step',
      step: 'confirm-roster',
      procedure: stationSetup,
      body: { rosterHash: createHash('sha256').update(canonicalBytes(roster)).digest('hex') },
      participants: [
        { signer: bob, role: 'witness' },
        { signer: chloe, role: 'witness' },
      ],
    });
    await writer.append({
      ceremony: setup,
      type: 'close',
      step: 'close',
      procedure: stationSetup,
      body: { entries: 2 },
      participants: [
        { signer: officer, role: 'officer' },
        { signer: bob, role: 'witness' },
        { signer: chloe, role: 'witness' },
      ],
    });
    checkpoints.push((await writer.checkpoint([bob, chloe])).note);

    // Enrolment of holder Eve: entries 3-5, checkpoint of size 6 cosigned by Bob.
    const enrol = 'enrol-eve';
    await writer.append({
      ceremony: enrol,
      type: 'open',
      step: 'open',
      procedure: enrolParticipant,
      body: { participant: rosterEntry(holder), airGap: EXAMPLE_AIR_GAP },
      participants: [{ signer: officer, role: 'officer' }],
    });
    await writer.append({
      ceremony: enrol,
      type: 'step',
      step: 'prove-key',
      procedure: enrolParticipant,
      body: { keyid: holder.keyid },
      participants: [
        { signer: holder, role: 'subject' },
        { signer: bob, role: 'witness' },
      ],
    });
    await writer.append({
      ceremony: enrol,
      type: 'close',
      step: 'close',
      procedure: enrolParticipant,
      body: { entries: 2 },
      participants: [
        { signer: officer, role: 'officer' },
        { signer: bob, role: 'witness' },
      ],
    });
    checkpoints.push((await writer.checkpoint([bob])).note);

    // Revocation of Eve's key: entries 6-7, checkpoint of size 8 cosigned by Chloé.
    const revoke = 'revoke-eve';
    await writer.append({
      ceremony: revoke,
      type: 'open',
      step: 'open',
      procedure: revokeParticipant,
      body: { keyid: holder.keyid, reason: 'key card lost', airGap: EXAMPLE_AIR_GAP },
      participants: [{ signer: officer, role: 'officer' }],
    });
    await writer.append({
      ceremony: revoke,
      type: 'close',
      step: 'close',
      procedure: revokeParticipant,
      body: { entries: 1 },
      participants: [
        { signer: officer, role: 'officer' },
        { signer: chloe, role: 'witness' },
      ],
    });
    checkpoints.push((await writer.checkpoint([chloe])).note);
  } finally {
    writer.close();
  }
  return { dir, station, officer, witnesses, holder, checkpoints };
}

/** The files of the kept parts of a data directory, by path relative to it ('journal/000001.jsonl'). */
export function exampleFiles(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const part of EXAMPLE_PARTS) {
    const sub = path.join(dir, part);
    for (const name of fs.existsSync(sub) ? fs.readdirSync(sub).sort() : []) {
      files.set(`${part}/${name}`, fs.readFileSync(path.join(sub, name)));
    }
  }
  return files;
}

/** Rewrites tests/fixtures/record-example/ from a fresh run. */
export async function regenerateFixture(target = EXAMPLE_FIXTURE): Promise<void> {
  const dir = path.join(tempDir('custos-record-example-'), 'station');
  try {
    await writeRecordExample(dir);
    for (const part of EXAMPLE_PARTS) fs.rmSync(path.join(target, part), { recursive: true, force: true });
    for (const [name, bytes] of exampleFiles(dir)) {
      fs.mkdirSync(path.dirname(path.join(target, name)), { recursive: true });
      fs.writeFileSync(path.join(target, name), bytes);
    }
  } finally {
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }
}

if (import.meta.main) await regenerateFixture();
