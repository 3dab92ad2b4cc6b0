/**
 * How the auditor view arranges a verification's outcome (main/app/app-api.ts VerifyOutcome): the
 * timeline's entries grouped by ceremony in journal order, the findings at each entry index, and
 * the procedures' own titles (English and French, from window.custos procedures()) for the
 * procedure and step of each entry. Pure functions; nothing here judges the record (verifyJournal
 * did). Spec: docs/desktop-app.md, "The screens" (Auditor: the timeline, each finding highlighted
 * at its entry); docs/record-format.md "Verification".
 */
import type { FindingView, LocalText, ProcedureView, TimelineEntry } from '../../../main/app/app-api.ts';
import type { Locale } from '../i18n/messages.ts';

export interface CeremonyGroup {
  /** Unique per group: the ceremony id and the index of its first entry here. */
  readonly key: string;
  /** The ceremony id ('' for unreadable entries). */
  readonly ceremony: string;
  /** The procedure reference (`id@version`) of its opening. */
  readonly procedure: string;
  readonly entries: readonly TimelineEntry[];
  /** How the group ends: closed, aborted, or still open at the end of the journal. */
  readonly ending: 'closed' | 'aborted' | 'open' | 'unreadable';
  /** Findings at its entries. */
  readonly findings: number;
  /** How many of them are errors (the rest are warnings: a group with warnings only is drawn as a warning, not an error). */
  readonly errors: number;
}

/** Consecutive entries of the same ceremony form a group (a ceremony interleaved with another is itself a finding). */
export function groupTimeline(timeline: readonly TimelineEntry[], findings: ReadonlyMap<number, readonly FindingView[]>): CeremonyGroup[] {
  const groups: { ceremony: string; procedure: string; entries: TimelineEntry[] }[] = [];
  for (const entry of timeline) {
    const last = groups.at(-1);
    if (last && last.ceremony === entry.ceremony) last.entries.push(entry);
    else groups.push({ ceremony: entry.ceremony, procedure: entry.procedure, entries: [entry] });
  }
  return groups.map((g) => {
    const final = g.entries.at(-1)!;
    const ending =
      g.ceremony === '' ? 'unreadable' : final.type === 'close' || final.type === 'recovery' ? 'closed' : final.type === 'abort' ? 'aborted' : 'open';
    return {
      key: `${g.ceremony}#${g.entries[0]!.index}`,
      ceremony: g.ceremony,
      procedure: g.procedure,
      entries: g.entries,
      ending,
      findings: g.entries.reduce((n, e) => n + (findings.get(e.index)?.length ?? 0), 0),
      errors: g.entries.reduce((n, e) => n + (findings.get(e.index)?.filter((f) => f.severity === 'error').length ?? 0), 0),
    };
  });
}

/** The findings of each entry index (findings without an index, on checkpoints, are not here). */
export function findingsByIndex(findings: readonly FindingView[]): Map<number, FindingView[]> {
  const out = new Map<number, FindingView[]>();
  for (const f of findings) {
    if (f.index === null) continue;
    const list = out.get(f.index) ?? [];
    list.push(f);
    out.set(f.index, list);
  }
  return out;
}

export interface ProcedureTitles {
  procedure(ref: string): string | null;
  step(ref: string, step: string): string | null;
}

/** Titles of procedures and steps by reference (`id@version`), in the screen's language. */
export function procedureTitles(procedures: readonly ProcedureView[], locale: Locale): ProcedureTitles {
  const pick = (t: LocalText) => t[locale];
  const byRef = new Map(procedures.map((p) => [`${p.id}@${p.version}`, p]));
  return {
    procedure: (ref) => {
      const p = byRef.get(ref);
      return p ? pick(p.title) : null;
    },
    step: (ref, step) => {
      const s = byRef.get(ref)?.steps.find((x) => x.id === step);
      return s ? pick(s.title) : null;
    },
  };
}

/** The DOM id of a timeline row (a finding's link scrolls to it). */
export const entryAnchor = (index: number): string => `timeline-entry-${index}`;
