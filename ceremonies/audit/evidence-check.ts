/**
 * `custos verify --evidence <dir>` (docs/record-format.md, "Evidence"): the evidence files the
 * record names (each entry's `evidence`: file name and SHA-256) against the files of a folder, the
 * separate medium they were kept on. A named file absent is EVIDENCE_MISSING, one whose SHA-256
 * differs EVIDENCE_MISMATCH (errors: the evidence is not what was recorded); a file of the folder
 * the record does not name is EVIDENCE_UNRECORDED (a warning). Only regular files are read, hashed
 * as a stream so a long video needs no memory; links and folders are not followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceItem } from '../record/evidence.ts';
import { fileSha256 } from '../store/file-sha256.ts';
import type { Findings } from './findings.ts';

/** An evidence item as the record holds it: the entry that names it. */
export interface RecordedEvidence extends EvidenceItem {
  index: number;
  ceremony: string;
}

/** Checks the folder `dir` against every evidence item the record names. */
export function checkEvidence(recorded: readonly RecordedEvidence[], dir: string, findings: Findings): void {
  const hashes = new Map<string, string | null>();
  const hashOf = (name: string) => {
    if (!hashes.has(name)) hashes.set(name, fileSha256(path.join(dir, name)));
    return hashes.get(name)!;
  };
  for (const item of recorded) {
    const found = hashOf(item.name);
    if (found === null) {
      findings.error('EVIDENCE_MISSING', `The evidence file ${item.name} is not in the folder (or is not a regular file).`, item.index, item.ceremony, {
        name: item.name,
      });
    } else if (found !== item.sha256) {
      findings.error('EVIDENCE_MISMATCH', `The evidence file ${item.name} is not the one recorded: its SHA-256 differs.`, item.index, item.ceremony, {
        name: item.name,
      });
    }
  }
  const named = new Set(recorded.map((r) => r.name));
  for (const name of fs.readdirSync(dir).sort()) {
    if (!named.has(name) && fs.lstatSync(path.join(dir, name)).isFile()) {
      findings.warning('EVIDENCE_UNRECORDED', `The file ${name} of the evidence folder is named by no entry of the record.`, null, null, { name });
    }
  }
}
