/**
 * The printed ceremony script (issue 17, "A printed ceremony script"): before a ceremony, an A4
 * sheet made from the procedure definition Custos runs, for witnesses to follow and annotate, as
 * root-key ceremonies do. It gives the procedure's title and reference, lines for the date and
 * place, the people present by role (the station's roster: each active participant who holds a role
 * the procedure's steps ask for) with a box for their initials, then every step in order with who
 * signs it (roles and how many, besides the station), how often it happens, and empty boxes for
 * the time, the witnesses' initials and notes. When a wallet is named, the bags expected: each held
 * share's number, holder and bag serial as the record has them, with a box for the serial seen and
 * the state of the seal. A sign-off block closes it. Nothing in it is secret: it is built from the
 * definition and the record's projection (replay). Every value escaped (html.ts).
 */
import type { Projection } from '../../../ceremonies/audit/replay.ts';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { PROCEDURES } from '../../../ceremonies/procedures/catalogue.ts';
import { escapeHtml, facts, printDocument, reportHeader, table } from './html.ts';
import { participantNames } from './inventory-report.ts';
import { REPORT_TEXT, term, type PrintLocale } from './report-text.ts';

/** Rows left blank for people the roster cannot name (a role nobody holds yet, or a visitor). */
const BLANK_ROWS = 2;

const SCRIPT_STYLE = `
.script-steps td.box { min-width: 16mm; height: 11mm; }
.script-people td.box, .script-bags td.box { min-width: 22mm; height: 9mm; }
.sign-off td { height: 14mm; }
`;

/** The script of the current version of `procedureId`; with `wallet`, the bags of its held shares. */
export function ceremonyScriptHtml(projection: Projection, procedureId: string, wallet: string | undefined, locale: PrintLocale, now: Date): string {
  const t = REPORT_TEXT[locale];
  const definition = PROCEDURES.find((p) => p.id === procedureId);
  if (!definition) {
    throw new CustosError('REPORT_PROCEDURE_UNKNOWN', `There is no procedure "${procedureId.slice(0, 64)}" in this version of Custos. Nothing was written.`, {
      procedure: procedureId.slice(0, 64),
    });
  }
  const chosen = wallet === undefined || wallet === '' ? undefined : projection.wallets.find((w) => w.id === wallet);
  if (wallet !== undefined && wallet !== '' && !chosen) {
    throw new CustosError('REPORT_WALLET_UNKNOWN', `There is no wallet "${wallet.slice(0, 128)}" in this record. Nothing was written.`, {
      wallet: wallet.slice(0, 128),
    });
  }
  const names = participantNames(projection);
  const roles = [...new Set(definition.steps.flatMap((s) => s.signers.map((r) => r.role)))];
  const box = '<td class="box"></td>';

  const people = roles.flatMap((role) => {
    const holders = chosen ? new Set(chosen.shares.filter((s) => s.state === 'held').map((s) => s.holder)) : null;
    const named = projection.participants
      .filter((p) => p.state === 'active' && p.roles.includes(role))
      .filter((p) => role !== 'holder' || holders === null || holders.has(p.keyid))
      .map((p) => p.name);
    const rows = [...named, ...Array<string>(BLANK_ROWS).fill('')];
    return rows.map((name) => `<tr><td>${escapeHtml(term(locale, 'role', role))}</td><td>${escapeHtml(name)}</td>${box}</tr>`);
  });

  const steps = definition.steps.map((step, i) => {
    const who = step.signers.length === 0 ? t.scriptNobody : step.signers.map((r) => `${term(locale, 'role', r.role)} ×${r.min}`).join(', ');
    const often = step.repeat ? t.scriptRepeat(step.repeat.min, step.repeat.max) : t.scriptOnce;
    return `<tr data-step="${escapeHtml(step.id)}"><td>${i + 1}</td><td><strong>${escapeHtml(step.title[locale])}</strong><br><span class="muted">${escapeHtml(often)}</span></td><td>${escapeHtml(who)}</td>${box}${box}${box}</tr>`;
  });

  const bags = chosen
    ? chosen.shares
        .filter((s) => s.state === 'held')
        .map(
          (s) =>
            `<tr data-share="${s.index}"><td>${s.index}</td><td>${escapeHtml(s.holder === null ? '—' : (names.get(s.holder) ?? s.holder))}</td><td class="code">${escapeHtml(s.bagSerial ?? '—')}</td>${box}<td>${escapeHtml(t.scriptSealBoxes)}</td>${box}</tr>`,
        )
    : [];

  const body = [
    reportHeader(locale, {
      title: t.scriptTitle,
      station: projection.station,
      generatedAt: now,
      entries: projection.entries,
      more: [
        [t.procedure, `${definition.title[locale]} (${definition.id}@${definition.version})`],
        ...(chosen ? [[t.scriptWallet, `${chosen.id} — ${chosen.label}`] as const] : []),
      ],
    }),
    `<p>${escapeHtml(t.scriptIntro)}</p>`,
    facts([[t.scriptDateAndPlace, '']]),
    `<h2>${escapeHtml(t.scriptPeople)}</h2>`,
    `<table class="script-people"><thead><tr><th>${escapeHtml(t.scriptRole)}</th><th>${escapeHtml(t.scriptName)}</th><th>${escapeHtml(t.scriptPresent)}</th></tr></thead><tbody>${people.join('')}</tbody></table>`,
    `<h2>${escapeHtml(t.scriptSteps)}</h2>`,
    `<table class="script-steps"><thead><tr><th>${escapeHtml(t.scriptNumber)}</th><th>${escapeHtml(t.step)}</th><th>${escapeHtml(t.scriptWho)}</th><th>${escapeHtml(t.scriptTime)}</th><th>${escapeHtml(t.scriptInitials)}</th><th>${escapeHtml(t.scriptNotes)}</th></tr></thead><tbody>${steps.join('')}</tbody></table>`,
    ...(chosen
      ? [
          `<h2>${escapeHtml(t.scriptBags)}</h2>`,
          `<p>${escapeHtml(t.scriptBagsIntro)}</p>`,
          bags.length === 0
            ? `<p class="muted">${escapeHtml(t.scriptNoBag)}</p>`
            : `<table class="script-bags"><thead><tr><th>${escapeHtml(t.scriptShare)}</th><th>${escapeHtml(t.scriptHolder)}</th><th>${escapeHtml(t.scriptSerialExpected)}</th><th>${escapeHtml(t.scriptSerialSeen)}</th><th>${escapeHtml(t.scriptSeal)}</th><th>${escapeHtml(t.scriptInitials)}</th></tr></thead><tbody>${bags.join('')}</tbody></table>`,
        ]
      : []),
    `<h2>${escapeHtml(t.scriptSignOff)}</h2>`,
    table(
      [t.scriptRole, t.scriptName, t.scriptInitials],
      [...roles.filter((r) => r === 'officer' || r === 'witness'), 'witness'].map((r) => [term(locale, 'role', r), '', '']),
      t.none,
    ).replace('<table', '<table class="sign-off"'),
  ].join('\n');
  return printDocument(locale, `${t.scriptTitle} — ${definition.title[locale]}`, body, SCRIPT_STYLE);
}
