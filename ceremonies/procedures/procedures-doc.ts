/**
 * Renders docs/procedures.md from the procedure definitions (the page is generated from the
 * definitions, never written by hand): for each procedure, its purpose, the requirements it serves,
 * its hash, and its steps in order with who must sign and what each records. `npm run docs`
 * (scripts/docs.ts) rewrites the file; a test fails when it is out of date.
 */
import { fileURLToPath } from 'node:url';
import { PROCEDURES } from './catalogue.ts';
import { ABORT_STEP, procedureHash, type ProcedureDefinition, type StepDefinition } from './definition.ts';

function signers(step: StepDefinition): string {
  return step.signers.map((r) => `${r.min}${r.max === r.min ? '' : r.max === undefined ? '+' : `–${r.max}`} ${r.role}`).join(', ');
}

function occurrences(step: StepDefinition): string {
  return step.repeat ? `${step.repeat.min}–${step.repeat.max}×` : '1×';
}

function section(p: ProcedureDefinition): string {
  const rows = p.steps.map(
    (s, i) => `| ${i + 1} | \`${s.id}\` (${s.type}) | ${s.title.en} / ${s.title.fr} | ${occurrences(s)} | station, ${signers(s)} | ${s.records.join(', ')} |`,
  );
  return [
    `## ${p.title.en} — \`${p.id}@${p.version}\``,
    '',
    `*${p.title.fr}*`,
    '',
    p.purpose.en,
    '',
    `> ${p.purpose.fr}`,
    '',
    `Requirements: ${p.requirements.join(', ')}. Witness cosignatures on the checkpoint after close: ${p.checkpointWitnesses}.`,
    `Definition hash (SHA-256 of its RFC 8785 JSON): \`${procedureHash(p)}\``,
    ...(p.preconditions?.length
      ? [
          '',
          ...p.preconditions.map(
            (c) => `Precondition: the wallet named by \`${c.field}\` is ${c.states.join(' or ')}${c.classes ? `, of class ${c.classes.join(' or ')}` : ''}.`,
          ),
        ]
      : []),
    '',
    '| # | Step | Title | Occurs | Signed by | Records |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

export function renderProceduresDoc(): string {
  return [
    '# Procedures',
    '',
    'Generated from `ceremonies/procedures/` by `npm run docs`; do not edit by hand.',
    '',
    'Each procedure is a versioned definition. Its hash is bound into every entry of its ceremonies, so',
    'the rules an auditor checks (`custos verify`) are the rules the officer ran. Steps come in order;',
    '"Signed by" counts distinct keys of each role besides the station, which signs every entry. Any',
    `ceremony may be aborted: step \`${ABORT_STEP.id}\`, signed by ${signers(ABORT_STEP)}, recording ${ABORT_STEP.records.join(', ')}.`,
    '',
    ...PROCEDURES.map(section),
  ].join('\n');
}

export const PROCEDURES_DOC = fileURLToPath(new URL('../../docs/procedures.md', import.meta.url));
