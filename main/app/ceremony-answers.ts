/**
 * The answers of a ceremony run from the desktop app: the same fields as a `custos run` answers file
 * (common/answers/, one schema per procedure), where each file or folder is `{ "$chosen": token }`
 * (chosen-form.ts). They are checked against the procedure's schema at once, each token becoming the
 * path chosen in the station's dialog for the kind of choice its field declares; then the engine reads
 * them exactly as for the command line. Passphrases are not in them: the guided ceremony (ADR 0025)
 * asks each person for theirs when the run needs it (`ready`), or at the sign request of the entry
 * they sign (`give`), and asks again, naming them, when it is wrong.
 */
import { checkAnswers } from '../../ceremonies/engine/answers-check.ts';
import { Answers, invalid, type Json, type SecretNeed } from '../../ceremonies/engine/answers.ts';
import type { CeremonyAnswers } from './app-api.ts';
import { chosenForm } from './chosen-form.ts';
import type { ChosenPaths } from './chosen-paths.ts';

/**
 * Answers from the screen: a file or folder is only ever one the officer chose in the station's
 * dialog. Every path the engine reads (Answers.path: key files, share files, PSBTs, output
 * folders…) must be one a `$chosen` token named; the schema refuses a path written as text.
 */
/** A passphrase asked of its person on the screen: which one, whose, and, when asked again, why. */
export interface PassphraseAsked extends SecretNeed {
  /** 1 the first time; more after a wrong one. */
  readonly attempt: number;
  /** Why the last one typed was refused (the crypto core's words), or null the first time. */
  readonly refused: string | null;
  /** Tries the person has in all (PASSPHRASE_TRIES). */
  readonly tries: number;
}

/** Tries a person has at a passphrase before the ceremony stops (a terminal gives three). */
const PASSPHRASE_TRIES = 5;

export class ChosenAnswers extends Answers {
  private readonly chosen: ReadonlySet<string>;
  /** Passphrases typed on the screen, by `<field>.<name>`: kept for the run only (forget()). */
  private readonly typedHere = new Map<string, string>();
  private readonly refusals = new Map<string, { attempt: number; why: string }>();
  /** Asks a person on the screen (the job's passphrase prompt); set for a guided run. */
  asker: ((asked: PassphraseAsked) => Promise<string>) | undefined;
  /** Asks a witness, at the close, where their checkpoint goes (the job's checkpoint prompt), resolving with the path chosen; set for a guided run. */
  checkpointAsker: ((witness: string) => Promise<string>) | undefined;

  constructor(data: { [key: string]: Json }, chosen: ReadonlySet<string>) {
    super('(desktop app)', data);
    this.chosen = chosen;
  }

  /** Keys unlock at their owner's first signature: the people are asked at their step. */
  override get unlocksAtSignature(): boolean {
    return this.asker !== undefined;
  }

  /** Asks `need`'s person for the passphrase, unless it was typed already (or the answers carry it). */
  override async ready(need: SecretNeed): Promise<void> {
    const key = `${need.field}.${need.name}`;
    if (!this.asker || this.typedHere.has(key) || this.get(key) !== undefined || this.get(`${key}File`) !== undefined) return;
    const refused = this.refusals.get(key);
    this.typedHere.set(key, await this.asker({ ...need, attempt: refused?.attempt ?? 1, refused: refused?.why ?? null, tries: PASSPHRASE_TRIES }));
  }

  /** In the guided run, a witness who named no medium chooses it at the close. */
  override get checkpointLater(): ((witness: string) => Promise<string>) | undefined {
    return this.checkpointAsker;
  }

  /** A passphrase a signer typed at the sign request of the entry they sign. */
  give(field: string, name: string, value: string): void {
    this.typedHere.set(`${field}.${name}`, value);
  }

  override secret(field: string, name: string, minLength = 0): string {
    const key = `${field}.${name}`;
    const value = this.typedHere.get(key);
    if (value === undefined) return super.secret(field, name, minLength);
    if ([...value.normalize('NFKC')].length < minLength) throw invalid(key, `must have at least ${minLength} characters`);
    return value;
  }

  /** A passphrase typed here that did not open its file: its person is asked again, with why, up to PASSPHRASE_TRIES in all. */
  override retrySecret(field: string, name: string, why: string): boolean {
    const key = `${field}.${name}`;
    if (!this.asker || !this.typedHere.has(key)) return false;
    const attempt = (this.refusals.get(key)?.attempt ?? 1) + 1;
    if (attempt > PASSPHRASE_TRIES) return false;
    this.typedHere.delete(key);
    this.refusals.set(key, { attempt, why });
    return true;
  }

  /** Drops every passphrase typed (the run has ended). */
  forget(): void {
    this.typedHere.clear();
  }

  /** Checked when they arrived, against the schema of their procedure. */
  override check(_procedure: string): void {}

  override path(field: string): string {
    const value = this.get(field);
    if (typeof value !== 'string' || !this.chosen.has(value)) {
      throw invalid(field, 'must be a file or folder chosen in the station’s dialog, not a path written by the screen');
    }
    return value;
  }
}

/** Answers for the engine: checked against `procedure`'s schema, each `$chosen` token replaced by its path. */
export function ceremonyAnswers(procedure: string, answers: CeremonyAnswers, chosen: ChosenPaths): ChosenAnswers {
  const paths = new Set<string>();
  const data = checkAnswers(procedure, answers, chosenForm(chosen, paths)) as { [key: string]: Json };
  return new ChosenAnswers(data, paths);
}
