/**
 * Which procedure definition an entry's hash names, and whether it is authorized
 * (docs/record-format.md, "Authorized procedures"; ADR 0015). A released definition (pinned by hash
 * in procedures/released.ts) is authorized and gives its ceremonies their effects on the roster and
 * the inventory. Any other definition counts only if it was supplied explicitly by whoever checks
 * the record (an auditor's `custos verify --procedures <dir>`, or a test's writer): its rules are
 * checked and the result says so, but it changes neither roster nor inventory. A definition file a
 * data directory or bundle carries is never trusted: the station wrote it.
 */
import { parseCanonical } from '../record/canonical-json.ts';
import type { ProcedureDefinition } from '../procedures/definition.ts';
import { authorizedProcedure } from '../procedures/released.ts';

export interface ResolvedProcedure {
  definition: ProcedureDefinition;
  /** True for a released (pinned) definition; false for one supplied by the checker. */
  released: boolean;
}

/** A supplied definition the rules can read: steps with ids, types and signer rules. */
function wellFormed(d: ProcedureDefinition): boolean {
  return (
    !!d &&
    typeof d.id === 'string' &&
    Number.isInteger(d.version) &&
    Array.isArray(d.steps) &&
    d.steps.every(
      (s) =>
        s &&
        typeof s.id === 'string' &&
        typeof s.type === 'string' &&
        Array.isArray(s.signers) &&
        Array.isArray(s.records) &&
        s.records.every((r) => typeof r === 'string') &&
        s.signers.every((r) => r && typeof r.role === 'string' && Number.isInteger(r.min)),
    ) &&
    Number.isInteger(d.checkpointWitnesses)
  );
}

export class ProcedureBook {
  /** Definitions supplied by the checker, by hash (their canonical bytes hash to the key). */
  private readonly supplied: Map<string, Uint8Array>;
  private readonly read = new Map<string, ResolvedProcedure | null>();

  constructor(supplied: Map<string, Uint8Array> = new Map()) {
    this.supplied = supplied;
  }

  /** The definition `hash` names, released or supplied; null if neither (not authorized). */
  resolve(hash: string): ResolvedProcedure | null {
    let known = this.read.get(hash);
    if (known === undefined) {
      const released = authorizedProcedure(hash);
      known = released ? { definition: released, released: true } : this.readSupplied(hash);
      this.read.set(hash, known);
    }
    return known;
  }

  private readSupplied(hash: string): ResolvedProcedure | null {
    const bytes = this.supplied.get(hash);
    if (!bytes) return null;
    try {
      const d = parseCanonical(bytes) as ProcedureDefinition;
      return wellFormed(d) ? { definition: d, released: false } : null;
    } catch {
      return null;
    }
  }
}
