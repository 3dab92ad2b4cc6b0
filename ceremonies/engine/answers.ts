/**
 * Reading an answers file (docs/cli.md, "custos run"): the JSON that stands in for every human input
 * of a ceremony run headless. Paths in it are relative to the file's folder. A passphrase is given
 * inline ("passphrase") or in a file ("passphraseFile"). Any mistake is refused before anything is
 * recorded, as ANSWERS_INVALID naming the field, without ever repeating a passphrase.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AnswersName, AnswersOutput } from '../../common/answers/procedure-answers.ts';
import { checkAnswers } from './answers-check.ts';
import { typedAnswers } from './typed-answers.ts';
import { pathForm } from './path-form.ts';
import { CustosError } from '../custos-error.ts';
import type { CheckpointLater } from './checkpoint-media.ts';
import type { KeyMaterial } from './participant-keys.ts';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** How a text answer is checked: its form, its length, or one of a few values. (A field the run may do without is read through `get` first: typed-answers.ts.) */
export interface TextOptions {
  pattern?: RegExp;
  max?: number;
  oneOf?: readonly string[];
}

export class Answers {
  readonly file: string;
  readonly base: string;
  readonly data: { [key: string]: Json };

  constructor(file: string, data: { [key: string]: Json }) {
    this.file = file;
    this.base = path.dirname(path.resolve(file));
    this.data = data;
  }

  static load(file: string): Answers {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new CustosError('ANSWERS_UNREADABLE', `The answers file ${file} cannot be read. Nothing was recorded.`, { file });
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      // The parser's own message quotes the text around the mistake, which may be a passphrase:
      // only where it is (line and column) is said.
      throw new CustosError('ANSWERS_UNREADABLE', `The answers file ${file} is not valid JSON (${jsonErrorPlace(text, error)}). Nothing was recorded.`, {
        file,
      });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw invalid('(top)', 'must be a JSON object');
    return new Answers(file, data as { [key: string]: Json });
  }

  /**
   * Checks these answers against the schema of `procedure` (ceremonies/answers/) before anything is
   * unlocked or recorded: a misspelt or misplaced field, a value of the wrong form, is refused here.
   * A person at a terminal is asked each answer as it is needed, and checked then (TerminalAnswers).
   */
  check(procedure: string): void {
    checkAnswers(procedure, this.data, pathForm(this.base));
  }

  /**
   * The answers of `name` (a procedure, a rotation's sitting, `abort`, `checkpoint`) as typed values:
   * each field, when the run reads it, is read and checked as by the readers below (typed-answers.ts).
   */
  typed<N extends AnswersName>(name: N): AnswersOutput<N> {
    return typedAnswers(this, name);
  }

  get(field: string): Json | undefined {
    let value: Json | undefined = this.data;
    for (const part of field.split('.')) {
      if (Array.isArray(value) && /^\d+$/u.test(part)) value = value[Number(part)];
      else if (value && typeof value === 'object' && !Array.isArray(value)) value = value[part];
      else return undefined;
    }
    return value;
  }

  string(field: string, options: TextOptions = {}): string {
    const v = this.get(field);
    if (typeof v !== 'string' || !v.trim()) throw invalid(field, options.oneOf ? `must be one of ${options.oneOf.join(', ')}` : 'must be a non-empty text');
    const s = v.normalize('NFC');
    if (options.oneOf && !options.oneOf.includes(s)) throw invalid(field, `must be one of ${options.oneOf.join(', ')}`);
    if (options.pattern && !options.pattern.test(s)) throw invalid(field, `has an unexpected form (${options.pattern.source})`);
    if (s.length > (options.max ?? 200)) throw invalid(field, `is longer than ${options.max ?? 200} characters`);
    return s;
  }

  integer(field: string, min: number, max: number, fallback?: number): number {
    const v = this.get(field);
    if (v === undefined && fallback !== undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw invalid(field, `must be a whole number from ${min} to ${max}`);
    return v;
  }

  list(field: string): Json[] {
    const v = this.get(field);
    if (!Array.isArray(v)) throw invalid(field, 'must be a list');
    return v;
  }

  /** A list of texts; with `oneOf`, a non-empty list of values among those. */
  strings(field: string, options: { oneOf?: readonly string[] } = {}): string[] {
    const values = this.list(field).map((v, i) => {
      if (typeof v !== 'string' || !v.trim()) throw invalid(`${field}[${i}]`, 'must be a non-empty text');
      return v.normalize('NFC');
    });
    if (options.oneOf && (values.length === 0 || values.some((v) => !options.oneOf!.includes(v)))) {
      throw invalid(field, `must list one or more of ${options.oneOf.join(', ')}`);
    }
    return values;
  }

  path(field: string): string {
    return path.resolve(this.base, this.string(field, { max: 4096 }));
  }

  confirmed(field: string): void {
    if (this.get(field) !== true) {
      throw new CustosError('CONFIRMATION_MISSING', `The answers do not confirm "${field}" (it must be true). Nothing was recorded.`, { field });
    }
  }

  /** Passphrase of `field` (an object with passphrase or passphraseFile). */
  passphrase(field: string): string {
    return this.secret(field, 'passphrase');
  }

  /**
   * A passphrase given inline as `<field>.<name>` or in a file as `<field>.<name>File`. With
   * `minLength`, a shorter one is refused here, before anything is unlocked or recorded.
   */
  secret(field: string, name: string, minLength = 0): string {
    const inline = this.get(`${field}.${name}`);
    const file = this.get(`${field}.${name}File`);
    let value: string;
    if (typeof inline === 'string' && inline.length) value = inline;
    else if (typeof file === 'string' && file.length) {
      const where = this.path(`${field}.${name}File`);
      try {
        value = fs.readFileSync(where, 'utf8').replace(/\r?\n$/u, '');
      } catch {
        throw invalid(`${field}.${name}File`, 'cannot be read');
      }
    } else throw invalid(field, `needs a ${name} or a ${name}File`);
    if ([...value.normalize('NFKC')].length < minLength) throw invalid(`${field}.${name}`, `must have at least ${minLength} characters`);
    return value;
  }

  /**
   * Whether the passphrase `<field>.<name>` may be asked again after it did not open its file: never
   * from a file of answers; a person at a terminal may type it again (TerminalAnswers); the guided
   * ceremony asks its person again, naming them (main/app/guided-answers.ts).
   */
  retrySecret(_field: string, _name: string, _why: string): boolean | Promise<boolean> {
    return false;
  }

  /**
   * Makes the passphrase a run is about to read ready: a file of answers has it, a terminal asks it
   * when it is read; the guided desktop ceremony asks the person named, now, on the screen.
   */
  async ready(_need: SecretNeed): Promise<void> {}

  /**
   * Whether a participant's key unlocks at their first signature rather than before the ceremony
   * opens (the guided ceremony, ADR 0025): their key file's card (sealed-file version 2) is then
   * what the roster checks, and their passphrase is asked when they are to sign.
   */
  get unlocksAtSignature(): boolean {
    return false;
  }

  /**
   * Asks a witness, at the close, where they keep the checkpoint, when the answers name none (the
   * guided ceremony's checkpoint prompt); undefined for a file of answers or a terminal, which must
   * name it before anything is recorded (checkpoint-media.ts).
   */
  get checkpointLater(): CheckpointLater | undefined {
    return undefined;
  }

  /** The sealed key file participant `name` brought (answers.participants.<name>.keyFile). */
  keyFile(name: string): Uint8Array {
    const field = `participants.${name}`;
    if (this.get(field) === undefined) throw invalid(field, 'is not among the participants present');
    try {
      return new Uint8Array(fs.readFileSync(this.path(`${field}.keyFile`)));
    } catch (error) {
      if (error instanceof CustosError) throw error;
      throw invalid(`${field}.keyFile`, 'cannot be read');
    }
  }

  /** The sealed key file and passphrase of participant `name` (answers.participants.<name>). */
  key(name: string): KeyMaterial {
    const keyFile = this.keyFile(name);
    return { keyFile, passphrase: this.passphrase(`participants.${name}`) };
  }

  /** The same, once the passphrase is ready (asked of `name` in the guided ceremony; `personName` is said when known). */
  async keyReady(name: string, personName?: string): Promise<KeyMaterial> {
    await this.ready({
      field: `participants.${name}`,
      name: 'passphrase',
      who: name,
      purpose: 'key',
      ...(personName === undefined ? {} : { person: personName }),
    });
    return this.key(name);
  }
}

/** A passphrase a run is about to read, and whose it is: the guided ceremony asks that person for it, then. */
export interface SecretNeed {
  /** Where it is in the answers: `station`, `participants.<label>`, `shares.<i>`, `holders.<i>`… */
  field: string;
  name: 'passphrase' | 'sharePassphrase';
  /** The person, as the answers name them (a participant's label, a holder's name), or `station`. */
  who: string;
  /** Their name, when the run knows it before their key opens (the person being enrolled, from their card). */
  person?: string;
  /** What it opens: the station key, a participant's key, a share presented; or what a new one seals (typed twice): a share, the station key. */
  purpose: 'station' | 'key' | 'share' | 'new-share' | 'new-station';
  /** For a new passphrase: its least length. */
  minLength?: number;
}

export function invalid(field: string, why: string): CustosError {
  return new CustosError('ANSWERS_INVALID', `In the answers, ${field} ${why}. Nothing was recorded.`, { field });
}

/** Where a JSON.parse error is, as "line L, column C" when the parser says, never the text there. */
function jsonErrorPlace(text: string, error: unknown): string {
  const message = String((error as Error | null)?.message ?? '');
  const lineColumn = /line (\d+) column (\d+)/u.exec(message);
  if (lineColumn) return `line ${lineColumn[1]}, column ${lineColumn[2]}`;
  const position = /position (\d+)/u.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const line = before.split('\n').length;
    return `line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
  }
  return 'check its quotes, commas and brackets';
}
