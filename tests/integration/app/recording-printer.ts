/**
 * The router's printer in integration tests: it records every document it is given (share cards to
 * print, reports to turn into PDF) and answers `pdf` with a small stand-in that names the document's
 * size, so a test can check the HTML main built and the file main wrote. The real printers are
 * Electron's print window (tests/unit/electron-shell/print-window.test.ts, with the fake electron)
 * and Playwright's Chromium (tests/e2e/reports.spec.ts).
 */
import type { Printer } from '../../../main/app/app-router.ts';

export class RecordingPrinter implements Printer {
  readonly printed: string[] = [];
  readonly pdfs: string[] = [];
  /** When set, the next print() is refused with it (then cleared). */
  refuseNext: Error | null = null;

  async print(html: string): Promise<void> {
    if (this.refuseNext) {
      const error = this.refuseNext;
      this.refuseNext = null;
      throw error;
    }
    this.printed.push(html);
  }

  async pdf(html: string): Promise<Uint8Array> {
    this.pdfs.push(html);
    return RecordingPrinter.standIn(html);
  }

  /** What pdf() returns for `html`: "%PDF-stand-in <bytes of HTML>\n". */
  static standIn(html: string): Uint8Array {
    return new TextEncoder().encode(`%PDF-stand-in ${new TextEncoder().encode(html).byteLength}\n`);
  }
}
