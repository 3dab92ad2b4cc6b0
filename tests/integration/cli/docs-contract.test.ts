/**
 * docs/cli.md and docs/errors.md read against the real `custos` (issue 15, "docs and behaviour
 * agree"): the top-level help printed in docs/cli.md is the one the CLI prints; every case the exit
 * status table names is run and exits with the status of its row; every command refuses an unknown
 * option as a usage error (2) and documents its exit status in its help; and every `custos …` command
 * line that docs/errors.md gives as advice names a command and options the CLI accepts.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = path.join(ROOT, 'main/cli/custos.ts');
const EXAMPLE = path.join(ROOT, 'tests/fixtures/record-example');
const CLI_DOC = fs.readFileSync(path.join(ROOT, 'docs/cli.md'), 'utf8');
const ERRORS_DOC = fs.readFileSync(path.join(ROOT, 'docs/errors.md'), 'utf8');

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-docs-contract-'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function custos(...args: string[]) {
  return custosIn({ LANG: 'C' }, ...args);
}

function custosIn(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The commands `custos --help` lists. */
const commands = () => [...custos('--help').stdout.matchAll(/^ {2}([a-z]+) /gmu)].map((m) => m[1]!);

test('the help docs/cli.md shows is the help custos prints', () => {
  const shown = /\$ custos --help\n([\s\S]*?)```/u.exec(CLI_DOC)?.[1];
  expect(shown).toBeDefined();
  expect(custos('--help').stdout).toBe(shown);
});

test('each command help docs/cli.md shows is the help that command prints (in full, or its usage line)', () => {
  const blocks = [...CLI_DOC.matchAll(/```\n(Usage: custos ([a-z]+)[\s\S]*?)```/gu)];
  expect(blocks.length).toBeGreaterThanOrEqual(6);
  for (const [, shown, command] of blocks) {
    const printed = custos(command!, '--help').stdout;
    if (shown!.split('\n').length > 2) expect(printed, command).toBe(shown);
    else expect(printed.split('\n')[0], command).toBe(shown!.trimEnd());
  }
});

describe('the exit status table of docs/cli.md, run', () => {
  const table = /## Exit status\n\n\| Status \| Meaning \|\n\|---:\|---\|\n((?:\|.*\|\n)+)/u.exec(CLI_DOC)?.[1] ?? '';
  const row = (status: number) => table.split('\n').find((line) => line.startsWith(`| ${status} |`)) ?? '';

  /** Each case the table names, the words that name it in its row, and how to make it happen. */
  const cases: { status: number; named: string; args: () => string[] }[] = [
    { status: 0, named: 'the record is valid', args: () => ['verify', EXAMPLE] },
    {
      status: 1,
      named: 'at least one error',
      args: () => {
        const copy = path.join(work, 'tampered');
        fs.cpSync(EXAMPLE, copy, { recursive: true });
        const segment = path.join(copy, 'journal', fs.readdirSync(path.join(copy, 'journal')).sort()[0]!);
        const lines = fs.readFileSync(segment, 'utf8').split('\n');
        lines.splice(1, 1);
        fs.writeFileSync(segment, lines.join('\n'));
        return ['verify', copy];
      },
    },
    { status: 1, named: '`export` to a folder', args: () => ['export', EXAMPLE, '--out', work] },
    { status: 2, named: 'unknown command', args: () => ['verfy', EXAMPLE] },
    { status: 2, named: 'option', args: () => ['verify', EXAMPLE, '--no-such-option'] },
    { status: 2, named: 'wrong number of arguments', args: () => ['verify'] },
    { status: 2, named: 'bad `--threads`', args: () => ['verify', EXAMPLE, '--threads', 'many'] },
    { status: 2, named: '`export` without `--out`', args: () => ['export', EXAMPLE] },
    { status: 2, named: '`custos` alone', args: () => [] },
    { status: 2, named: '`SOURCE_UNREADABLE`', args: () => ['verify', path.join(work, 'no-such-station')] },
    { status: 2, named: '`CHECKPOINT_UNREADABLE`', args: () => ['verify', EXAMPLE, '--checkpoint', path.join(work, 'no-such-checkpoint')] },
    { status: 2, named: '`PROCEDURES_UNREADABLE`', args: () => ['verify', EXAMPLE, '--procedures', path.join(work, 'no-such-folder')] },
  ];

  test('every code the table names has a case here', () => {
    for (const status of [0, 1, 2]) {
      const codes = [...row(status).matchAll(/`([A-Z][A-Z_]+)`/gu)].map((m) => `\`${m[1]}\``);
      for (const code of codes)
        expect(
          cases.filter((c) => c.status === status).map((c) => c.named),
          `row ${status}`,
        ).toContain(code);
    }
  });

  test.each(cases)('exit $status: $named', ({ status, named, args }) => {
    expect(row(status), `docs/cli.md's row ${status} names "${named}"`).toContain(named);
    const r = custos(...args());
    expect(r.status, r.stdout + r.stderr).toBe(status);
    // A refusal is one line `custos: <message> [<CODE>]`; a usage error adds where to read the usage.
    if (status === 2 && !/`[A-Z_]+`/u.test(named)) expect(r.stderr || r.stdout).toMatch(/(Run "custos --help" for usage\.\n|^Usage: custos)/u);
    if (status !== 0 && /`[A-Z_]+`/u.test(named)) expect(r.stderr).toMatch(new RegExp(`^custos: .*\\[${named.slice(1, -1)}\\]\\n$`, 'u'));
  });
});

describe('every command', () => {
  test('custos --help lists the commands the CLI runs', () => {
    expect(commands()).toEqual(['verify', 'replay', 'export', 'run', 'abort', 'checkpoint', 'key', 'report']);
  });

  test.each(['verify', 'replay', 'export', 'run', 'abort', 'checkpoint', 'key', 'report'])(
    '%s: --help exits 0 and states its exit status; an unknown option exits 2',
    (name) => {
      const help = custos(name, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage:\s+custos /u);
      expect(help.stdout).toMatch(/Exit status/u);
      const bad = custos(name, ...(name === 'key' ? ['new'] : name === 'report' ? ['incidents'] : []), '--no-such-option');
      expect(bad.status, bad.stderr).toBe(2);
      expect(bad.stderr).toMatch(/Run "custos --help" for usage\.\n$/u);
    },
  );
});

test('every custos command line docs/errors.md advises is one the CLI accepts', () => {
  const advised = [...ERRORS_DOC.matchAll(/`custos ([a-z]+)((?: [^`]*)?)`/gu)];
  expect(advised.length).toBeGreaterThan(5);
  const known = commands();
  for (const [line, command, rest] of advised) {
    expect(known, line).toContain(command);
    const help = custos(command!, '--help').stdout;
    for (const option of rest!.match(/--[a-z-]+/gu) ?? []) expect(help, `${line}: ${option}`).toMatch(new RegExp(`\\s${option}\\b`, 'u'));
    // A sub-command shown (key new, report incidents) is one the help names.
    const word = /^ ([a-z]+)\b/u.exec(rest!)?.[1];
    if (word) expect(help, line).toContain(word);
  }
});

describe('in French (docs/cli.md, "Languages")', () => {
  test('--lang fr, or LANG=fr_FR.UTF-8, gives the French help; --lang en wins over the environment', () => {
    const help = custos('--lang', 'fr', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Utilisation : custos <commande> \[options\]/u);
    expect(custosIn({ LANG: 'fr_FR.UTF-8' }, 'run', '--help').stdout).toMatch(/^Utilisation : custos run /u);
    expect(custosIn({ LANG: 'fr_FR.UTF-8' }, '--lang=en', 'help', 'run').stdout).toMatch(/^Usage: custos run /u);
    expect(custosIn({ LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' }, 'help', 'abort').stdout).toMatch(/^Utilisation : custos abort /u);
  });

  test('refusals and usage errors in French keep their code and exit status', () => {
    const unreadable = custosIn({ LANG: 'fr_FR.UTF-8' }, 'verify', path.join(work, 'nowhere'));
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(/^custos : .*\[SOURCE_UNREADABLE\]\n$/u);
    expect(unreadable.stderr).not.toMatch(/cannot|Check/u);
    const option = custos('--lang', 'fr', 'verify', EXAMPLE, '--no-such-option');
    expect(option.status).toBe(2);
    expect(option.stderr).toBe('custos : option inconnue --no-such-option\nLancez « custos --help » pour l’aide.\n');
    const language = custos('--lang', 'de', '--help');
    expect(language.status).toBe(2);
    expect(language.stderr).toBe('custos: --lang takes "en" or "fr", not "de"\nRun "custos --help" for usage.\n');
    // A refusal before anything was recorded says so in French too.
    const run = custosIn({ LANG: 'fr_FR.UTF-8' }, 'run', 'incident', path.join(work, 'nowhere'), '--answers', path.join(work, 'no-answers.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^custos : Le fichier de réponses .* ne peut pas être lu.*\[ANSWERS_UNREADABLE\]\n$/u);
  });
});
