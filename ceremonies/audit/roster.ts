/**
 * The station's roster as the record builds it: the station key and first participants declared by
 * station setup, participants added when an enrolment closes, keys revoked when a revocation closes.
 * Verification and the inventory projection both follow it entry by entry, so a key is judged by
 * the roster in force at the entry it signs. A person is known by their name (NFC, trimmed, case
 * folded): one person holds one active key, and counts once in any quorum.
 */
import type { Role } from '../procedures/definition.ts';

export interface Participant {
  keyid: string;
  publicKey: Uint8Array;
  name: string;
  /** Who they are (personOf), computed once. */
  person: string;
  roles: Role[];
  enrolledAt: number;
  revokedAt: number | null;
}

interface DeclaredParticipant {
  keyid?: unknown;
  publicKey?: unknown;
  name?: unknown;
  roles?: unknown;
}

export function readParticipant(value: unknown, at: number): Participant | null {
  const p = value as DeclaredParticipant | null;
  if (!p || typeof p.keyid !== 'string' || typeof p.publicKey !== 'string' || typeof p.name !== 'string' || !Array.isArray(p.roles)) {
    return null;
  }
  return {
    keyid: p.keyid,
    publicKey: new Uint8Array(Buffer.from(p.publicKey, 'hex')),
    name: p.name,
    person: personOf(p as { name: string }),
    roles: p.roles as Role[],
    enrolledAt: at,
    revokedAt: null,
  };
}

/** Who a participant is, for counting people rather than keys: their name, NFC, trimmed, case-folded. */
export function personOf(participant: Pick<Participant, 'name'>): string {
  return participant.name.normalize('NFC').trim().toLowerCase();
}

export class Roster {
  station: { keyid: string; publicKey: Uint8Array } | null = null;
  readonly participants = new Map<string, Participant>();

  add(participant: Participant): void {
    if (!this.participants.has(participant.keyid)) this.participants.set(participant.keyid, participant);
  }

  revoke(keyid: string, at: number): void {
    const p = this.participants.get(keyid);
    if (p && p.revokedAt === null) p.revokedAt = at;
  }

  /** The participant if the key was enrolled and not revoked at entry `at`. */
  activeAt(keyid: string, at: number): Participant | undefined {
    const p = this.participants.get(keyid);
    return p && p.enrolledAt <= at && (p.revokedAt === null || p.revokedAt > at) ? p : undefined;
  }

  /** True if a participant who is `person` (personOf) holds an active key at entry `at`. */
  activePerson(person: string, at: number): boolean {
    for (const p of this.participants.values()) {
      if (p.person === person && this.activeAt(p.keyid, at)) return true;
    }
    return false;
  }

  publicKeyOf(keyid: string): Uint8Array | undefined {
    if (this.station?.keyid === keyid) return this.station.publicKey;
    return this.participants.get(keyid)?.publicKey;
  }
}
