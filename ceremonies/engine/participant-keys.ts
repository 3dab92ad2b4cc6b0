/**
 * Participants present at a ceremony, with their keys unlocked in the crypto core for that ceremony
 * only (handles die when it ends). Each is checked against the roster in force before anything is
 * recorded: the key is enrolled and not revoked, and holds the role it is asked to play.
 */
import type { CryptoClient } from '../../crypto/protocol.ts';
import { CustosError } from '../custos-error.ts';
import type { CeremonyRules } from '../audit/ceremony-rules.ts';
import { personOf } from '../audit/roster.ts';
import type { Role } from '../procedures/definition.ts';
import { coreSigner, type Signer } from '../record/signer.ts';
import { naming } from './sealed-file-errors.ts';

export interface KeyMaterial {
  /** The sealed key file's bytes. */
  keyFile: Uint8Array;
  passphrase: string;
}

export interface Present extends Signer {
  name: string;
  roles: Role[];
}

/** Unlocks a key in the core for `ceremonyId`; refuses a key that is not on the roster. */
export async function unlockParticipant(client: CryptoClient, ceremonyId: string, key: KeyMaterial, rules: CeremonyRules, label: string): Promise<Present> {
  const unlocked = await naming(`the key of ${label} (participants.${label})`, label, () =>
    client.call('unlockSigningKey', { ceremonyId, keyFile: key.keyFile, passphrase: key.passphrase }),
  );
  const participant = rules.roster.participants.get(unlocked.keyId);
  const at = Number.MAX_SAFE_INTEGER;
  if (!participant || !rules.roster.activeAt(unlocked.keyId, at)) {
    await client.call('releaseHandle', { handle: unlocked.key });
    throw new CustosError(
      participant ? 'SIGNER_REVOKED' : 'SIGNER_UNKNOWN',
      `The key given for ${label} ${participant ? 'has been revoked' : 'is not on the station’s roster'}. Nothing was recorded.`,
      { who: label, keyid: unlocked.keyId },
    );
  }
  return { ...coreSigner(client, unlocked), name: participant.name, roles: participant.roles };
}

/** Checks that a present participant may act in `role`. */
export function requireRole(p: Present, role: Role, label: string): Present {
  if (!p.roles.includes(role)) {
    throw new CustosError('ROLE_NOT_HELD', `${p.name} (${label}) does not hold the role ${role}. Nothing was recorded.`, {
      who: label,
      role,
    });
  }
  return p;
}

/** Refuses the same key used twice where distinct people are required. */
export function requireDistinct(people: Present[], what: string): void {
  const seen = new Set<string>();
  for (const p of people) {
    if (seen.has(p.keyid)) {
      throw new CustosError('SIGNATURE_DUPLICATE', `${p.name} appears twice among the ${what}; each must be a different person. Nothing was recorded.`, {
        what,
      });
    }
    seen.add(p.keyid);
  }
}

/** Refuses an approver who is the officer running the ceremony (separation of duties, procedures/separated-duties.ts). */
export function requireSeparateDuties(officer: Present, approvers: Present[]): void {
  const runner = personOf(officer);
  const both = approvers.find((a) => personOf(a) === runner);
  if (both) {
    throw new CustosError(
      'DUTIES_NOT_SEPARATED',
      `${both.name} runs this ceremony as officer and cannot also approve it: bring another approver. Nothing was recorded.`,
      {
        who: both.name,
      },
    );
  }
}
