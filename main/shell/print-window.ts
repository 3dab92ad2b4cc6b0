/**
 * The station's printer in the app (the router's `printer` service, app-router.ts Printer): each call
 * opens a NEW dedicated window, hidden, sandboxed, isolated, without Node, without JavaScript at all,
 * without preload, devtools or spellchecker, in an in-memory session partition of its own (no
 * `persist:`), hardened like every web contents (session: permissions denied, offline, requests other
 * than app: and data: cancelled; contents: navigation, redirects, new windows and <webview> denied).
 * The document — a complete page with its own CSP and no script (reports/html.ts) — is loaded as a
 * `data:text/html;charset=utf-8;base64,…` URL; nothing is written to disk. `print` opens the system
 * print dialog (never silent: the officer chooses the printer) and resolves when the callback says it
 * printed; `pdf` makes an A4 PDF. The window is destroyed in a `finally`, whatever happened: the words
 * of a share card do not outlive the call.
 *
 * A data: URL is at most 2 MiB in Chromium, so a document of more than about 1.5 MB of HTML is
 * refused (PRINT_FAILED) rather than printed blank. Spec: docs/desktop-app.md ("Paper shares", and
 * the app API's printShareCard and saveReport); Electron's security checklist;
 * docs/architecture.md, "Principles" 1 (nothing secret on the station's disk).
 */
import { BrowserWindow, session, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { CustosError } from '../../ceremonies/custos-error.ts';
import type { Printer } from '../app/app-router.ts';
import { PRINT_CSP_META } from '../app/reports/html.ts';
import { hardenSession } from './session-security.ts';
import { HARDENED_WEB_PREFERENCES, hardenWebContents } from './window-security.ts';

/** The print windows' session partition: in memory only (no `persist:`), not the main window's. */
export const PRINT_PARTITION = 'custos-print';

/** Chromium's longest URL (url::kMaxURLChars): a longer data: URL would load nothing. */
export const DATA_URL_MAX_CHARS = 2 * 1024 * 1024;

/** What Electron's print callback says when the officer cancels the dialog. */
const CANCELLED = /cancel/iu;

/** The options of a print window: hidden, and every web preference closed. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794, // A4 at 96 dpi, for the layout; the page size comes from the print settings
    height: 1123,
    // The app window's hardening, and no script at all, no preload, no devTools.
    webPreferences: { partition: PRINT_PARTITION, ...HARDENED_WEB_PREFERENCES, javascript: false, devTools: false },
  };
}

/** The document as a base64 data: URL (no file on disk, no request outside the page). */
function documentUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

function failed(reason: string): CustosError {
  return new CustosError('PRINT_FAILED', `The document could not be printed: ${reason}. Nothing was recorded.`, { reason });
}

/** Opens a print window on `html`, runs `use` on its contents, and destroys the window whatever happens. */
async function withPrintWindow<T>(html: string, use: (contents: WebContents) => Promise<T>): Promise<T> {
  if (!html.includes(PRINT_CSP_META)) throw failed('the document does not carry the print policy');
  const url = documentUrl(html);
  if (url.length > DATA_URL_MAX_CHARS) throw failed('the document is too large to print');
  // The app hardens every new web contents and its session (main.ts, web-contents-created); the
  // print window does it again itself, so it never depends on being created after that hook.
  hardenSession(session.fromPartition(PRINT_PARTITION));
  const window = new BrowserWindow(printWindowOptions());
  try {
    hardenWebContents(window.webContents);
    try {
      await window.loadURL(url);
    } catch {
      throw failed('the document could not be loaded');
    }
    return await use(window.webContents);
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}

/** Prints through the system dialog; resolves once printed. */
function printContents(contents: WebContents): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve();
      else if (CANCELLED.test(failureReason))
        reject(new CustosError('PRINT_CANCELLED', 'Printing was cancelled in the print dialog. Nothing was printed.', { reason: failureReason.slice(0, 200) }));
      else reject(failed(failureReason.slice(0, 200) || 'the printer gave no reason'));
    });
  });
}

async function pdfOf(contents: WebContents): Promise<Uint8Array> {
  try {
    const data = await contents.printToPDF({ printBackground: true, pageSize: 'A4' });
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } catch {
    throw failed('the PDF could not be made');
  }
}

/** The station's printer: a dedicated print window per call. */
export function electronPrinter(): Printer {
  return {
    print: (html) => withPrintWindow(html, printContents),
    pdf: (html) => withPrintWindow(html, pdfOf),
  };
}
