/**
 * Whether an incident is major (issue 19, "Regulatory clock"; ADR 0034; DORA art. 18 and its RTS on
 * classification, as they apply to MiCA crypto-asset service providers): it affects critical services
 * and has caused data losses, or meets two of the other criteria. One rule for the engine, verify,
 * the inventory and the incident form.
 */
import { INCIDENT_CRITERIA, type IncidentCriterion } from '../answers/vocabulary.ts';

export function isMajor(criteria: { readonly [C in IncidentCriterion]?: boolean }): boolean {
  if (criteria['critical-services'] !== true) return false;
  if (criteria['data-losses'] === true) return true;
  return INCIDENT_CRITERIA.filter((c) => c !== 'critical-services' && c !== 'data-losses' && criteria[c] === true).length >= 2;
}
