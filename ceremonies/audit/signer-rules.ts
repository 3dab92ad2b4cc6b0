/**
 * Who may sign an entry, and whether they are enough (docs/record-format.md, "Procedures"): each
 * declared signer holds the role, is on the roster and not revoked (or is the participant being
 * enrolled, as `subject`), the role may sign the step, the station key is never one of them, one
 * person counts once per entry whatever keys they hold, the officer who runs a restitution or a
 * destruction is not its approver (separated-duties.ts), and each role's quorum counts distinct
 * people, approvals at least the station policy's approvers (station-policy.ts). Called by
 * CeremonyRules for each entry of a known procedure.
 */
import type { StepDefinition } from '../procedures/definition.ts';
import { approverMustNotBeOfficer } from '../procedures/separated-duties.ts';
import type { StationPolicy } from '../procedures/station-policy.ts';
import type { EntryPayload } from '../record/entry-payload.ts';
import type { OpenCeremony } from './ceremony-rules.ts';
import type { Findings } from './findings.ts';
import { readParticipant, type Roster } from './roster.ts';

export interface SignerContext {
  findings: Findings;
  roster: Roster;
  policy: StationPolicy;
}

/** Checks the signers of entry `p` of step `step`; returns the witnesses who signed it (for a close's checkpoint). */
export function checkSigners(ctx: SignerContext, c: OpenCeremony, p: EntryPayload, step: StepDefinition, signed: string[]): Set<string> {
  const f = ctx.findings;
  const subject = readParticipant(c.open.body.participant, p.index);
  /** The officer who opened the ceremony, where this step's approvers must be someone else. */
  const runner = c.released && approverMustNotBeOfficer(p.procedureId, step.id) ? openingOfficer(ctx.roster, c) : null;
  /** People counted for each role, and every person counted in this entry (once, whatever their keys). */
  const counted = new Map<string, Set<string>>();
  const people = new Set<string>();
  const declared = new Set<string>();
  for (let d = 0; d < p.signers.length; d++) {
    const { keyid, role } = p.signers[d]!;
    if (declared.has(keyid)) {
      f.error('SIGNATURE_DUPLICATE', 'The same key is declared twice: it counts once toward a quorum.', p.index, p.ceremony, { kind: 'declared', keyid });
      continue;
    }
    declared.add(keyid);
    if (keyid === ctx.roster.station?.keyid) {
      f.error('STATION_KEY_AS_PARTICIPANT', `The station key is declared as a ${role}: it may never sign as a person.`, p.index, p.ceremony, {
        kind: 'signer',
        keyid,
      });
      continue;
    }
    const didSign = signed.includes(keyid);
    if (!didSign) f.error('SIGNATURE_MISSING', `A declared ${role} did not sign.`, p.index, p.ceremony, { role, keyid });
    let rule: StepDefinition['signers'][number] | undefined;
    for (let r = 0; r < step.signers.length && !rule; r++) if (step.signers[r]!.role === role) rule = step.signers[r];
    if (!rule) {
      f.error('ROLE_NOT_ALLOWED', `A ${role} may not sign step "${step.id}".`, p.index, p.ceremony, { role, step: step.id, keyid });
      continue;
    }
    let person: string;
    if (role === 'subject') {
      if (keyid !== subject?.keyid) {
        f.error('ROLE_NOT_HELD', 'Only the participant being enrolled signs as subject.', p.index, p.ceremony, { kind: 'subject', role, keyid });
        continue;
      }
      person = subject.person;
    } else {
      const participant = ctx.roster.activeAt(keyid, p.index);
      if (!participant) {
        const known = ctx.roster.participants.get(keyid);
        if (known?.revokedAt !== null && known !== undefined)
          f.error('SIGNER_REVOKED', `A ${role} signed with a revoked key.`, p.index, p.ceremony, { role, keyid });
        else f.error('SIGNER_UNKNOWN', `A ${role} signed with a key that is not on the roster.`, p.index, p.ceremony, { role, keyid });
        continue;
      }
      if (!(participant.roles as string[]).includes(role)) {
        f.error('ROLE_NOT_HELD', `${participant.name} signed as ${role}, a role they do not hold.`, p.index, p.ceremony, {
          kind: 'role',
          name: participant.name,
          role,
          keyid,
        });
        continue;
      }
      person = participant.person;
    }
    if (!didSign) continue;
    if (role === 'approver' && person === runner) {
      f.error('DUTIES_NOT_SEPARATED', `The officer who runs this ceremony cannot also approve it (step "${step.id}").`, p.index, p.ceremony, {
        step: step.id,
        keyid,
      });
      continue;
    }
    if (people.has(person)) {
      f.error('PERSON_COUNTED_TWICE', `One person signs this entry twice (as ${role} too): a person counts once.`, p.index, p.ceremony, { role, keyid });
      continue;
    }
    people.add(person);
    counted.set(role, (counted.get(role) ?? new Set()).add(person));
  }
  for (let i = 1; i < signed.length; i++) {
    if (!declared.has(signed[i]!)) f.error('SIGNATURE_UNDECLARED', 'A signature is not declared with a role.', p.index, p.ceremony, { keyid: signed[i]! });
  }
  for (const rule of step.signers) {
    const n = counted.get(rule.role)?.size ?? 0;
    // An approval needs at least the station policy's approvers (released procedures).
    const min = rule.role === 'approver' && c.released ? Math.max(rule.min, ctx.policy.approvers) : rule.min;
    if (n < min)
      f.error('QUORUM_NOT_MET', `Step "${step.id}" needs ${min} ${rule.role}(s); ${n} signed.`, p.index, p.ceremony, {
        step: step.id,
        role: rule.role,
        min,
        count: n,
      });
    if (rule.max !== undefined && n > rule.max) {
      f.error('QUORUM_EXCEEDED', `Step "${step.id}" allows at most ${rule.max} ${rule.role}(s).`, p.index, p.ceremony, {
        step: step.id,
        role: rule.role,
        max: rule.max,
        count: n,
      });
    }
  }
  // The witnesses of a close, for its checkpoint's cosignatures.
  return new Set(p.signers.filter((s) => s.role === 'witness' && signed.includes(s.keyid) && ctx.roster.activeAt(s.keyid, p.index)).map((s) => s.keyid));
}

/** The person who signed the ceremony's opening as officer, if any. */
function openingOfficer(roster: Roster, c: OpenCeremony): string | null {
  const keyid = c.open.signers.find((s) => s.role === 'officer')?.keyid;
  const officer = keyid === undefined ? undefined : roster.participants.get(keyid);
  return officer ? officer.person : null;
}
