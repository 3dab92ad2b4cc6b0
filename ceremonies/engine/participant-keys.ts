/**
 * Participants present at a ceremony, with their keys unlocked in the crypto core for that ceremony
 * only (handles die when it ends). Each is checked against the roster in force before anything is
 * recorded: the key is enrolled and not revoked, and holds the role it is asked to play. In the
 * guided ceremony (ADR 0025) a key file that carries its public key (its card) is checked by that
 * card and unlocked at its owner's first signature.
 */
import type { CryptoClient, Result } from '../../crypto/protocol.ts';
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
  /** Their label in the answers (participants.<who>). */
  who?: string;
}

/** A signer whose key unlocks at its first signature (the guided ceremony): `locked` until then. */
export interface LaterSigner extends Signer {
  locked(): boolean;
  /** Asks its owner's passphrase (again while wrong) and unlocks the key; nothing when already unlocked. */
  unlock(): Promise<void>;
}

type Unlocked = Result<'unlockSigningKey'>;

/** The roster's entry for `keyId`, which must be enrolled and not revoked. */
function onRoster(rules: CeremonyRules, keyId: string, label: string) {
  const participant = rules.roster.participants.get(keyId);
  if (participant && rules.roster.activeAt(keyId, Number.MAX_SAFE_INTEGER)) return participant;
  return new CustosError(
    participant ? 'SIGNER_REVOKED' : 'SIGNER_UNKNOWN',
    `The key given for ${label} ${participant ? 'has been revoked' : 'is not on the station’s roster'}. Nothing was recorded.`,
    { who: label, keyid: keyId },
  );
}

/** Unlocks a key in the core for `ceremonyId`; refuses a key that is not on the roster. */
export async function unlockParticipant(client: CryptoClient, ceremonyId: string, key: KeyMaterial, rules: CeremonyRules, label: string): Promise<Present> {
  const unlocked = await unlockKey(client, ceremonyId, key.keyFile, key.passphrase, label);
  const participant = onRoster(rules, unlocked.keyId, label);
  if (participant instanceof CustosError) {
    await client.call('releaseHandle', { handle: unlocked.key });
    throw participant;
  }
  return { ...coreSigner(client, unlocked), name: participant.name, roles: participant.roles, who: label };
}

function unlockKey(client: CryptoClient, ceremonyId: string, keyFile: Uint8Array, passphrase: string, label: string): Promise<Unlocked> {
  return naming(`the key of ${label} (participants.${label})`, label, () => client.call('unlockSigningKey', { ceremonyId, keyFile, passphrase }));
}

/**
 * A participant identified by the card their key file carries (sealed-file version 2), checked
 * against the roster now, whose key unlocks at their first signature through `unlockWith` (which
 * asks the passphrase, again while it is wrong). Null for a key file without a card (version 1):
 * that key is unlocked before the ceremony, as in a headless run. The core refuses a key file whose
 * header names another key than the one it holds, so the key unlocked is always the card's.
 */
export async function presentByCard(
  client: CryptoClient,
  ceremonyId: string,
  keyFile: Uint8Array,
  rules: CeremonyRules,
  label: string,
  unlockWith: (unlock: (passphrase: string) => Promise<Unlocked>) => Promise<Unlocked>,
): Promise<(Present & LaterSigner) | null> {
  const { card } = await client.call('readKeyCard', { keyFile });
  if (!card) return null;
  const participant = onRoster(rules, card.keyId, label);
  if (participant instanceof CustosError) throw participant;
  let signer: Signer | null = null;
  const unlock = async () => {
    if (signer) return;
    signer = coreSigner(client, await unlockWith((passphrase) => unlockKey(client, ceremonyId, keyFile, passphrase, label)));
  };
  return {
    keyid: card.keyId,
    publicKey: new Uint8Array(Buffer.from(card.publicKey, 'hex')),
    name: participant.name,
    roles: participant.roles,
    who: label,
    locked: () => signer === null,
    unlock,
    sign: async (digest) => {
      await unlock();
      return signer!.sign(digest);
    },
  };
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
