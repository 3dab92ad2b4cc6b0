/**
 * What `custos verify` reports (docs/cli.md, "custos verify"; docs/record-format.md "Verification"):
 * each finding names its code, a message for people, the entry index, the ceremony, and its details:
 * the specifics its message carries (which segment and how many bytes, which entries, which step,
 * which key…), as values a translation fills into its own sentence (renderer/src/auditor/
 * finding-texts-fr.ts). The keys of each code's details are listed in docs/record-format.md; a code
 * raised in several situations names the situation in `kind`. Errors make the record invalid;
 * warnings are shown but do not (untrusted clock going backwards, a ceremony still in progress, a
 * recovery after a crash, a drill-online deviation).
 *
 * Call sites build their details object inside the branch that reports the finding, so an entry
 * without a finding allocates nothing here (the verifier's hot path, ADR 0011).
 */
type Severity = 'error' | 'warning';

/** A finding's specifics, by name; empty when its message carries none. */
export type FindingDetails = Record<string, string | number>;

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  index: number | null;
  ceremony: string | null;
  details: FindingDetails;
}

export class Findings {
  readonly list: Finding[] = [];

  error(code: string, message: string, index: number | null = null, ceremony: string | null = null, details: FindingDetails = {}): void {
    this.list.push({ severity: 'error', code, message, index, ceremony, details });
  }

  warning(code: string, message: string, index: number | null = null, ceremony: string | null = null, details: FindingDetails = {}): void {
    this.list.push({ severity: 'warning', code, message, index, ceremony, details });
  }

  get ok(): boolean {
    return !this.list.some((f) => f.severity === 'error');
  }

  /** In journal order; findings without an entry (checkpoints) last. */
  sorted(): Finding[] {
    return [...this.list].sort((a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER));
  }
}

/**
 * The public details of an error thrown while decoding an entry, as finding details: only its
 * string and number values (a CustosError's details may also hold booleans and nulls).
 */
export function errorDetails(error: unknown): FindingDetails {
  const out: FindingDetails = {};
  const details = (error as { details?: unknown } | null)?.details;
  if (details && typeof details === 'object') {
    for (const [key, value] of Object.entries(details)) if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  return out;
}
