/**
 * The `custos verify` examples of docs/cli.md are what the real command prints (issue 17: verify
 * leads with a headline and says when a checkpoint matched; the docs show it). Each code block of
 * docs/cli.md that starts with `$ custos verify` is run, command by command, in a folder holding
 * the copies its prose describes, made here from tests/fixtures/record-example:
 * - `tampered`: the reason of entry 6 changed and the entry re-encoded, its signatures kept;
 * - `rolled-back`: cut back to 6 entries, its last stored checkpoint deleted;
 * - `chloe.checkpoint`: the checkpoint of size 8 that witness Chloé kept.
 * Standard output (and `echo $?`) must equal the block's lines after each command.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CLI, REPO } from '../../support/engine-rig.ts';

const EXAMPLE = path.join(REPO, 'tests/fixtures/record-example');
let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-verify-doc-'));
  fs.symlinkSync(path.join(REPO, 'tests'), path.join(work, 'tests'));
  const tampered = path.join(work, 'tampered');
  fs.cpSync(EXAMPLE, tampered, { recursive: true });
  const segment = path.join(tampered, 'journal/000001.jsonl');
  const lines = fs.readFileSync(segment, 'utf8').split('\n');
  const envelope = JSON.parse(lines[6]!);
  const payload = Buffer.from(envelope.payload, 'base64').toString('utf8');
  expect(payload).toContain('"reason":"key card lost"');
  envelope.payload = Buffer.from(payload.replace('"reason":"key card lost"', '"reason":"key card found"')).toString('base64');
  lines[6] = JSON.stringify(envelope);
  fs.writeFileSync(segment, lines.join('\n'));

  const rolledBack = path.join(work, 'rolled-back');
  fs.cpSync(EXAMPLE, rolledBack, { recursive: true });
  const cut = path.join(rolledBack, 'journal/000001.jsonl');
  fs.writeFileSync(cut, `${fs.readFileSync(cut, 'utf8').split('\n').slice(0, 6).join('\n')}\n`);
  fs.rmSync(path.join(rolledBack, 'checkpoints/000000000008.checkpoint'));
  fs.copyFileSync(path.join(EXAMPLE, 'checkpoints/000000000008.checkpoint'), path.join(work, 'chloe.checkpoint'));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** The fenced blocks of docs/cli.md that start with `$ custos verify`. */
function verifyBlocks(): string[] {
  const doc = fs.readFileSync(path.join(REPO, 'docs/cli.md'), 'utf8');
  return [...doc.matchAll(/^```\n(\$ custos verify[\s\S]*?)^```$/gmu)].map((m) => m[1]!);
}

/** Runs a block's commands in `work`: what the terminal would show. */
function run(block: string): string {
  let shown = '';
  let status: number | null = null;
  for (const command of block.split('\n').filter((l) => l.startsWith('$ '))) {
    shown += `${command}\n`;
    if (command === '$ echo $?') {
      shown += `${status}\n`;
      continue;
    }
    const args = command.slice('$ custos '.length).split(' ');
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } });
    status = r.status;
    shown += r.stdout;
  }
  return shown;
}

test('docs/cli.md shows custos verify examples: valid, tampered, rolled back against a witness checkpoint', () => {
  const blocks = verifyBlocks();
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  expect(blocks.some((b) => b.includes('$ custos verify tampered\n'))).toBe(true);
  expect(blocks.some((b) => b.includes('--checkpoint chloe.checkpoint'))).toBe(true);
});

test.each(verifyBlocks().map((block) => [block.split('\n')[0]!, block]))('%s prints what docs/cli.md shows', (_command, block) => {
  expect(run(block)).toBe(block);
});
