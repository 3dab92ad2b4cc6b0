/**
 * The app:// scheme that serves the built renderer, and the mapping from a request URL to a file
 * inside the renderer directory. Spec: docs/architecture.md, "Processes" (sandboxed renderer served
 * by main) and Electron's security checklist (custom protocol instead of file://). Anything that
 * could leave the directory (`..`, encoded `..` or `/`, absolute or drive paths, NUL, backslashes,
 * symlinks pointing outside) maps to null, which the handler answers with 404.
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const APP_SCHEME = 'app';
export const APP_HOST = 'custos';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged: a standard, secure origin; nothing more. */
export const APP_SCHEME_PRIVILEGES = Object.freeze({ standard: true, secure: true });

/** Callback fs functions: Electron's asar support patches these for files inside app.asar. */
const realpath = promisify(fs.realpath);
const stat = promisify(fs.stat);

/**
 * Pure, lexical mapping of an app:// URL to an absolute path under rootDir, or null when the URL is
 * not ours or its path is not a plain relative file path. `/` maps to index.html. It reads the raw
 * URL text (never a parser's normalised path), so `..` is refused rather than silently collapsed.
 */
export function mapAppUrlToPath(rootDir: string, requestUrl: string): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (!requestUrl.startsWith(prefix)) return null;
  const rawPath = requestUrl.slice(prefix.length).split(/[?#]/u, 1)[0] ?? '';
  const rawSegments = rawPath === '' ? ['index.html'] : rawPath.split('/');

  const segments: string[] = [];
  for (const raw of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (!isPlainSegment(segment)) return null;
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  return isInside(root, candidate) ? candidate : null;
}

/**
 * Maps the URL (mapAppUrlToPath), then resolves symlinks and requires the real file to be a
 * regular file inside the real rootDir. Returns the real path, or null.
 */
export async function resolveAppFile(rootDir: string, requestUrl: string): Promise<string | null> {
  const mapped = mapAppUrlToPath(rootDir, requestUrl);
  if (mapped === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(path.resolve(rootDir)), realpath(mapped)]);
    if (!isInside(realRoot, realFile)) return null;
    return (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

/** A path segment that names one entry of a directory and nothing else. */
function isPlainSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false;
  return !/[/\\:\0]/u.test(segment);
}

/** True when child is strictly below parent (both absolute and normalised). */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
