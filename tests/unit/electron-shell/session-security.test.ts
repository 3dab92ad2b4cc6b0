/**
 * Unit tests of the session hardening and network layers (main/shell/session-security.ts) with a
 * fake Session: permissions denied, spellchecker (dictionary downloads) off, offline emulation, ONE
 * webRequest listener on <all_urls> that lets only app: and data: through, each session hardened
 * once, and the host-resolver switch. Issue 5 "Shell" (no network, in layers); docs/architecture.md principle 4.
 */
import { expect, test, vi } from 'vitest';
import { disableNameResolution, hardenSession, isAllowedRequestUrl, type HardenableSession } from '../../../main/shell/session-security.ts';
import { FakeSession, recorder } from './fake-electron.ts';

test.each([
  ['app://custos/index.html', true],
  ['APP://custos/index.html', true],
  ['data:image/png;base64,AAAA', true],
  ['https://example.com/', false],
  ['http://127.0.0.1:9222/json', false],
  ['ws://localhost/', false],
  ['wss://example.com/', false],
  ['ftp://example.com/', false],
  ['file:///etc/passwd', false],
  ['blob:app://custos/0f1e', false],
  ['devtools://devtools/bundled/inspector.html', false],
  ['chrome-extension://abc/x.js', false],
  ['chrome://gpu', false],
  ['application://x', false],
  ['dat://x', false],
  ['', false],
])('isAllowedRequestUrl(%j) is %s', (url, allowed) => {
  expect(isAllowedRequestUrl(url)).toBe(allowed);
});

test('hardens a session: permissions denied, spellchecker off, offline, one <all_urls> listener', () => {
  const session = new FakeSession('test');
  hardenSession(session as unknown as HardenableSession);
  const request = vi.fn();
  (session.setPermissionRequestHandler.calls[0]![0] as (...a: unknown[]) => void)({}, 'media', request);
  expect(request).toHaveBeenCalledWith(false);
  expect((session.setPermissionCheckHandler.calls[0]![0] as () => boolean)()).toBe(false);
  expect((session.setDevicePermissionHandler.calls[0]![0] as () => boolean)()).toBe(false);
  expect(session.setSpellCheckerEnabled.calls).toEqual([[false]]);
  expect(session.enableNetworkEmulation.calls).toEqual([[{ offline: true }]]);
  expect(session.webRequest.onBeforeRequest.calls).toHaveLength(1);
  const [filter, listener] = session.webRequest.onBeforeRequest.calls[0] as [unknown, (d: { url: string }, cb: (r: unknown) => void) => void];
  expect(filter).toEqual({ urls: ['<all_urls>'] });
  const verdicts: unknown[] = [];
  listener({ url: 'https://example.com/' }, (r) => verdicts.push(r));
  listener({ url: 'app://custos/index.html' }, (r) => verdicts.push(r));
  expect(verdicts).toEqual([{ cancel: true }, { cancel: false }]);
});

test('a session is hardened once, however many web contents share it', () => {
  const session = new FakeSession('shared');
  for (let i = 0; i < 3; i += 1) hardenSession(session as unknown as HardenableSession);
  expect(session.webRequest.onBeforeRequest.calls).toHaveLength(1);
  expect(session.enableNetworkEmulation.calls).toHaveLength(1);
  const other = new FakeSession('other');
  hardenSession(other as unknown as HardenableSession);
  expect(other.webRequest.onBeforeRequest.calls).toHaveLength(1);
});

test('maps every host name to NOTFOUND through the command line', () => {
  const commandLine = { appendSwitch: recorder<[string, string?]>() };
  disableNameResolution(commandLine);
  expect(commandLine.appendSwitch.calls).toEqual([['host-resolver-rules', 'MAP * ~NOTFOUND']]);
});
