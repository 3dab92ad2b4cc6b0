/**
 * The `custos` command line as auditors and scripts use it (docs/architecture.md "Command line"): a real
 * process on a real station's data directory and on its exported bundle. Exit codes 0 / 1 / 2,
 * --json shapes, --checkpoint, and --help for every command.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journalLines } from '../../../ceremonies/store/journal-files.ts';
import { enrol, setUpStation, tempDir, testSigner, type TestStation } from '../../support/test-station.ts';

const CLI = fileURLToPath(new URL('../../../main/cli/custos.ts', import.meta.url));
let t: TestStation;
let work: string;

function custos(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  t = await setUpStation();
  await enrol(t, testSigner('holder Eve', ['holder']));
  t.writer.close();
  work = tempDir('custos-cli-');
});
afterAll(() => {
  rmSync(t.dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('verify', () => {
  test('a valid data directory: exit 0 and the JSON contract', () => {
    const r = custos('verify', t.dir, '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['ok', 'entries', 'ceremonies', 'signatures', 'checkpoint', 'findings']));
    expect(report).toMatchObject({ ok: true, entries: 6, ceremonies: 2, findings: [] });
    // A journal smaller than one batch is checked on the calling thread alone, and says so.
    expect(report.threads).toBe(1);
    expect(report.checkpoint).toEqual({ size: 6, root: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/u) });
  });

  test('human output leads with its verdict in one line, in English or French', () => {
    const r = custos('verify', t.dir);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('VALID — every entry, signature, ceremony rule and checkpoint holds.');
    expect(r.stdout).toMatch(/\nResult {7}VALID: 0 error\(s\)/u);
    const fr = custos('--lang', 'fr', 'verify', t.dir);
    expect(fr.status).toBe(0);
    expect(fr.stdout.split('\n')[0]).toBe('VALIDE — chaque entrée, signature, règle de cérémonie et point de contrôle tient.');
    expect(fr.stdout).toMatch(/\nEntrées +6 dans 2 cérémonies\n/u);
  });

  test('a tampered copy: exit 1, the finding names entry, ceremony and code', () => {
    const copy = join(work, 'tampered');
    spawnSync('cp', ['-r', t.dir, copy]);
    const segment = join(copy, 'journal', '000001.jsonl');
    const lines = readFileSync(segment, 'utf8').split('\n');
    const envelope = JSON.parse(lines[4]!);
    const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString());
    payload.body.keyid = '0'.repeat(64);
    envelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64');
    lines[4] = JSON.stringify(envelope);
    writeFileSync(segment, lines.join('\n'));
    const r = custos('verify', copy, '--json');
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toMatchObject({ severity: 'error', index: 4, ceremony: expect.stringMatching(/^enrol-/u) });
    const human = custos('verify', copy);
    // One changed field gives a cascade; the headline names where it starts, and why, before the list.
    const errors = report.findings.filter((f: { severity: string }) => f.severity === 'error').length;
    expect(errors).toBeGreaterThan(2);
    expect(human.stdout.split('\n')[0]).toMatch(
      new RegExp(
        `^INVALID — first altered entry: 4 \\(ceremony enrol-\\S+\\) — The station signature does not match the entry\\. ${errors - 1} other errors follow from it or come after it\\.$`,
        'u',
      ),
    );
    expect(human.stdout).toMatch(/ERROR +\S+ +entry 4 of enrol-/u);
    const fr = custos('--lang', 'fr', 'verify', copy);
    expect(fr.status).toBe(1);
    expect(fr.stdout.split('\n')[0]).toMatch(
      /^INVALIDE — première entrée altérée : 4 \(cérémonie enrol-\S+\) — La signature du poste \(clé [0-9a-f]{64}\) ne correspond pas à l’entrée/u,
    );
    expect(fr.stdout).toMatch(/ERREUR +\S+ +entrée 4 de enrol-/u);
  });

  test('a retained checkpoint that the journal no longer reaches is a rollback', () => {
    const future = join(work, 'witness.checkpoint');
    writeFileSync(future, t.retained.at(-1)!);
    const matched = custos('verify', t.dir, '--checkpoint', future);
    expect(matched.status).toBe(0);
    // The auditor reads that the checkpoint the witnesses kept matched, and whose cosignatures it bears.
    expect(matched.stdout).toContain(`\nCheckpoint   ${future}: matches the journal's first 6 entries (cosigned by witness Bob)\n`);
    expect(JSON.parse(custos('verify', t.dir, '--checkpoint', future, '--json').stdout).retained).toEqual([
      { label: future, size: 6, matched: true, witnesses: ['witness Bob'] },
    ]);
    const copy = join(work, 'rolled-back');
    spawnSync('cp', ['-r', t.dir, copy]);
    const segment = join(copy, 'journal', '000001.jsonl');
    const lines = readFileSync(segment, 'utf8').split('\n');
    writeFileSync(segment, lines.slice(0, 3).join('\n') + '\n');
    rmSync(join(copy, 'checkpoints'), { recursive: true });
    const r = custos('verify', copy, '--checkpoint', future, '--json');
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code)).toContain('CHECKPOINT_ROLLBACK');
    expect(JSON.parse(r.stdout).retained).toEqual([{ label: future, size: 6, matched: false, witnesses: ['witness Bob'] }]);
    const human = custos('verify', copy, '--checkpoint', future);
    expect(human.stdout).toContain(`\nCheckpoint   ${future}: does NOT match: see the findings below\n`);
    expect(human.stdout.split('\n')[0]).toMatch(/^INVALID — first altered entry: 3 — The retained checkpoint .* covers 6 entries, but the journal has only 3/u);
  });

  test('unreadable input or bad usage: exit 2', () => {
    expect(custos('verify', join(work, 'nothing-here')).status).toBe(2);
    expect(custos('verify').status).toBe(2);
    expect(custos('verify', t.dir, '--threads', 'many').status).toBe(2);
    expect(custos('verify', t.dir, '--checkpoint', join(work, 'missing.checkpoint')).status).toBe(2);
    expect(custos('verify', t.dir, '--bogus').status).toBe(2);
    expect(custos('frobnicate').status).toBe(2);
  });
});

describe('export and replay', () => {
  test('the exported bundle verifies the same as the data directory', () => {
    const bundle = join(work, 'station.custos-bundle');
    const out = custos('export', t.dir, '--out', bundle, '--json');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ entries: 6, checkpoints: 2 });
    const fromDir = JSON.parse(custos('verify', t.dir, '--json').stdout);
    const fromBundle = JSON.parse(custos('verify', bundle, '--json').stdout);
    expect(fromBundle).toEqual(fromDir);
    const lines = [...journalLines(t.dir)].map((l) => Buffer.from(l.bytes).toString());
    expect(readFileSync(bundle, 'utf8').split('\n').slice(1, -1)).toEqual(lines);
    expect(custos('export', t.dir).status).toBe(2);
  });

  test('export refuses a folder as the bundle, and a bundle in a folder that does not exist: exit 1, said in words, nothing written', () => {
    const toFolder = custos('export', t.dir, '--out', work);
    expect(toFolder.status).toBe(1);
    expect(toFolder.stderr).toMatch(/^custos: The bundle must be a file path, not a folder .*Nothing was written\. \[EXPORT_TARGET_IS_DIRECTORY\]\n$/u);
    const missing = join(work, 'no-such-medium', 'station.custos-bundle');
    const toNowhere = custos('export', t.dir, '--out', missing);
    expect(toNowhere.status).toBe(1);
    expect(toNowhere.stderr).toBe(
      `custos: The folder ${join(work, 'no-such-medium')} does not exist: create it, or choose another place for the bundle. Nothing was written. [EXPORT_FOLDER_MISSING]\n`,
    );
    expect(toNowhere.stderr).not.toContain('ENOENT');
  });

  test('key new never writes over a key: exit 1 with KEY_FILE_EXISTS, the first key unchanged', () => {
    const folder = join(work, 'keys');
    const passphraseFile = join(work, 'iris.txt');
    writeFileSync(passphraseFile, 'iris: a passphrase long enough\n');
    const first = custos('key', 'new', '--name', 'Iris Nakamura', '--out', folder, '--passphrase-file', passphraseFile);
    expect(first.status, first.stderr).toBe(0);
    const key = readFileSync(join(folder, 'iris-nakamura.key'));
    const again = custos('key', 'new', '--name', 'Iris Nakamura', '--out', folder, '--passphrase-file', passphraseFile);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /iris-nakamura\.key already exists: a key is never written over\. Choose another name or folder\. Nothing was written\. \[KEY_FILE_EXISTS\]\n$/u,
    );
    expect(readFileSync(join(folder, 'iris-nakamura.key'))).toEqual(key);
  });

  test('replay --json lists the participants and ceremonies', () => {
    const r = custos('replay', t.dir, '--json');
    expect(r.status).toBe(0);
    const projection = JSON.parse(r.stdout);
    expect(projection.station).toBe(t.station.keyid);
    expect(projection.participants.map((p: { name: string }) => p.name)).toEqual([
      'officer Alice',
      'witness Bob',
      'witness Chloé',
      'witness Dan',
      'holder Eve',
    ]);
    expect(projection.ceremonies.map((c: { procedureId: string; state: string }) => `${c.procedureId} ${c.state}`)).toEqual([
      'station-setup@2 closed',
      'enrol-participant@1 closed',
    ]);
  });

  test('every command has --help', () => {
    for (const args of [['--help'], ['verify', '--help'], ['replay', '--help'], ['export', '--help'], ['help', 'verify']]) {
      const r = custos(...args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/^Usage: custos/u);
    }
  });

  test('"custos help <command>" prints that command\'s own usage; a name that is no command is refused, even one every object has', () => {
    for (const name of ['verify', 'replay', 'export', 'run', 'key', 'report']) {
      const r = custos('help', name);
      expect(r.status, name).toBe(0);
      expect(r.stdout, name).toMatch(new RegExp(`^Usage:\\s+custos ${name} `, 'u'));
    }
    expect(custos('help', 'constructor').stdout).toMatch(/^Usage: custos <command>/u);
    for (const name of ['constructor', 'toString', 'make-coffee']) {
      const r = custos(name);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toContain(`unknown command "${name}"`);
    }
  });
});
