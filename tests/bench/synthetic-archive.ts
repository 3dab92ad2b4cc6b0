/**
 * A synthetic five-year archive for the record benchmarks (issue 3): one station, a roster of 4
 * officers, 10 witnesses, 20 holders and 6 approvers (station setup + 36 enrolments), then backup
 * drills up to 2,000 ceremonies and about 150,000 signatures in all (entries and checkpoints). A
 * drill follows a bench-only procedure (BACKUP_DRILL, stored in procedures/ like any definition, and
 * supplied to `custos verify` with --procedures, as an auditor supplies one): opened by an officer and an approver, 10 to 16 `prove-share` entries
 * each signed by a holder and the 3 witnesses present, closed by the officer and those witnesses,
 * then a checkpoint cosigned by them. Entries are written through the real RecordWriter.
 *
 * Built fast: signers sign with native libsecp256k1 (`secp256k1/bindings.js`, low-S RFC 6979, the
 * same signatures as the test signers' @noble/secp256k1, about 20 times faster), and if this disk's
 * fsync would make generation slow, through a FileIo whose fsync is a no-op (generation is not what
 * is measured; the archive says which in bench-archive.json). Cached under os.tmpdir(), keyed by
 * ARCHIVE_VERSION and a hash of the record-format sources, so a second `npm run bench` reuses it.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compactToDer } from '../../crypto/der-signature.ts';
import { alive } from '../../ceremonies/store/station-lock.ts';
import type { ProcedureDefinition, Role } from '../../ceremonies/procedures/definition.ts';
import { RecordWriter } from '../../ceremonies/record/record-writer.ts';
import { realIo, type FileIo } from '../../ceremonies/store/file-io.ts';
import { OFFLINE_EVIDENCE, enrol, setUpStation, testSigner, type TestSigner } from '../support/test-station.ts';

/** Change when the archive's shape changes; the sources' hash is added to the cache key anyway. */
export const ARCHIVE_VERSION = 'v1';
export const CEREMONIES = 2000;
const SHARES = { min: 10, max: 16 };
/** The archive spans five years: 88 minutes of station clock per entry. */
const START = Date.parse('2021-01-04T09:00:00.000Z');
const STEP_MS = 88 * 60_000;
/** Above this estimated fsync time, generation writes with a no-op fsync. */
const FSYNC_BUDGET_MS = 45_000;

export const BACKUP_DRILL: ProcedureDefinition = {
  id: 'bench-backup-drill',
  version: 1,
  title: { en: 'Backup drill (benchmark only)', fr: 'Exercice de sauvegarde (banc d’essai uniquement)' },
  purpose: {
    en: 'Each holder present proves their share before witnesses; used only by the synthetic benchmark archive.',
    fr: 'Chaque détenteur présent prouve sa part devant témoins ; utilisé seulement par l’archive synthétique du banc d’essai.',
  },
  requirements: ['R1'],
  steps: [
    {
      id: 'open',
      type: 'open',
      title: { en: 'Open the drill', fr: 'Ouvrir l’exercice' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'approver', min: 1, max: 1 },
      ],
      records: ['drill', 'vault'],
    },
    {
      id: 'prove-share',
      type: 'step',
      title: { en: 'A holder proves their share', fr: 'Un détenteur prouve sa part' },
      signers: [
        { role: 'holder', min: 1, max: 1 },
        { role: 'witness', min: 3 },
      ],
      repeat: SHARES,
      records: ['share', 'commitment'],
    },
    {
      id: 'close',
      type: 'close',
      title: { en: 'Close the drill', fr: 'Clore l’exercice' },
      signers: [
        { role: 'officer', min: 1, max: 1 },
        { role: 'witness', min: 3 },
      ],
      records: ['entries'],
    },
  ],
  checkpointWitnesses: 3,
};

interface NativeSecp256k1 {
  ecdsaSign(msg32: Uint8Array, seckey: Uint8Array): { signature: Uint8Array; recid: number };
}

let native: NativeSecp256k1 | null | undefined;
function nativeSecp(): NativeSecp256k1 | null {
  if (native === undefined) {
    try {
      native = createRequire(import.meta.url)('secp256k1/bindings.js') as NativeSecp256k1;
    } catch {
      native = null;
    }
  }
  return native;
}

/** testSigner's key (same label, same key id), signing with native libsecp256k1 when available. */
export function benchSigner(label: string, roles: Role[] = []): TestSigner {
  const base = testSigner(label, roles);
  const lib = nativeSecp();
  if (!lib) return base;
  return { ...base, sign: async (digest) => compactToDer(lib.ecdsaSign(digest, base.secret).signature) };
}

function fast(s: TestSigner): TestSigner {
  return benchSigner(s.name, s.roles);
}

export interface BenchRoster {
  station: TestSigner;
  officers: TestSigner[];
  witnesses: TestSigner[];
  holders: TestSigner[];
  approvers: TestSigner[];
}

const range = (n: number, label: (i: number) => string, roles: Role[]) => Array.from({ length: n }, (_, i) => benchSigner(label(i + 1), roles));

/** Everyone who signs in the archive; the first officer and 3 witnesses are setUpStation's. */
export function benchRoster(): BenchRoster {
  return {
    station: benchSigner('station'),
    officers: [benchSigner('officer Alice', ['officer']), ...range(3, (i) => `bench officer ${i + 1}`, ['officer'])],
    witnesses: [
      benchSigner('witness Bob', ['witness']),
      benchSigner('witness Chloé', ['witness']),
      benchSigner('witness Dan', ['witness']),
      ...range(7, (i) => `bench witness ${i + 3}`, ['witness']),
    ],
    holders: range(20, (i) => `bench holder ${i}`, ['holder']),
    approvers: range(6, (i) => `bench approver ${i}`, ['approver']),
  };
}

/** Every signer's public key by key id. */
export function benchKeys(): Map<string, Uint8Array> {
  const r = benchRoster();
  return new Map([r.station, ...r.officers, ...r.witnesses, ...r.holders, ...r.approvers].map((s) => [s.keyid, s.publicKey]));
}

/** A small deterministic generator (mulberry32), so every build of a version is the same archive. */
function random(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

function pick<T>(from: T[], count: number, rnd: (n: number) => number): T[] {
  const pool = [...from];
  const out: T[] = [];
  while (out.length < count) out.push(pool.splice(rnd(pool.length), 1)[0]!);
  return out;
}

/** Mean milliseconds of a write + fsync of `bytes` bytes in `dir`. */
export function probeFsync(dir: string, bytes: number, runs = 200): number {
  const file = path.join(dir, `.fsync-probe-${process.pid}`);
  const fd = fs.openSync(file, 'a');
  const buffer = new Uint8Array(bytes).fill(0x61);
  try {
    const start = process.hrtime.bigint();
    for (let i = 0; i < runs; i++) {
      fs.writeSync(fd, buffer);
      fs.fsyncSync(fd);
    }
    return Number(process.hrtime.bigint() - start) / 1e6 / runs;
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
}

export interface ArchiveInfo {
  dir: string;
  version: string;
  ceremonies: number;
  entries: number;
  /** Signatures on entries and on checkpoints. */
  signatures: number;
  journalBytes: number;
  generationMs: number;
  fsync: 'real' | 'no-op';
  fsyncProbeMs: number;
  signer: 'libsecp256k1-native' | '@noble/secp256k1';
  reused: boolean;
}

const META = 'bench-archive.json';

/** ARCHIVE_VERSION and a hash of the sources that decide what the archive's bytes are. */
export function archiveKey(): string {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const hash = createHash('sha256').update(ARCHIVE_VERSION);
  const files = [
    ...['ceremonies/record', 'ceremonies/store', 'ceremonies/procedures'].flatMap((d) =>
      fs
        .readdirSync(path.join(root, d))
        .filter((n) => n.endsWith('.ts'))
        .sort()
        .map((n) => path.join(d, n)),
    ),
    'tests/support/test-station.ts',
    'tests/bench/synthetic-archive.ts',
  ];
  for (const f of files) hash.update(f).update(fs.readFileSync(path.join(root, f)));
  return `${ARCHIVE_VERSION}-${hash.digest('hex').slice(0, 12)}`;
}

/** Removes archives of other versions and builds abandoned by a process that is gone. */
function removeStale(keep: string): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith('custos-bench-archive-') || name === keep) continue;
    const partial = /\.partial-(\d+)$/u.exec(name);
    if (partial && alive(Number(partial[1]))) continue;
    fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
  }
}

/** The cached archive of this version, built first if needed. */
export async function syntheticArchive(log: (line: string) => void = () => {}): Promise<ArchiveInfo> {
  const version = archiveKey();
  const name = `custos-bench-archive-${version}`;
  const dir = path.join(os.tmpdir(), name);
  if (fs.existsSync(path.join(dir, META))) {
    return { ...(JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as ArchiveInfo), dir, reused: true };
  }
  removeStale(name);
  const partial = `${dir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  log(`building the synthetic archive (${CEREMONIES} ceremonies) in ${dir} …`);
  const info = await buildArchive(partial, log, CEREMONIES, version);
  fs.writeFileSync(path.join(partial, META), JSON.stringify({ ...info, dir }, null, 2));
  try {
    fs.renameSync(partial, dir);
  } catch (error) {
    // Another run finished the same version first: use theirs.
    if (!fs.existsSync(path.join(dir, META))) throw error;
    fs.rmSync(partial, { recursive: true, force: true });
  }
  return { ...info, dir, reused: false };
}

/** Builds an archive of `total` ceremonies into `dir` (uncached; syntheticArchive caches). */
export async function buildArchive(dir: string, log: (line: string) => void, total = CEREMONIES, version = archiveKey()): Promise<ArchiveInfo> {
  const started = process.hrtime.bigint();
  fs.mkdirSync(dir, { recursive: true });
  const r = benchRoster();
  const perDrill = (SHARES.min + SHARES.max) / 2 + 2;
  const expectedEntries = 3 + 36 * 3 + (total - 37) * perDrill;
  const fsyncProbeMs = probeFsync(dir, 2200);
  // One fsync per entry, two per checkpoint (file and directory).
  const estimate = fsyncProbeMs * (expectedEntries + 2 * total);
  const noSync = estimate > FSYNC_BUDGET_MS;
  const io: FileIo = noSync ? { ...realIo, fsyncSync: () => {} } : realIo;
  log(
    `write+fsync here: ${fsyncProbeMs.toFixed(3)} ms; estimated fsync time of generation ${(estimate / 1000).toFixed(1)} s: ` +
      (noSync ? 'generating with a NO-OP fsync (generation is not what is measured)' : 'generating with real fsync'),
  );

  let t = START;
  const clock = () => new Date((t += STEP_MS));
  const station = await setUpStation(dir, clock);
  // Same station key; from here on the writer signs natively and writes through `io`.
  station.writer.close();
  station.writer = await RecordWriter.open(dir, r.station, { clock, io, supplied: [BACKUP_DRILL] });
  station.officer = fast(station.officer);
  station.witnesses = station.witnesses.map(fast);
  let signatures = 2 + 3 + 4 + 3; // setUpStation: station + officer; + 2 witnesses; + officer + 2; checkpoint station + 2
  for (const person of [...r.officers.slice(1), ...r.witnesses.slice(3), ...r.holders, ...r.approvers]) {
    await enrol(station, person);
    signatures += 2 + 3 + 3 + 2;
  }
  const writer = station.writer;
  const rnd = random(0xc0570);
  let ceremonies = 1 + 36;
  for (let d = 1; ceremonies < total; d++, ceremonies++) {
    const ceremony = `drill-${String(d).padStart(5, '0')}`;
    const officer = r.officers[rnd(r.officers.length)]!;
    const approver = r.approvers[rnd(r.approvers.length)]!;
    const witnesses = pick(r.witnesses, 3, rnd).map((w) => ({ signer: w, role: 'witness' as const }));
    const shares = SHARES.min + rnd(SHARES.max - SHARES.min + 1);
    const holders = pick(r.holders, shares, rnd);
    await writer.append({
      ceremony,
      type: 'open',
      step: 'open',
      procedure: BACKUP_DRILL,
      body: { drill: d, vault: `vault-${1 + rnd(4)}`, airGap: OFFLINE_EVIDENCE },
      participants: [
        { signer: officer, role: 'officer' },
        { signer: approver, role: 'approver' },
      ],
    });
    for (const [i, holder] of holders.entries()) {
      const commitment = createHash('sha256').update(`${ceremony}/${i}/${holder.keyid}`).digest('hex');
      await writer.append({
        ceremony,
        type: 'step',
        step: 'prove-share',
        procedure: BACKUP_DRILL,
        body: { share: i + 1, commitment },
        participants: [{ signer: holder, role: 'holder' }, ...witnesses],
      });
    }
    await writer.append({
      ceremony,
      type: 'close',
      step: 'close',
      procedure: BACKUP_DRILL,
      body: { entries: shares + 1 },
      participants: [{ signer: officer, role: 'officer' }, ...witnesses],
    });
    await writer.checkpoint(witnesses.map((w) => w.signer));
    signatures += 3 + shares * 5 + 5 + 4;
    if (d % 250 === 0) log(`  ${ceremonies} ceremonies, ${writer.store.state.size} entries, ${signatures} signatures`);
  }
  const entries = writer.store.state.size;
  writer.close();
  const journal = path.join(dir, 'journal');
  const journalBytes = fs.readdirSync(journal).reduce((n, f) => n + fs.statSync(path.join(journal, f)).size, 0);
  return {
    dir,
    version,
    ceremonies,
    entries,
    signatures,
    journalBytes,
    generationMs: Number(process.hrtime.bigint() - started) / 1e6,
    fsync: noSync ? 'no-op' : 'real',
    fsyncProbeMs,
    signer: nativeSecp() ? 'libsecp256k1-native' : '@noble/secp256k1',
    reused: false,
  };
}

if (import.meta.main) {
  const info = await syntheticArchive((line) => console.log(line));
  console.log(info);
}
