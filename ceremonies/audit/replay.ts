/**
 * The projection of a record (docs/architecture.md, "Principles" 2): what the journal says the
 * station holds, computed by replaying its entries in order through the same rules as verification.
 * The app, the CLI (`custos replay --json`) and the auditor all call this one function: the
 * participants, the ceremonies and the inventory (wallets with their accounts, quorum and shares,
 * whether a quorum of proven shares exists now and whether a drill is overdue). Replay does not
 * check signatures: run `custos verify` for that.
 */
import { reportDeadlines, type ReportDeadline } from '../inventory/regulatory-clock.ts';
import { Incidents, type IncidentView } from '../inventory/incidents.ts';
import type { StationPolicy } from '../procedures/station-policy.ts';
import type { TokenView } from '../inventory/ethereum-assets.ts';
import { Wallets, walletHealth, type WalletHealth, type WalletView } from '../inventory/wallets.ts';
import { decodeEntry, lineHash } from '../record/entry-codec.ts';
import { CeremonyRules, type CeremonySummary } from './ceremony-rules.ts';
import { Findings } from './findings.ts';
import type { JournalSource } from './journal-source.ts';

interface ParticipantView {
  keyid: string;
  name: string;
  roles: string[];
  enrolledAt: number;
  revokedAt: number | null;
  state: 'active' | 'revoked';
}

/**
 * The ceremony still open at the end of the journal: a compromise rotation waiting for its sweep,
 * or a ceremony a crash interrupted. `wallet` is the wallet its opening names, `replacement` the
 * wallet a rotation creates, `steps` how many entries each step has so far.
 */
interface OpenCeremonyView {
  id: string;
  procedureId: string;
  wallet: string | null;
  replacement: string | null;
  steps: { [step: string]: number };
}

export type WalletReport = Omit<WalletView, 'shares'> & WalletHealth;
/** An incident with its regulatory clock at the projection's moment: each report's deadline (regulatory-clock.ts). */
export type IncidentReport = IncidentView & { deadlines: ReportDeadline[] };

export interface Projection {
  station: string | null;
  /** The station's policy as its setup recorded it (record-format.md, "Roster"). */
  policy: StationPolicy;
  entries: number;
  /** The moment health (quorum, drills) is judged at. */
  at: string;
  wallets: WalletReport[];
  /** The station's token list in force (procedure token-list; ethereum-assets.ts). */
  tokens: TokenView[];
  incidents: IncidentReport[];
  participants: ParticipantView[];
  ceremonies: CeremonySummary[];
  openCeremony: OpenCeremonyView | null;
  /** Entries replay could not read or that break the rules; run verify for the full report. */
  problems: number;
}

function openCeremony(rules: CeremonyRules): OpenCeremonyView | null {
  const open = rules.inProgress;
  if (!open) return null;
  const body = open.open.body;
  const named = (v: unknown): string | null =>
    typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null;
  return {
    id: open.id,
    procedureId: open.open.procedureId,
    wallet: named(body.wallet),
    replacement: named((body.replacement as { wallet?: unknown } | undefined)?.wallet),
    steps: Object.fromEntries(open.stepCounts),
  };
}

/** `supplied`: procedure definitions the reader accepts besides the released ones (as verify's --procedures). */
export function replayJournal(source: JournalSource, now = new Date(), supplied = new Map<string, Uint8Array>()): Projection {
  const findings = new Findings();
  const rules = new CeremonyRules(findings, supplied);
  const wallets = new Wallets();
  const incidents = new Incidents();
  let entries = 0;
  for (const line of source.lines()) {
    if (!line.complete) break;
    try {
      const entry = decodeEntry(line.bytes);
      const procedure = rules.entry(
        entry.payload,
        lineHash(line.bytes),
        entry.envelope.signatures.map((s) => s.keyid),
      );
      wallets.apply(entry.payload, procedure);
      incidents.apply(entry.payload, procedure);
      entries++;
    } catch {
      findings.error('ENTRY_UNREADABLE', 'unreadable entry', entries, null, { position: entries });
    }
  }
  return {
    station: rules.roster.station?.keyid ?? null,
    policy: { ...rules.policy },
    entries,
    at: now.toISOString(),
    wallets: [...wallets.byId.values()].map((w) => ({ ...w, ...walletHealth(w, now) })),
    tokens: wallets.tokens.map((t) => ({ ...t })),
    incidents: [...incidents.byId.values()].map((i) => ({ ...i, deadlines: reportDeadlines(i.classification, i.notifications, now) })),
    participants: [...rules.roster.participants.values()].map((p) => ({
      keyid: p.keyid,
      name: p.name,
      roles: p.roles,
      enrolledAt: p.enrolledAt,
      revokedAt: p.revokedAt,
      state: p.revokedAt === null ? 'active' : 'revoked',
    })),
    ceremonies: rules.ceremonies,
    openCeremony: openCeremony(rules),
    problems: findings.list.filter((f) => f.severity === 'error').length,
  };
}
