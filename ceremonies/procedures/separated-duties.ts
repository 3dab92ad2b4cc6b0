/**
 * Separation of duties in the released procedures (docs/record-format.md, "Procedures"): the
 * officer who runs a restitution, or a destruction on a zero-balance basis (the officer who signs
 * its opening), cannot count as one of its approvers. Kept beside the pinned definitions, by
 * id@version, because a released definition never changes: the rule applies to every version listed
 * here, and verify checks it as it checks a quorum.
 */

/**
 * For each released procedure: the steps whose approvers must not include the opening officer. A
 * Map, not an object: `ref` comes from the record, which may be hostile (`__proto__` must find nothing).
 */
const SEPARATED_DUTIES: ReadonlyMap<string, readonly string[]> = new Map([
  ['restitution@1', ['approve']],
  ['restitution@2', ['approve']],
  ['restitution@3', ['approve']],
  ['destruction@1', ['attest-zero-balance']],
  ['destruction@2', ['attest-zero-balance']],
]);

/** True if the approvers of `step` in `ref` must be other people than the officer who opened the ceremony. */
export function approverMustNotBeOfficer(ref: string, step: string): boolean {
  return SEPARATED_DUTIES.get(ref)?.includes(step) ?? false;
}
