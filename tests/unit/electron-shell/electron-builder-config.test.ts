/**
 * electron-builder.yml (issue 5 "Shell": Linux AppImage + deb, Windows NSIS, macOS dmg; fuses
 * RunAsNode, NODE_OPTIONS, inspect arguments, file-protocol privileges off, asar-only on; nothing
 * published) and docs/build.md, which must say the same. The file is flat YAML; the test reads it
 * line by line rather than pull in a YAML parser that the project does not otherwise depend on.
 */
import fs from 'node:fs';
import { expect, test } from 'vitest';

const config = fs.readFileSync(new URL('../../../electron-builder.yml', import.meta.url), 'utf8');
const buildDoc = fs.readFileSync(new URL('../../../docs/build.md', import.meta.url), 'utf8');

/** The `key: value` lines of an indented block under `section:` (e.g. electronFuses). */
function block(section: string): Record<string, string> {
  const lines = config.split('\n');
  const start = lines.indexOf(`${section}:`);
  expect(start, `${section}: missing`).toBeGreaterThanOrEqual(0);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\w+): (.+)$/u.exec(line);
    if (!match) break;
    entries[match[1]!] = match[2]!;
  }
  return entries;
}

function topLevel(key: string): string | undefined {
  return new RegExp(`^${key}: (.+)$`, 'mu').exec(config)?.[1];
}

const FUSES = {
  runAsNode: 'false',
  enableNodeOptionsEnvironmentVariable: 'false',
  enableNodeCliInspectArguments: 'false',
  grantFileProtocolExtraPrivileges: 'false',
  onlyLoadAppFromAsar: 'true',
  enableEmbeddedAsarIntegrityValidation: 'true',
};

test('flips the fuses: no RunAsNode, NODE_OPTIONS, inspect arguments, file:// privileges; asar only, checked', () => {
  expect(block('electronFuses')).toEqual(FUSES);
});

test('ships dist/ and package.json only, in an asar, and publishes nothing', () => {
  expect(topLevel('asar')).toBe('true');
  expect(topLevel('publish')).toBe('null');
  expect(config).toMatch(/^files:\n {2}- dist\/\*\*\n {2}- package\.json\n(?! {2}-)/mu);
});

test('targets Linux AppImage and deb, Windows NSIS, macOS dmg, with one artifact name pattern', () => {
  expect(config).toMatch(/^linux:\n {2}target:\n {4}- AppImage\n {4}- deb\n/mu);
  expect(config).toMatch(/^win:\n {2}target:\n {4}- nsis\n/mu);
  expect(config).toMatch(/^mac:\n {2}target:\n {4}- dmg\n/mu);
  expect(topLevel('artifactName')).toBe('Custos-${version}-${os}-${arch}.${ext}');
});

test('docs/build.md names every fuse, the build commands and the SHA256SUMS check', () => {
  for (const fuse of Object.keys(FUSES)) expect(buildDoc, fuse).toContain(fuse);
  for (const text of ['npm run build', '--config electron-builder.yml', 'sha256sum -c SHA256SUMS', 'Custos-<version>-linux-<arch>.AppImage']) {
    expect(buildDoc, text).toContain(text);
  }
});
