/**
 * Issue 4, "Headless runs": "docs/cli.md has one complete answers example per procedure, and tests run
 * exactly those examples". tests/integration/engine/answers-examples.test.ts runs the files of
 * docs/answers/ unchanged; this test keeps docs/cli.md from drifting from them: each example's whole
 * content appears in docs/cli.md verbatim as a JSON code block, every procedure `custos run` knows has
 * at least one example, every example is run (EXAMPLE_ORDER), and docs/answers/README.md lists each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { RUNS } from '../../ceremonies/engine/runs/catalogue.ts';
import { EXAMPLES, EXAMPLE_ORDER, REPO, procedureOf } from '../support/engine-rig.ts';

const cliDoc = fs.readFileSync(path.join(REPO, 'docs/cli.md'), 'utf8');
const readme = fs.readFileSync(path.join(EXAMPLES, 'README.md'), 'utf8');
const examples = fs
  .readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The content of every ```json block of a Markdown text. */
function jsonBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```json\n([\s\S]*?)^```$/gmu)].map((m) => m[1]!);
}

describe('docs/cli.md carries every docs/answers example verbatim', () => {
  test('there are examples, and each is a JSON object ending with one line break', () => {
    expect(examples.length).toBeGreaterThanOrEqual(12);
    for (const file of examples) {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      expect(text.endsWith('}\n') && !text.endsWith('\n\n'), file).toBe(true);
      expect(JSON.parse(text), file).toBeTypeOf('object');
    }
  });

  for (const file of examples) {
    test(`${file} appears in docs/cli.md exactly, as a JSON code block`, () => {
      const text = fs.readFileSync(path.join(EXAMPLES, file), 'utf8');
      expect(jsonBlocks(cliDoc), `docs/cli.md has no \`\`\`json block equal to docs/answers/${file}: copy the file into it again`).toContain(text);
      // The block is introduced by the file's name, so a reader knows which file it is.
      expect(cliDoc).toContain(`[${file}](answers/${file})`);
    });
  }

  test('every procedure custos run knows has an example; every example is run, in EXAMPLE_ORDER', () => {
    expect(examples).toEqual([...EXAMPLE_ORDER].map((name) => `${name}.json`).sort());
    expect([...new Set(EXAMPLE_ORDER.map(procedureOf))].sort()).toEqual(Object.keys(RUNS).sort());
  });

  test('docs/answers/README.md lists every example, and docs/cli.md documents every procedure', () => {
    for (const file of examples) expect(readme, file).toContain(`[${file}](${file})`);
    for (const procedure of Object.keys(RUNS)) expect(cliDoc, procedure).toContain(`### \`${procedure}\``);
  });
});
