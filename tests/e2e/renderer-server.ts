/**
 * A tiny static server for the e2e tests only (node:http is allowed in tests, never in shipped
 * code): serves the built renderer on 127.0.0.1 through the app's own app:// handler
 * (main/shell/protocol-handler.ts), so the files, the path refusals and the CSP header are exactly
 * what Electron serves. Spec: docs/architecture.md "Processes" (Tests: Chromium on the built renderer).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN } from '../../main/app/app-protocol.ts';
import { createAppProtocolHandler } from '../../main/shell/protocol-handler.ts';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The built renderer: dist/renderer, or CUSTOS_RENDERER_DIR (a build made elsewhere, e.g. `vite build --outDir`). */
export const RENDERER_DIR = process.env.CUSTOS_RENDERER_DIR ? path.resolve(process.env.CUSTOS_RENDERER_DIR) : path.join(REPO_ROOT, 'dist', 'renderer');

export interface RendererServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Fails with a clear instruction when the renderer has not been built. */
export function assertRendererBuilt(): void {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The built renderer is missing (${RENDERER_DIR}/index.html). Run \`npm run build\` first, then rerun the e2e tests.`);
  }
}

export async function startRendererServer(): Promise<RendererServer> {
  assertRendererBuilt();
  const handle = createAppProtocolHandler(RENDERER_DIR);
  const server = http.createServer((request, response) => {
    // Same request, same answer as app://custos/<path> in the app.
    handle({ url: `${APP_ORIGIN}${request.url ?? '/'}`, method: request.method ?? 'GET' })
      .then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => {
        response.writeHead(500);
        response.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
