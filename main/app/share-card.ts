/**
 * A paper share card as one A4 HTML document, for the dedicated print window (print-window.ts): the
 * title, the holder, "share i of n" (and the wallet when known), the 39 words numbered in three
 * columns (1–13, 14–26, 27–39), the same share as a QR code (level M, alphanumeric mode; made here
 * in main, reports/qr-svg.ts), the bag serial printed AND an empty box to copy it by hand from the
 * bag, a line for the holder's signature and the date, and the warning (keep it in its bag; never
 * photograph it; never type it into a computer except a Custos station in a ceremony). Every text
 * in English or French (reports/share-card-text.ts); every value escaped. The document has no
 * script and carries its own CSP. Spec: docs/desktop-app.md, "Paper shares"; docs/share-format.md
 * (words, QR).
 *
 * The HTML holds a share's words: it is built in main from the job's pending prompt, handed to the
 * printer and dropped; it is never logged, written to disk or sent to the page.
 */
import { escapeHtml, printDocument } from './reports/html.ts';
import type { PrintLocale } from './reports/report-text.ts';
import { shareCardQrSvg } from './reports/qr-svg.ts';
import { SHARE_CARD_TEXT } from './reports/share-card-text.ts';

/** Words of one paper share (docs/share-format.md "Paper words"). */
const SHARE_CARD_WORDS = 39;
const COLUMNS = 3;

export interface ShareCard {
  /** The holder's name, as enrolled. */
  readonly holder: string;
  readonly index: number;
  readonly of: number;
  readonly bagSerial: string;
  readonly words: readonly string[];
  /** The QR payload ("CUSTOS-SHARE1:…"). */
  readonly qr: string;
  /** The wallet the share rebuilds, when the ceremony names it. */
  readonly wallet?: string;
}

const CARD_STYLE = `
body { font-size: 11pt; }
.card { display: flex; flex-direction: column; gap: 6mm; }
.card h1 { font-size: 20pt; }
.card dl { font-size: 12pt; }
.words-and-qr { display: flex; gap: 8mm; align-items: flex-start; }
.words { flex: 1; }
.words ol { list-style: none; margin: 2mm 0 0; padding: 0; display: grid; grid-template-columns: repeat(${COLUMNS}, 1fr); grid-template-rows: repeat(${SHARE_CARD_WORDS / COLUMNS}, auto); grid-auto-flow: column; gap: 1.2mm 6mm; }
.words li { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 12pt; border-bottom: 0.4pt dotted #999; padding: 0.4mm 0; }
.words .num { display: inline-block; min-width: 8mm; text-align: right; margin-right: 2mm; color: #333; }
.qr { text-align: center; font-size: 9pt; }
.bag .serial { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 14pt; font-weight: bold; margin-left: 3mm; }
.handbox { border: 1pt solid #000; width: 90mm; height: 12mm; margin-top: 2mm; }
.sign { display: flex; gap: 10mm; margin-top: 4mm; }
.sign div { flex: 1; border-bottom: 1pt solid #000; height: 16mm; display: flex; align-items: flex-end; }
.sign div.date { flex: 0 0 50mm; }
.sign span { font-size: 9pt; transform: translateY(5mm); }
.warning { border: 1.5pt solid #000; padding: 3mm 4mm; margin-top: 6mm; }
.warning h2 { border: none; margin: 0 0 2mm; font-size: 12pt; }
.warning li { margin: 1mm 0; }
`;

/** The card's HTML document in `locale`. */
export function shareCardHtml(card: ShareCard, locale: PrintLocale): string {
  if (card.words.length !== SHARE_CARD_WORDS) throw new TypeError(`card.words: expected ${SHARE_CARD_WORDS} words, got ${card.words.length}`);
  const t = SHARE_CARD_TEXT[locale];
  const words = card.words.map((word, i) => `<li><span class="num">${i + 1}.</span><span class="word">${escapeHtml(word)}</span></li>`).join('');
  const details: [string, string][] = [[t.holder, card.holder], ...(card.wallet ? [[t.wallet, card.wallet] as [string, string]] : [])];
  const dl = details.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  const body = [
    '<main class="card">',
    `<header><h1>${escapeHtml(t.title)}</h1><p class="share-of"><strong>${escapeHtml(t.share(card.index, card.of))}</strong></p><dl>${dl}</dl></header>`,
    '<section class="words-and-qr">',
    `<div class="words"><h2>${escapeHtml(t.words)}</h2><ol>${words}</ol></div>`,
    `<div class="qr">${shareCardQrSvg(card.qr, 55, escapeHtml(t.qr))}<p>${escapeHtml(t.qr)}</p></div>`,
    '</section>',
    '<section class="bag">',
    `<p><strong>${escapeHtml(t.bagSerial)}</strong><span class="serial">${escapeHtml(card.bagSerial)}</span></p>`,
    `<p>${escapeHtml(t.bagSerialByHand)}</p><div class="handbox"></div>`,
    '</section>',
    `<section class="sign"><div><span>${escapeHtml(t.signature)}</span></div><div class="date"><span>${escapeHtml(t.date)}</span></div></section>`,
    '<section class="warning">',
    `<h2>${escapeHtml(t.warningTitle)}</h2>`,
    `<ul><li>${escapeHtml(t.warningKeep)}</li><li>${escapeHtml(t.warningPhoto)}</li><li>${escapeHtml(t.warningType)}</li></ul>`,
    '</section>',
    '</main>',
  ].join('\n');
  return printDocument(locale, `${t.title} — ${t.share(card.index, card.of)}`, body, CARD_STYLE);
}
