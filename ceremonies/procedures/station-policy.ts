/**
 * The station's policy, set at station setup and recorded in its opening entry
 * (docs/record-format.md, "Roster": station policy): how many distinct approvers every approval
 * needs (a restitution's approval, a zero-balance attestation). Never fewer than the procedure's
 * own minimum; a station set up with station-setup@1, which recorded no policy, has the default.
 */

export interface StationPolicy {
  /** Distinct approvers every approval step needs (2 to 16). */
  approvers: number;
}

export const DEFAULT_POLICY: StationPolicy = Object.freeze({ approvers: 2 });
export const APPROVERS_RANGE = { min: 2, max: 16 } as const;

/** The policy an opening records, if it is exactly {approvers: 2…16}; null otherwise. */
export function readPolicy(value: unknown): StationPolicy | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const keys = Object.keys(value);
  const approvers = (value as { approvers?: unknown }).approvers;
  if (keys.length !== 1 || keys[0] !== 'approvers' || !Number.isInteger(approvers)) return null;
  const n = approvers as number;
  return n >= APPROVERS_RANGE.min && n <= APPROVERS_RANGE.max ? { approvers: n } : null;
}
