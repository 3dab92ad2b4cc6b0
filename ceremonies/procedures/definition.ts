/**
 * What a procedure definition is (docs/architecture.md, "Principles" 3: procedures are data): id,
 * version, the steps in order, the roles and quorum each step's signatures need, and what each step
 * records. Its hash, SHA-256 of its RFC 8785 canonical JSON, is bound into every entry of its
 * ceremonies, so the rules an auditor checks are exactly the rules the officer ran.
 * docs/procedures.md is generated from these definitions.
 */
import { createHash } from 'node:crypto';
import { canonicalBytes } from '../record/canonical-json.ts';

import type { Role } from '../../common/answers/vocabulary.ts';

export type { Role };
/** `subject`: the participant an enrolment is about, signing to prove they hold their key. */
export type SignerRole = Role | 'subject';

export interface Text {
  en: string;
  fr: string;
}

export interface SignerRule {
  role: SignerRole;
  /** Distinct keys of this role that must sign. */
  min: number;
  /** At most this many (default: no limit). */
  max?: number;
}

export interface StepDefinition {
  id: string;
  type: 'open' | 'step' | 'close';
  title: Text;
  /** Signatures required besides the station's; a role not listed may not sign this step. */
  signers: SignerRule[];
  /** How many entries of this step a ceremony has (default exactly one). */
  repeat?: { min: number; max: number };
  /** Names of the body fields this step records (all public). */
  records: string[];
}

/**
 * A precondition on the inventory, checked before the ceremony opens (and nothing is recorded if it
 * fails): the wallet named by the opening entry's field `field` must exist, be in one of `states`,
 * and, if given, be of one of `classes`.
 */
interface WalletPrecondition {
  field: string;
  states: string[];
  classes?: ('client' | 'house')[];
}

export interface ProcedureDefinition {
  id: string;
  version: number;
  title: Text;
  purpose: Text;
  /** Requirements this procedure serves (R1…R12, docs/compliance.md). */
  requirements: string[];
  /** What the inventory must show before this procedure may open (none: no precondition). */
  preconditions?: WalletPrecondition[];
  steps: StepDefinition[];
  /** Witness cosignatures the checkpoint after close needs (the witnesses present). */
  checkpointWitnesses: number;
}

/**
 * Any ceremony may be aborted, with a reason, by an officer and a witness (two people, so that
 * no one alone ends another's ceremony; ADR 0017); the step is implicit in every procedure.
 */
export const ABORT_STEP: StepDefinition = {
  id: 'abort',
  type: 'step',
  title: { en: 'Abort the ceremony', fr: 'Interrompre la cérémonie' },
  signers: [
    { role: 'officer', min: 1, max: 1 },
    { role: 'witness', min: 1 },
  ],
  records: ['reason'],
};

export function procedureHash(definition: ProcedureDefinition): string {
  return createHash('sha256').update(canonicalBytes(definition)).digest('hex');
}

export function procedureRef(definition: ProcedureDefinition): string {
  return `${definition.id}@${definition.version}`;
}
