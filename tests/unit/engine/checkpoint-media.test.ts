/**
 * Every witness leaves a ceremony with the checkpoint written to their own medium (issue 14, point 4;
 * ceremonies/engine/checkpoint-media.ts): the destinations are required and checked before the
 * station opens, each witness has their own file, and a medium that fails after the close is named
 * with where the station keeps the same checkpoint — never silently skipped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { Answers, type Json } from '../../../ceremonies/engine/answers.ts';
import { CheckpointMedia } from '../../../ceremonies/engine/checkpoint-media.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-media-'));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

/** The witnesses' checkpoint files as a run reads them: typed answers, each path relative to the answers file. */
const answers = (witnessCheckpoints?: { [name: string]: Json }) =>
  new Answers(path.join(root, 'answers.json'), witnessCheckpoints === undefined ? {} : { witnessCheckpoints }).typed('checkpoint').witnessCheckpoints;

function refusal(run: () => unknown): CustosError {
  try {
    run();
  } catch (error) {
    if (error instanceof CustosError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function asyncRefusal(run: () => Promise<unknown>): Promise<CustosError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CustosError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

test('each witness gets their own file, written 0600 and replacing the previous one', async () => {
  fs.mkdirSync(path.join(root, 'media/bob'), { recursive: true });
  fs.writeFileSync(path.join(root, 'media/bob/checkpoint.txt'), 'the previous ceremony’s checkpoint');
  const media = CheckpointMedia.plan(answers({ bob: 'media/bob/checkpoint.txt', chloe: 'media/chloe/deep/checkpoint.txt' }), ['bob', 'chloe'], root);
  const written = await media.keep('custos checkpoint v1\n42\nroot\n');
  expect(written).toEqual([path.join(root, 'media/bob/checkpoint.txt'), path.join(root, 'media/chloe/deep/checkpoint.txt')]);
  for (const file of written) {
    expect(fs.readFileSync(file, 'utf8')).toBe('custos checkpoint v1\n42\nroot\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  }
});

test.each([
  ['no witnessCheckpoints at all', undefined, 'witnessCheckpoints.bob must name a file'],
  ['one witness left out', { bob: 'media/bob/checkpoint.txt' }, 'witnessCheckpoints.chloe must name a file'],
  ['an empty path', { bob: 'media/bob/checkpoint.txt', chloe: '' }, 'witnessCheckpoints.chloe must name a file'],
  ['a number instead of a path', { bob: 'media/bob/checkpoint.txt', chloe: 7 }, 'witnessCheckpoints.chloe must name a file'],
  ['both witnesses on one file', { bob: 'media/same.txt', chloe: 'media/../media/same.txt' }, 'is the same file as witnessCheckpoints.bob'],
])('%s: ANSWERS_INVALID naming the field, nothing written', (_name, given, words) => {
  const e = refusal(() => CheckpointMedia.plan(answers(given), ['bob', 'chloe'], root));
  expect(e.code).toBe('ANSWERS_INVALID');
  expect(e.message).toContain(words);
  expect(e.message).toMatch(/Nothing was recorded\.$/u);
  expect(fs.readdirSync(root)).toEqual([]);
});

test('a folder, a link, or a path under a file is refused before anything is recorded', () => {
  fs.mkdirSync(path.join(root, 'media/bob'), { recursive: true });
  fs.writeFileSync(path.join(root, 'media/plain'), 'a file');
  fs.symlinkSync('/dev/null', path.join(root, 'media/link.txt'));
  const cases: [string, string][] = [
    ['media/bob', 'is a folder'],
    ['media/link.txt', 'is not a plain file'],
    ['media/plain/checkpoint.txt', 'is a file, not a folder'],
    ['media/plain/deeper/checkpoint.txt', 'is a file, not a folder'],
  ];
  for (const [given, words] of cases) {
    const e = refusal(() => CheckpointMedia.plan(answers({ bob: given }), ['bob'], root));
    expect(e.code, given).toBe('ANSWERS_INVALID');
    expect(e.message, given).toContain(words);
  }
});

test('a medium that fails after the close: CHECKPOINT_NOT_KEPT names the witness and where the station keeps it; the others are written', async () => {
  fs.mkdirSync(path.join(root, 'media/chloe'), { recursive: true });
  const media = CheckpointMedia.plan(
    answers({ bob: 'media/bob/checkpoint.txt', chloe: 'media/chloe/checkpoint.txt' }),
    ['bob', 'chloe'],
    path.join(root, 'station'),
  );
  // Between the check and the close, Bob's stick is replaced by something that cannot hold a file.
  fs.mkdirSync(path.join(root, 'media'), { recursive: true });
  fs.writeFileSync(path.join(root, 'media/bob'), 'not a folder any more');
  const e = await asyncRefusal(() => media.keep('custos checkpoint v1\n'));
  expect(e.code).toBe('CHECKPOINT_NOT_KEPT');
  expect(e.message).toContain('The ceremony is closed and recorded');
  expect(e.message).toContain(`bob (${path.join(root, 'media/bob/checkpoint.txt')})`);
  expect(e.message).not.toContain('chloe');
  expect(e.message).toContain(path.join(root, 'station', 'checkpoints'));
  expect(fs.readFileSync(path.join(root, 'media/chloe/checkpoint.txt'), 'utf8')).toBe('custos checkpoint v1\n');
});

test('in the guided ceremony a witness who named no medium chooses it at the close; one that cannot take it is said, the others written', async () => {
  const asked: string[] = [];
  fs.mkdirSync(path.join(root, 'media/chloe'), { recursive: true });
  const chosen: Record<string, string> = { bob: path.join(root, 'media/bob/checkpoint.txt'), chloe: path.join(root, 'media/chloe') };
  const later = async (name: string) => {
    asked.push(name);
    return chosen[name]!;
  };
  // Nothing is refused before the ceremony: both will choose at the close.
  const media = CheckpointMedia.plan(answers(), ['bob', 'chloe'], path.join(root, 'station'), later);
  expect(asked).toEqual([]);
  const e = await asyncRefusal(() => media.keep('custos checkpoint v1\n'));
  expect(asked).toEqual(['bob', 'chloe']);
  // Chloé chose a folder, not a file: said as a medium that failed, Bob's written.
  expect(e.code).toBe('CHECKPOINT_NOT_KEPT');
  expect(e.message).toContain(`chloe (${path.join(root, 'media/chloe')})`);
  expect(fs.readFileSync(path.join(root, 'media/bob/checkpoint.txt'), 'utf8')).toBe('custos checkpoint v1\n');
});
