/**
 * The release is reproducible and described (docs/build.md, "The built app"): two builds of the same sources, in
 * two folders, give the same bytes, file for file; `npm run release:manifest` writes SHA256SUMS that
 * coreutils' `sha256sum -c` accepts for the built files, and a CycloneDX SBOM naming every production
 * dependency, the same twice for the same commit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { bundledIn, sha256Sums } from '../../../scripts/release-manifest.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-reproducible-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** `npm run build`'s two steps, into `dist`. */
function build(dist: string): void {
  for (const config of ['renderer/vite.config.ts', 'main/vite.config.ts']) {
    execFileSync(process.execPath, [VITE, 'build', '--config', config], { cwd: ROOT, env: { ...process.env, CUSTOS_DIST: dist }, stdio: 'pipe' });
  }
}

const runtimeDependencies = () => Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies ?? {});

/**
 * What the built code loads from node_modules at run time (an import the bundle left external, a
 * createRequire), by package: exactly what package.json's `dependencies` must hold for
 * electron-builder to put it in the asar (electron-builder.yml ships dist/ and those).
 */
function loadedAtRunTime(dist: string): Set<string> {
  const names = new Set<string>();
  for (const file of ['main.js', 'crypto-host.js', 'signature-worker.js', 'preload.cjs']) {
    const code = fs.readFileSync(path.join(dist, 'main', file), 'utf8');
    for (const m of code.matchAll(/^import [^;]*? from "([^"]+)";$|\brequire\("([^"]+)"\)|createRequire\(import\.meta\.url\)\("([^"]+)"\)/gmu)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('node:') || spec === 'electron' || spec.startsWith('.')) continue;
      names.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return names;
}

test('package.json dependencies are exactly what the built app loads at run time; everything else is bundled', () => {
  const dist = path.join(work, 'a');
  if (!fs.existsSync(dist)) build(dist);
  expect([...loadedAtRunTime(dist)].sort()).toEqual(runtimeDependencies().sort());
}, 180_000);

test('two builds of the same sources are the same bytes', () => {
  build(path.join(work, 'a'));
  build(path.join(work, 'b'));
  const a = sha256Sums(path.join(work, 'a'));
  expect(a.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(7);
  expect(a).toMatch(/ {2}dist\/main\/signature-worker\.js\n/u);
  expect(sha256Sums(path.join(work, 'b'))).toBe(a);
}, 180_000);

test('release:manifest writes SHA256SUMS that sha256sum -c accepts, and the SBOM of the production dependencies', () => {
  const dist = path.join(work, 'a');
  if (!fs.existsSync(dist)) build(dist);
  const manifest = (out: string) =>
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'release-manifest.ts'), '--dist', dist, '--out', out], { cwd: ROOT, encoding: 'utf8' });
  expect(manifest(path.join(work, 'release-1'))).toMatch(/^release-manifest: \d+ files in SHA256SUMS, and sbom\.cdx\.json, written to /u);
  const sums = fs.readFileSync(path.join(work, 'release-1', 'SHA256SUMS'), 'utf8');
  const check = spawnSync('sha256sum', ['-c', '--strict', path.join(work, 'release-1', 'SHA256SUMS')], { cwd: ROOT, encoding: 'utf8' });
  expect(check.status, check.stdout + check.stderr).toBe(0);
  expect(
    check.stdout
      .split('\n')
      .filter(Boolean)
      .every((line) => line.endsWith(': OK')),
  ).toBe(true);
  expect(check.stdout).toContain('main/main.js: OK');
  // A file changed after the build is caught.
  const bundle = path.join(dist, 'main', 'main.js');
  fs.appendFileSync(bundle, '\n');
  expect(spawnSync('sha256sum', ['-c', '--quiet', path.join(work, 'release-1', 'SHA256SUMS')], { cwd: ROOT }).status).not.toBe(0);
  fs.writeFileSync(bundle, fs.readFileSync(bundle, 'utf8').replace(/\n$/u, ''));

  const bom = JSON.parse(fs.readFileSync(path.join(work, 'release-1', 'sbom.cdx.json'), 'utf8'));
  expect(bom).toMatchObject({ bomFormat: 'CycloneDX', metadata: { component: { name: expect.any(String) } } });
  const names = new Set((bom.components as { name: string; group?: string }[]).map((c) => (c.group ? `${c.group}/${c.name}` : c.name)));
  // Every package copied into the bundles, and every one loaded at run time, is named; no test tool is.
  const bundled = bundledIn(dist);
  for (const name of ['react', 'zod', '@noble/secp256k1', '@scure/bip32', 'shamir-secret-sharing']) expect(bundled, name).toContain(name);
  for (const name of [...bundled, ...runtimeDependencies()]) expect(names, name).toContain(name);
  for (const name of ['vitest', '@playwright/test', 'electron', 'bitcoinjs-lib', 'eslint']) expect(names, name).not.toContain(name);
  // The same commit gives the same manifest.
  manifest(path.join(work, 'release-2'));
  expect(fs.readFileSync(path.join(work, 'release-2', 'SHA256SUMS'), 'utf8')).toBe(sums);
  expect(fs.readFileSync(path.join(work, 'release-2', 'sbom.cdx.json'), 'utf8')).toBe(fs.readFileSync(path.join(work, 'release-1', 'sbom.cdx.json'), 'utf8'));
}, 180_000);
