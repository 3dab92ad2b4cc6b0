/**
 * A workspace in which the answers examples of docs/answers/ run unchanged through the real `custos`
 * CLI (issue 4, "The engine": headless runs; docs/architecture.md "Command line": "docs/cli.md has a complete
 * example per procedure, and tests run those examples"). It makes every participant's key
 * with `custos key new` (a real process), writes the passphrase files the examples name, copies the
 * examples in, and offers: the CLI with `--system-root` pointing at the offline-laptop fixture (the
 * build machines are online), the journal's bytes (to prove a refusal changed nothing), clones of the
 * station for independent refusals, and the share files' placement for the drill (their names are
 * only known after create-wallet: custos-share-<fingerprint>-<set>-<i>of<n>.cshare).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slug } from '../../main/cli/key-command.ts';
import { resealForTests, resealSharesForTests } from './test-key-files.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(REPO, 'main/cli/custos.ts');
export const EXAMPLES = path.join(REPO, 'docs/answers');
export const OFFLINE_LAPTOP = path.join(REPO, 'tests/fixtures/airgap/offline-laptop');
/** The examples, in the order a station lives them. */
export const EXAMPLE_ORDER = [
  'station-setup',
  'enrol-participant',
  'create-wallet',
  'backup-drill',
  'revoke-participant',
  'incident',
  'compromise-rotation',
  'compromise-rotation-sweep',
  'confirm-transfer',
  'restitution',
  'token-list',
  'restitution-ether',
  'destruction',
  'reconciliation',
  'change-holder',
  'watch-only-export',
  'reshare',
  'proof-of-control',
] as const;

/** The procedure an example runs: its name, except the second sitting of a rotation (compromise-rotation-sweep) and an Ethereum restitution (restitution-ether). */
export function procedureOf(example: string): string {
  if (example === 'compromise-rotation-sweep') return 'compromise-rotation';
  return example === 'restitution-ether' ? 'restitution' : example;
}

/** The people of the examples: the label the answers use, and the name on their public key card. */
export const PEOPLE = [
  { label: 'alice', name: 'Alice Martin' },
  { label: 'bob', name: 'Bob Okafor' },
  { label: 'chloe', name: 'Chloé Dubois' },
  { label: 'ivan', name: 'Ivan Petrov' },
  { label: 'dora', name: 'Dora Lindqvist' },
  { label: 'emil', name: 'Emil Novak' },
  { label: 'farid', name: 'Farid Haddad' },
  { label: 'gita', name: 'Gita Rao' },
  { label: 'hana', name: 'Hana Sato' },
  { label: 'jules', name: 'Jules Moreau' },
  { label: 'karin', name: 'Karin Berg' },
] as const;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

// Refusal cases mutate the example answers freely (a.shares[1].bag.serial = …): loosely typed on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnswersJson = any;

export interface ShareFileName {
  file: string;
  fingerprint: string;
  set: string;
  index: number;
  count: number;
}

const SHARE_NAME = /^custos-share-([0-9a-f]{8})-([0-9a-f]{8})-(\d+)of(\d+)\.cshare$/u;

/** Runs the CLI as a real process; never throws, whatever the exit. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? REPO, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Every regular file under `dir` (recursively), as paths relative to it, sorted. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Every file under the workspace, and what the runs left in the OS temp dir: anything new there
 * since `tmpBefore` (another suite's files are included too: harmless for a search).
 */
export function filesWritten(root: string, tmpBefore: Set<string>): string[] {
  const files = filesUnder(root).map((rel) => path.join(root, rel));
  for (const name of fs.readdirSync(os.tmpdir()).filter((n) => !tmpBefore.has(n))) {
    const entry = path.join(os.tmpdir(), name);
    try {
      if (entry === root) continue;
      if (fs.statSync(entry).isDirectory()) files.push(...filesUnder(entry).map((rel) => path.join(entry, rel)));
      else files.push(entry);
    } catch {
      // gone already (another process's temporary file)
    }
  }
  return files;
}

/** The share files Custos wrote in `dir`, parsed from their names. */
export function shareFilesIn(dir: string): ShareFileName[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((name) => {
    const m = SHARE_NAME.exec(name);
    return m ? [{ file: path.join(dir, name), fingerprint: m[1]!, set: m[2]!, index: Number(m[3]), count: Number(m[4]) }] : [];
  });
}

/** Passphrase files hold a line; Custos drops one trailing newline. */
const passphraseOf = (what: string) => `${what}: correct horse battery staple 2026\n`;

export class EngineRig {
  /** The workspace: the examples' relative paths resolve here. */
  readonly root: string;
  /** The station's data directory. */
  readonly station: string;
  /** TMPDIR of every CLI process, so the files a run leaves in the OS temp dir can be found. */
  readonly tmp: string;

  private constructor(root: string) {
    this.root = root;
    this.station = path.join(root, 'station');
    this.tmp = path.join(root, 'os-tmp');
  }

  /** Makes the keys (two `custos key new` at a time), the passphrase files, and copies the examples. */
  static async create(prefix = 'custos-engine-'): Promise<EngineRig> {
    const rig = new EngineRig(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    fs.mkdirSync(rig.tmp);
    fs.mkdirSync(rig.path('passphrases'));
    for (const p of PEOPLE) fs.writeFileSync(rig.path(`passphrases/${p.label}.txt`), passphraseOf(p.label));
    // A suite that made the people's keys once (CUSTOS_RIG_KEYS, see makeRigKeys) hands them to every rig.
    const shared = process.env.CUSTOS_RIG_KEYS;
    if (shared && fs.existsSync(path.join(shared, 'keys'))) fs.cpSync(path.join(shared, 'keys'), rig.path('keys'), { recursive: true });
    const queue = shared && fs.existsSync(path.join(shared, 'keys')) ? [] : [...PEOPLE];
    const worker = async () => {
      for (let p = queue.shift(); p; p = queue.shift()) {
        const r = await rig.custos('key', 'new', '--name', p.name, '--out', rig.path('keys'), '--passphrase-file', rig.path(`passphrases/${p.label}.txt`));
        if (r.status !== 0) throw new Error(`custos key new --name ${p.name} failed (${r.status}): ${r.stderr}`);
      }
    };
    const made = queue.length > 0;
    await Promise.all([worker(), worker()]);
    // Made at 17 by the real CLI; the rigs use them at 15 (tests/support/test-key-files.ts).
    if (made) for (const p of PEOPLE) resealForTests(rig.path(`keys/${slug(p.name)}.key`), passphraseOf(p.label).replace(/\n$/u, ''));
    for (const file of fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json'))) fs.copyFileSync(path.join(EXAMPLES, file), rig.path(file));
    rig.completeExamples();
    return rig;
  }

  /** A workspace copied from another one's folder (a snapshot of a station partway through the examples). */
  static fromSnapshot(snapshot: string, prefix = 'custos-engine-'): EngineRig {
    const rig = new EngineRig(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
    fs.cpSync(snapshot, rig.root, { recursive: true });
    return rig;
  }

  /**
   * Makes the people's keys once, with the real CLI, in `dir`/keys (passphrases are the same for every rig), for suites that
   * create many rigs: set CUSTOS_RIG_KEYS=dir and each rig copies them instead of making its own.
   */
  static async makeRigKeys(dir: string): Promise<void> {
    const rig = await EngineRig.create('custos-rig-keys-');
    try {
      fs.cpSync(rig.path('keys'), path.join(dir, 'keys'), { recursive: true });
    } finally {
      rig.dispose();
    }
  }

  /** Writes the other passphrase files the examples name, and checks every key file they name exists. */
  private completeExamples(): void {
    for (const name of EXAMPLE_ORDER) {
      const visit = (value: unknown, key: string) => {
        if (Array.isArray(value)) value.forEach((v) => visit(v, key));
        else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, k);
        else if (typeof value === 'string' && /passphraseFile$/iu.test(key)) {
          const file = this.path(value);
          if (!fs.existsSync(file)) {
            fs.mkdirSync(path.dirname(file), { recursive: true });
            fs.writeFileSync(file, passphraseOf(path.basename(value, '.txt')));
          }
        } else if (typeof value === 'string' && /^(keyFile|publicKeyFile)$/u.test(key) && !fs.existsSync(this.path(value))) {
          throw new Error(`docs/answers/${name}.json names ${value}, which the rig did not create (see PEOPLE)`);
        }
      };
      visit(this.answers(name), '');
    }
  }

  path(rel: string): string {
    return path.resolve(this.root, rel);
  }

  /** The CLI in this workspace; `custos run` gets `--system-root <offline laptop>`. */
  custos(...args: string[]): Promise<CliResult> {
    return this.custosOnline(...(args[0] === 'run' && !args.includes('--system-root') ? [...args, '--system-root', OFFLINE_LAPTOP] : args));
  }

  /** The CLI as is: `custos run` then reads this machine's real network state. */
  custosOnline(...args: string[]): Promise<CliResult> {
    return runCli(args, { cwd: this.root, env: { ...process.env, TMPDIR: this.tmp, TMP: this.tmp, TEMP: this.tmp } });
  }

  /**
   * The same `custos` command run in this process: main() of main/cli/custos.ts with its output
   * captured, the exit status it returns, English. For the many refusal cases, where a process per case
   * costs more than the case (tests/integration/engine/refusals.test.ts keeps a few on the real CLI
   * for the process's own exit status and streams). Answers paths are absolute or relative to the
   * answers file, as in a process; the OS temp dir is this process's.
   */
  async custosInProcess(...args: string[]): Promise<CliResult> {
    return this.custosInProcessAt(null, ...args);
  }

  /** custosInProcess with the station's clock set to `at` (null: the system's), to play a ceremony months later. */
  async custosInProcessAt(at: Date | null, ...args: string[]): Promise<CliResult> {
    const { main } = await import('../../main/cli/custos.ts');
    // The clock starts at `at` and runs as the system's does from there.
    const started = Date.now();
    const clock = at === null ? null : () => new Date(at.getTime() + (Date.now() - started));
    let stdout = '';
    let stderr = '';
    const withRoot = args[0] === 'run' && !args.includes('--system-root') ? [...args, '--system-root', OFFLINE_LAPTOP] : args;
    const status = await main(withRoot, {
      out: (t) => {
        stdout += t;
      },
      err: (t) => {
        stderr += t;
      },
      stderrIsTty: false,
      columns: 80,
      locale: 'en',
      ...(clock === null ? {} : { clock }),
    });
    return { status, stdout, stderr };
  }

  /** `custos run <procedure> <data-dir> --answers <root>/<answers>.json` (offline fixture unless told). */
  async run(procedure: string, answers: string = procedure, options: { dataDir?: string; extra?: string[]; online?: boolean } = {}): Promise<CliResult> {
    const dataDir = options.dataDir ?? this.station;
    const file = this.path(answers.endsWith('.json') ? answers : `${answers}.json`);
    const args = ['run', procedure, dataDir, '--answers', file, ...(options.extra ?? [])];
    const r = await (options.online ? this.custosOnline(...args) : this.custos(...args));
    // The station key a setup made at 17, used by every later run at 15 (tests/support/test-key-files.ts).
    if (procedure === 'station-setup' && r.status === 0) {
      const passphraseFile = this.path(JSON.parse(fs.readFileSync(file, 'utf8')).station.passphraseFile);
      resealForTests(path.join(dataDir, 'station.key'), fs.readFileSync(passphraseFile, 'utf8').replace(/\r?\n$/u, ''));
    }
    // The share files the run handed over, opened by later runs: at 15 as well (test-key-files.ts).
    if (r.status === 0) this.resealHandedOver(file);
    return r;
  }

  /**
   * Re-seals at the tests' cost the share files in every folder the answers hand shares over to (an
   * object with `outputDir` and its holder's `sharePassphraseFile` or `sharePassphrase`: a creation's
   * or a rotation's holders, a reshare's, a change of holder's incoming holder).
   */
  private resealHandedOver(answersFile: string): void {
    const base = path.dirname(answersFile);
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        if (typeof o.outputDir === 'string') {
          const passphrase =
            typeof o.sharePassphrase === 'string'
              ? o.sharePassphrase
              : typeof o.sharePassphraseFile === 'string'
                ? fs.readFileSync(path.resolve(base, o.sharePassphraseFile), 'utf8').replace(/\r?\n$/u, '')
                : undefined;
          if (passphrase !== undefined) resealSharesForTests(path.resolve(base, o.outputDir), passphrase);
        }
        Object.values(o).forEach(visit);
      }
    };
    visit(JSON.parse(fs.readFileSync(answersFile, 'utf8')));
  }

  /** The parsed answers file `<name>.json` of the workspace (a fresh copy). */
  answers(name: string): AnswersJson {
    return JSON.parse(fs.readFileSync(this.path(name.endsWith('.json') ? name : `${name}.json`), 'utf8'));
  }

  /** Runs these examples in order, placing the drill's share files before a drill; throws on the first that fails. */
  async runExamples(examples: readonly string[]): Promise<void> {
    for (const example of examples) {
      if (example === 'backup-drill') this.placeShares('backup-drill');
      const r = await this.run(procedureOf(example), example);
      if (r.status !== 0) throw new Error(`${example} failed (${r.status}): ${r.stderr}`);
    }
  }

  /** Writes a variant of an example, changed by `change`, beside it (so its relative paths hold). */
  variant(example: string, name: string, change: (a: AnswersJson) => void): string {
    const data = this.answers(example);
    change(data);
    const file = `${name}.json`;
    fs.writeFileSync(this.path(file), `${JSON.stringify(data, null, 2)}\n`);
    return file;
  }

  /** The bytes of every file of the journal and its checkpoints (and the station key), by path. */
  journalBytes(dataDir = this.station): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    for (const rel of filesUnder(dataDir)) {
      if (/^(journal|checkpoints)\//u.test(rel) || rel === 'station.key') out.set(rel, fs.readFileSync(path.join(dataDir, rel)));
    }
    return out;
  }

  /** A copy of the station's data directory, for a run that must not disturb the others. */
  cloneStation(name: string): string {
    const dir = this.path(`clones/${name}`);
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.cpSync(this.station, dir, { recursive: true });
    return dir;
  }

  /** `custos replay --json` of a data directory. */
  /** The projection `custos replay --json` prints, by the CLI's own main() in this process (read-only: no process needed). */
  async replay(dataDir = this.station): Promise<AnswersJson> {
    const r = await this.custosInProcess('replay', dataDir, '--json');
    if (r.status !== 0) throw new Error(`custos replay failed (${r.status}): ${r.stderr}`);
    return JSON.parse(r.stdout);
  }

  /**
   * Gives each share file a drill answers file names the file Custos wrote in that folder: for every
   * shares[i].file missing, copies the one custos-share-<fingerprint>-…cshare of its folder (of that
   * wallet) to it. Returns the copies made.
   */
  placeShares(answers = 'backup-drill', fingerprint?: string): string[] {
    const placed: string[] = [];
    for (const share of this.answers(answers).shares as { file: string }[]) {
      const target = this.path(share.file);
      if (fs.existsSync(target)) continue;
      const found = shareFilesIn(path.dirname(target)).filter((s) => !fingerprint || s.fingerprint === fingerprint);
      if (found.length !== 1) throw new Error(`expected one share file for ${share.file}, found ${found.length}`);
      fs.copyFileSync(found[0]!.file, target);
      placed.push(target);
    }
    return placed;
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** `witnessCheckpoints` for the witnesses an answers object names: each keeps theirs on media/<label>/. */
export function witnessMedia(answers: AnswersJson): Record<string, string> {
  const labels: string[] = Array.isArray(answers.witnesses) ? answers.witnesses : typeof answers.witness === 'string' ? [answers.witness] : [];
  return Object.fromEntries(labels.map((label) => [label, `media/${label}/checkpoint.txt`]));
}
