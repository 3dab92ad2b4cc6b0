/**
 * Evidence of a ceremony (issue 19, point 6; docs/record-format.md, "Evidence"): the files filmed,
 * photographed or scanned during a step (video, photos, scans), kept on a separate medium, named in
 * the step's entry by their file name and SHA-256. Any entry but an abort may carry `evidence`, a
 * list of 1 to 64 items {name, sha256}: a plain file name (no folder, no `..`, printable, at most 200
 * characters) and 64 lower-case hexadecimal digits. `custos verify --evidence <dir>` checks the
 * files of a folder against the record (ceremonies/audit/evidence-check.ts).
 */

export interface EvidenceItem {
  name: string;
  sha256: string;
}

/** At most this many files per entry. */
export const MAX_EVIDENCE_ITEMS = 64;
const NAME = /^(?!\.{1,2}$)[^/\\\p{Cc}]{1,200}$/u;
const SHA256 = /^[0-9a-f]{64}$/u;

/** True for a file name evidence may carry: a name in a folder, never a path. */
export function isEvidenceName(name: unknown): name is string {
  return typeof name === 'string' && NAME.test(name);
}

/** The evidence list `value` holds, or null when it is not exactly one. */
export function evidenceList(value: unknown): EvidenceItem[] | null {
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_EVIDENCE_ITEMS) return null;
  const items: EvidenceItem[] = [];
  for (const item of value) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
    const { name, sha256, ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length > 0 || !isEvidenceName(name) || typeof sha256 !== 'string' || !SHA256.test(sha256)) return null;
    items.push({ name, sha256 });
  }
  return items;
}
