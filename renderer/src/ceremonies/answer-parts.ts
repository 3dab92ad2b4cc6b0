/**
 * The small parts every ceremony form's answers are made of (docs/cli.md "Conventions that hold in
 * every answers file"), without React, so that pure answer builders and their unit tests use them
 * too: a person's attestation (key file chosen in the station's dialog; the passphrase is typed at
 * their first signature, in the guided ceremony, ADR 0025) and its
 * `participants.<label>` entry, the officer and witnesses present, and a chosen file or folder as
 * `{"$chosen": token}`, and where each witness keeps their checkpoint (`witnessCheckpoints`).
 * Attestation.tsx, fields.tsx and WitnessesAndOfficer.tsx re-export them.
 */
import type { Chosen } from '../../../main/app/app-api.ts';

/**
 * What an attestation holds: the token of the key file chosen and its name to show; a witness's
 * checkpoint file when chosen ahead (the guided ceremony asks it at the close).
 */
export interface AttestationValue {
  readonly token: string | null;
  readonly fileName: string;
  readonly checkpoint?: Chosen | null;
}

/** The officer and the witnesses of a ceremony. */
export interface Presence {
  readonly officer: AttestationValue;
  readonly witnesses: readonly AttestationValue[];
}

export const EMPTY_ATTESTATION: AttestationValue = { token: null, fileName: '', checkpoint: null };

/** A key file chosen (its passphrase is asked at its owner's first signature). */
export function attestationReady(value: AttestationValue): boolean {
  return value.token !== null;
}

/** A witness who cosigns the close: ready with their key file; they choose where their checkpoint is written at the close (ADR 0025). */
export function witnessReady(value: AttestationValue): boolean {
  return attestationReady(value);
}

/** The answers' `witnessCheckpoints`: the files witnesses chose ahead, by label; the others are asked at the close. */
export function checkpointAnswers(witnesses: readonly (readonly [string, AttestationValue])[]) {
  return Object.fromEntries(witnesses.filter(([, w]) => w.checkpoint != null).map(([label, w]) => [label, chosenAnswer(w.checkpoint ?? null)]));
}

/** The answers' `participants.<label>` entry of an attestation: the key file only. */
export function participantAnswer(value: AttestationValue) {
  return { keyFile: { $chosen: value.token ?? '' } };
}

/** `{ "$chosen": token }`, the answers' form of a chosen file or folder. */
export function chosenAnswer(value: Chosen | null) {
  return { $chosen: value?.token ?? '' };
}

/** What a form still needs before its ceremony can start: the words of each condition not met, in the form's order. */
export function stillNeeded(conditions: readonly (readonly [boolean, string])[]): string[] {
  return conditions.filter(([met]) => !met).map(([, words]) => words);
}

/** How a missing piece of an attestation is said (the ceremony screens' words). */
export interface NeedWords {
  readonly roleOfficer: string;
  readonly roleWitness: (n: number) => string;
  readonly needKey: (who: string) => string;
}

/** The officer's and each witness's key file. */
export function presenceNeeds(p: Presence, words: NeedWords): (readonly [boolean, string])[] {
  return [
    [attestationReady(p.officer), words.needKey(words.roleOfficer)],
    ...p.witnesses.map((w, i): readonly [boolean, string] => [attestationReady(w), words.needKey(words.roleWitness(i + 1))]),
  ];
}
