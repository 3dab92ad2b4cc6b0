/**
 * Interrupting a real `custos run` process partway (issue 15): the run starts, and once the station's
 * journal holds `after` more entries than when it started, the process gets `signal` (SIGKILL as a
 * power loss, SIGINT as Ctrl-C, SIGTERM as a shutdown).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CLI, OFFLINE_LAPTOP, type CliResult, type EngineRig } from './engine-rig.ts';

/** Entries in the journal of the station in `dataDir` now. */
export function journalEntries(dataDir: string): number {
  const dir = path.join(dataDir, 'journal');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .reduce((n, f) => n + fs.readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).length, 0);
}

/** Runs `custos run <procedure> <station> --answers <answers>` and sends `signal` after `after` new entries. */
export function interruptedRun(rig: EngineRig, procedure: string, answers: string, signal: NodeJS.Signals, after: number): Promise<CliResult & { at: number }> {
  const start = journalEntries(rig.station);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'run', procedure, rig.station, '--answers', rig.path(answers), '--system-root', OFFLINE_LAPTOP], {
      cwd: rig.root, env: { ...process.env, TMPDIR: rig.tmp }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let at = -1;
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const poll = setInterval(() => {
      if (at < 0 && journalEntries(rig.station) >= start + after) {
        at = journalEntries(rig.station);
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
      if (at < 0) reject(new Error(`${procedure} ended (${status}) before it could be interrupted: ${stdout}${stderr}`));
      else resolve({ status, stdout, stderr, at });
    });
  });
}
