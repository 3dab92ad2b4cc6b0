/**
 * The printable documents' common parts: HTML escaping, the A4 page with its own Content Security
 * Policy (no script at all: the print window runs with JavaScript off, and the policy says so
 * again), the header every report carries, and dates and amounts written for people in English or
 * French. Every value that comes from the record or the officer goes through `escapeHtml`; only
 * markup built here is concatenated raw. Spec: docs/desktop-app.md, "The screens" (Reports:
 * printable ceremony transcript, incident report, inventory report, in English or French); the
 * print window is main/shell/print-window.ts.
 */
import { toCoin, UNIT } from '../../../ceremonies/inventory/holdings.ts';
import { REPORT_TEXT, type PrintLocale, type ReportTexts } from './report-text.ts';

/** The policy every printed document carries in a <meta>: nothing but inline style and data: images. */
export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The <meta> element of PRINT_CSP, as it stands in every document built here. */
export const PRINT_CSP_META = `<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a double- or single-quoted attribute. */
export function escapeHtml(value: string | number | boolean | null | undefined): string {
  return String(value ?? '').replace(/[&<>"']/gu, (c) => ESCAPES[c]!);
}

/** The Intl locale of each printing language. */
function intlLocale(locale: PrintLocale): string {
  return locale === 'fr' ? 'fr-FR' : 'en-GB';
}

/** An instant (ISO 8601, UTC) as "2 December 2026, 14:03:07 UTC"; anything else as it is. */
export function formatInstant(iso: string | null | undefined, locale: PrintLocale): string {
  if (!iso) return '—';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const text = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(time));
  return `${text} UTC`;
}

/** A day (YYYY-MM-DD, or the day of an instant) as "2 December 2026"; anything else as it is. */
export function formatDay(value: string | null | undefined, locale: PrintLocale): string {
  if (!value) return '—';
  const day = /^\d{4}-\d{2}-\d{2}/u.exec(value)?.[0];
  const time = day === undefined ? Number.NaN : Date.parse(`${day}T00:00:00.000Z`);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(time));
}

/** Base units of a chain as its coin ("1500000" on bitcoin → "0.015 BTC", "0,015 BTC" in French). */
export function formatAmount(baseUnits: string, chain: string, locale: PrintLocale): string {
  if (!/^-?\d+$/u.test(baseUnits)) return baseUnits;
  const coin = toCoin(baseUnits, chain);
  const unit = UNIT[chain];
  return unit === undefined ? `${baseUnits} (${chain})` : `${locale === 'fr' ? coin.replace('.', ',') : coin} ${unit}`;
}

/** The station's key id as printed: its first 16 hex digits (the whole one is in the record). */
function shortStation(keyid: string | null): string {
  return keyid === null ? '—' : `${keyid.slice(0, 16)}…`;
}

const STYLE = `
@page { size: A4; margin: 15mm 14mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #000; background: #fff; }
h1 { font-size: 17pt; margin: 0 0 4pt; }
h2 { font-size: 13pt; margin: 14pt 0 4pt; border-bottom: 1pt solid #000; }
h3 { font-size: 11pt; margin: 10pt 0 3pt; }
h4 { font-size: 10.5pt; margin: 2pt 0; }
h5 { font-size: 9.5pt; margin: 4pt 0 1pt; }
p { margin: 3pt 0; }
table { border-collapse: collapse; width: 100%; margin: 3pt 0 6pt; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 0.6pt solid #777; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #eee; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1pt 8pt; margin: 3pt 0; }
dt { font-weight: bold; }
dd { margin: 0; }
code, .code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; word-break: break-all; }
pre { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 8pt; white-space: pre-wrap; word-break: break-all; border: 0.6pt solid #777; padding: 4pt; }
.report-header { border: 1pt solid #000; padding: 6pt 8pt; margin-bottom: 8pt; }
.report-header dl { margin: 2pt 0; }
.verify-note { font-style: italic; }
.block { page-break-inside: avoid; border: 0.6pt solid #999; padding: 4pt 6pt; margin: 6pt 0; }
.muted { color: #444; }
.warn { font-weight: bold; }
`;

/** A whole A4 document: charset, its CSP, the language, the title and the body markup (already escaped). */
export function printDocument(locale: PrintLocale, title: string, body: string, extraStyle = ''): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    PRINT_CSP_META,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}${extraStyle}</style>`,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
  ].join('\n');
}

export interface HeaderFacts {
  readonly title: string;
  readonly station: string | null;
  readonly generatedAt: Date;
  readonly entries: number;
  /** More lines of the header: label and value (both plain text; escaped here). */
  readonly more?: readonly (readonly [string, string])[];
}

/** The header every report opens with: what it is, which station, when, from how many entries, and how to check it. */
export function reportHeader(locale: PrintLocale, facts: HeaderFacts): string {
  const t: ReportTexts = REPORT_TEXT[locale];
  const rows: (readonly [string, string])[] = [
    [t.station, shortStation(facts.station)],
    [t.generatedAt, formatInstant(facts.generatedAt.toISOString(), locale)],
    [t.entries, String(facts.entries)],
    ...(facts.more ?? []),
  ];
  return [
    '<header class="report-header">',
    `<h1>${escapeHtml(facts.title)}</h1>`,
    `<dl>${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
    `<p class="verify-note">${escapeHtml(t.verifyNote)}</p>`,
    '</header>',
  ].join('');
}

/** A table: header cells and rows of cells (plain text, escaped here). */
export function table(head: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="muted">${escapeHtml(empty)}</p>`;
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A definition list of label and value pairs (plain text, escaped here). */
export function facts(pairs: readonly (readonly [string, string])[]): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}
