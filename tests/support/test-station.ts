/**
 * Builds real stations for tests: deterministic in-process signers (test keys only, never used by
 * the product), a real JournalStore and RecordWriter, and the ceremonies the record needs from day
 * one: station setup (officer + 2 witnesses confirm the roster), enrolment of a participant, and
 * revocation of a key, each followed by its checkpoint cosigned by the witnesses present.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publicKeyOf, signDigest, keyId } from '../../crypto/signing-key.ts';
import { enrolParticipant } from '../../ceremonies/procedures/enrol-participant.ts';
import { revokeParticipant } from '../../ceremonies/procedures/revoke-participant.ts';
import { stationSetup } from '../../ceremonies/procedures/station-setup.ts';
import type { ProcedureDefinition, Role } from '../../ceremonies/procedures/definition.ts';
import { RecordWriter } from '../../ceremonies/record/record-writer.ts';
import type { Signer } from '../../ceremonies/record/signer.ts';

export interface TestSigner extends Signer {
  name: string;
  roles: Role[];
  secret: Uint8Array;
}

/** A deterministic test key: secret = SHA-256("custos-test-key/" || label). */
export function testSigner(label: string, roles: Role[] = []): TestSigner {
  const secret = new Uint8Array(createHash('sha256').update(`custos-test-key/${label}`).digest());
  const publicKey = publicKeyOf(secret);
  return { name: label, roles, secret, keyid: keyId(publicKey), publicKey, sign: async (digest) => signDigest(secret, digest) };
}

export function rosterEntry(s: TestSigner) {
  return { keyid: s.keyid, publicKey: Buffer.from(s.publicKey).toString('hex'), name: s.name, roles: s.roles };
}

/**
 * The air-gap evidence an opening entry carries (ceremonies/engine/air-gap.ts), as the engine
 * records it on an offline laptop: verify requires it on every opening (issue 14).
 */
export const OFFLINE_EVIDENCE = {
  checkedAt: '2026-11-23T09:00:00.000Z',
  root: '/',
  online: false,
  reasons: [],
  interfaces: [],
  defaultRoutes: [],
  addresses: [],
  radios: [],
};

export interface TestStation {
  dir: string;
  writer: RecordWriter;
  station: TestSigner;
  officer: TestSigner;
  witnesses: TestSigner[];
  /** Checkpoint notes as the witnesses kept them, in order. */
  retained: string[];
}

export function tempDir(prefix = 'custos-station-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A clock that starts at a fixed time and moves one minute per reading. */
export function steppingClock(start = Date.parse('2026-11-23T09:00:00.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 60_000));
}

/** `supplied`: the tests' own procedure definitions the writer accepts besides the released ones. */
export async function setUpStation(
  dir = tempDir(),
  clock = steppingClock(),
  station = testSigner('station'),
  supplied: ProcedureDefinition[] = [],
): Promise<TestStation> {
  const officer = testSigner('officer Alice', ['officer']);
  const witnesses = [testSigner('witness Bob', ['witness']), testSigner('witness Chloé', ['witness']), testSigner('witness Dan', ['witness'])];
  const writer = await RecordWriter.open(dir, station, { clock, supplied });
  const ceremony = 'setup-1';
  const roster = [officer, ...witnesses].map(rosterEntry);
  await writer.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: stationSetup,
    body: {
      station: { keyid: station.keyid, publicKey: Buffer.from(station.publicKey).toString('hex') },
      roster,
      policy: { approvers: 2 },
      airGap: OFFLINE_EVIDENCE,
    },
    participants: [{ signer: officer, role: 'officer' }],
  });
  await writer.append({
    ceremony,
    type: 'step',
    step: 'confirm-roster',
    procedure: stationSetup,
    body: { rosterHash: createHash('sha256').update(JSON.stringify(roster)).digest('hex') },
    participants: witnesses.slice(0, 2).map((w) => ({ signer: w, role: 'witness' as const })),
  });
  await writer.append({
    ceremony,
    type: 'close',
    step: 'close',
    procedure: stationSetup,
    body: { entries: 2 },
    participants: [{ signer: officer, role: 'officer' }, ...witnesses.slice(0, 2).map((w) => ({ signer: w, role: 'witness' as const }))],
  });
  const { note } = await writer.checkpoint(witnesses.slice(0, 2));
  return { dir, writer, station, officer, witnesses, retained: [note] };
}

/** Enrols `person` (officer + one witness, the person proves their key), then checkpoints. */
export async function enrol(t: TestStation, person: TestSigner, ceremony = `enrol-${person.keyid.slice(0, 8)}`): Promise<void> {
  const w = t.witnesses[0]!;
  await t.writer.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: enrolParticipant,
    body: { participant: rosterEntry(person), airGap: OFFLINE_EVIDENCE },
    participants: [{ signer: t.officer, role: 'officer' }],
  });
  await t.writer.append({
    ceremony,
    type: 'step',
    step: 'prove-key',
    procedure: enrolParticipant,
    body: { keyid: person.keyid },
    participants: [
      { signer: person, role: 'subject' },
      { signer: w, role: 'witness' },
    ],
  });
  await t.writer.append({
    ceremony,
    type: 'close',
    step: 'close',
    procedure: enrolParticipant,
    body: { entries: 2 },
    participants: [
      { signer: t.officer, role: 'officer' },
      { signer: w, role: 'witness' },
    ],
  });
  t.retained.push((await t.writer.checkpoint([w])).note);
}

/** Revokes `keyid` (officer + one witness), then checkpoints. */
export async function revoke(t: TestStation, keyid: string, ceremony = `revoke-${keyid.slice(0, 8)}`): Promise<void> {
  const w = t.witnesses[1]!;
  await t.writer.append({
    ceremony,
    type: 'open',
    step: 'open',
    procedure: revokeParticipant,
    body: { keyid, reason: 'key card lost', airGap: OFFLINE_EVIDENCE },
    participants: [{ signer: t.officer, role: 'officer' }],
  });
  await t.writer.append({
    ceremony,
    type: 'close',
    step: 'close',
    procedure: revokeParticipant,
    body: { entries: 1 },
    participants: [
      { signer: t.officer, role: 'officer' },
      { signer: w, role: 'witness' },
    ],
  });
  t.retained.push((await t.writer.checkpoint([w])).note);
}
