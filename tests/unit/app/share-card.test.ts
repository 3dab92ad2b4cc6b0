/**
 * The paper share card (main/app/share-card.ts): one A4 page with its own CSP and no script; the
 * 39 words in order, numbered, in three columns; the QR code (read back with jsQR, an independent
 * decoder, and equal module for module to the renderer's own QR of the same text); the bag serial
 * printed and an empty box to copy it by hand; the signature and date lines; the warning; every
 * value escaped; English and French.
 */
import jsqrModule from 'jsqr';
import { describe, expect, test } from 'vitest';
import { PRINT_CSP } from '../../../main/app/reports/html.ts';
import { QR_QUIET_ZONE, shareCardQr } from '../../../main/app/reports/qr-svg.ts';
import { SHARE_CARD_TEXT } from '../../../main/app/reports/share-card-text.ts';
import { shareCardHtml, type ShareCard } from '../../../main/app/share-card.ts';
import { qrMatrix } from '../../../common/qr/qr-matrix.ts';

type JsQr = typeof jsqrModule.default;
const jsQR: JsQr = ((jsqrModule as { default?: JsQr }).default ?? jsqrModule) as JsQr;

/** The example share of docs/share-format.md ("QR payload"). */
const QR_TEXT = 'CUSTOS-SHARE1:AEASGRLHRGV433YNSJINUAQDAFKSWAOX7WB2SNA6MBFJZNWI4LU4HPMXIFVRKP5CRD3NYCRALZ2EQKTXGLBV2';
const WORDS = Array.from({ length: 39 }, (_, i) => `word${String(i + 1).padStart(2, '0')}`);

const card: ShareCard = {
  holder: 'Dora <b>"Lind" & \'qvist\'</b>',
  index: 2,
  of: 3,
  bagSerial: 'TB-2026-<000301>',
  words: WORDS,
  qr: QR_TEXT,
  wallet: 'northwind-pension-cold-1',
};

/** The modules of the card's SVG path, rasterised (4 pixels per module) and decoded by jsQR. */
function decodeSvg(html: string): string | null {
  const svg = /<svg [^>]*viewBox="0 0 (\d+) \1"[^>]*>.*?<path d="([^"]+)"/su.exec(html);
  expect(svg).not.toBeNull();
  const side = Number(svg![1]);
  const dark = new Set<string>();
  for (const [, x, y, w] of svg![2]!.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/gu)) {
    for (let i = 0; i < Number(w); i++) dark.add(`${Number(x) + i},${y}`);
  }
  const scale = 4;
  const width = side * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let py = 0; py < width; py++) {
    for (let px = 0; px < width; px++) {
      if (!dark.has(`${Math.floor(px / scale)},${Math.floor(py / scale)}`)) continue;
      const o = (py * width + px) * 4;
      data[o] = data[o + 1] = data[o + 2] = 0;
    }
  }
  return jsQR(data, width, width)?.data ?? null;
}

describe('the share card', () => {
  const html = shareCardHtml(card, 'en');

  test('is a whole page with the print policy and no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PRINT_CSP}">`);
    expect(PRINT_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|javascript:|\son[a-z]+=/iu);
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<html lang="en">');
  });

  test('the 39 words, in order, numbered 1 to 39, in three columns', () => {
    const items = [...html.matchAll(/<li><span class="num">(\d+)\.<\/span><span class="word">([^<]*)<\/span><\/li>/gu)];
    expect(items.map((m) => Number(m[1]))).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    expect(items.map((m) => m[2])).toEqual(WORDS);
    expect(html).toContain('grid-template-columns: repeat(3, 1fr); grid-template-rows: repeat(13, auto); grid-auto-flow: column;');
  });

  test("the QR code carries the share (decoded by jsQR) and is the renderer's QR of the same text, level M, alphanumeric", () => {
    expect(decodeSvg(html)).toBe(QR_TEXT);
    const mine = shareCardQr(QR_TEXT);
    const renderer = qrMatrix(QR_TEXT, 'M');
    expect(renderer.mode).toBe('alphanumeric');
    expect(mine.rows).toEqual(renderer.rows);
    expect(html).toContain(`viewBox="0 0 ${mine.size + 2 * QR_QUIET_ZONE} ${mine.size + 2 * QR_QUIET_ZONE}"`);
    // The QR text itself is not written into the page: only the modules.
    expect(html).not.toContain('CUSTOS-SHARE1');
    expect(() => shareCardQr('custos-share1:lower case')).toThrow(TypeError);
  });

  test('the bag serial printed, and an empty box to copy it by hand; signature and date lines; the warning', () => {
    const t = SHARE_CARD_TEXT.en;
    expect(html).toContain(`<strong>${t.bagSerial}</strong><span class="serial">TB-2026-&lt;000301&gt;</span>`);
    expect(html).toContain(`<p>${t.bagSerialByHand}</p><div class="handbox"></div>`);
    expect(html).toContain(`<span>${t.signature}</span>`);
    expect(html).toContain(`<span>${t.date}</span>`);
    for (const warning of [t.warningKeep, t.warningPhoto, t.warningType]) expect(html).toContain(warning);
    expect(t.warningType).toContain('Custos station');
    expect(html).toContain('Share 2 of 3');
    expect(html).toContain('northwind-pension-cold-1');
  });

  test("every value is escaped: the holder's name and the serial cannot inject markup", () => {
    expect(html).toContain('Dora &lt;b&gt;&quot;Lind&quot; &amp; &#39;qvist&#39;&lt;/b&gt;');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<000301>');
    const hostile = shareCardHtml({ ...card, words: WORDS.map((w, i) => (i === 6 ? '<img src=x onerror=alert(1)>' : w)) }, 'en');
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  test('in French: the French texts, and none of the English ones', () => {
    const fr = shareCardHtml(card, 'fr');
    const t = SHARE_CARD_TEXT.fr;
    expect(fr).toContain('<html lang="fr">');
    for (const text of [t.title, t.words, t.bagSerial, t.bagSerialByHand, t.signature, t.warningKeep, t.warningPhoto, t.warningType]) {
      expect(fr).toContain(text.replaceAll("'", '&#39;'));
    }
    expect(fr).toContain('Part 2 sur 3');
    const english = Object.values(SHARE_CARD_TEXT.en).filter((v): v is string => typeof v === 'string' && v !== 'Date');
    expect(english.filter((text) => fr.includes(text))).toEqual([]);
    // The same words and QR, whatever the language.
    expect(decodeSvg(fr)).toBe(QR_TEXT);
    expect([...fr.matchAll(/<span class="word">([^<]*)<\/span>/gu)].map((m) => m[1])).toEqual(WORDS);
  });

  test('without a wallet the line is left out; a card must have 39 words', () => {
    const { wallet: _wallet, ...noWallet } = card;
    expect(shareCardHtml(noWallet, 'en')).not.toContain(`<dt>${SHARE_CARD_TEXT.en.wallet}</dt>`);
    expect(() => shareCardHtml({ ...card, words: WORDS.slice(1) }, 'en')).toThrow(/39 words/u);
  });
});
