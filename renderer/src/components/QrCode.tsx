/**
 * A QR code as inline SVG: a light background and one <path> for the dark modules, sized and
 * coloured with SVG attributes only (the renderer's CSP is `style-src 'self'`: no style attribute,
 * and no data: URL is needed). Spec: ISO/IEC 18004 through common/qr/qr-matrix.ts (mode and
 * error correction) and qr-path.ts (path, 4-module quiet zone). The caller passes the accessible
 * name already translated; the text itself is never written into the DOM (a share card's QR text
 * is a share), only the modules.
 */
import { useMemo } from 'react';
import { qrMatrix, type QrErrorCorrection } from '../../../common/qr/qr-matrix.ts';
import { qrPathData, qrViewSize } from '../../../common/qr/qr-path.ts';

/** Default side of the picture in CSS pixels. */
const DEFAULT_QR_PIXELS = 320;

export interface QrCodeProps {
  /** The text the code carries (a UR frame, a share-card payload…). */
  readonly text: string;
  /** 'L' for UR frames, 'M' for share cards (see qr-matrix.ts). */
  readonly errorCorrection: QrErrorCorrection;
  /** Accessible name, already translated by the caller. */
  readonly label: string;
  /** Side in CSS pixels (default 320). */
  readonly pixels?: number;
  /** Extra CSS class names; the element always has `qr-code`. */
  readonly className?: string;
}

export function QrCode({ text, errorCorrection, label, pixels = DEFAULT_QR_PIXELS, className }: QrCodeProps) {
  const picture = useMemo(() => {
    const matrix = qrMatrix(text, errorCorrection);
    return { view: qrViewSize(matrix), path: qrPathData(matrix), version: matrix.version };
  }, [text, errorCorrection]);
  const { view, path, version } = picture;
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      className={className ? `qr-code ${className}` : 'qr-code'}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${view} ${view}`}
      width={pixels}
      height={pixels}
      shapeRendering="crispEdges"
      data-qr-version={version}
    >
      <rect width={view} height={view} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
