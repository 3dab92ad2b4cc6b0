/**
 * The one permission the window may ever get: the camera, for video only, from the app's own top
 * frame, and only while a QR scan is open (the scan screen of a PSBT or an Ethereum request,
 * main/app/qr-scan.ts). Every other permission, and the camera at any other time, stays denied as
 * session-security.ts denies them. Spec: docs/architecture.md, "Principles" 4 and "Processes";
 * docs/transfer-exchange.md, "QR in"; ADR 0029.
 */
import type { PermissionCheckHandlerHandlerDetails, PermissionRequest } from 'electron';
import { APP_ORIGIN } from '../app/app-protocol.ts';

/** Opened by main when a scan starts, closed when it ends (completed, stopped or replaced). */
export class CameraGate {
  private readonly scans = new Set<string>();

  open(scan: string): void {
    this.scans.add(scan);
  }

  close(scan: string): void {
    this.scans.delete(scan);
  }

  get isOpen(): boolean {
    return this.scans.size > 0;
  }
}

/** True when `url` is the app's origin or one of its pages (app://custos/…), never a look-alike such as app://custos.evil. */
function fromApp(url: string | undefined): boolean {
  return typeof url === 'string' && (url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`));
}

/** A permission request: granted only for `media` asking video alone, from the app's top frame, while a scan is open. */
export function grantsCameraRequest(
  gate: CameraGate,
  permission: string,
  details: (PermissionRequest & { mediaTypes?: readonly string[] }) | undefined,
): boolean {
  const media = details?.mediaTypes;
  return (
    gate.isOpen &&
    permission === 'media' &&
    details?.isMainFrame === true &&
    fromApp(details.requestingUrl) &&
    Array.isArray(media) &&
    media.length > 0 &&
    media.every((type) => type === 'video')
  );
}

/** A permission check: the same rule, for the video media type only. */
export function grantsCameraCheck(
  gate: CameraGate,
  permission: string,
  requestingOrigin: string,
  details: PermissionCheckHandlerHandlerDetails | undefined,
): boolean {
  return (
    gate.isOpen &&
    permission === 'media' &&
    details?.mediaType === 'video' &&
    details.isMainFrame === true &&
    fromApp(requestingOrigin) &&
    (details.requestingUrl === undefined || fromApp(details.requestingUrl))
  );
}
