/**
 * AppApi.saveReport in main: builds the report's HTML from the record (inventory, incidents of a
 * period, one ceremony's transcript, or the script of a ceremony to come; English or French), asks the station's dialog where to save
 * it, has the printer make the PDF (the dedicated print window in the app, print-window.ts) and
 * writes it durably (temp file, fsync, rename, fsync of the directory: ceremonies/store/file-io.ts).
 * The page names the data directory by token and the report by kind; it never sends a path nor
 * receives one (only the name of the file written).
 *
 * Order: the request is checked and the HTML built first, so a wrong period or ceremony is refused
 * before any dialog opens; then the dialog (a cancelled dialog refuses with SAVE_CANCELLED and
 * nothing is made or written); then the PDF; then the write. Spec: docs/desktop-app.md, "The
 * screens" (Reports: printable PDF ceremony transcript, incident report, inventory report; English
 * and French).
 */
import path from 'node:path';
import { periodicIncidentReport } from '../../../ceremonies/audit/incident-report.ts';
import { openSource } from '../../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../../ceremonies/audit/replay.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { realIo, writeFileDurably, type FileIo } from '../../../ceremonies/store/file-io.ts';
import type { ChooseKind, SaveReportRequest, SavedReport } from '../app-api.ts';
import { ceremonyScriptHtml } from './ceremony-script.ts';
import { ceremonyTranscriptHtml } from './ceremony-transcript.ts';
import { incidentReportHtml } from './incident-report.ts';
import { inventoryReportHtml } from './inventory-report.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** True for a real calendar day written YYYY-MM-DD. */
function isDay(value: string | undefined): value is string {
  return value !== undefined && DAY.test(value) && new Date(`${value}T00:00:00.000Z`).toISOString().startsWith(value);
}

/** The report's HTML, from the record at `sourcePath` (a data directory or a bundle). */
export function reportHtml(sourcePath: string, request: Omit<SaveReportRequest, 'dataDir'>, now: Date): string {
  if (request.report === 'incidents' && !(isDay(request.from) && isDay(request.to) && request.from <= request.to)) {
    throw new CustosError(
      'REPORT_PERIOD_INVALID',
      'Give the period as two dates, from and to (YYYY-MM-DD), the first not after the second. Nothing was written.',
      {},
    );
  }
  if (request.report === 'ceremony' && !request.ceremony) {
    throw new CustosError('REPORT_CEREMONY_UNKNOWN', 'Choose the ceremony whose transcript to save. Nothing was written.', { ceremony: '' });
  }
  const projection = replayJournal(openSource(sourcePath), now);
  switch (request.report) {
    case 'inventory':
      return inventoryReportHtml(projection, request.locale, now);
    case 'incidents':
      return incidentReportHtml(periodicIncidentReport(projection, request.from!, request.to!, now), projection.entries, request.locale, now);
    case 'ceremony':
      return ceremonyTranscriptHtml(openSource(sourcePath), projection, request.ceremony!, request.locale, now);
    case 'script':
      return ceremonyScriptHtml(projection, request.procedure ?? '', request.wallet, request.locale, now);
  }
}

export interface SaveReportServices {
  readonly pdf: (html: string) => Promise<Uint8Array>;
  readonly dialog: (kind: ChooseKind) => Promise<string | null>;
  readonly now: Date;
  readonly io?: FileIo;
}

/** Builds, asks where, prints to PDF, writes; returns the name of the file written. */
export async function saveReport(sourcePath: string, request: Omit<SaveReportRequest, 'dataDir'>, services: SaveReportServices): Promise<SavedReport> {
  const html = reportHtml(sourcePath, request, services.now);
  const target = await services.dialog('save-file');
  if (target === null) throw new CustosError('SAVE_CANCELLED', 'The report was not saved: the dialog was closed. Nothing was written.', {});
  const pdf = await services.pdf(html);
  const name = path.basename(target);
  try {
    writeFileDurably(services.io ?? realIo, target, pdf);
  } catch (error) {
    const problem = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'EIO';
    throw new CustosError('REPORT_WRITE_FAILED', `Cannot write the report to ${name} (${problem}). Choose another place; nothing else was changed.`, {
      name,
      problem,
    });
  }
  return { name };
}
