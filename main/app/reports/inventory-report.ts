/**
 * The printable inventory report: the projection of the record (ceremonies/audit/replay.ts, the
 * same as `custos replay --json` and the inventory screen) as an A4 document in English or French —
 * wallets by class and state, each with its quorum (m-of-n and proven shares), its last drill, its
 * holdings, its shares (holder by name, medium, bag serial, state, last proven), then the open
 * incidents. Every value escaped (html.ts). Spec: docs/desktop-app.md, "The screens" (Reports:
 * inventory report; Inventory lists what it shows).
 */
import type { Projection, WalletReport } from '../../../ceremonies/audit/replay.ts';
import { escapeHtml, facts, formatAmount, formatDay, formatInstant, printDocument, reportHeader, table } from './html.ts';
import { REPORT_TEXT, term, type PrintLocale } from './report-text.ts';

/** The order states are printed in: what is live first. */
const STATE_ORDER = ['active', 'distributed', 'generated', 'compromised', 'retired', 'destroyed', 'aborted'];

/** Names of participants by key id (a share's holder is recorded by key id). */
export function participantNames(projection: Projection): Map<string, string> {
  return new Map(projection.participants.map((p) => [p.keyid, p.name]));
}

function walletBlock(w: WalletReport, names: Map<string, string>, locale: PrintLocale): string {
  const t = REPORT_TEXT[locale];
  const drill = `${w.lastDrill ? formatInstant(w.lastDrill, locale) : t.never} — ${t.drillEvery(w.drillIntervalDays)} — ${w.drillOverdue ? t.drillOverdue : t.drillOnSchedule}`;
  const holdings = Object.entries(w.holdings ?? {}).map(([chain, h]) =>
    t.holdingValue(formatAmount(h.recorded, chain, locale), h.asOf ? formatDay(h.asOf, locale) : t.notReconciled),
  );
  const pairs: [string, string][] = [
    [t.label, w.label],
    ...(w.class === 'client' ? [[t.clientRef, w.ownerRef ?? '—'] as [string, string]] : []),
    [t.state, term(locale, 'walletState', w.state)],
    [t.fingerprint, w.fingerprint ?? '—'],
    [t.quorum, `${t.quorumValue(w.threshold, w.shareCount, w.provenShares)} — ${w.quorumProven ? t.quorumProven : t.quorumNotProven}`],
    [t.chains, w.chains.join(', ')],
    [t.createdAt, formatInstant(w.createdAt, locale)],
    [t.lastDrill, drill],
    [t.holdings, holdings.length > 0 ? holdings.join('; ') : t.none],
    ...(w.replaces ? [[t.replaces, w.replaces] as [string, string]] : []),
    ...(w.replacedBy ? [[t.replacedBy, w.replacedBy] as [string, string]] : []),
    ...(w.compromisedBy ? [[t.compromisedBy, w.compromisedBy] as [string, string]] : []),
  ];
  const shares = table(
    [t.share, t.holder, t.medium, t.bagSerial, t.state, t.lastProven, t.proofDue],
    w.shares.map((s) => [
      t.shareOf(s.index, w.shareCount),
      s.holder === null ? '—' : (names.get(s.holder) ?? t.unknownSigner(s.holder.slice(0, 16))),
      s.media.map((m) => term(locale, 'medium', m)).join(', ') || '—',
      s.bagSerial ?? '—',
      s.atRisk ? `${term(locale, 'shareState', s.state)} — ${t.atRisk}` : term(locale, 'shareState', s.state),
      s.lastProven ? formatInstant(s.lastProven, locale) : t.never,
      s.due === null ? '—' : s.overdue ? t.proofOverdue(formatDay(s.due, locale)) : formatDay(s.due, locale),
    ]),
    t.none,
  );
  return `<section class="block wallet" data-wallet="${escapeHtml(w.id)}"><h4>${escapeHtml(t.wallet)} ${escapeHtml(w.id)}</h4>${facts(pairs)}<h5>${escapeHtml(t.shares)}</h5>${shares}</section>`;
}

function classSection(projection: Projection, walletClass: 'client' | 'house', names: Map<string, string>, locale: PrintLocale): string {
  const t = REPORT_TEXT[locale];
  const wallets = projection.wallets.filter((w) => w.class === walletClass);
  const heading = `<h2>${escapeHtml(walletClass === 'client' ? t.classClient : t.classHouse)}</h2>`;
  if (wallets.length === 0) return `${heading}<p class="muted">${escapeHtml(t.noWallet)}</p>`;
  const states = [...new Set([...STATE_ORDER.filter((s) => wallets.some((w) => w.state === s)), ...wallets.map((w) => w.state)])];
  const parts = states.map((state) => {
    const inState = wallets.filter((w) => w.state === state);
    return `<h3>${escapeHtml(t.stateHeading(term(locale, 'walletState', state)))}</h3>${inState.map((w) => walletBlock(w, names, locale)).join('')}`;
  });
  return heading + parts.join('');
}

/** The inventory report of a projection, generated at `now`. */
export function inventoryReportHtml(projection: Projection, locale: PrintLocale, now: Date): string {
  const t = REPORT_TEXT[locale];
  const names = participantNames(projection);
  const open = projection.incidents.filter((i) => i.status !== 'closed');
  const incidents = table(
    [t.incident, t.status, t.occurredAt, t.nature, t.walletsConcerned, t.significant],
    open.map((i) => [
      i.id,
      term(locale, 'incidentStatus', i.status),
      formatDay(i.occurredAt, locale),
      i.nature ?? '—',
      i.wallets.join(', ') || '—',
      i.significant ? t.yes : t.no,
    ]),
    t.noOpenIncident,
  );
  const body = [
    reportHeader(locale, { title: t.inventoryTitle, station: projection.station, generatedAt: now, entries: projection.entries }),
    `<p>${escapeHtml(t.inventorySummary(projection.wallets.length, open.length))}</p>`,
    classSection(projection, 'client', names, locale),
    classSection(projection, 'house', names, locale),
    `<h2>${escapeHtml(t.openIncidents)}</h2>`,
    incidents,
  ].join('\n');
  return printDocument(locale, t.inventoryTitle, body);
}
