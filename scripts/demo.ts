/**
 * `npm run demo` (README, "See it work"): a throwaway station taken through a station setup, the
 * creation of a 2-of-3 wallet and a backup drill, then `custos verify` and `custos replay`, with the
 * real command line, on any machine, offline or not. Everything is marked as a demo in the record
 * itself: the people are named "(demo key)", the wallet "DEMO", and, on a connected machine, every
 * ceremony records the deviation "drill-online" with the reason below (verify reports it). The
 * keys' passphrases are written in the demo folder in clear: it is a demonstration, never a
 * station. Options: --dir <folder> (default: a new folder under the OS temp dir; must be empty).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'main', 'cli', 'custos.ts');
const REASON = 'Custos demo (npm run demo): a throwaway station with demo keys, never for real assets';

const PEOPLE = [
  { label: 'alice', name: 'Alice Martin (demo key)', role: 'officer' },
  { label: 'bob', name: 'Bob Okafor (demo key)', role: 'witness' },
  { label: 'chloe', name: 'Chloé Dubois (demo key)', role: 'witness' },
  { label: 'dora', name: 'Dora Lindqvist (demo key)', role: 'holder' },
  { label: 'emil', name: 'Emil Novak (demo key)', role: 'holder' },
  { label: 'farid', name: 'Farid Haddad (demo key)', role: 'holder' },
] as const;
const HOLDERS = PEOPLE.filter((p) => p.role === 'holder');
const WALLET = 'demo-wallet-1';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = path.resolve(values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'custos-demo-')));
fs.mkdirSync(dir, { recursive: true });
if (fs.readdirSync(dir).length > 0) {
  process.stderr.write(`demo: ${dir} is not empty: give an empty or new folder (--dir).\n`);
  process.exit(2);
}
const at = (rel: string) => path.join(dir, rel);
const started = Date.now();

/** Runs `custos …` in the demo folder; stops the demo with its output if it fails. */
function custos(...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: process.env.LANG ?? 'C' } });
  if (r.status !== 0) {
    process.stderr.write(`demo: "custos ${args.join(' ')}" failed (${r.status}):\n${r.stdout}${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}
const say = (text: string) => process.stdout.write(`${text}\n`);
const write = (rel: string, data: unknown) => {
  fs.mkdirSync(path.dirname(at(rel)), { recursive: true });
  fs.writeFileSync(at(rel), typeof data === 'string' ? data : `${JSON.stringify(data, null, 2)}\n`);
  return rel;
};
const keyFile = (label: string) => `keys/${label}.key`;
const participants = (...labels: string[]) => Object.fromEntries(labels.map((l) => [l, { keyFile: keyFile(l), passphraseFile: `passphrases/${l}.txt` }]));
const witnessCheckpoints = { bob: 'media/bob/checkpoint.txt', chloe: 'media/chloe/checkpoint.txt' };
const run = (procedure: string, answers: string) => custos('run', procedure, 'station', '--answers', answers, '--drill-online', REASON);

say(`Custos demo in ${dir}`);
say('1. Six people make their signing keys (custos key new): an officer, two witnesses, three holders.');
write('passphrases/station.txt', 'demo station passphrase, not a secret\n');
for (const p of PEOPLE) {
  const passphrase = write(`passphrases/${p.label}.txt`, `${p.label}: demo passphrase, not a secret\n`);
  write(`passphrases/${p.label}-share.txt`, `${p.label}: demo share passphrase\n`);
  const made = spawnSync(process.execPath, [CLI, 'key', 'new', '--name', p.name, '--out', 'keys', '--passphrase-file', passphrase, '--json'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (made.status !== 0) {
    process.stderr.write(`demo: key new for ${p.name} failed:\n${made.stderr}`);
    process.exit(1);
  }
  const result = JSON.parse(made.stdout) as { keyFile: string; publicKeyFile: string };
  fs.renameSync(at(result.keyFile), at(keyFile(p.label)));
  fs.renameSync(at(result.publicKeyFile), at(`keys/${p.label}.pub.json`));
}

say('2. Station setup: the roster declared by the officer, confirmed by the two witnesses.');
run(
  'station-setup',
  write('station-setup.json', {
    station: { passphraseFile: 'passphrases/station.txt' },
    participants: participants('alice', 'bob', 'chloe'),
    roster: PEOPLE.map((p) => ({ publicKeyFile: `keys/${p.label}.pub.json`, roles: [p.role] })),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    policy: { approvers: 2 },
    witnessCheckpoints,
  }),
);

say('3. A 2-of-3 wallet is created and split; each holder receives a sealed share file.');
run(
  'create-wallet',
  write('create-wallet.json', {
    station: { passphraseFile: 'passphrases/station.txt' },
    participants: participants(...PEOPLE.map((p) => p.label)),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    wallet: { id: WALLET, class: 'house', label: 'DEMO wallet: demo keys, never for real assets' },
    chains: ['bitcoin'],
    threshold: 2,
    drillIntervalDays: 180,
    holders: HOLDERS.map((h, i) => ({
      name: h.label,
      media: ['file'],
      sharePassphraseFile: `passphrases/${h.label}-share.txt`,
      outputDir: `media/${h.label}`,
      bagSerial: `DEMO-BAG-${i + 1}`,
    })),
    confirm: { holdersReceivedShares: true },
    witnessCheckpoints,
  }),
);

say('4. Backup drill: two holders bring their shares; the wallet is rebuilt and checked, then wiped.');
const shareOf = (label: string) => `media/${label}/${fs.readdirSync(at(`media/${label}`)).find((f) => f.endsWith('.cshare'))!}`;
run(
  'backup-drill',
  write('backup-drill.json', {
    station: { passphraseFile: 'passphrases/station.txt' },
    participants: participants('alice', 'bob', 'chloe', 'dora', 'emil'),
    officer: 'alice',
    witnesses: ['bob', 'chloe'],
    wallet: WALLET,
    shares: HOLDERS.slice(0, 2).map((h, i) => ({
      holder: h.label,
      file: shareOf(h.label),
      sharePassphraseFile: `passphrases/${h.label}-share.txt`,
      bag: { state: 'intact', serial: `DEMO-BAG-${i + 1}` },
    })),
    witnessCheckpoints,
  }),
);

say('5. custos verify, as an auditor would, against the checkpoint Bob took away:\n');
process.stdout.write(custos('verify', 'station', '--checkpoint', 'media/bob/checkpoint.txt'));
say('\n6. custos replay: what the record says the station holds:\n');
process.stdout.write(custos('replay', 'station'));
say(`\nDone in ${((Date.now() - started) / 1000).toFixed(0)} s. Where things are, under ${dir}:`);
say('  station/          the station: its signed journal, checkpoints and sealed station key');
say("  keys/             each person's sealed signing key and public key card");
say("  media/<holder>/   each holder's sealed share file; media/bob, media/chloe: their checkpoints");
say('  *.json            the answers files of the three ceremonies (docs/cli.md explains them)');
say('Try: npx custos verify ' + path.join(dir, 'station') + ' --json');
