/**
 * The answers of a procedure as typed values (common/answers/, ADR 0023): `answers.typed('incident')`
 * is an object shaped and typed by the incident schema whose every field, when the run reads it, is
 * read through the same checked readers as before (Answers.string, integer, strings, path, get) —
 * from a file or the app's answers (already checked against the schema), or asked of a person at a
 * terminal just when the run needs it. Lists and objects are views; nothing is read until it is used,
 * and each field is read once.
 */
import type { z } from 'zod';
import { readerOf } from '../../common/answers/answer-parts.ts';
import type { Answers } from './answers.ts';

type Def = { readonly type: string; readonly [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => schema.def as unknown as Def;

/** The value of `schema` at `field` of `answers`; `optional` when the field may be left out. */
export function readField(answers: Answers, schema: z.ZodType, field: string, optional: boolean): unknown {
  const def = defOf(schema);
  const reader = readerOf(schema);
  if (reader) {
    switch (reader.read) {
      case 'text': {
        const text = answers.string(field, { ...reader.rules, optional });
        return optional && text === '' ? undefined : text;
      }
      case 'number':
        if (reader.fallback !== undefined) return answers.integer(field, reader.min, reader.max, reader.fallback);
        return optional && answers.get(field) === undefined ? undefined : answers.integer(field, reader.min, reader.max);
      case 'texts':
        return optional && answers.get(field) === undefined ? undefined : answers.strings(field, reader.oneOf ? { oneOf: reader.oneOf } : {});
      case 'file':
        return optional && answers.get(field) === undefined ? undefined : answers.path(field);
      case 'group':
        return view(answers, defOf(def.innerType as z.ZodType).shape as Record<string, z.ZodType>, field);
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

/** An object whose fields are read when used, once each. */
function view(answers: Answers, shape: Record<string, z.ZodType>, at: string): object {
  const read = new Map<string, unknown>();
  return new Proxy(
    {},
    {
      get(_target, key) {
        if (typeof key !== 'string' || !Object.hasOwn(shape, key)) return undefined;
        if (!read.has(key)) read.set(key, readField(answers, shape[key]!, at ? `${at}.${key}` : key, false));
        return read.get(key);
      },
      has: (_target, key) => typeof key === 'string' && Object.hasOwn(shape, key),
      ownKeys: () => Object.keys(shape),
      getOwnPropertyDescriptor: (_target, key) =>
        typeof key === 'string' && Object.hasOwn(shape, key) ? { enumerable: true, configurable: true } : undefined,
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
