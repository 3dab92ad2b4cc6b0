/**
 * Unit tests of the app:// handler (main/shell/protocol-handler.ts) and the CSP (main/shell/csp.ts):
 * the exact policy string, and the policy on every response (200, 404, 405). docs/architecture.md "Processes".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../main/shell/csp.ts';
import { createAppProtocolHandler } from '../../../main/shell/protocol-handler.ts';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; " +
  "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let base: string;
let handler: ReturnType<typeof createAppProtocolHandler>;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-handler-'));
  const root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Custos</title>');
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export const x = 1;');
  fs.writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside');
  handler = createAppProtocolHandler(root);
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

test('the CSP is exactly the policy of the spec', () => {
  expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
});

test.each([
  ['app://custos/', 200, 'text/html; charset=utf-8'],
  ['app://custos/assets/app.js', 200, 'text/javascript; charset=utf-8'],
  ['app://custos/assets/app.css', 200, 'text/css; charset=utf-8'],
  ['app://custos/../secret.txt', 404, 'text/plain; charset=utf-8'],
  ['app://custos/%2e%2e/secret.txt', 404, 'text/plain; charset=utf-8'],
  ['app://custos/missing.js', 404, 'text/plain; charset=utf-8'],
])('GET %s answers %i with the CSP', async (url, status, contentType) => {
  const response = await handler({ url, method: 'GET' });
  expect(response.status).toBe(status);
  expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('content-type')).toBe(contentType);
  if (status === 404) expect(await response.text()).not.toContain('outside');
});

test('refuses methods other than GET and HEAD, with the CSP', async () => {
  const response = await handler({ url: 'app://custos/index.html', method: 'POST' });
  expect(response.status).toBe(405);
  expect(response.headers.get('content-security-policy')).toBe(EXPECTED_CSP);
});

test('HEAD answers headers without a body', async () => {
  const response = await handler({ url: 'app://custos/index.html', method: 'HEAD' });
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('');
});
