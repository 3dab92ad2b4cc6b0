/**
 * The camera gate (main/shell/camera-gate.ts) through the handlers hardenSession installs on a fake
 * Session, played as the page that wants more than it should: the camera outside a scan, the
 * microphone with it, a sub-frame or another origin asking, any other permission while a scan is
 * open. Only video, from the app's top frame, while a scan is open, is granted. ADR 0029.
 */
import { expect, test, vi } from 'vitest';
import { CameraGate } from '../../../main/shell/camera-gate.ts';
import { hardenSession, type HardenableSession } from '../../../main/shell/session-security.ts';
import { FakeSession } from './fake-electron.ts';

type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

function station(): {
  gate: CameraGate;
  request: (permission: string, details: unknown) => boolean;
  check: (permission: string, origin: string, details: unknown) => boolean;
} {
  const gate = new CameraGate();
  const session = new FakeSession(`camera-${Math.random()}`);
  hardenSession(session as unknown as HardenableSession, gate);
  const onRequest = session.setPermissionRequestHandler.calls[0]![0] as RequestHandler;
  const onCheck = session.setPermissionCheckHandler.calls[0]![0] as CheckHandler;
  return {
    gate,
    request: (permission, details) => {
      const callback = vi.fn();
      onRequest({}, permission, callback, details);
      expect(callback).toHaveBeenCalledTimes(1);
      return callback.mock.calls[0]![0] as boolean;
    },
    check: (permission, origin, details) => onCheck({}, permission, origin, details),
  };
}

const VIDEO = { mediaTypes: ['video'], isMainFrame: true, requestingUrl: 'app://custos/index.html', securityOrigin: 'app://custos/' };
const VIDEO_CHECK = { mediaType: 'video', isMainFrame: true, requestingUrl: 'app://custos/index.html', securityOrigin: 'app://custos/' };

test('the camera is granted for video alone, from the app, only while a scan is open', () => {
  const { gate, request, check } = station();
  expect(request('media', VIDEO)).toBe(false);
  expect(check('media', 'app://custos', VIDEO_CHECK)).toBe(false);
  gate.open('scan-1');
  expect(request('media', VIDEO)).toBe(true);
  expect(check('media', 'app://custos', VIDEO_CHECK)).toBe(true);
  gate.close('scan-1');
  expect(request('media', VIDEO)).toBe(false);
  expect(check('media', 'app://custos', VIDEO_CHECK)).toBe(false);
});

test.each([
  ['the microphone with the camera', 'media', { ...VIDEO, mediaTypes: ['video', 'audio'] }],
  ['the microphone alone', 'media', { ...VIDEO, mediaTypes: ['audio'] }],
  ['media with no type named', 'media', { ...VIDEO, mediaTypes: [] }],
  ['media with the types left out', 'media', { isMainFrame: true, requestingUrl: 'app://custos/index.html' }],
  ['a sub-frame', 'media', { ...VIDEO, isMainFrame: false }],
  ['another origin', 'media', { ...VIDEO, requestingUrl: 'https://example.com/' }],
  ['a look-alike origin', 'media', { ...VIDEO, requestingUrl: 'app://custos.evil/index.html' }],
  ['the screen', 'display-capture', { ...VIDEO }],
  ['geolocation', 'geolocation', { isMainFrame: true, requestingUrl: 'app://custos/index.html' }],
  ['notifications', 'notifications', { isMainFrame: true, requestingUrl: 'app://custos/index.html' }],
  ['the clipboard', 'clipboard-read', { isMainFrame: true, requestingUrl: 'app://custos/index.html' }],
  ['USB', 'usb', { isMainFrame: true, requestingUrl: 'app://custos/index.html' }],
])('while a scan is open, %s is still refused', (_what, permission, details) => {
  const { gate, request } = station();
  gate.open('scan-1');
  expect(request(permission, details)).toBe(false);
});

test.each([
  ['the microphone', 'media', 'app://custos', { ...VIDEO_CHECK, mediaType: 'audio' }],
  ['an unknown media type', 'media', 'app://custos', { ...VIDEO_CHECK, mediaType: 'unknown' }],
  ['a sub-frame', 'media', 'app://custos', { ...VIDEO_CHECK, isMainFrame: false }],
  ['another origin', 'media', 'https://example.com', { ...VIDEO_CHECK, requestingUrl: 'https://example.com/' }],
  ['a look-alike origin', 'media', 'app://custos.evil', { ...VIDEO_CHECK }],
  ['another permission', 'geolocation', 'app://custos', { isMainFrame: true }],
])('while a scan is open, a check for %s is refused', (_what, permission, origin, details) => {
  const { gate, check } = station();
  gate.open('scan-1');
  expect(check(permission, origin, details)).toBe(false);
});

test('the gate stays open while any scan is, and closing an unknown scan does not open it', () => {
  const { gate, request } = station();
  gate.close('never-opened');
  expect(request('media', VIDEO)).toBe(false);
  gate.open('a');
  gate.open('b');
  gate.close('a');
  expect(request('media', VIDEO)).toBe(true);
  gate.close('b');
  expect(request('media', VIDEO)).toBe(false);
});

test('a session hardened without a gate (the default session) never grants the camera', () => {
  const session = new FakeSession('no-gate');
  hardenSession(session as unknown as HardenableSession);
  const callback = vi.fn();
  (session.setPermissionRequestHandler.calls[0]![0] as RequestHandler)({}, 'media', callback, VIDEO);
  expect(callback).toHaveBeenCalledWith(false);
  expect((session.setPermissionCheckHandler.calls[0]![0] as CheckHandler)({}, 'media', 'app://custos', VIDEO_CHECK)).toBe(false);
});
