/**
 * Renders the "Fields" section of docs/answers/README.md from the answers schemas: for each
 * procedure, every field an answers file may hold, whether it is required, and what it holds. The
 * section sits between `<!-- answers-fields -->` and `<!-- /answers-fields -->` and is rewritten by
 * `npm run docs`; a test fails when it is out of date, and every example file is checked against its
 * schema, so the examples, this table and the code cannot drift apart.
 */
import { z } from 'zod';
import type { FileForm, FileKind } from './answer-parts.ts';
import { answersSchemas } from './procedure-answers.ts';

/** Files as the docs describe them: by what they hold. */
const FILE_WORDS: Readonly<Record<FileKind, string>> = {
  'key-file': 'path of a sealed key file (`.key`)',
  'share-file': 'path of a sealed share file (`.cshare`)',
  'psbt-file': 'path of a PSBT from the coordinator',
  'eth-request-file': 'path of an Ethereum transfer request from the coordinator (`custos-eth-request/1`)',
  'transaction-file': 'path of a signed transaction file the station wrote',
  'balances-file': 'path of the coordinator’s balances file',
  'public-key-file': 'path of a public key card (`.pub.json`)',
  'save-file': 'path of a file to write (on the medium named)',
  'challenge-file':
    'path of the challenge to sign, a UTF-8 text of at most 2,048 bytes (an auditor’s or counterparty’s sentence with a nonce): it is recorded in full',
  'evidence-file': 'path of an evidence file on its separate medium (video, photo, scan): its name and SHA-256 are recorded',
  folder: 'path of a folder to write into',
  'passphrase-file': 'path of a file holding the passphrase',
};

const docForm: FileForm<string> = { file: (kind) => z.custom<string>().describe(FILE_WORDS[kind]) as never };

interface Row {
  readonly field: string;
  readonly required: boolean;
  readonly holds: string;
}

/** The rows of one schema, depth first, in declaration order. */
function rows(schema: z.ZodType, field: string, required: boolean, out: Row[]): void {
  const def = schema.def as unknown as { type: string; [key: string]: unknown };
  switch (def.type) {
    case 'optional':
    case 'default':
      rows(def.innerType as z.ZodType, field, false, out);
      return;
    case 'object':
      if (field) out.push({ field, required, holds: 'object' });
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) rows(value, field ? `${field}.${key}` : key, true, out);
      return;
    case 'array':
      out.push({ field, required, holds: 'list' });
      rows(def.element as z.ZodType, `${field}[]`, true, out);
      return;
    case 'record':
      out.push({ field, required, holds: schema.description ?? 'object, one field per person (by the label the answers use)' });
      rows(def.valueType as z.ZodType, `${field}.<name>`, true, out);
      return;
    case 'boolean':
      out.push({ field, required, holds: '`true` or `false`' });
      return;
    case 'string':
      out.push({ field, required, holds: schema.description ?? 'text' });
      return;
    default:
      out.push({ field, required, holds: schema.description ?? 'text' });
  }
}

const TITLES: Readonly<Record<string, string>> = {
  'compromise-rotation': '`compromise-rotation`, first sitting',
  'compromise-rotation-sweep': '`compromise-rotation`, second sitting (`sweep`, or `abort`)',
  abort: '`custos abort`',
  checkpoint: '`custos checkpoint`',
};

/** The section's body: one table per schema. */
function renderAnswersFields(): string {
  const parts: string[] = [];
  for (const [name, schema] of Object.entries(answersSchemas(docForm))) {
    const table: Row[] = [];
    rows(schema as z.ZodType, '', true, table);
    parts.push(
      `### ${TITLES[name] ?? `\`${name}\``}`,
      '',
      '| Field | Required | What it holds |',
      '|---|---|---|',
      ...table.map((r) => `| \`${r.field}\` | ${r.required ? 'yes' : 'no'} | ${r.holds} |`),
      '',
    );
  }
  return parts.join('\n');
}

const START = '<!-- answers-fields -->';
const END = '<!-- /answers-fields -->';

/** The README with its fields section rewritten; a README without the markers is an error. */
export function renderAnswersReadme(page: string): string {
  const start = page.indexOf(START);
  const end = page.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/answers/README.md must hold ${START} … ${END}.`);
  return `${page.slice(0, start + START.length)}\n\n${renderAnswersFields()}\n${page.slice(end)}`;
}
