/**
 * Resuming a ceremony an interrupted run left open (docs/cli.md, "Interrupted runs"; `custos run …
 * --resume`): the same run is started again with the same answers, and each entry it would sign is
 * matched, in order, against the entries already recorded for that ceremony. An entry that matches
 * (same type, step, body and signers; the open's air-gap evidence, build and deviation are the new
 * sitting's own) is not signed again; once the recorded entries are used up, the run signs the rest
 * as usual. Anything that differs — a wallet generated anew, a share file sealed again, other answers —
 * is refused (CEREMONY_RESUME_MISMATCH) before anything more is recorded, and the ceremony stays open
 * for an abort. So only what the run can do again identically is resumed; nothing is ever re-signed
 * or skipped on trust.
 */
import { CustosError } from '../custos-error.ts';
import { canonicalBytes } from '../record/canonical-json.ts';
import { decodeEntry } from '../record/entry-codec.ts';
import type { Appended, EntryDraft } from '../record/record-writer.ts';
import { journalLines } from '../store/journal-files.ts';

/**
 * Procedures whose runs make something new each time (a wallet, its shares, a share sealed again,
 * a station key): what they recorded can never be done again identically, so they are not resumed.
 */
export const NOT_RESUMABLE: ReadonlySet<string> = new Set(['station-setup', 'create-wallet', 'compromise-rotation', 'change-holder', 'reshare']);

/** Body fields of an open entry that belong to the sitting, not to the ceremony. */
const SITTING_FIELDS = new Set(['airGap', 'build', 'deviation']);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export class Resumption {
  readonly ceremony: string;
  readonly procedureId: string;
  private readonly recorded: Appended[];
  private next = 0;
  /** Told of each recorded entry matched (the station applies its effects to the inventory then). */
  private readonly onTaken: (entry: Appended) => void;

  private constructor(ceremony: string, procedureId: string, recorded: Appended[], onTaken: (entry: Appended) => void) {
    this.ceremony = ceremony;
    this.procedureId = procedureId;
    this.recorded = recorded;
    this.onTaken = onTaken;
  }

  /** The entries recorded so far for the ceremony `ceremony`, open on the station in `dir`. */
  static of(dir: string, ceremony: string, procedureId: string, onTaken: (entry: Appended) => void = () => {}): Resumption {
    const recorded: Appended[] = [];
    for (const line of journalLines(dir)) {
      const entry = decodeEntry(line.bytes);
      if (entry.payload.ceremony === ceremony) recorded.push({ index: entry.payload.index, lineHash: entry.lineHash, payload: entry.payload });
    }
    return new Resumption(ceremony, procedureId, recorded, onTaken);
  }

  /** Entries still to be matched. */
  get pending(): number {
    return this.recorded.length - this.next;
  }

  /**
   * The recorded entry `draft` stands for, taken (not signed again), or null once every recorded
   * entry was matched (the draft is then signed as usual). A draft that differs is refused.
   */
  take(draft: Omit<EntryDraft, 'procedure'> & { procedureId: string }): Appended | null {
    const entry = this.recorded[this.next];
    if (entry === undefined) return null;
    const p = entry.payload;
    const body = (b: { [key: string]: unknown }) =>
      canonicalBytes(Object.fromEntries(Object.entries(b).filter(([k]) => draft.type !== 'open' || !SITTING_FIELDS.has(k))));
    const signers = (list: { keyid: string; role: string }[]) => list.map((s) => `${s.keyid}:${s.role}`).join(',');
    const same =
      p.procedureId === draft.procedureId &&
      p.type === draft.type &&
      p.step === draft.step &&
      sameBytes(body(p.body), body(draft.body)) &&
      signers(p.signers) === signers(draft.participants.map((x) => ({ keyid: x.signer.keyid, role: x.role })));
    if (!same) {
      throw new CustosError(
        'CEREMONY_RESUME_MISMATCH',
        `Ceremony ${this.ceremony} cannot be resumed: entry ${p.index} (${p.type === 'step' ? p.step : p.type}) was recorded differently from what this run would sign now (other answers, or a step that makes something new each time, such as a wallet or a sealed share). Nothing more was recorded; the ceremony is still open: abort it with an officer and a witness (custos abort), then run it again.`,
        { ceremony: this.ceremony, index: p.index, step: p.step },
      );
    }
    this.next++;
    this.onTaken(entry);
    return entry;
  }
}
