/**
 * The auditor view's verification (docs/desktop-app.md, "The screens": Auditor): the same
 * verifyJournal as `custos verify`, with its progress reported to the job, then a timeline of the
 * entries (ceremony, step, time, signers by name, the short code read aloud) so each finding can be
 * shown at its entry, with its details (the specifics its French text names). The source is a data
 * directory or a bundle; nothing in it is changed. Spec: docs/record-format.md ("Verification") and
 * main/app/app-api.ts (VerifyOutcome).
 */
import path from 'node:path';
import { openSource } from '../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../ceremonies/audit/replay.ts';
import { verifyJournal } from '../../ceremonies/audit/verify.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { decodeEntry, lineHash } from '../../ceremonies/record/entry-codec.ts';
import { MAX_CHECKPOINT_BYTES, readRegularText } from '../../ceremonies/store/bounded-read.ts';
import type { Finding } from '../../ceremonies/audit/findings.ts';
import type { FindingView, TimelineEntry, VerifyOutcome } from './app-api.ts';
import type { Job } from './app-jobs.ts';

/** The timeline shows at most this many entries (the first ones); the findings are always complete. */
const TIMELINE_LIMIT = 20_000;

/** The short code of an entry, read aloud at the ceremony: the first 8 hex digits of its line hash. */
export function entryCode(hash: string): string {
  return `${hash.slice(0, 4)} ${hash.slice(4, 8)}`;
}

export async function verifyForAuditor(job: Job, sourcePath: string, checkpointPath?: string): Promise<VerifyOutcome> {
  let retainedCheckpoint: { label: string; note: string } | undefined;
  if (checkpointPath !== undefined) {
    try {
      retainedCheckpoint = { label: path.basename(checkpointPath), note: readRegularText(checkpointPath, MAX_CHECKPOINT_BYTES, true) };
    } catch {
      throw new CustosError('CHECKPOINT_UNREADABLE', `Cannot read the checkpoint file ${path.basename(checkpointPath)}.`, {
        path: path.basename(checkpointPath),
      });
    }
  }
  let shown = -1;
  const report = await verifyJournal(openSource(sourcePath), {
    retainedCheckpoints: retainedCheckpoint ? [retainedCheckpoint] : [],
    onProgress: (done, total) => {
      const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
      if (percent === shown) return;
      shown = percent;
      job.push({ kind: 'progress', done, total });
    },
  });
  const { timeline, truncated } = readTimeline(sourcePath, report.station);
  return {
    kind: 'verified',
    ok: report.ok,
    entries: report.entries,
    ceremonies: report.ceremonies,
    signatures: report.signatures,
    threads: report.threads,
    root: report.checkpoint.root,
    checkpointKept: report.retained[0] ? { matched: report.retained[0].matched, size: report.retained[0].size, witnesses: report.retained[0].witnesses } : null,
    findings: report.findings.map(findingView),
    timeline,
    timelineTruncated: truncated,
  };
}

/** A finding as the renderer gets it: its details go along, so the French text can name its specifics. */
export function findingView(f: Finding): FindingView {
  return { severity: f.severity, code: f.code, message: f.message, index: f.index, ceremony: f.ceremony, details: { ...f.details } };
}

/** The entries as they stand in the source; an entry that cannot be read shows as `unreadable`. */
function readTimeline(sourcePath: string, station: string | null): { timeline: TimelineEntry[]; truncated: boolean } {
  const names = new Map(replayJournal(openSource(sourcePath)).participants.map((p) => [p.keyid, p.name]));
  if (station) names.set(station, 'station');
  const procedures = new Map<string, string>();
  const timeline: TimelineEntry[] = [];
  let index = 0;
  for (const line of openSource(sourcePath).lines()) {
    if (index >= TIMELINE_LIMIT) return { timeline, truncated: true };
    const hash = lineHash(line.bytes);
    try {
      if (!line.complete) throw new Error('incomplete');
      const { payload, envelope } = decodeEntry(line.bytes);
      if (payload.type === 'open') procedures.set(payload.ceremony, payload.procedureId);
      timeline.push({
        index,
        ceremony: payload.ceremony,
        procedure: procedures.get(payload.ceremony) ?? payload.procedureId,
        type: payload.type,
        step: payload.step,
        time: payload.time.utc,
        code: entryCode(hash),
        signers: envelope.signatures.map((s) => ({ keyid: s.keyid, name: names.get(s.keyid) ?? null })),
      });
    } catch {
      timeline.push({ index, ceremony: '', procedure: '', type: 'unreadable', step: '', time: '', code: entryCode(hash), signers: [] });
    }
    index++;
  }
  return { timeline, truncated: false };
}
