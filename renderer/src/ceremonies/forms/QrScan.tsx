/**
 * QR in: reads the coordinator's animated QR code (a PSBT as BC-UR `crypto-psbt`, an Ethereum
 * request as EIP-4527 `eth-sign-request`) with the station's camera. The camera is asked for video
 * only, and only while this scan is open (main opens the camera gate with startQrScan and closes it
 * with stopQrScan or when the code is read in full). Each video frame's QR code is decoded here to
 * its text (jsQR) and sent to main, which gathers the parts, checks them and writes the file; the
 * file then stands for the one the officer would have chosen. Spec: docs/transfer-exchange.md,
 * "QR in"; ADR 0029.
 */
import jsQR from 'jsqr';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Chosen, QrScanKind, QrScanProgress } from '../../../../main/app/app-api.ts';
import { asAppError } from '../../app-error.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { custosApi } from '../../custos-api.ts';
import { useText } from '../../i18n/locale-context.tsx';
import { QR_SCAN_TEXT } from './qr-scan-messages.ts';

/** How often a video frame is looked at (ms): animated URs run at 4 to 10 frames per second. */
const LOOK_EVERY_MS = 80;

type State =
  | { readonly at: 'idle' }
  | { readonly at: 'starting' }
  | { readonly at: 'reading'; readonly progress: QrScanProgress | null }
  | { readonly at: 'failed'; readonly error: AppError | null };

/** Reads QR codes from the camera while mounted; stops the camera and the scan when unmounted. */
function CameraReader(props: { readonly kind: QrScanKind; readonly onState: (s: State) => void; readonly onRead: (file: Chosen) => void }) {
  const text = useText(QR_SCAN_TEXT);
  const video = useRef<HTMLVideoElement>(null);
  const { kind, onState, onRead } = props;

  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    let scan: string | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let busy = false;
    let last = '';
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const api = custosApi();

    const look = () => {
      const v = video.current;
      if (busy || !live || !v || !context || scan === null || v.videoWidth === 0) return;
      canvas.width = v.videoWidth;
      canvas.height = v.videoHeight;
      context.drawImage(v, 0, 0);
      const image = context.getImageData(0, 0, canvas.width, canvas.height);
      const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      if (!code || code.data === '' || code.data === last) return;
      last = code.data;
      busy = true;
      api.qrFrame(scan, code.data).then(
        (progress) => {
          busy = false;
          if (!live) return;
          if (progress.file) {
            live = false;
            onRead(progress.file);
          } else onState({ at: 'reading', progress });
        },
        (e: unknown) => {
          busy = false;
          if (!live) return;
          live = false;
          onState({ at: 'failed', error: asAppError(e) });
        },
      );
    };

    (async () => {
      scan = await api.startQrScan(kind);
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (!live || !video.current) return;
      video.current.srcObject = stream;
      await video.current.play();
      onState({ at: 'reading', progress: null });
      timer = setInterval(look, LOOK_EVERY_MS);
    })().catch((e: unknown) => {
      if (live) onState({ at: 'failed', error: e instanceof DOMException ? null : asAppError(e) });
    });

    return () => {
      live = false;
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      if (scan !== null) void api.stopQrScan(scan).catch(() => undefined);
    };
  }, [kind, onState, onRead]);

  return <video ref={video} className="qr-scan__video" muted playsInline aria-label={text.video} data-testid="qr-scan-video" />;
}

export function QrScan(props: { readonly kind: QrScanKind; readonly onChange: (file: Chosen) => void }) {
  const text = useText(QR_SCAN_TEXT);
  const [state, setState] = useState<State>({ at: 'idle' });
  const [read, setRead] = useState<string | null>(null);
  // The latest onChange, for a read that completes after a re-render.
  const changed = useRef(props.onChange);
  useEffect(() => {
    changed.current = props.onChange;
  }, [props.onChange]);
  const onRead = useCallback((file: Chosen) => {
    setRead(file.name);
    setState({ at: 'idle' });
    changed.current(file);
  }, []);
  const open = state.at === 'starting' || state.at === 'reading';

  return (
    <div className="qr-scan" data-testid="qr-scan">
      <div className="row">
        {open ? (
          <button type="button" onClick={() => setState({ at: 'idle' })}>
            {text.cancel}
          </button>
        ) : (
          <button
            type="button"
            onClick={() => {
              setRead(null);
              setState({ at: 'starting' });
            }}
          >
            {props.kind === 'psbt-file' ? text.scanPsbt : text.scanRequest}
          </button>
        )}
      </div>
      {open && (
        <>
          <CameraReader kind={props.kind} onState={setState} onRead={onRead} />
          <p className="hint" aria-live="polite" data-testid="qr-scan-progress">
            {state.at === 'reading' && state.progress ? text.progress(state.progress.received, state.progress.expected, state.progress.percent) : text.hold}
          </p>
        </>
      )}
      {state.at === 'failed' && (state.error ? <ErrorNotice error={state.error} /> : <p role="alert">{text.noCamera}</p>)}
      {read !== null && (
        <p className="hint" data-testid="qr-scan-done">
          {text.done(read)}
        </p>
      )}
    </div>
  );
}
