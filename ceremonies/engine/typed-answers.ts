/**
 * The answers of a procedure as typed values (common/answers/, ADR 0023): `answers.typed('incident')`
 * is an object shaped and typed by the incident schema whose every field, when the run reads it, is
 * read through the same checked readers as before (Answers.string, integer, strings, path, get) —
 * from a file or the app's answers (already checked against the schema), or asked of a person at a
 * terminal just when the run needs it. Lists and objects are views; nothing is read until it is used,
 * and each field is read once.
 */
import { z } from 'zod';
import { readerOf, withReader, type FileForm, type FilePath } from '../../common/answers/answer-parts.ts';
import { answersSchemas, type AnswersName, type AnswersOutput } from '../../common/answers/procedure-answers.ts';
import type { Answers } from './answers.ts';

/** The schemas as the engine reads them: a file field is read by Answers.path (a path, or a chosen file). */
const readingForm: FileForm<unknown> = { file: () => withReader(z.custom<FilePath>(), { read: 'file' }) as z.ZodType<FilePath, unknown> };
let schemas: ReturnType<typeof answersSchemas<unknown>> | undefined;

/** The answers `name` of `answers` as typed values, each read when the run uses it. */
export function typedAnswers<N extends AnswersName>(answers: Answers, name: N): AnswersOutput<N> {
  schemas ??= answersSchemas(readingForm);
  return readField(answers, schemas[name], '', false) as AnswersOutput<N>;
}

type Def = { readonly type: string; readonly [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => schema.def as unknown as Def;

/** The value of `schema` at `field` of `answers`; `optional` when the field may be left out. */
function readField(answers: Answers, schema: z.ZodType, field: string, optional: boolean): unknown {
  const def = defOf(schema);
  const reader = readerOf(schema);
  if (reader) {
    switch (reader.read) {
      case 'text':
        // A field the run may do without is asked as such (on a terminal: Enter skips it), then checked.
        return optional && answers.get(field) === undefined ? undefined : answers.string(field, reader.rules);
      case 'number':
        if (reader.fallback !== undefined) return answers.integer(field, reader.min, reader.max, reader.fallback);
        return optional && answers.get(field) === undefined ? undefined : answers.integer(field, reader.min, reader.max);
      case 'texts':
        return optional && answers.get(field) === undefined ? undefined : answers.strings(field, reader.oneOf ? { oneOf: reader.oneOf } : {});
      case 'file':
        return optional && answers.get(field) === undefined ? undefined : answers.path(field);
      case 'group':
        return view(answers, shapeOf(schema), field);
      case 'confirm':
        // A confirmation the people present give: anything but `true` is refused (CONFIRMATION_MISSING).
        answers.confirmed(field);
        return true;
      case 'raw':
        return answers.get(field);
    }
  }
  switch (def.type) {
    case 'optional':
    case 'default':
      return readField(answers, def.innerType as z.ZodType, field, true);
    case 'object':
      if (optional && answers.get(field) === undefined) return undefined;
      return view(answers, def.shape as Record<string, z.ZodType>, field);
    case 'array':
      if (optional && answers.get(field) === undefined) return undefined;
      return answers.list(field).map((_, i) => readField(answers, def.element as z.ZodType, `${field}.${i}`, false));
    case 'record':
      return recordView(answers, def.valueType as z.ZodType, field);
    default:
      return answers.get(field);
  }
}

/** The fields of an object, through the wrappers (optional, default) around it. */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  let def = defOf(schema);
  while (def.type !== 'object') def = defOf(def.innerType as z.ZodType);
  return def.shape as Record<string, z.ZodType>;
}

const NEED = Symbol('need');

/**
 * The field `key` of `view`, which its schema lets out but this run needs here (a share's file when
 * no words are typed, a rotation's shares in its second sitting): read as a required field — asked
 * (and asked again) as such on a terminal, refused in the reader's own words when an answers file
 * lacks it.
 */
export function need<T extends object, K extends keyof T & string>(view: T, key: K): NonNullable<T[K]> {
  const read = (view as { [NEED]?: (key: string) => unknown })[NEED];
  if (!read) throw new TypeError('need() reads a field of a typed answers view');
  return read(key) as NonNullable<T[K]>;
}

/** The schema inside the optional and default wrappers of a field. */
function unwrapped(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (['optional', 'default'].includes(defOf(inner).type) && !readerOf(inner)) inner = defOf(inner).innerType as z.ZodType;
  return inner;
}

/** An object whose fields are read when used, once each. */
function view(answers: Answers, shape: Record<string, z.ZodType>, at: string): object {
  const read = new Map<string, unknown>();
  const path = (key: string) => (at ? `${at}.${key}` : key);
  const needed = (key: string) => {
    const value = read.get(key);
    if (value !== undefined) return value;
    const required = readField(answers, unwrapped(shape[key]!), path(key), false);
    read.set(key, required);
    return required;
  };
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (key === NEED) return needed;
        if (typeof key !== 'string' || !Object.hasOwn(shape, key)) return undefined;
        if (!read.has(key)) read.set(key, readField(answers, shape[key]!, path(key), false));
        return read.get(key);
      },
      has: (_target, key) => typeof key === 'string' && Object.hasOwn(shape, key),
      ownKeys: () => Object.keys(shape),
      getOwnPropertyDescriptor: (_target, key) => (typeof key === 'string' && Object.hasOwn(shape, key) ? { enumerable: true, configurable: true } : undefined),
    },
  );
}

/** An object keyed by people's labels: each entry read when used. */
function recordView(answers: Answers, value: z.ZodType, at: string): object {
  return new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'string' ? readField(answers, value, `${at}.${key}`, true) : undefined),
    },
  );
}
