/**
 * Interrupting a real `custos run` process partway (issue 15): the run starts, and once the station's
 * journal holds `after` more entries than when it started, the process gets `signal` (SIGKILL as a
 * power loss, SIGINT as Ctrl-C, SIGTERM as a shutdown). A short ceremony may still end on its own
 * before the signal lands: the result's status then says so (0), and the caller checks that case.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, OFFLINE_LAPTOP, type CliResult, type EngineRig } from './engine-rig.ts';

/** Entries in the journal of the station in `dataDir` now. */
export function journalEntries(dataDir: string): number {
  return new JournalCounter(dataDir).entries();
}

/**
 * Counts a journal's entries again and again while a run writes them (every few milliseconds): a
 * file is read again only when its size changed, so the watching does not take the run's CPU.
 */
class JournalCounter {
  private readonly seen = new Map<string, { size: number; lines: number }>();
  private readonly dataDir: string;
  constructor(dataDir: string) {
    this.dataDir = dataDir;
  }

  entries(): number {
    const dir = path.join(this.dataDir, 'journal');
    if (!fs.existsSync(dir)) return 0;
    let total = 0;
    for (const f of fs.readdirSync(dir).filter((name) => name.endsWith('.jsonl'))) {
      const file = path.join(dir, f);
      const size = fs.statSync(file).size;
      let known = this.seen.get(file);
      if (known?.size !== size) {
        known = { size, lines: fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length };
        this.seen.set(file, known);
      }
      total += known.lines;
    }
    return total;
  }
}

/**
 * Runs `custos run <procedure> <dataDir> --answers <answers>` (the rig's station by default) and
 * sends `signal` after `after` new entries.
 */
export function interruptedRun(
  rig: EngineRig,
  procedure: string,
  answers: string,
  signal: NodeJS.Signals,
  after: number,
  dataDir = rig.station,
): Promise<CliResult & { at: number }> {
  const journal = new JournalCounter(dataDir);
  const start = journal.entries();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'run', procedure, dataDir, '--answers', rig.path(answers), '--system-root', OFFLINE_LAPTOP], {
      cwd: rig.root,
      env: { ...process.env, TMPDIR: rig.tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let at = -1;
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const poll = setInterval(() => {
      if (at < 0 && journal.entries() >= start + after) {
        at = journal.entries();
        child.kill(signal);
      }
    }, 5);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${procedure} was never interrupted: ${stderr}`));
    }, 120_000);
    child.on('close', (status) => {
      clearInterval(poll);
      clearTimeout(timer);
      // A short ceremony may write its entries and end between two looks: it ran to its end uninterrupted.
      if (at < 0 && journal.entries() >= start + after) at = journal.entries();
      if (at < 0) reject(new Error(`${procedure} ended (${status}) before it could be interrupted: ${stdout}${stderr}`));
      else resolve({ status, stdout, stderr, at });
    });
  });
}
