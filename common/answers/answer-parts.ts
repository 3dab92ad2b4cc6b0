/**
 * The parts every procedure's answers schema is built from (docs/answers/README.md, "Fields"): texts,
 * whole numbers, lists, names of people, passphrases, and files. A file field is a distinct type whose
 * form depends on where the answers come from — a path relative to the answers file on the command
 * line, a `{ "$chosen": token }` of the station's dialog in the desktop app — given by a FileForm. Each
 * part says what is wrong in the words `custos run` has always used ("must be a non-empty text").
 * Semantic checks that carry their own codes (an amount, a policy, a confirmation) stay with the run.
 */
import { z } from 'zod';
import { CHAINS } from './vocabulary.ts';

/** What a file field holds, which sets the dialog the desktop app opens for it. */
export type FileKind =
  | 'key-file'
  | 'share-file'
  | 'psbt-file'
  | 'eth-request-file'
  | 'transaction-file'
  | 'balances-file'
  | 'public-key-file'
  | 'save-file'
  | 'evidence-file'
  | 'challenge-file'
  | 'folder'
  | 'passphrase-file';

/** How file fields are written: I is their form in the answers, and each becomes the path it names. */
export interface FileForm<I> {
  file(kind: FileKind): z.ZodType<FilePath, I>;
}

/** A file or folder chosen in the station's dialog, as the desktop app's answers write it. */
export type ChosenFile = { readonly $chosen: string };

/** A file or folder named by the answers, resolved (absolute on the command line, chosen in the app). */
export type FilePath = string & { readonly __filePath: unique symbol };

const WALLET_ID = /^[A-Za-z0-9._-]{1,64}$/u;
const BAG_SERIAL = /^[A-Za-z0-9-]{1,40}$/u;
/** A SHA-256 in lower-case hexadecimal (a photo of a seal, kept on a separate medium). */
const SHA256_HEX = /^[0-9a-f]{64}$/u;
export const DATE = /^\d{4}-\d{2}-\d{2}$/u;
export const KEY_ID = /^[0-9a-f]{64}$/u;

interface TextRules {
  readonly pattern?: RegExp;
  readonly max?: number;
  readonly oneOf?: readonly string[];
}

/**
 * How the engine reads a field of this part when the run needs it (ceremonies/engine/typed-answers.ts):
 * with the same checks, by the reader of the same name of its answers (a text, a whole number with
 * its range, a list of texts, a path), as a group whose fields are read one by one, or as it is.
 */
export type Reader =
  | { readonly read: 'text'; readonly rules: TextRules }
  | { readonly read: 'number'; readonly min: number; readonly max: number; readonly fallback?: number }
  | { readonly read: 'texts'; readonly oneOf?: readonly string[] }
  | { readonly read: 'file' }
  | { readonly read: 'group' }
  | { readonly read: 'confirm' }
  | { readonly read: 'raw' };

const READERS = new WeakMap<z.ZodType, Reader>();

/** `schema`, read as `reader` says. */
export function withReader<T extends z.ZodType>(schema: T, reader: Reader): T {
  READERS.set(schema, reader);
  return schema;
}

export function readerOf(schema: z.ZodType): Reader | undefined {
  return READERS.get(schema);
}

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** A non-empty text (NFC), of at most `max` characters (200), of a form or one of a few values. */
export function text<T extends string = string>(rules: TextRules = {}): z.ZodType<T, T> {
  const max = rules.max ?? 200;
  return withReader(textSchema<T>(rules, max), { read: 'text', rules });
}

function textSchema<T extends string>(rules: TextRules, max: number): z.ZodType<T, T> {
  return z
    .custom<T>()
    .transform((v, ctx) => {
      if (!nonEmpty(v)) {
        ctx.addIssue({ code: 'custom', message: rules.oneOf ? `must be one of ${rules.oneOf.join(', ')}` : 'must be a non-empty text' });
        return z.NEVER;
      }
      const s = v.normalize('NFC');
      if (rules.oneOf && !rules.oneOf.includes(s)) ctx.addIssue({ code: 'custom', message: `must be one of ${rules.oneOf.join(', ')}` });
      else if (rules.pattern && !rules.pattern.test(s)) ctx.addIssue({ code: 'custom', message: `has an unexpected form (${rules.pattern.source})` });
      else if (s.length > max) ctx.addIssue({ code: 'custom', message: `is longer than ${max} characters` });
      else return s as T;
      return z.NEVER;
    })
    .describe(
      rules.oneOf
        ? `one of ${rules.oneOf.map((v) => `\`${v}\``).join(', ')}`
        : rules.pattern
          ? `text of the form \`${rules.pattern.source}\``
          : `text, at most ${max} characters`,
    ) as unknown as z.ZodType<T, T>;
}

/** One of a few values. */
export function oneOf<const V extends readonly string[]>(values: V): z.ZodType<V[number], V[number]> {
  return text<V[number]>({ oneOf: values });
}

/** A whole number from `min` to `max`. */
export function wholeNumber(min: number, max: number): z.ZodType<number, number> {
  return withReader(numberSchema(min, max), { read: 'number', min, max });
}

/** A whole number from `min` to `max` that may be left out for `fallback`. */
export function wholeNumberOr(min: number, max: number, fallback: number) {
  return withReader(numberSchema(min, max).describe(`whole number from ${min} to ${max}, ${fallback} if left out`).default(fallback), {
    read: 'number',
    min,
    max,
    fallback,
  });
}

function numberSchema(min: number, max: number): z.ZodType<number, number> {
  return z
    .custom<number>()
    .refine((v) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max, { message: `must be a whole number from ${min} to ${max}` })
    .describe(`whole number from ${min} to ${max}`);
}

/** A list of non-empty texts; with `oneOf`, a non-empty list of values among those. */
export function texts<V extends string = string>(rules: { readonly oneOf?: readonly V[] } = {}): z.ZodType<V[], V[]> {
  return withReader(textsSchema(rules), { read: 'texts', ...(rules.oneOf ? { oneOf: rules.oneOf } : {}) });
}

function textsSchema<V extends string>(rules: { readonly oneOf?: readonly V[] }): z.ZodType<V[], V[]> {
  return z
    .custom<V[]>()
    .transform((v, ctx) => {
      if (!Array.isArray(v)) {
        ctx.addIssue({ code: 'custom', message: 'must be a list' });
        return z.NEVER;
      }
      const out: V[] = [];
      for (const [i, item] of v.entries()) {
        if (!nonEmpty(item)) {
          ctx.addIssue({ code: 'custom', message: 'must be a non-empty text', path: [i] });
          return z.NEVER;
        }
        out.push(item.normalize('NFC') as V);
      }
      if (rules.oneOf && (out.length === 0 || out.some((s) => !rules.oneOf!.includes(s)))) {
        ctx.addIssue({ code: 'custom', message: `must list one or more of ${rules.oneOf.join(', ')}` });
        return z.NEVER;
      }
      return out;
    })
    .describe(rules.oneOf ? `list of one or more of ${rules.oneOf.map((v) => `\`${v}\``).join(', ')}` : 'list of texts') as unknown as z.ZodType<V[], V[]>;
}

/** A list of items of one shape. */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item, { error: 'must be a list' });
}

/** An object of exactly these fields: any other is refused, so a misspelt field never goes unnoticed. */
export function fields<S extends z.ZodRawShape>(shape: S) {
  return z.strictObject(shape, { error: 'must be an object of named fields' });
}

/** Whatever the run judges itself, with its own code (a confirmation, a policy): `what` says what it must be. */
export function judgedByRun<T>(what: string) {
  return withReader(z.custom<T>().describe(what), { read: 'raw' });
}

/** An object whose fields may each be left out, and which may itself be left out (as `{}`). */
export function group<S extends z.ZodRawShape>(shape: S) {
  return withReader(fields(shape).default({} as never), { read: 'group' });
}

/** A confirmation the people present give: `true` only once it really happened (the run refuses anything else as CONFIRMATION_MISSING). */
export function confirmation() {
  return withReader(z.custom<boolean>().describe('`true`, once it really happened').optional(), { read: 'confirm' });
}

/** A name of a person present, as the answers label them (the keys of `participants`). */
export const personName = text({ max: 80 });

/**
 * A passphrase, typed (`passphrase`, never shown) or in a file (`passphraseFile`); `name` is the
 * field's name for a share's own passphrase (`sharePassphrase`). The run checks that one is given.
 */
function passphraseFields<I, N extends string>(form: FileForm<I>, name: N) {
  return {
    [name]: z.string({ error: 'must be a text' }).describe('passphrase, typed (never shown)').optional(),
    [`${name}File`]: form.file('passphrase-file').optional(),
  } as { [K in N]: z.ZodOptional<z.ZodString> } & { [K in `${N}File`]: z.ZodOptional<z.ZodType<FilePath, I>> };
}

/** The station key's passphrase. */
function stationAnswer<I>(form: FileForm<I>) {
  return fields(passphraseFields(form, 'passphrase'));
}

/** Each person present, by the label the answers use: their sealed key file and its passphrase. */
function participantsAnswer<I>(form: FileForm<I>) {
  return z.record(personName, fields({ keyFile: form.file('key-file'), ...passphraseFields(form, 'passphrase') }), {
    error: 'must be an object of named fields',
  });
}

/** Where each witness keeps the checkpoint of the close, by label: one file each, on their own medium. */
function witnessCheckpointsAnswer<I>(form: FileForm<I>) {
  return z
    .record(personName, form.file('save-file'), { error: 'must be an object of named fields' })
    .describe('object: for each witness who cosigns the close, by their label, the file on their own medium the checkpoint is written to (each needs one)');
}

/**
 * Who signs as officer and as witness(es), who must keep the checkpoint, and the evidence files of
 * the ceremony's steps: each a step id (`open`, a step, `close`) and the file on the separate medium
 * (video, photos, scans), whose name and SHA-256 that step's entry records (docs/record-format.md,
 * "Evidence").
 */
export function peopleAnswers<I>(form: FileForm<I>) {
  return {
    station: stationAnswer(form),
    participants: participantsAnswer(form),
    officer: personName,
    witnessCheckpoints: witnessCheckpointsAnswer(form).optional(),
    evidence: list(fields({ step: text({ max: 64 }), file: form.file('evidence-file') })).optional(),
  };
}

/**
 * A share presented by its holder: from its sealed file and passphrase, or typed words; with its bag:
 * intact, replaced (opened for the ceremony, the medium put in a new bag), or, in a backup drill,
 * found broken or missing (the share is presented all the same, and the drill opens an incident),
 * with the SHA-256 of a photo of it if one was taken.
 */
export function presentedShareAnswer<I>(form: FileForm<I>) {
  return fields({
    holder: personName,
    file: form.file('share-file').optional(),
    ...passphraseFields(form, 'sharePassphrase'),
    words: text({ max: 1000 }).optional(),
    bag: fields({
      state: oneOf(['intact', 'replaced', 'broken', 'missing'] as const),
      serial: text().optional(),
      newSerial: text({ pattern: BAG_SERIAL }).optional(),
      photoSha256: text({ pattern: SHA256_HEX }).optional(),
    }),
  });
}

/** A share destroyed in front of a witness (destruction, and a reshare's old set): how, the medium, its bag, its reachable files. */
export function shareToDestroyAnswer<I>(form: FileForm<I>) {
  return fields({
    index: wholeNumber(1, 16),
    holder: personName.optional(),
    method: oneOf(['shred', 'wipe'] as const),
    mediaId: text({ max: 80 }),
    bagSerial: text({ pattern: BAG_SERIAL }),
    files: list(form.file('share-file')).optional(),
  });
}

/** A holder a new share is made for: on a file medium (or paper, from the desktop app), in a bag. */
export function newHolderAnswer<I>(form: FileForm<I>) {
  return fields({
    name: personName,
    media: texts(),
    outputDir: form.file('folder').optional(),
    ...passphraseFields(form, 'sharePassphrase'),
    bagSerial: text({ pattern: BAG_SERIAL }),
  });
}

/** A share presented, and a wallet to create, as the run reads them. */
export type PresentedShareAnswer = z.output<ReturnType<typeof presentedShareAnswer<unknown>>>;
export type NewHolderAnswer = z.output<ReturnType<typeof newHolderAnswer<unknown>>>;
export type WalletPlanAnswer = z.output<z.ZodObject<ReturnType<typeof walletPlanAnswers<unknown>>>>;

/** A wallet to create: its id, class, client reference, label, chains, holders, quorum, drill interval. */
export function walletPlanAnswers<I>(form: FileForm<I>) {
  return {
    wallet: fields({
      id: text({ pattern: WALLET_ID }),
      class: oneOf(['client', 'house'] as const),
      clientRef: text().optional(),
      label: text({ max: 120 }),
    }),
    chains: texts({ oneOf: CHAINS }),
    holders: list(newHolderAnswer(form)),
    threshold: wholeNumber(2, 16),
    drillIntervalDays: wholeNumberOr(7, 730, 180),
    dice: text({ max: 4000 }).optional(),
  };
}
