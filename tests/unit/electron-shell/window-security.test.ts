/**
 * Unit tests of main/shell/window-security.ts and main/shell/application-menu.ts, with plain fakes:
 * the web preferences (devTools only unpackaged, in-memory partition), WebRTC UDP off and the
 * contents' session hardened, every navigation and window.open denied, and a
 * menu of roles only. docs/architecture.md "Processes" and principle 4.
 */
import { expect, test } from 'vitest';
import { applicationMenuTemplate } from '../../../main/shell/application-menu.ts';
import { hardenWebContents, secureWebPreferences, WINDOW_PARTITION } from '../../../main/shell/window-security.ts';
import { FakeSession, FakeWebContents, fakeEvent } from './fake-electron.ts';
import type { HardenableContents } from '../../../main/shell/window-security.ts';

test('web preferences: sandboxed, isolated, no Node, web security on, no spellcheck, in-memory partition', () => {
  expect(WINDOW_PARTITION).not.toMatch(/^persist:/u);
  expect(WINDOW_PARTITION).not.toBe('');
  for (const isPackaged of [true, false]) {
    const preferences = secureWebPreferences('/app/dist/main/preload.cjs', isPackaged);
    expect(preferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      partition: WINDOW_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      webviewTag: false,
      devTools: !isPackaged,
    });
  }
});

test('denies navigation, frame navigation, redirects, <webview> and every window.open', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as HardenableContents);
  for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
    const event = fakeEvent({ url: 'app://custos/index.html' });
    contents.emit(name, event);
    expect(event.defaultPrevented, name).toBe(true);
  }
  for (const url of ['https://example.com/', 'app://custos/index.html', 'file:///etc/passwd']) {
    expect(contents.windowOpenHandler?.({ url, disposition: 'new-window' })).toEqual({ action: 'deny' });
  }
});

test("turns off non-proxied WebRTC UDP and hardens the contents' own session (offline, one listener)", () => {
  const session = new FakeSession('contents');
  const contents = new FakeWebContents(session);
  hardenWebContents(contents as unknown as HardenableContents);
  expect(contents.setWebRTCIPHandlingPolicy.calls).toEqual([['disable_non_proxied_udp']]);
  expect(session.enableNetworkEmulation.calls).toEqual([[{ offline: true }]]);
  expect(session.webRequest.onBeforeRequest.calls).toHaveLength(1);
  expect(session.setPermissionRequestHandler.calls).toHaveLength(1);
});

test('the menu is made of roles only (no click handler can open anything), help excluded', () => {
  for (const platform of ['darwin', 'linux', 'win32'] as const) {
    for (const devTools of [true, false]) {
      const template = applicationMenuTemplate(platform, devTools);
      for (const item of template) expect(Object.keys(item)).toEqual(['role']);
      const roles = template.map((item) => item.role);
      expect(roles).not.toContain('help');
      expect(roles.includes('viewMenu')).toBe(devTools);
      expect(roles.includes('appMenu')).toBe(platform === 'darwin');
    }
  }
});
