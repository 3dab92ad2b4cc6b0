/**
 * `npm run release:manifest` (docs/build.md, "The built app"): what a release of Custos is made of,
 * for whoever installs or audits it. Writes, for the built app in dist/ (`npm run build`):
 * - release/dist/SHA256SUMS: one line per file of dist/, `<sha256 hex>  dist/<path>`, sorted by path, the
 *   format `sha256sum -c` checks;
 * - release/dist/sbom.cdx.json: the CycloneDX SBOM (`npm sbom`) of the packages the app is made of:
 *   those the build copied into dist/ (the `*.packages.json` lists scripts/bundled-packages.ts writes)
 *   and those loaded at run time from the asar (package.json `dependencies`, with theirs); its
 *   timestamp the commit's time (SOURCE_DATE_EPOCH when set) and its serial number derived from
 *   SHA256SUMS, so the same commit gives the same manifest.
 * Options: --dist <folder> (default dist), --out <folder> (default release/dist; the installers'
 * own SHA256SUMS goes to release/).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { npmCommand } from './npm-command.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Every regular file under `dir`, as paths relative to it with '/' separators, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return fs
    .readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return filesUnder(dir, rel);
      return entry.isFile() ? [rel] : [];
    })
    .sort();
}

export function sha256Sums(dist: string, label = 'dist'): string {
  return filesUnder(dist)
    .map(
      (rel) =>
        `${createHash('sha256')
          .update(fs.readFileSync(path.join(dist, rel)))
          .digest('hex')}  ${label}/${rel}\n`,
    )
    .join('');
}

/** The commit's time, or SOURCE_DATE_EPOCH: a manifest of the same commit says the same time. */
function releaseTime(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH ?? execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim();
  return new Date(Number(epoch) * 1000).toISOString();
}

interface Bom {
  serialNumber: string;
  metadata: { timestamp: string; component: { 'bom-ref': string } };
  components: { 'bom-ref': string; name: string; group?: string }[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}

function npmSbom(omitDev: boolean): Bom {
  const [command, args] = npmCommand('sbom', '--sbom-format', 'cyclonedx', ...(omitDev ? ['--omit', 'dev'] : []));
  return JSON.parse(execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as Bom;
}

const nameOf = (c: { name: string; group?: string }) => (c.group ? `${c.group}/${c.name}` : c.name);

/** The packages the build copied into `dist` (every *.packages.json the build wrote). */
export function bundledIn(dist: string): Set<string> {
  return new Set(
    filesUnder(dist)
      .filter((rel) => rel.endsWith('.packages.json'))
      .flatMap((rel) => JSON.parse(fs.readFileSync(path.join(dist, rel), 'utf8')) as string[]),
  );
}

export function sbom(sums: string, dist: string): string {
  const runtime = new Set(npmSbom(true).components.map(nameOf));
  const bundled = bundledIn(dist);
  const bom = npmSbom(false);
  bom.components = bom.components.filter((c) => runtime.has(nameOf(c)) || bundled.has(nameOf(c)));
  const kept = new Set(bom.components.map((c) => c['bom-ref']));
  if (bom.dependencies) {
    bom.dependencies = bom.dependencies
      .filter((d) => kept.has(d.ref) || d.ref === bom.metadata.component['bom-ref'])
      .map((d) => ({ ...d, ...(d.dependsOn ? { dependsOn: d.dependsOn.filter((ref) => kept.has(ref)) } : {}) }));
  }
  const hex = createHash('sha256').update(sums).digest('hex');
  bom.serialNumber = `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  bom.metadata.timestamp = releaseTime();
  return `${JSON.stringify(bom, null, 2)}\n`;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, out: { type: 'string', default: 'release/dist' } } });
  const dist = path.resolve(ROOT, values.dist!);
  const out = path.resolve(ROOT, values.out!);
  if (!fs.existsSync(path.join(dist, 'main', 'main.js')) || !fs.existsSync(path.join(dist, 'renderer', 'index.html'))) {
    process.stderr.write(`release-manifest: ${dist} holds no built app: run "npm run build" first.\n`);
    process.exit(2);
  }
  fs.mkdirSync(out, { recursive: true });
  const sums = sha256Sums(dist, path.relative(ROOT, dist).split(path.sep).join('/') || 'dist');
  fs.writeFileSync(path.join(out, 'SHA256SUMS'), sums);
  fs.writeFileSync(path.join(out, 'sbom.cdx.json'), sbom(sums, dist));
  process.stdout.write(
    `release-manifest: ${sums.split('\n').filter(Boolean).length} files in SHA256SUMS, and sbom.cdx.json, written to ${path.relative(ROOT, out) || '.'}\n`,
  );
}
