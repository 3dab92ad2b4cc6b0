/**
 * Whose part of the form a refusal is about (ADR 0025: "errors name the person and the field"): the
 * engine names the person by their label in the answers (`details.who`: `officer`, `witness1`,
 * `holder2`…); the ceremony runner gives it to the form it hands back, and the attestation of that
 * person is marked, with a line saying the refusal above is theirs.
 */
import { createContext, useContext } from 'react';

export const RefusedPerson = createContext<string | null>(null);

/**
 * Whether the attestation `testId` (`attest-witness-1`, `attest-holder-2`, `attest-officer`) is the
 * person labelled `who` in the answers: the forms label people by role and number (`witness1`), or
 * by role alone where there is one (`witness`).
 */
export function isRefused(testId: string, who: string | null): boolean {
  if (who === null) return false;
  const label = testId.replace(/^attest-/u, '').replace(/-(\d+)$/u, '$1');
  return who === label || (/1$/u.test(label) && who === label.slice(0, -1));
}

/** The label of the person a refusal shown over the form is about, if any. */
export function useRefusedPerson(): string | null {
  return useContext(RefusedPerson);
}
