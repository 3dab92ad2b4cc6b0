/**
 * Session-wide hardening and the network layers. Every permission request and check is denied (but
 * the camera, for video only, while the window's camera gate is open: camera-gate.ts), and
 * the network is closed four times over: (1) one webRequest listener on <all_urls> cancels every
 * request whose URL is not app: or data:; (2) offline network emulation on the session; (3) the
 * host resolver maps every name to NOTFOUND (a command-line switch, set before ready); (4) WebRTC
 * may not use non-proxied UDP (per web contents, window-security.ts). The spellchecker is off too:
 * it would download dictionaries. Spec: docs/architecture.md, "Principles" 4 (offline by
 * construction: no network, in layers) and "Processes" (the renderer reaches nothing but the
 * preload API).
 */
import type { CommandLine, Session } from 'electron';
import { grantsCameraCheck, grantsCameraRequest, type CameraGate } from './camera-gate.ts';

/** The only URL schemes a request may have: the bundle (app://) and inline data. */
const ALLOWED_REQUEST_SCHEMES = Object.freeze(['app:', 'data:']);

/** The one webRequest filter: every URL, so the listener decides and nothing slips past a pattern. */
const ALL_URLS_FILTER = Object.freeze({ urls: Object.freeze(['<all_urls>']) });

/** Chromium's host resolver rules: every host name resolves to NOTFOUND. */
export const HOST_RESOLVER_RULES = 'MAP * ~NOTFOUND';

/** The subset of Session this module touches (lets unit tests pass a fake). */
export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'enableNetworkEmulation'
  | 'setSpellCheckerEnabled'
> & { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/** True for a URL a request may load: app: or data:, nothing else (case-insensitive scheme). */
export function isAllowedRequestUrl(url: string): boolean {
  const lower = url.slice(0, 8).toLowerCase();
  return ALLOWED_REQUEST_SCHEMES.some((scheme) => lower.startsWith(scheme));
}

/** Sessions already hardened: a session is shared by its web contents and hardened once. */
const hardened = new WeakSet<object>();

/**
 * Hardens `session`. With a `camera` gate (the window's session only), a request or check for the
 * camera alone, from the app's top frame, is granted while the gate is open; nothing else ever is.
 */
export function hardenSession(session: HardenableSession, camera?: CameraGate): void {
  if (hardened.has(session)) return;
  hardened.add(session);
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(camera !== undefined && grantsCameraRequest(camera, permission, details)),
  );
  session.setPermissionCheckHandler((_contents, permission, origin, details) => camera !== undefined && grantsCameraCheck(camera, permission, origin, details));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.setSpellCheckerEnabled(false);
  session.enableNetworkEmulation({ offline: true });
  // One listener per session (Electron keeps one per event: a later call would replace it).
  session.webRequest.onBeforeRequest({ urls: [...ALL_URLS_FILTER.urls] }, (details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
}

/** Layer 3, before the app is ready: no host name resolves. */
export function disableNameResolution(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  commandLine.appendSwitch('host-resolver-rules', HOST_RESOLVER_RULES);
}
