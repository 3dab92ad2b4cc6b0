/**
 * Hardening of every web contents and the web preferences of the main window. Spec:
 * docs/architecture.md, "Processes" (renderer sandboxed, contextIsolation, talks only to the
 * preload API; in-memory session partition; WebRTC non-proxied UDP off; offline on every session)
 * and Electron's security checklist: no navigation, no new windows, no <webview>, nothing opened
 * externally.
 */
import type { WebContents, WebPreferences } from 'electron';
import { hardenSession, type HardenableSession } from './session-security.ts';

/**
 * The window's session partition. No `persist:` prefix: Chromium keeps it in memory only, so no
 * cookie, cache, storage or history of the window is ever written to the station's disk.
 */
export const WINDOW_PARTITION = 'custos-window';

/** WebRTC may only use proxied UDP; with no proxy that means no UDP at all (no ICE leak of IPs). */
const WEBRTC_IP_HANDLING_POLICY = 'disable_non_proxied_udp';

/** What every Custos window's web contents are denied or held to, the app's window and the print window alike. */
export const HARDENED_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const satisfies WebPreferences;

/** The web preferences of every Custos window. devTools only in an unpackaged (development) run. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return { preload: preloadPath, partition: WINDOW_PARTITION, ...HARDENED_WEB_PREFERENCES, devTools: !isPackaged };
}

/** The subset of WebContents this module touches (lets unit tests pass a fake). */
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'setWebRTCIPHandlingPolicy'> & {
  readonly session: HardenableSession;
};

/**
 * Hardens the contents' session (hardenSession: permissions denied, offline, one webRequest
 * listener; once per session), turns off non-proxied WebRTC UDP, and denies every navigation away
 * from the loaded page, every redirect, every window.open / target link, and every <webview>
 * attachment. The initial loadURL from main is not a navigation event.
 */
export function hardenWebContents(contents: HardenableContents): void {
  hardenSession(contents.session);
  contents.setWebRTCIPHandlingPolicy(WEBRTC_IP_HANDLING_POLICY);
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
