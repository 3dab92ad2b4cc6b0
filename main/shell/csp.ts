/**
 * The Content-Security-Policy of the renderer, sent as a response header on every app:// response,
 * plus the few companion headers that go with it. Spec: docs/architecture.md, "Processes" (renderer
 * sandboxed, contextIsolation, CSP) and "Principles" 4 (offline by construction: connect-src
 * 'none').
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers set on every response of the app:// protocol, successful or not. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
