/**
 * The evidence files the answers give a ceremony's steps (`evidence`: [{step, file}]; docs/cli.md,
 * docs/record-format.md "Evidence"): each file, on its separate medium, is read once before the
 * ceremony opens and named in its step's entry by its file name and SHA-256 (streamed, so a long
 * video needs no memory). A file that cannot be read, a name evidence may not carry, or more than
 * 64 files is refused before anything is recorded; so is a step the procedure does not have
 * (CeremonyRun.open checks that).
 */
import path from 'node:path';
import { CustosError } from '../custos-error.ts';
import { MAX_EVIDENCE_ITEMS, isEvidenceName, type EvidenceItem } from '../record/evidence.ts';
import { fileSha256 } from '../store/file-sha256.ts';
import type { Answers } from './answers.ts';

function unreadable(field: string, why: string): CustosError {
  return new CustosError('EVIDENCE_UNREADABLE', `The evidence file at ${field} ${why}. Nothing was recorded.`, { field });
}

function sha256Of(file: string, field: string): string {
  const sha256 = fileSha256(file);
  if (sha256 === null) throw unreadable(field, 'cannot be read as a regular file');
  return sha256;
}

/** The evidence of each step, by step id, as the answers give it. */
export function readEvidencePlan(answers: Answers): Map<string, EvidenceItem[]> {
  const plan = new Map<string, EvidenceItem[]>();
  if (answers.get('evidence') === undefined) return plan;
  const list = answers.list('evidence');
  if (list.length > MAX_EVIDENCE_ITEMS) throw unreadable('evidence', `lists ${list.length} files; a ceremony names at most ${MAX_EVIDENCE_ITEMS}`);
  list.forEach((_, i) => {
    const step = answers.string(`evidence.${i}.step`, { max: 64 });
    const file = answers.path(`evidence.${i}.file`);
    const name = path.basename(file);
    if (!isEvidenceName(name)) throw unreadable(`evidence.${i}.file`, 'has a name evidence cannot carry (control characters, or over 200 characters)');
    plan.set(step, [...(plan.get(step) ?? []), { name, sha256: sha256Of(file, `evidence.${i}.file`) }]);
  });
  return plan;
}
