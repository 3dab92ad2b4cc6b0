/**
 * The printable reports (main/app/reports/): the inventory report, the incident report of a period
 * and a ceremony's transcript, in English and French, on the projection of a real station record
 * (the worked example of docs/record-format.md, tests/fixtures/record-example: set-up, an enrolment,
 * a revocation, a checkpoint after each) to which a client and a house wallet and three incidents
 * are added (the example has none). Checked: the header, what each report must show, that values
 * are escaped, that the French report shows no English text of the catalogues; then saveReport's
 * order (refusals before the dialog, a closed dialog writes nothing) and its durable write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { periodicIncidentReport } from '../../../ceremonies/audit/incident-report.ts';
import { openSource } from '../../../ceremonies/audit/journal-source.ts';
import { replayJournal, type IncidentReport, type Projection, type WalletReport } from '../../../ceremonies/audit/replay.ts';
import { decodeEntry } from '../../../ceremonies/record/entry-codec.ts';
import { realIo, type FileIo } from '../../../ceremonies/store/file-io.ts';
import { entryCode } from '../../../main/app/auditor-verify.ts';
import { ceremonyScriptHtml } from '../../../main/app/reports/ceremony-script.ts';
import { ceremonyTranscriptHtml } from '../../../main/app/reports/ceremony-transcript.ts';
import { PROCEDURES } from '../../../ceremonies/procedures/catalogue.ts';
import { PRINT_CSP_META } from '../../../main/app/reports/html.ts';
import { incidentReportHtml } from '../../../main/app/reports/incident-report.ts';
import { inventoryReportHtml } from '../../../main/app/reports/inventory-report.ts';
import { REPORT_TEXT, TERMS, type PrintLocale } from '../../../main/app/reports/report-text.ts';
import { reportHtml, saveReport } from '../../../main/app/reports/save-report.ts';
import { EXAMPLE_FIXTURE } from '../../support/record-example.ts';

const NOW = new Date('2026-11-30T10:00:00.000Z');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-reports-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const recorded = replayJournal(openSource(EXAMPLE_FIXTURE), NOW);
const keyOf = (name: string) => recorded.participants.find((p) => p.name === name)!.keyid;

function share(index: number, holder: string, bagSerial: string, media: string[], state: 'created' | 'held' | 'destroyed' = 'held', overdue = false) {
  const lastProven = '2026-11-23T09:20:00.000Z';
  return {
    index,
    holder: keyOf(holder),
    media,
    bagSerial,
    fileName: null,
    commitment: '00'.repeat(32),
    state,
    lastProven,
    due: state === 'held' ? '2027-05-22T09:20:00.000Z' : null,
    overdue,
    atRisk: false,
  };
}

const clientWallet: WalletReport = {
  id: 'northwind-pension-cold-1',
  class: 'client',
  ownerRef: 'CL-2026-0042',
  label: 'Northwind <Pension> & "Co"',
  state: 'active',
  fingerprint: 'a1b2c3d4',
  threshold: 2,
  shareCount: 3,
  chains: ['bitcoin'],
  accounts: [],
  setId: '0badcafe',
  shares: [
    share(1, 'witness Bob', 'TB-2026-000301', ['paper']),
    share(2, 'witness Chloé', 'TB-2026-000302', ['file']),
    share(3, 'witness Dan', 'TB-2026-000303', ['paper'], 'created'),
  ],
  formerSets: [],
  drillIntervalDays: 180,
  createdIn: 'create-1',
  createdAt: '2026-11-23T09:20:00.000Z',
  lastDrill: '2026-11-25T14:00:00.000Z',
  compromisedBy: null,
  replacedBy: null,
  replaces: null,
  transfers: [],
  holdings: { bitcoin: { recorded: '150000000', asOf: '2026-11-26T08:00:00.000Z' } },
  lastReconciled: '2026-11-26T08:00:00.000Z',
  provenShares: 2,
  quorumProven: true,
  drillOverdue: false,
  lastProven: '2026-11-23T09:20:00.000Z',
  nextDrill: '2027-05-24T14:00:00.000Z',
  overdueShares: [],
};
const houseWallet: WalletReport = {
  ...clientWallet,
  id: 'house-reserve-2',
  class: 'house',
  ownerRef: null,
  label: 'House reserve',
  state: 'retired',
  shares: [share(1, 'officer Alice', 'TB-2026-000401', ['paper'], 'destroyed')],
  shareCount: 1,
  threshold: 1,
  holdings: {},
  replacedBy: 'house-reserve-3',
  provenShares: 0,
  quorumProven: false,
  drillOverdue: true,
  overdueShares: [1],
  lastDrill: null,
};

function incident(id: string, status: string, recordedAt: string, closedAt: string | null, nature: string): IncidentReport {
  return {
    id,
    occurredAt: recordedAt.slice(0, 10),
    discoveredAt: recordedAt.slice(0, 10),
    nature,
    origin: 'internal',
    toolsAndStaff: 'Alice, the station',
    impact: 'none on client assets',
    correctiveAction: 'bag replaced',
    targetDate: '2026-12-15',
    closedAt,
    status,
    significant: id === 'INC-1',
    wallets: ['northwind-pension-cold-1'],
    classification: null,
    notifications: [],
    deadlines: [],
    recordedAt,
    history: [{ ceremony: `incident-${id}`, action: 'open', at: recordedAt }],
  };
}

const projection: Projection = {
  ...recorded,
  wallets: [clientWallet, houseWallet],
  incidents: [
    incident('INC-1', 'open', '2026-11-24T10:00:00.000Z', null, 'tamper-evident bag <torn>'),
    incident('INC-2', 'closed', '2026-11-10T10:00:00.000Z', '2026-11-20', 'late drill'),
    incident('INC-3', 'closed', '2026-12-10T10:00:00.000Z', '2026-12-11', 'after the period'),
  ],
};

/** English texts of the report catalogues (6 characters or more) that no French text contains. */
function englishOnly(): string[] {
  const mark = '\u0001';
  const texts = (catalogue: Record<string, unknown>) =>
    Object.values(catalogue).flatMap((v) => {
      if (typeof v === 'string') return [v];
      if (typeof v === 'function') return String((v as (...a: unknown[]) => unknown)(mark, mark, mark)).split(mark);
      return Object.values(v as Record<string, Record<string, string>>).flatMap((group) => Object.values(group));
    });
  const french = [...texts(REPORT_TEXT.fr), ...texts(TERMS.fr as unknown as Record<string, unknown>)].join('\n');
  const english = [...texts(REPORT_TEXT.en), ...Object.values(TERMS.en).flatMap((group) => Object.values(group as Record<string, string>))];
  return [...new Set(english.map((t) => t.trim()).filter((t) => t.length >= 6 && /[A-Za-z]{3}/u.test(t) && !french.includes(t)))];
}

/** English texts of the catalogues in `text`, once the record's own words (names, incident fields) are taken out. */
function englishIn(text: string): string[] {
  const data = [...recorded.participants.map((p) => p.name), 'Alice, the station'];
  const shown = data.reduce((t, words) => t.replaceAll(words, ''), text);
  return englishOnly().filter((t) => shown.includes(t));
}

/** The text a reader sees: tags dropped, entities decoded. */
function visible(html: string): string {
  const body = html.slice(html.indexOf('<body>'));
  return body
    .replace(/<[^>]+>/gu, ' ')
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;/gu, "'")
    .replace(/&amp;/gu, '&')
    .replace(/\s+/gu, ' ');
}

function expectPrintable(html: string, locale: PrintLocale): void {
  expect(html.startsWith('<!doctype html>')).toBe(true);
  expect(html).toContain(PRINT_CSP_META);
  expect(html).toContain(`<html lang="${locale}">`);
  expect(html).not.toMatch(/<script|javascript:/iu);
  const text = visible(html);
  expect(text).toContain(REPORT_TEXT[locale].verifyNote);
  expect(text).toContain(`${recorded.station!.slice(0, 16)}…`);
  expect(text).toContain(`${REPORT_TEXT[locale].entries} ${recorded.entries}`);
}

describe('the inventory report', () => {
  test('in English: wallets by class and state, quorum, shares with holders by name, bags and states, holdings, last drill, open incidents', () => {
    const html = inventoryReportHtml(projection, 'en', NOW);
    expectPrintable(html, 'en');
    const text = visible(html);
    expect(text).toContain('Inventory report');
    expect(text).toContain('2 wallet(s), 1 open incident(s).');
    expect(text.indexOf('Client wallets')).toBeLessThan(text.indexOf('northwind-pension-cold-1'));
    expect(text.indexOf('House wallets (own assets)')).toBeLessThan(text.indexOf('house-reserve-2'));
    expect(text).toContain('State: active');
    expect(text).toContain('State: retired');
    expect(text).toContain('Northwind <Pension> & "Co"');
    expect(html).toContain('Northwind &lt;Pension&gt; &amp; &quot;Co&quot;');
    expect(text).toContain('CL-2026-0042');
    expect(text).toContain('2-of-3; 2 of 3 shares proven — a quorum of proven shares exists');
    expect(text).toContain('NO quorum of proven shares');
    expect(text).toContain('1.5 BTC (as of 26 November 2026)');
    expect(text).toContain('25 November 2026 at 14:00:00 UTC — every 180 days — on schedule');
    expect(text).toContain('never — every 180 days — drill OVERDUE');
    expect(text).toContain('1 of 3 witness Bob paper card TB-2026-000301 held');
    expect(text).toContain('2 of 3 witness Chloé encrypted file TB-2026-000302 held');
    expect(text).toContain('3 of 3 witness Dan paper card TB-2026-000303 created');
    expect(text).toContain('officer Alice paper card TB-2026-000401 destroyed');
    expect(text).toContain('Replaced by house-reserve-3');
    // Open incidents only.
    expect(text).toContain('INC-1 open');
    expect(text).toContain('tamper-evident bag <torn>');
    expect(text).not.toContain('INC-2');
  });

  test('in French: the French texts, French amounts and dates, and no English text of the catalogues', () => {
    const html = inventoryReportHtml(projection, 'fr', NOW);
    expectPrintable(html, 'fr');
    const text = visible(html);
    expect(text).toContain('Rapport d’inventaire');
    expect(text).toContain('Portefeuilles des clients');
    expect(text).toContain('Portefeuilles pour compte propre');
    expect(text).toContain('État : actif');
    expect(text).toContain('2 sur 3 ; 2 parts prouvées sur 3');
    expect(text).toContain('1,5 BTC (au 26 novembre 2026)');
    expect(text).toContain('1 sur 3 witness Bob carte papier TB-2026-000301 détenue');
    expect(text).toContain('exercice EN RETARD');
    expect(englishIn(text)).toEqual([]);
  });
});

describe('the incident report of a period', () => {
  const report = periodicIncidentReport(projection, '2026-11-01', '2026-11-30', NOW);

  test('in English: the period, the totals, each incident with every field and its history', () => {
    const html = incidentReportHtml(report, projection.entries, 'en', NOW);
    expectPrintable(html, 'en');
    const text = visible(html);
    expect(text).toContain('Incident report');
    expect(text).toContain('Period 1 November 2026 to 30 November 2026');
    expect(text).toContain('Recorded in the period 2 Closed in the period 1 Still open 1 Significant 1');
    expect(text).toContain('Incident INC-1');
    expect(text).toContain('Incident INC-2');
    expect(text).not.toContain('INC-3');
    for (const field of [
      'Occurred',
      'Discovered',
      'Nature',
      'Origin',
      'Tools and staff involved',
      'Impact',
      'Corrective action',
      'Target resolution date',
      'Closed',
      'Status',
      'Wallets concerned',
    ]) {
      expect(text).toContain(field);
    }
    expect(text).toContain('Target resolution date 15 December 2026');
    expect(text).toContain('incident-INC-1 opened 24 November 2026 at 10:00:00 UTC');
    expect(html).toContain('tamper-evident bag &lt;torn&gt;');
  });

  test('in French', () => {
    const html = incidentReportHtml(report, projection.entries, 'fr', NOW);
    expectPrintable(html, 'fr');
    const text = visible(html);
    expect(text).toContain('Rapport d’incidents');
    expect(text).toContain('Période du 1 novembre 2026 au 30 novembre 2026');
    expect(text).toContain('Statut ouvert');
    expect(text).toContain('Incident significatif Oui');
    expect(englishIn(text)).toEqual([]);
  });
});

describe('the ceremony transcript', () => {
  const source = openSource(EXAMPLE_FIXTURE);
  const definition = JSON.parse(
    new TextDecoder().decode([...source.procedures.values()].find((bytes) => new TextDecoder().decode(bytes).includes('"enrol-participant"'))!),
  ) as { title: { en: string; fr: string }; steps: { id: string; title: { en: string; fr: string } }[] };
  const lines = [...source.lines()].map((l) => decodeEntry(l.bytes));
  const enrol = lines.filter((e) => e.payload.ceremony === 'enrol-eve');

  test('in English: the procedure, each entry in order with step, time, signers by name and role, the code read aloud, the fields; the checkpoint', () => {
    const html = ceremonyTranscriptHtml(source, recorded, 'enrol-eve', 'en', NOW);
    expectPrintable(html, 'en');
    const text = visible(html);
    expect(text).toContain('Ceremony transcript');
    expect(text).toContain(`Procedure ${definition.title.en} (enrol-participant@1)`);
    expect(text).toContain('State closed');
    expect([...html.matchAll(/data-index="(\d+)"/gu)].map((m) => Number(m[1]))).toEqual([3, 4, 5]);
    for (const entry of enrol) {
      const step = definition.steps.find((s) => s.id === entry.payload.step)!;
      expect(text).toContain(`Entry ${entry.payload.index} — ${step.title.en}`);
      expect(text).toContain(`Code read aloud ${entryCode(entry.lineHash)}`);
    }
    expect(text).toContain('Signed by the station, holder Eve (enrolled person), witness Bob (witness)');
    expect(text).toContain('Time (station clock) 23 November 2026 at 09:04:00 UTC');
    // What was recorded, in words: the enrolled key as its person's name, the air gap as a sentence, never JSON.
    expect(text).toContain(`Key holder Eve (${keyOf('holder Eve').slice(0, 16)}…)`);
    expect(text).toMatch(/Air gap offline: no network interface, route or radio was up \(checked 23 November 2026 at 09:0\d:\d\d UTC\)/u);
    expect(text).not.toMatch(/[{}]|"\w+":|airGap|keyid|publicKey/u);
    const note = fs.readFileSync(path.join(EXAMPLE_FIXTURE, 'checkpoints', '000000000006.checkpoint'), 'utf8');
    expect(html).toContain(`<pre class="checkpoint">${note}</pre>`);
  });

  test('in French: the procedure and steps in French, roles in French, no English text of the catalogues', () => {
    const html = ceremonyTranscriptHtml(source, recorded, 'enrol-eve', 'fr', NOW);
    expectPrintable(html, 'fr');
    // The checkpoint note is the record's own words, not the report's; what each entry recorded is said in French.
    const text = visible(html.replace(/<pre class="checkpoint">.*?<\/pre>/gsu, ''));
    expect(text).toMatch(
      /Isolement du réseau hors ligne : aucune interface réseau, route ou radio n’était active \(vérifié le 23 novembre 2026 à 09:0\d:\d\d UTC\)/u,
    );
    expect(text).toContain(`Clé holder Eve (${keyOf('holder Eve').slice(0, 16)}…)`);
    expect(text).not.toMatch(/[{}]|"\w+":|airGap|keyid|publicKey|\b[a-z]+[A-Z][a-z]+\b/u);
    expect(text).toContain('Procès-verbal de cérémonie');
    expect(text).toContain(definition.title.fr);
    for (const step of definition.steps) expect(text).toContain(step.title.fr);
    expect(text).toContain('Signée par le poste, holder Eve (personne enrôlée), witness Bob (témoin)');
    expect(englishIn(text)).toEqual([]);
  });

  test('a ceremony that is not in the record is refused', () => {
    expect(() => ceremonyTranscriptHtml(source, recorded, 'no-such-ceremony', 'en', NOW)).toThrow(
      expect.objectContaining({ code: 'REPORT_CEREMONY_UNKNOWN', details: { ceremony: 'no-such-ceremony' } }),
    );
  });
});

describe('the ceremony script, printed before a ceremony', () => {
  test('in English: the procedure, the people expected by role, every step with who signs and boxes, the bags expected of the wallet named', () => {
    const html = ceremonyScriptHtml(projection, 'backup-drill', 'northwind-pension-cold-1', 'en', NOW);
    expectPrintable(html, 'en');
    const text = visible(html);
    expect(text).toContain('Ceremony script');
    expect(text).toContain('Procedure Backup drill (backup-drill@2)');
    expect(text).toContain('Wallet northwind-pension-cold-1 — Northwind <Pension> & "Co"');
    expect(html).not.toContain('Northwind <Pension>');
    // Every step of the definition, in order, with who signs it besides the station.
    const drill = PROCEDURES.find((p) => p.id === 'backup-drill')!;
    expect([...html.matchAll(/<tr data-step="([^"]+)">/gu)].map((m) => m[1])).toEqual(drill.steps.map((st) => st.id));
    for (const step of drill.steps) expect(text).toContain(step.title.en);
    expect(text).toMatch(/officer ×1, witness ×1/u);
    // The people expected: the roster's officer and witnesses; the holders of the wallet's held shares only.
    for (const name of ['officer Alice', 'witness Bob', 'witness Chloé']) expect(html).toContain(`<td>${name}</td>`);
    expect(html).not.toContain('<td>holder Eve</td>');
    // The bags: one row per held share, its holder by name and the serial the record expects; a created share is not held yet.
    expect([...html.matchAll(/<tr data-share="(\d+)">/gu)].map((m) => Number(m[1]))).toEqual([1, 2]);
    expect(text).toMatch(/1 witness Bob TB-2026-000301 +☐ intact +☐ broken +☐ missing/u);
    expect(text).toContain('TB-2026-000302');
    expect(text).not.toContain('TB-2026-000303');
  });

  test('in French, without a wallet: no bag table, no English text of the catalogues', () => {
    const html = ceremonyScriptHtml(projection, 'create-wallet', undefined, 'fr', NOW);
    expectPrintable(html, 'fr');
    const text = visible(html);
    expect(text).toContain('Déroulé de cérémonie');
    expect(text).toContain('Créer un portefeuille de conservation');
    expect(text).toContain('Remettre chaque part à son détenteur');
    expect(text).not.toContain('Sachets attendus');
    expect(englishIn(text)).toEqual([]);
  });

  test('an unknown procedure or wallet is refused, naming it', () => {
    expect(() => ceremonyScriptHtml(projection, 'no-such-procedure', undefined, 'en', NOW)).toThrow(
      expect.objectContaining({ code: 'REPORT_PROCEDURE_UNKNOWN', details: { procedure: 'no-such-procedure' } }),
    );
    expect(() => ceremonyScriptHtml(projection, 'backup-drill', 'no-such-wallet', 'en', NOW)).toThrow(
      expect.objectContaining({ code: 'REPORT_WALLET_UNKNOWN', details: { wallet: 'no-such-wallet' } }),
    );
  });
});

describe('saveReport', () => {
  const html = (request: Parameters<typeof reportHtml>[1]) => reportHtml(EXAMPLE_FIXTURE, request, NOW);

  test('a period must be two real days, the first not after the second; a transcript needs a ceremony', () => {
    for (const [from, to] of [
      ['2026-11-30', '2026-11-01'],
      ['2026-02-30', '2026-03-01'],
      ['2026-11-1', '2026-11-30'],
      [undefined, '2026-11-30'],
    ]) {
      expect(() => html({ report: 'incidents', from, to, locale: 'en' }), `${from} ${to}`).toThrow(expect.objectContaining({ code: 'REPORT_PERIOD_INVALID' }));
    }
    expect(() => html({ report: 'ceremony', locale: 'en' })).toThrow(expect.objectContaining({ code: 'REPORT_CEREMONY_UNKNOWN' }));
    expect(html({ report: 'incidents', from: '2026-11-01', to: '2026-11-01', locale: 'fr' })).toContain('Rapport d’incidents');
    expect(html({ report: 'ceremony', ceremony: 'setup-1', locale: 'en' })).toContain('Ceremony transcript');
  });

  test("builds, asks where, makes the PDF, writes it; returns the file's name only", async () => {
    const target = path.join(work, 'inventory.pdf');
    const asked: string[] = [];
    const made: string[] = [];
    const saved = await saveReport(
      EXAMPLE_FIXTURE,
      { report: 'inventory', locale: 'en' },
      {
        now: NOW,
        dialog: async (kind) => {
          asked.push(kind);
          return target;
        },
        pdf: async (doc) => {
          made.push(doc);
          return new TextEncoder().encode('%PDF-1.7 test');
        },
      },
    );
    expect(saved).toEqual({ name: 'inventory.pdf' });
    expect(asked).toEqual(['save-file']);
    expect(made).toHaveLength(1);
    expect(made[0]).toContain('Inventory report');
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
    expect(fs.readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a closed dialog refuses with SAVE_CANCELLED; no PDF is made, nothing written', async () => {
    let made = 0;
    await expect(
      saveReport(
        EXAMPLE_FIXTURE,
        { report: 'inventory', locale: 'en' },
        {
          now: NOW,
          dialog: async () => null,
          pdf: async () => {
            made++;
            return new Uint8Array();
          },
        },
      ),
    ).rejects.toMatchObject({ code: 'SAVE_CANCELLED' });
    expect(made).toBe(0);
  });

  test('a wrong request is refused before the dialog opens', async () => {
    let asked = 0;
    await expect(
      saveReport(
        EXAMPLE_FIXTURE,
        { report: 'ceremony', ceremony: 'nope', locale: 'fr' },
        {
          now: NOW,
          dialog: async () => {
            asked++;
            return path.join(work, 'x.pdf');
          },
          pdf: async () => new Uint8Array(),
        },
      ),
    ).rejects.toMatchObject({ code: 'REPORT_CEREMONY_UNKNOWN' });
    expect(asked).toBe(0);
  });

  test('a write that fails (a full medium) refuses with REPORT_WRITE_FAILED, naming the file and the system code', async () => {
    const full: FileIo = {
      ...realIo,
      writeSync: () => {
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
    };
    await expect(
      saveReport(
        EXAMPLE_FIXTURE,
        { report: 'inventory', locale: 'en' },
        {
          now: NOW,
          io: full,
          dialog: async () => path.join(work, 'full.pdf'),
          pdf: async () => new Uint8Array([1, 2, 3]),
        },
      ),
    ).rejects.toMatchObject({ code: 'REPORT_WRITE_FAILED', details: { name: 'full.pdf', problem: 'ENOSPC' } });
    expect(fs.existsSync(path.join(work, 'full.pdf'))).toBe(false);
    expect(fs.readdirSync(work).filter((f) => f.includes('full.pdf'))).toEqual([]);
  });
});
