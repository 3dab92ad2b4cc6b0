/**
 * Unit tests of the app:// path mapping (main/app/app-protocol.ts): the renderer directory is the
 * only thing served, and every way out of it maps to null (docs/architecture.md "Processes"; Electron security
 * checklist). The symlink cases use a real temporary directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mapAppUrlToPath, resolveAppFile } from '../../../main/app/app-protocol.ts';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'custos-protocol-')));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
  fs.writeFileSync(path.join(root, '..notes.txt'), 'a file whose name starts with two dots');
  fs.mkdirSync(path.join(base, 'outside'));
  fs.writeFileSync(path.join(base, 'outside', 'secret.txt'), 'not for the renderer');
  fs.writeFileSync(path.join(base, 'renderer-sibling.txt'), 'a sibling sharing the prefix');
  fs.symlinkSync(path.join(base, 'outside', 'secret.txt'), path.join(root, 'escape.txt'));
  fs.symlinkSync(path.join(base, 'outside'), path.join(root, 'escape-dir'));
  fs.symlinkSync(path.join(root, 'index.html'), path.join(root, 'alias.html'));
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('mapAppUrlToPath', () => {
  test('maps plain paths under the renderer directory, and / to index.html', () => {
    expect(mapAppUrlToPath(root, 'app://custos/')).toBe(path.join(root, 'index.html'));
    expect(mapAppUrlToPath(root, 'app://custos/index.html')).toBe(path.join(root, 'index.html'));
    expect(mapAppUrlToPath(root, 'app://custos/assets/app.js?v=1#top')).toBe(path.join(root, 'assets', 'app.js'));
    expect(mapAppUrlToPath(root, 'app://custos/assets/my%20file.js')).toBe(path.join(root, 'assets', 'my file.js'));
    expect(mapAppUrlToPath(root, 'app://custos/..notes.txt')).toBe(path.join(root, '..notes.txt'));
  });

  test.each([
    ['dot-dot', 'app://custos/../renderer-sibling.txt'],
    ['dot-dot deeper', 'app://custos/assets/../../outside/secret.txt'],
    ['dot-dot at the end', 'app://custos/assets/..'],
    ['single dot', 'app://custos/./index.html'],
    ['encoded dot-dot', 'app://custos/%2e%2e/outside/secret.txt'],
    ['encoded dot-dot, upper case', 'app://custos/%2E%2E/outside/secret.txt'],
    ['half-encoded dot-dot', 'app://custos/.%2e/outside/secret.txt'],
    ['encoded slash', 'app://custos/assets%2F..%2F..%2Foutside%2Fsecret.txt'],
    ['absolute path (empty segment)', 'app://custos//etc/passwd'],
    ['encoded absolute path', 'app://custos/%2Fetc%2Fpasswd'],
    ['backslash', 'app://custos/..\\outside\\secret.txt'],
    ['encoded backslash', 'app://custos/..%5Coutside%5Csecret.txt'],
    ['Windows drive', 'app://custos/C:/Windows/win.ini'],
    ['encoded Windows drive', 'app://custos/C%3A%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://custos/index.html%00.js'],
    ['malformed escape', 'app://custos/%E0%A4%A'],
    ['trailing slash (a directory)', 'app://custos/assets/'],
    ['another host', 'app://evil/index.html'],
    ['a port', 'app://custos:80/index.html'],
    ['user info', 'app://custos@evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a bare absolute path', '/etc/passwd'],
  ])('refuses %s', (_name, url) => {
    expect(mapAppUrlToPath(root, url)).toBeNull();
  });

  test('decodes once only: a double-encoded dot-dot is a literal name inside the directory', () => {
    expect(mapAppUrlToPath(root, 'app://custos/%252e%252e/x')).toBe(path.join(root, '%2e%2e', 'x'));
  });
});

describe('resolveAppFile', () => {
  test('returns the real path of a regular file inside the directory', async () => {
    expect(await resolveAppFile(root, 'app://custos/index.html')).toBe(path.join(root, 'index.html'));
    expect(await resolveAppFile(root, 'app://custos/alias.html')).toBe(path.join(root, 'index.html'));
  });

  test('refuses a symlink to a file outside the directory', async () => {
    expect(mapAppUrlToPath(root, 'app://custos/escape.txt')).toBe(path.join(root, 'escape.txt'));
    expect(await resolveAppFile(root, 'app://custos/escape.txt')).toBeNull();
  });

  test('refuses a file reached through a symlinked directory leaving it', async () => {
    expect(await resolveAppFile(root, 'app://custos/escape-dir/secret.txt')).toBeNull();
  });

  test('refuses directories, missing files and refused mappings', async () => {
    expect(await resolveAppFile(root, 'app://custos/assets')).toBeNull();
    expect(await resolveAppFile(root, 'app://custos/missing.js')).toBeNull();
    expect(await resolveAppFile(root, 'app://custos/../renderer-sibling.txt')).toBeNull();
  });

  test('serves through a symlinked renderer directory (the root itself is resolved)', async () => {
    const linkedRoot = path.join(base, 'linked-renderer');
    fs.symlinkSync(root, linkedRoot);
    expect(await resolveAppFile(linkedRoot, 'app://custos/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(await resolveAppFile(linkedRoot, 'app://custos/escape.txt')).toBeNull();
  });
});
