/**
 * The visual system (ADR 0026): the screens' style files use the tokens of `:root` only, so that a
 * colour changes in one place. A hex colour outside `:root` fails with the file and the colour.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const RENDERER = path.resolve(import.meta.dirname, '../../../renderer/src');

function styleFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? styleFiles(full) : e.name.endsWith('.css') ? [full] : [];
  });
}

test('no style file writes a colour outside the tokens of :root', () => {
  const files = styleFiles(RENDERER);
  expect(files.length).toBeGreaterThanOrEqual(4);
  const found = files.flatMap((file) => {
    let css = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//gu, '');
    css = css.replace(/:root\s*\{[^}]*\}/u, '');
    return [...css.matchAll(/#[0-9a-f]{3,8}\b|\brgba?\(/giu)].map((m) => `${path.relative(RENDERER, file)}: ${m[0]}`);
  });
  expect(found).toEqual([]);
});

test('every token a style file uses is defined on :root', () => {
  const files = styleFiles(RENDERER);
  const root = /:root\s*\{([^}]*)\}/u.exec(fs.readFileSync(path.join(RENDERER, 'styles.css'), 'utf8'))?.[1] ?? '';
  const defined = new Set([...root.matchAll(/(--[a-z0-9-]+)\s*:/gu)].map((m) => m[1]));
  const used = files.flatMap((file) => [...fs.readFileSync(file, 'utf8').matchAll(/var\((--[a-z0-9-]+)\)/gu)].map((m) => m[1]!));
  expect(used.length).toBeGreaterThan(100);
  expect([...new Set(used)].filter((t) => !defined.has(t))).toEqual([]);
});
