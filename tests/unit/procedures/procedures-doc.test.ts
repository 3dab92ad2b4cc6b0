/**
 * docs/procedures.md is generated from the definitions (issue 4) and must be up to date; every
 * definition is well formed: steps open first and close last, unique ids, sensible quorums, bilingual
 * titles, requirements named.
 */
import fs from 'node:fs';
import { expect, test } from 'vitest';
import { PROCEDURES } from '../../../ceremonies/procedures/catalogue.ts';
import { PROCEDURES_DOC, renderProceduresDoc } from '../../../ceremonies/procedures/procedures-doc.ts';

test('docs/procedures.md matches the definitions (run "npm run docs" after changing one)', () => {
  expect(fs.readFileSync(PROCEDURES_DOC, 'utf8')).toBe(renderProceduresDoc());
});

test.each(PROCEDURES.map((p) => [`${p.id}@${p.version}`, p]))('%s is well formed', (_, p) => {
  expect(p.steps[0]!.type).toBe('open');
  expect(p.steps.at(-1)!.type).toBe('close');
  expect(p.steps.filter((s) => s.type !== 'step')).toHaveLength(2);
  expect(new Set(p.steps.map((s) => s.id)).size).toBe(p.steps.length);
  for (const s of p.steps) {
    expect(s.title.en && s.title.fr).toBeTruthy();
    for (const r of s.signers) {
      // min 0 is an optional signer with a bound (a holder present at their share's destruction).
      expect(r.min).toBeGreaterThanOrEqual(r.max === undefined ? 1 : 0);
      if (r.max !== undefined) expect(r.max).toBeGreaterThanOrEqual(Math.max(1, r.min));
    }
    expect(s.signers.some((r) => r.min >= 1)).toBe(true);
    if (s.repeat) expect(s.repeat.max).toBeGreaterThanOrEqual(s.repeat.min);
  }
  expect(p.requirements.every((r) => /^R\d+$/u.test(r))).toBe(true);
  expect(p.title.fr && p.purpose.fr).toBeTruthy();
});
