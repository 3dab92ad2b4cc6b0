/**
 * The printable transcript of one ceremony: its procedure (title in the document's language, from
 * the definition the record binds, else the station's catalogue), then its entries in order — step
 * title, type, time from the station clock, who signed (the station, and each participant by name
 * and role), the short code read aloud at the ceremony, and what it recorded in words (body-text.ts) — and,
 * when the directory keeps it, the checkpoint signed after the close. Entries are read from the
 * source (journal-source.ts) and decoded (entry-codec.ts) as the auditor view reads them
 * (main/app/auditor-verify.ts); names come from the replay's participants. Every record value is
 * public (docs/record-format.md, "Entry payload": no secret ever enters a record) and escaped here.
 * Spec: docs/desktop-app.md, "The screens" (Reports: ceremony transcript).
 */
import type { JournalSource } from '../../../ceremonies/audit/journal-source.ts';
import type { Projection } from '../../../ceremonies/audit/replay.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { PROCEDURES } from '../../../ceremonies/procedures/catalogue.ts';
import { ABORT_STEP, type ProcedureDefinition } from '../../../ceremonies/procedures/definition.ts';
import { parseCheckpoint } from '../../../ceremonies/record/checkpoint.ts';
import { decodeEntry, type DecodedEntry } from '../../../ceremonies/record/entry-codec.ts';
import { entryCode } from '../auditor-verify.ts';
import { bodyText } from './body-text.ts';
import { escapeHtml, facts, formatInstant, printDocument, reportHeader } from './html.ts';
import { participantNames } from './inventory-report.ts';
import { REPORT_TEXT, term, type PrintLocale } from './report-text.ts';

/** A body value longer than this is cut (with "…"): a transcript is read by people. */
const FIELD_MAX_CHARS = 2000;

/** A field's text as HTML: escaped, cut when too long, one line per line. */
function fieldHtml(text: string): string {
  const shown = text.length > FIELD_MAX_CHARS ? `${text.slice(0, FIELD_MAX_CHARS)}…` : text;
  return shown.split('\n').map(escapeHtml).join('<br>');
}

/** The entries of `ceremony` in the source, in journal order (lines that cannot be read are skipped: verify reports them). */
function ceremonyEntries(source: JournalSource, ceremony: string): DecodedEntry[] {
  const found: DecodedEntry[] = [];
  for (const line of source.lines()) {
    if (!line.complete) break;
    try {
      const entry = decodeEntry(line.bytes);
      if (entry.payload.ceremony === ceremony) found.push(entry);
    } catch {
      // An unreadable line belongs to no ceremony we can name; `custos verify` reports it.
    }
  }
  return found;
}

/** The procedure definition an entry binds (its hash in the source), else the station's own by id@version. */
function definitionOf(source: JournalSource, entry: DecodedEntry): ProcedureDefinition | undefined {
  const bytes = source.procedures.get(entry.payload.procedure);
  if (bytes) {
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as ProcedureDefinition;
    } catch {
      // Fall back to the catalogue below.
    }
  }
  return PROCEDURES.find((p) => `${p.id}@${p.version}` === entry.payload.procedureId);
}

/** The checkpoint note kept in the source whose size is the journal just after `closeIndex`. */
function checkpointAfter(source: JournalSource, closeIndex: number): string | null {
  for (const { note } of source.checkpoints) {
    try {
      if (parseCheckpoint(note).size === closeIndex + 1) return note;
    } catch {
      // A malformed checkpoint is verify's to report.
    }
  }
  return null;
}

/** The transcript of `ceremony`; refused with REPORT_CEREMONY_UNKNOWN when the record has no such ceremony. */
export function ceremonyTranscriptHtml(source: JournalSource, projection: Projection, ceremony: string, locale: PrintLocale, now: Date): string {
  const t = REPORT_TEXT[locale];
  const summary = projection.ceremonies.find((c) => c.id === ceremony);
  const entries = summary ? ceremonyEntries(source, ceremony) : [];
  if (!summary || entries.length === 0) {
    throw new CustosError('REPORT_CEREMONY_UNKNOWN', `There is no ceremony "${ceremony.slice(0, 128)}" in this record. Nothing was written.`, {
      ceremony: ceremony.slice(0, 128),
    });
  }
  const definition = definitionOf(source, entries[0]!);
  const names = participantNames(projection);
  const title = definition?.title[locale] ?? entries[0]!.payload.procedureId;
  const stepTitle = (step: string) =>
    step === ABORT_STEP.id ? ABORT_STEP.title[locale] : (definition?.steps.find((s) => s.id === step)?.title[locale] ?? step);
  const signerName = (entry: DecodedEntry, keyid: string) => {
    if (keyid === entry.payload.station) return t.stationSigner;
    const role = entry.payload.signers.find((s) => s.keyid === keyid)?.role;
    const name = names.get(keyid) ?? t.unknownSigner(keyid.slice(0, 16));
    return role ? t.signer(name, term(locale, 'role', role)) : name;
  };
  const first = entries[0]!;
  const last = entries.at(-1)!;
  const blocks = entries.map((entry) => {
    const p = entry.payload;
    const fields = bodyText(p.body, { locale, names });
    const pairs: [string, string][] = [
      [t.step, `${stepTitle(p.step)} (${p.step})`],
      [t.entryType, term(locale, 'entryType', p.type)],
      [t.time, formatInstant(p.time.utc, locale)],
      [t.signedBy, entry.envelope.signatures.map((s) => signerName(entry, s.keyid)).join(', ')],
      [t.code, entryCode(entry.lineHash)],
    ];
    const recorded =
      fields.length === 0
        ? `<p class="muted">${escapeHtml(t.nothingRecorded)}</p>`
        : `<dl class="body">${fields.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${fieldHtml(v)}</dd>`).join('')}</dl>`;
    return `<section class="block entry" data-index="${p.index}" data-step="${escapeHtml(p.step)}"><h3>${escapeHtml(t.entry(p.index))} — ${escapeHtml(stepTitle(p.step))}</h3>${facts(pairs)}<h5>${escapeHtml(t.recorded)}</h5>${recorded}</section>`;
  });
  const note = summary.state === 'closed' && summary.endedAt !== null ? checkpointAfter(source, summary.endedAt) : null;
  const body = [
    reportHeader(locale, {
      title: t.transcriptTitle,
      station: projection.station,
      generatedAt: now,
      entries: projection.entries,
      more: [
        [t.ceremony, ceremony],
        [t.procedure, `${title} (${first.payload.procedureId})`],
        [t.state, term(locale, 'ceremonyState', summary.state)],
        [t.openedAt, formatInstant(first.payload.time.utc, locale)],
        ...(summary.state === 'open' ? [] : [[t.endedAt, formatInstant(last.payload.time.utc, locale)] as [string, string]]),
        [t.entryCount, String(entries.length)],
      ],
    }),
    `<h2>${escapeHtml(t.transcriptEntries)}</h2>`,
    ...blocks,
    `<h2>${escapeHtml(t.checkpoint)}</h2>`,
    note === null ? `<p class="muted">${escapeHtml(t.noCheckpoint)}</p>` : `<pre class="checkpoint">${escapeHtml(note)}</pre>`,
  ].join('\n');
  return printDocument(locale, `${t.transcriptTitle} — ${ceremony}`, body);
}
