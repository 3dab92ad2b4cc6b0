/**
 * Issue 3, "Crash tests": the kill loop. A real writer process (tests/support/crash-writer.ts)
 * appends entries and reports each ACKNOWLEDGED one on a pipe; the test kills it with SIGKILL at a
 * random moment, 50 times in `npm test` and 200 in `npm run test:slow` (CUSTOS_KILL_CYCLES), each
 * new process reopening the store (stale lock, torn tail recovery, interrupted ceremony aborted). At the end: no acknowledged entry lost or changed, no
 * acknowledged entry quarantined, and `custos verify` passes with only the allowed warnings.
 */
import { afterAll, expect, test } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataDir } from '../../../ceremonies/audit/journal-source.ts';
import { verifyJournal } from '../../../ceremonies/audit/verify.ts';
import { decodeEntry } from '../../../ceremonies/record/entry-codec.ts';
import { RecordWriter } from '../../../ceremonies/record/record-writer.ts';
import { QUARANTINE_DIR, journalLines } from '../../../ceremonies/store/journal-files.ts';
import { tempDir, testSigner } from '../../support/test-station.ts';

const WRITER = fileURLToPath(new URL('../../support/crash-writer.ts', import.meta.url));
const CYCLES = Number(process.env.CUSTOS_KILL_CYCLES ?? 50);
const ALLOWED_WARNINGS = new Set(['RECOVERY_RECORDED', 'CEREMONY_IN_PROGRESS', 'TIME_NOT_MONOTONIC']);
// Node's compile cache (it also keeps the stripped TypeScript) brings a writer's start from ~500 ms to ~100 ms.
const COMPILE_CACHE = path.join(os.tmpdir(), 'custos-test-compile-cache');

const root = tempDir('custos-kill-loop-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** A small seeded PRNG (mulberry32), so a failing run can be replayed with its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type KillPlan =
  | { kind: 'after-acks'; acks: number } // right after the k-th acknowledgement following `ready`
  | { kind: 'after-ready'; ms: number } // a random time into the appends
  | { kind: 'after-spawn'; ms: number }; // a random time from the start: import, lock, scan, recovery, abort

interface CycleResult {
  plan: KillPlan;
  split: boolean;
  /** ms from spawn to `ready` (NaN if killed before). */
  readyMs: number;
  acks: { index: number; hash: string }[];
  ready: boolean;
  lockWaits: number;
  checkpoints: number;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  ms: number;
}

function runCycle(dir: string, plan: KillPlan, split: boolean): Promise<CycleResult> {
  const started = performance.now();
  const child = spawn(process.execPath, [WRITER, dir, split ? 'write-split' : 'write'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_COMPILE_CACHE: COMPILE_CACHE },
  });
  const result: CycleResult = {
    plan,
    split,
    readyMs: NaN,
    acks: [],
    ready: false,
    lockWaits: 0,
    checkpoints: 0,
    signal: null,
    code: null,
    stderr: '',
    ms: 0,
  };
  let acksSinceReady = 0;
  const kill = () => child.kill('SIGKILL');
  const timers: NodeJS.Timeout[] = [setTimeout(kill, 20_000)]; // watchdog: a cycle never takes this long
  if (plan.kind === 'after-spawn') timers.push(setTimeout(kill, plan.ms));
  let pending = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) !== -1) {
      const [word, a, b] = pending.slice(0, nl).split(' ');
      pending = pending.slice(nl + 1);
      if (word === 'ack') {
        result.acks.push({ index: Number(a), hash: b! });
        if (result.ready && ++acksSinceReady === (plan.kind === 'after-acks' ? plan.acks : -1)) kill();
      } else if (word === 'ready') {
        result.ready = true;
        result.readyMs = performance.now() - started;
        if (plan.kind === 'after-ready') timers.push(setTimeout(kill, plan.ms));
      } else if (word === 'lock-wait') result.lockWaits++;
      else if (word === 'checkpoint') result.checkpoints++;
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (result.stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      Object.assign(result, { code, signal, ms: performance.now() - started });
      resolve(result);
    });
  });
}

// Measured 80–190 s for 200 cycles on 2 cores shared with other work (test:slow); the timeout leaves room.
test(`${CYCLES} SIGKILLs of a writer process lose no acknowledged entry and leave a verifiable journal`, { timeout: 420_000 }, async () => {
  const seed = Number(process.env.CUSTOS_KILL_SEED ?? Date.now() % 1_000_000);
  const random = prng(seed);
  const dir = path.join(root, 'data');
  const acknowledged = new Map<number, string>();
  const conflicts: string[] = [];
  const cycles: CycleResult[] = [];
  const started = performance.now();
  let lastReadyMs = 300;
  for (let i = 0; i < CYCLES; i++) {
    const r = random();
    // The first run sets the station up: let it reach `ready` so setup is complete before any kill.
    // Kills "after spawn" aim at the open: the stale lock, the scan, quarantine and recovery, the abort.
    const plan: KillPlan =
      i > 0 && r < 0.2
        ? { kind: 'after-spawn', ms: Math.floor(lastReadyMs * (0.6 + 0.6 * random())) }
        : r < 0.4
          ? { kind: 'after-ready', ms: Math.floor(random() * 40) }
          : { kind: 'after-acks', acks: 1 + Math.floor(random() * 6) };
    const c = await runCycle(dir, plan, random() < 0.7);
    if (c.ready) lastReadyMs = c.readyMs;
    cycles.push(c);
    // Every run must end by our SIGKILL: a writer that stopped by itself failed (open refused, …).
    expect(c.signal, `cycle ${i} (seed ${seed}, plan ${JSON.stringify(plan)}) ended by itself, code ${c.code}:\n${c.stderr}`).toBe('SIGKILL');
    for (const { index, hash } of c.acks) {
      const before = acknowledged.get(index);
      if (before !== undefined && before !== hash) conflicts.push(`cycle ${i}: index ${index} acknowledged as ${before} then as ${hash}`);
      acknowledged.set(index, hash);
    }
  }
  const loopMs = performance.now() - started;
  expect(conflicts, `acknowledged entries replaced by others (seed ${seed})`).toEqual([]);

  // Open once more as the engine would (records a torn tail the last kill may have left), then look.
  // If the last kill fell between a close and its checkpoint, the witness (still present) cosigns it.
  const writer = await RecordWriter.open(dir, testSigner('station'));
  if (writer.checkpointOwed) await writer.checkpoint([testSigner('witness Bob', ['witness'])]);
  const size = writer.store.state.size;
  writer.close();
  const lines: Uint8Array[] = [];
  for (const line of journalLines(dir)) {
    expect(line.complete).toBe(true);
    lines.push(line.bytes);
  }
  expect(lines.length).toBe(size);
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const lost = [...acknowledged].filter(([index, hash]) => !lines[index] || sha(lines[index]) !== hash);
  expect(
    lost.map(([index]) => index),
    `acknowledged entries lost or changed (seed ${seed})`,
  ).toEqual([]);

  // No acknowledged (signed, durable) line was ever cut off into quarantine.
  const quarantineDir = path.join(dir, QUARANTINE_DIR);
  const quarantined = fs
    .readdirSync(quarantineDir)
    .filter((n) => n.endsWith('.bin'))
    .map((n) => ({ name: n, bytes: fs.readFileSync(path.join(quarantineDir, n)) }));
  const truncated: string[] = [];
  for (const [index] of acknowledged) {
    for (const q of quarantined) if (q.bytes.indexOf(Buffer.from(lines[index]!)) !== -1) truncated.push(`${index} in ${q.name}`);
  }
  const ackedHashes = new Set(acknowledged.values());
  for (const q of quarantined) {
    for (const piece of q.bytes.toString('latin1').split('\n')) {
      if (ackedHashes.has(sha(Buffer.from(piece, 'latin1')))) truncated.push(`a line of ${q.name}`);
    }
  }
  expect(truncated, `acknowledged entries quarantined (seed ${seed})`).toEqual([]);
  expect(fs.readdirSync(quarantineDir).filter((n) => n.startsWith('pending-'))).toEqual([]);

  const report = await verifyJournal(openDataDir(dir));
  const unexpected = report.findings.filter((f) => f.severity === 'error' || !ALLOWED_WARNINGS.has(f.code));
  expect(unexpected, `verify findings (seed ${seed})`).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.entries).toBe(size);

  const types = lines.map((l) => decodeEntry(l).payload.type);
  const count = (t: string) => types.filter((x) => x === t).length;
  const ms = cycles.map((c) => c.ms).sort((a, b) => a - b);
  console.info(
    `kill loop (seed ${seed}): ${CYCLES} cycles in ${(loopMs / 1000).toFixed(1)} s ` +
      `(cycle median ${ms[ms.length >> 1]!.toFixed(0)} ms, max ${ms.at(-1)!.toFixed(0)} ms); ` +
      `split writes ${cycles.filter((c) => c.split).length}; plans ${['after-acks', 'after-ready', 'after-spawn'].map((k) => `${k} ${cycles.filter((c) => c.plan.kind === k).length}`).join(', ')}; ` +
      `killed before ready ${cycles.filter((c) => !c.ready).length}; ` +
      `acknowledged ${acknowledged.size} of ${size} entries (${cycles.reduce((n, c) => n + c.acks.length, 0)} ack lines); ` +
      `aborts ${count('abort')}, closes ${count('close')}, recoveries ${count('recovery')}, quarantined tails ${quarantined.length}; ` +
      `checkpoints written ${cycles.reduce((n, c) => n + c.checkpoints, 0)}; lock waits ${cycles.reduce((n, c) => n + c.lockWaits, 0)}; ` +
      `warnings ${[...new Set(report.findings.map((f) => f.code))].join(',') || 'none'}`,
  );
});
