/**
 * Printing through the desktop app's router (main/app/app-router.ts) over the real engine, store
 * and crypto core (a worker thread), on a station made with the real CLI from the docs/answers
 * examples (set-up, an enrolment, create-wallet of the 3-of-5 client wallet, an incident), with a
 * printer that records what it is given (recording-printer.ts) and a save dialog answering a
 * temporary path:
 * - saveReport writes the PDF the printer made, durably, at the chosen place, for the inventory, the
 *   incidents of a period and a ceremony's transcript, in English and French; the HTML the printer
 *   got names the holders, their bag serials, the incident, each entry's short code;
 * - a paper create-wallet run on screen prints each holder's card while their share is shown: the
 *   card holds the 39 words in order and the bag serial; once the share is answered the card can no
 *   longer be printed (PROMPT_UNKNOWN).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppApi, EntryEvent, ShareWordsPrompt } from '../../../main/app/app-api.ts';
import type { AnswersJson, EngineRig } from '../../support/engine-rig.ts';
import { RecordingPrinter } from './recording-printer.ts';
import { RouterStation } from './router-station.ts';

const WALLET = 'northwind-pension-cold-1';
const INCIDENT = 'INC-2026-0014';

let station: RouterStation;
let rig: EngineRig;
let api: AppApi;
let printer: RecordingPrinter;
let replay: AnswersJson;
let picks: (string | null)[];
let dataDir: string;

const choose = (kind: Parameters<AppApi['choose']>[0], file: string) => station.choose(kind, file);
const follow: RouterStation['follow'] = (job, onPrompt) => station.follow(job, onPrompt);

/** The text a reader sees: tags dropped, entities decoded. */
function visible(html: string): string {
  return html
    .slice(html.indexOf('<body>'))
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ');
}

const nameOf = (keyid: string): string => (replay.participants as AnswersJson[]).find((p) => p.keyid === keyid).name;

/** saveReport with the dialog answering `file` (in the rig); returns what was saved and the HTML the printer got. */
async function save(request: Omit<Parameters<AppApi['saveReport']>[0], 'dataDir'>, file: string) {
  const target = rig.path(`reports/${file}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  picks.push(target);
  const before = printer.pdfs.length;
  const saved = await api.saveReport({ dataDir, ...request });
  expect(printer.pdfs).toHaveLength(before + 1);
  const html = printer.pdfs.at(-1)!;
  return { saved, target, html, text: visible(html) };
}

beforeAll(async () => {
  station = await RouterStation.start('custos-printing-', ['station-setup', 'enrol-participant', 'create-wallet', 'incident']);
  ({ rig, api, printer, picks, dataDir } = station);
  replay = await rig.replay();
}, 240_000);

afterAll(async () => {
  await station?.stop();
});

describe('reports saved as PDF through the router', () => {
  test('the inventory report: the PDF written where chosen; holders by name with their bag serials, the open incident', async () => {
    const { saved, target, html, text } = await save({ report: 'inventory', locale: 'en' }, 'inventory-en.pdf');
    expect(saved).toEqual({ name: 'inventory-en.pdf' });
    expect(fs.readFileSync(target)).toEqual(Buffer.from(RecordingPrinter.standIn(html)));
    expect(text).toContain('Inventory report');
    expect(text).toContain(`Entries replayed ${replay.entries}`);
    const wallet = (replay.wallets as AnswersJson[]).find((w) => w.id === WALLET);
    expect(wallet.shares).toHaveLength(5);
    for (const share of wallet.shares as AnswersJson[]) {
      expect(text).toContain(`${share.index} of 5 ${nameOf(share.holder)} encrypted file ${share.bagSerial} held`);
    }
    expect(text).toContain('3-of-5; 5 of 5 shares proven — a quorum of proven shares exists');
    expect(text).toContain(`${INCIDENT} open`);
    expect(text).toContain('CL-2026-0042');
  });

  test('the inventory report in French', async () => {
    const { saved, text } = await save({ report: 'inventory', locale: 'fr' }, 'inventaire.pdf');
    expect(saved.name).toBe('inventaire.pdf');
    expect(text).toContain('Rapport d’inventaire');
    expect(text).toContain('Portefeuilles des clients');
    expect(text).toContain('1 sur 5 Dora Lindqvist fichier chiffré TB-2026-000101 détenue');
    expect(text).toContain(`${INCIDENT} ouvert`);
  });

  test('the incident report of a period, in English and French', async () => {
    const year = new Date().toISOString().slice(0, 4);
    const en = await save({ report: 'incidents', from: `${year}-01-01`, to: `${year}-12-31`, locale: 'en' }, 'incidents-en.pdf');
    expect(en.saved.name).toBe('incidents-en.pdf');
    expect(en.text).toContain('Incident report');
    expect(en.text).toContain(`Incident ${INCIDENT}`);
    expect(en.text).toContain('Recorded in the period 1');
    expect(en.text).toContain('The tamper-evident bag TB-2026-000219 of share 3');
    expect(en.text).toContain('Target resolution date 18 December 2026');
    const fr = await save({ report: 'incidents', from: `${year}-01-01`, to: `${year}-12-31`, locale: 'fr' }, 'incidents-fr.pdf');
    expect(fr.text).toContain('Rapport d’incidents');
    expect(fr.text).toContain('Date de résolution visée 18 décembre 2026');
    await expect(api.saveReport({ dataDir, report: 'incidents', from: `${year}-12-31`, to: `${year}-01-01`, locale: 'en' })).rejects.toMatchObject({
      code: 'REPORT_PERIOD_INVALID',
    });
  });

  test("a ceremony's transcript: every entry in order with its step, signers by name and role, its short code; the checkpoint", async () => {
    const create = (await api.inventory(dataDir)).ceremonies.find((c) => c.procedureId === 'create-wallet@2')!;
    // The short codes as the auditor's verification shows them.
    const verified = await follow(await api.startVerify({ source: await choose('audit-source', rig.station) }));
    const outcome = verified.at(-1)!;
    if (outcome.kind !== 'verified') throw new Error(`expected verified, got ${outcome.kind}`);
    const entries = outcome.timeline.filter((e) => e.ceremony === create.id);
    expect(entries.length).toBe(create.entries);

    const { saved, html, text } = await save({ report: 'ceremony', ceremony: create.id, locale: 'en' }, 'create-wallet.pdf');
    expect(saved.name).toBe('create-wallet.pdf');
    expect(text).toContain('Ceremony transcript');
    expect(text).toContain('Procedure Create a custody wallet');
    expect([...html.matchAll(/data-index="(\d+)"/gu)].map((m) => Number(m[1]))).toEqual(entries.map((e) => e.index));
    for (const entry of entries) expect(text).toContain(`Code read aloud ${entry.code}`);
    expect(text).toMatch(/Signed by the station, Alice Martin \(officer\)/u);
    expect(text).toContain('Dora Lindqvist (holder)');
    expect(text).toContain('TB-2026-000101');
    expect(html).toMatch(/<pre class="checkpoint">custos-station\//u);

    const fr = await save({ report: 'ceremony', ceremony: create.id, locale: 'fr' }, 'proces-verbal.pdf');
    expect(fr.text).toContain('Procès-verbal de cérémonie');
    expect(fr.text).toContain('Alice Martin (responsable)');
    // What each entry recorded, said in words in both languages (issue 17: the French transcript showed raw JSON).
    expect(text).toMatch(/Air gap offline: no network interface, route or radio was up/u);
    expect(text).toMatch(/Holder Dora Lindqvist \([0-9a-f]{16}…\)/u);
    expect(fr.text).toMatch(/Isolement du réseau hors ligne : aucune interface réseau, route ou radio n’était active/u);
    expect(fr.text).toMatch(/Détenteur Dora Lindqvist \([0-9a-f]{16}…\)/u);
    expect(fr.text).toMatch(/Clé du compte \(xpub\) : xpub[1-9A-HJ-NP-Za-km-z]{100,}/u);
    for (const shown of [text, fr.text]) expect(shown).not.toMatch(/[{}]|"\w+":|airGap|keyid|publicKey|bagSerial|shareCount/u);
    await expect(api.saveReport({ dataDir, report: 'ceremony', ceremony: 'no-such-ceremony', locale: 'en' })).rejects.toMatchObject({
      code: 'REPORT_CEREMONY_UNKNOWN',
    });
  });

  test('a ceremony script, before a drill of the wallet: every step, the people by role, the bag each holder must bring', async () => {
    const wallet = (replay.wallets as AnswersJson[]).find((w) => w.id === WALLET);
    const { saved, text, html } = await save({ report: 'script', procedure: 'backup-drill', wallet: WALLET, locale: 'en' }, 'drill-script.pdf');
    expect(saved).toEqual({ name: 'drill-script.pdf' });
    expect(text).toContain('Ceremony script');
    expect(text).toContain('Procedure Backup drill (backup-drill@2)');
    expect(text).toContain('Alice Martin');
    for (const share of wallet.shares) expect(text).toMatch(new RegExp(`${share.index} ${nameOf(share.holder)} ${share.bagSerial} +☐ intact`, 'u'));
    expect([...html.matchAll(/<tr data-share=/gu)]).toHaveLength(wallet.shares.length);
    const fr = await save({ report: 'script', procedure: 'create-wallet', locale: 'fr' }, 'deroule.pdf');
    expect(fr.text).toContain('Déroulé de cérémonie');
    expect(fr.text).toContain('Créer un portefeuille de conservation');
    // A procedure Custos does not run is refused before any dialog opens: nothing is printed or written.
    const before = printer.pdfs.length;
    await expect(api.saveReport({ dataDir, report: 'script', procedure: 'no-such-procedure', locale: 'en' })).rejects.toMatchObject({
      code: 'REPORT_PROCEDURE_UNKNOWN',
    });
    await expect(api.saveReport({ dataDir, report: 'script', procedure: 'backup-drill', wallet: 'no-such-wallet', locale: 'en' })).rejects.toMatchObject({
      code: 'REPORT_WALLET_UNKNOWN',
    });
    expect(printer.pdfs).toHaveLength(before);
  });

  test('a closed save dialog writes nothing: SAVE_CANCELLED', async () => {
    const before = printer.pdfs.length;
    picks.push(null);
    await expect(api.saveReport({ dataDir, report: 'inventory', locale: 'en' })).rejects.toMatchObject({ code: 'SAVE_CANCELLED' });
    expect(printer.pdfs).toHaveLength(before);
  });
});

describe('share cards printed during a create-wallet with paper shares', () => {
  test("each card holds its holder's 39 words in order and the bag serial; once answered, the card is refused", async () => {
    const answers = await station.paperWalletAnswers({ id: 'house-paper-print', label: 'House reserve on paper' }, ['TB-PRINT-001', 'TB-PRINT-002']);
    const job = await api.startCeremony({ procedure: 'create-wallet', dataDir, answers });
    const cards: { prompt: ShareWordsPrompt; html: string }[] = [];
    const events = await follow(job, async (p) => {
      const before = printer.printed.length;
      // Printing may be refused by the printer (a jam): the card can be printed again.
      printer.refuseNext = Object.assign(new Error('jam'), { code: 'PRINT_FAILED' });
      await expect(api.printShareCard(job, p.id, 'en')).rejects.toThrow('jam');
      await api.printShareCard(job, p.id, p.index === 1 ? 'en' : 'fr');
      expect(printer.printed).toHaveLength(before + 1);
      cards.push({ prompt: p, html: printer.printed.at(-1)! });
      await api.answerShareWords(job, { prompt: p.id, words: p.words.join(' ') });
      await expect(api.printShareCard(job, p.id, 'en')).rejects.toMatchObject({ code: 'PROMPT_UNKNOWN' });
    });
    expect(events.at(-1)).toMatchObject({ kind: 'ceremony-done', state: 'closed', facts: { wallet: 'house-paper-print' } });
    expect(cards.map((c) => c.prompt.holder)).toEqual(['Dora Lindqvist', 'Emil Novak']);
    for (const { prompt, html } of cards) {
      expect(prompt.words).toHaveLength(39);
      const words = [...html.matchAll(/<span class="word">([^<]*)<\/span>/gu)].map((m) => m[1]);
      expect(words).toEqual(prompt.words);
      expect(html).toContain(`<span class="serial">${prompt.bagSerial}</span>`);
      expect(html).toContain('<div class="handbox"></div>');
      expect(html).toContain(prompt.holder);
      expect(html).toContain('house-paper-print');
    }
    expect(cards[0]!.html).toContain('Custos share card');
    expect(cards[0]!.html).toContain('Share 1 of 2');
    expect(cards[1]!.html).toContain('Carte de part Custos');
    expect(cards[1]!.html).toContain('Part 2 sur 2');
    // The words left the job once answered; an unknown job or prompt is refused too.
    expect((await api.jobEvents(job, 0)).events.filter((e) => e.kind === 'prompt').every((p) => (p as ShareWordsPrompt).words.length === 0)).toBe(true);
    await expect(api.printShareCard('no-such-job', 'p', 'en')).rejects.toMatchObject({ code: 'JOB_UNKNOWN' });
    // The ceremony's own record has its hand-overs, each with a short code.
    const handOvers = events.filter((e): e is EntryEvent => e.kind === 'entry' && e.step === 'hand-over');
    expect(handOvers).toHaveLength(2);
    expect((await rig.custos('verify', rig.station)).status).toBe(0);
  }, 180_000);
});
