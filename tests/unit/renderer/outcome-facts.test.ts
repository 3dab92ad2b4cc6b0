/**
 * The facts a finished ceremony shows have a name in English and French for every key the engine's
 * runs report (ceremonies/engine/runs/*: `facts: {…}`), read from the sources so a new fact without
 * a name fails here; and the catalogue names no fact the engine never reports.
 * Spec: issue 5 ("English and French for every string"); renderer/src/ceremonies/outcome-messages.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { FACT_KEYS, OUTCOME_TEXT } from '../../../renderer/src/ceremonies/outcome-messages.ts';
import { REPO } from '../../support/engine-rig.ts';
import { objectProperties, splitTopLevel } from '../../support/source-calls.ts';

function reportedFactKeys(): Map<string, string> {
  const dir = path.join(REPO, 'ceremonies/engine/runs');
  const keys = new Map<string, string>();
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const m of src.matchAll(/\bfacts: \{/gu)) {
      const parts = splitTopLevel(src, m.index + m[0].length, '}');
      expect(parts, `${file}: facts at ${m.index}`).not.toBeNull();
      const props = objectProperties(`{${parts!.join(', ')}}`);
      expect(props, `${file}: facts at ${m.index}`).not.toBeNull();
      for (const p of props!) {
        expect('key' in p, `${file}: a spread in facts`).toBe(true);
        if ('key' in p) keys.set(p.key, file);
      }
    }
  }
  return keys;
}

test('every fact the engine reports has a name in English and in French, and every named fact is reported', () => {
  const reported = reportedFactKeys();
  expect(reported.size).toBeGreaterThan(20);
  const named = new Set<string>(FACT_KEYS);
  expect([...reported.keys()].filter((k) => !named.has(k)).map((k) => `${k} (${reported.get(k)})`)).toEqual([]);
  expect(FACT_KEYS.filter((k) => !reported.has(k))).toEqual([]);
  for (const key of FACT_KEYS) {
    expect(OUTCOME_TEXT.en[key], key).toMatch(/\S/u);
    expect(OUTCOME_TEXT.fr[key], key).toMatch(/\S/u);
  }
});
