/**
 * Secrets held by the core between requests, by opaque handle, each bound to the ceremony that made
 * it. Releasing a handle, ending its ceremony, or wiping the table zeroes the secret bytes. Handles
 * are random, so one ceremony cannot guess another's.
 */
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { CryptoError, type Handle } from './protocol.ts';
import { wipe } from './secret-bytes.ts';

export type Slot =
  | { kind: 'wallet'; ceremonyId: string; entropy: Uint8Array; fingerprint: string }
  | { kind: 'share'; ceremonyId: string; envelope: Uint8Array }
  | { kind: 'key'; ceremonyId: string; secretKey: Uint8Array; keyId: string };

const KIND_WORDS: Record<Slot['kind'], string> = { wallet: 'a wallet', share: 'a share', key: 'a signing key' };

function secretOf(slot: Slot): Uint8Array {
  return slot.kind === 'wallet' ? slot.entropy : slot.kind === 'share' ? slot.envelope : slot.secretKey;
}

export class HandleTable {
  private readonly slots = new Map<string, Slot>();

  add(slot: Slot): Handle {
    const handle = `${slot.kind}:${bytesToHex(randomBytes(16))}` as Handle;
    this.slots.set(handle, slot);
    return handle;
  }

  get<K extends Slot['kind']>(handle: unknown, kind: K): Extract<Slot, { kind: K }> {
    const slot = typeof handle === 'string' ? this.slots.get(handle) : undefined;
    if (!slot) {
      throw new CryptoError('UNKNOWN_HANDLE', 'This secret is no longer held: its ceremony ended or the core restarted.');
    }
    if (slot.kind !== kind) {
      throw new CryptoError('HANDLE_WRONG_KIND', `Expected ${KIND_WORDS[kind]}, got ${KIND_WORDS[slot.kind]}.`, {
        expected: kind,
        found: slot.kind,
      });
    }
    return slot as Extract<Slot, { kind: K }>;
  }

  release(handle: unknown): boolean {
    const slot = typeof handle === 'string' ? this.slots.get(handle) : undefined;
    if (!slot) return false;
    wipe(secretOf(slot));
    this.slots.delete(handle as string);
    return true;
  }

  endCeremony(ceremonyId: string): number {
    let count = 0;
    for (const [handle, slot] of this.slots) {
      if (slot.ceremonyId === ceremonyId) {
        wipe(secretOf(slot));
        this.slots.delete(handle);
        count++;
      }
    }
    return count;
  }

  wipeAll(): void {
    for (const slot of this.slots.values()) wipe(secretOf(slot));
    this.slots.clear();
  }

  get size(): number {
    return this.slots.size;
  }
}
