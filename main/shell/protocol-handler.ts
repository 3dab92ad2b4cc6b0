/**
 * The app:// request handler given to protocol.handle: GET/HEAD of files from the built renderer
 * directory, everything else refused, and the CSP and companion headers on every response (csp.ts).
 * Spec: docs/architecture.md, "Processes" (renderer with CSP) and "Principles" 4 (offline: files
 * are read from disk, never fetched through the network stack).
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { resolveAppFile } from '../app/app-protocol.ts';
import { securityHeaders } from './csp.ts';

const readFile = promisify(fs.readFile);

const CONTENT_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
});

/** The minimal request shape the handler reads (a subset of the Fetch API Request). */
export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

/** Builds the handler serving files from rootDir. */
export function createAppProtocolHandler(rootDir: string): (request: AppRequest) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method Not Allowed');
    const file = await resolveAppFile(rootDir, request.url);
    if (file === null) return refuse(404, 'Not Found');
    const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404, 'Not Found');
    }
    const headers = { ...securityHeaders(), 'Content-Type': contentType, 'Cache-Control': 'no-store' };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

function refuse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
