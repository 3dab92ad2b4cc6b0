/**
 * Session-wide hardening: every permission request and check is denied, and every request to a
 * network scheme is cancelled before it leaves. Spec: DESIGN.md principle 4 (offline by
 * construction) and "Processes" (the renderer reaches nothing but the preload API).
 */
import type { Session } from 'electron';

/** Request patterns of every scheme that would reach the network. */
export const NETWORK_URL_PATTERNS = Object.freeze(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*']);

/** The subset of Session this module touches (lets unit tests pass a fake). */
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler'
> & { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.webRequest.onBeforeRequest({ urls: [...NETWORK_URL_PATTERNS] }, (_details, callback) => callback({ cancel: true }));
}
