/**
 * What `custos verify` reports (DESIGN.md "Command line"; docs/record-format.md "Verification"):
 * each finding names its code, a message for people, the entry index and the ceremony. Errors make
 * the record invalid; warnings are shown but do not (untrusted clock going backwards, a ceremony
 * still in progress, a recovery after a crash, a drill-online deviation).
 */
export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  code: string;
  message: string;
  index: number | null;
  ceremony: string | null;
}

export class Findings {
  readonly list: Finding[] = [];

  error(code: string, message: string, index: number | null = null, ceremony: string | null = null): void {
    this.list.push({ severity: 'error', code, message, index, ceremony });
  }

  warning(code: string, message: string, index: number | null = null, ceremony: string | null = null): void {
    this.list.push({ severity: 'warning', code, message, index, ceremony });
  }

  get ok(): boolean {
    return !this.list.some((f) => f.severity === 'error');
  }

  /** In journal order; findings without an entry (checkpoints) last. */
  sorted(): Finding[] {
    return [...this.list].sort((a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER));
  }
}
