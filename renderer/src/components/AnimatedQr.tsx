/**
 * An animated QR code: shows the given frames one after the other in a loop (default 4 frames per
 * second), with a pause/play button and "part i of n". Used for the `crypto-psbt` UR frames of a
 * signed transaction, which Sparrow Wallet reads with File > Open Transaction > From QR…
 * Spec: BCR-2020-005 (a multipart UR is read from its frames in any order) and
 * docs/transfer-exchange.md (frame rate, error correction L). The frames are computed in the main
 * process (common/bc-ur/) and handed over as strings; every label arrives already translated.
 */
import { useEffect, useState } from 'react';
import { UR_FRAME_ERROR_CORRECTION, type QrErrorCorrection } from '../../../common/qr/qr-matrix.ts';
import { QrCode } from './QrCode.tsx';

const DEFAULT_FRAMES_PER_SECOND = 4;
const MIN_FRAMES_PER_SECOND = 0.5;
const MAX_FRAMES_PER_SECOND = 10;

export interface AnimatedQrProps {
  /** The frames, in the order to show them (e.g. psbtUrParts output). */
  readonly parts: readonly string[];
  /** Accessible name of the QR code, translated. */
  readonly label: string;
  /** Progress text, translated, with `{index}` and `{count}` placeholders ("Part {index} of {count}"). */
  readonly progressLabel: string;
  /** Text of the button while the animation runs, translated ("Pause"). */
  readonly pauseLabel: string;
  /** Text of the button while it is paused, translated ("Play"). */
  readonly playLabel: string;
  /** Frames per second, 0.5 to 10 (default 4). */
  readonly framesPerSecond?: number;
  readonly errorCorrection?: QrErrorCorrection;
  /** Side of the QR code in CSS pixels. */
  readonly pixels?: number;
}

/** `template` with {index} and {count} replaced. */
function formatProgress(template: string, index: number, count: number): string {
  return template.replaceAll('{index}', String(index)).replaceAll('{count}', String(count));
}

export function AnimatedQr({
  parts,
  label,
  progressLabel,
  pauseLabel,
  playLabel,
  framesPerSecond = DEFAULT_FRAMES_PER_SECOND,
  errorCorrection = UR_FRAME_ERROR_CORRECTION,
  pixels,
}: AnimatedQrProps) {
  // The frame shown, tied to the list it indexes: new parts start again at the first frame.
  const [shown, setShown] = useState({ parts, index: 0 });
  const [playing, setPlaying] = useState(true);
  if (shown.parts !== parts) setShown({ parts, index: 0 });
  const index = shown.parts === parts ? shown.index : 0;

  const count = parts.length;
  const animated = count > 1;
  const rate = Number.isFinite(framesPerSecond) ? Math.min(MAX_FRAMES_PER_SECOND, Math.max(MIN_FRAMES_PER_SECOND, framesPerSecond)) : DEFAULT_FRAMES_PER_SECOND;

  useEffect(() => {
    if (!playing || !animated) return undefined;
    const timer = window.setInterval(() => {
      setShown((current) => ({ parts: current.parts, index: (current.index + 1) % current.parts.length }));
    }, 1000 / rate);
    return () => window.clearInterval(timer);
  }, [playing, animated, rate, parts]);

  const text = parts[index];
  if (text === undefined) return null;
  return (
    <figure className="animated-qr">
      <QrCode text={text} errorCorrection={errorCorrection} label={label} pixels={pixels} />
      <figcaption className="animated-qr__controls">
        <span className="animated-qr__progress">{formatProgress(progressLabel, index + 1, count)}</span>
        {animated ? (
          <button type="button" className="animated-qr__toggle" onClick={() => setPlaying((p) => !p)}>
            {playing ? pauseLabel : playLabel}
          </button>
        ) : null}
      </figcaption>
    </figure>
  );
}
