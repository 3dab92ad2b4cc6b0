/**
 * The exact shape of each entry type beyond the payload's envelope fields (docs/record-format.md,
 * "Ceremonies and entry types"): a step's body holds exactly the fields its step declares in
 * `records` (an opening entry also carries its air-gap evidence, the build and, for a drill, its
 * deviation; any entry but an abort may also name its evidence files; an abort exactly its reason); a `recovery` entry has fixed procedure fields, its
 * ceremony named after its index, the station's signature alone, and a body that is exactly the
 * quarantined file's description. What does not fit is an error: the station key alone can write
 * any body, so nothing it adds may pass unseen.
 */
import type { StepDefinition } from '../procedures/definition.ts';
import { RECOVERY_PROCEDURE, ZERO_HASH, type EntryPayload } from '../record/entry-payload.ts';
import { evidenceList } from '../record/evidence.ts';
import type { Findings } from './findings.ts';

/** Fields every opening entry may carry besides its step's records (the engine adds them). */
const OPENING_FIELDS = ['airGap', 'build', 'deviation'] as const;

const HEX64 = /^[0-9a-f]{64}$/u;
const SEGMENT = /^\d{6}\.jsonl$/u;
const QUARANTINE_FILE = /^quarantine\/\d{6}-\d{1,15}-[0-9a-f]{16}\.bin$/u;
const QUARANTINED_FIELDS = ['bytes', 'file', 'offset', 'segment', 'sha256'];

function sameKeys(value: object, sorted: string[]): boolean {
  const keys = Object.keys(value).sort();
  return keys.length === sorted.length && keys.every((k, i) => k === sorted[i]);
}

/** Reports a body whose fields are not exactly the step's records (one finding per field). */
export function checkBody(step: StepDefinition, p: EntryPayload, findings: Findings): void {
  const opening = p.type === 'open';
  for (const field of step.records) {
    if (!(field in p.body)) {
      findings.error('BODY_FIELDS_INVALID', `Step "${step.id}" records "${field}", which this entry lacks.`, p.index, p.ceremony, {
        kind: 'missing',
        step: step.id,
        field,
      });
    }
  }
  for (const field in p.body) {
    // Any entry but an abort may name its evidence files (record/evidence.ts), in exactly that form.
    if (field === 'evidence' && step.id !== 'abort' && !step.records.includes(field)) {
      if (evidenceList(p.body.evidence) === null) {
        findings.error('BODY_FIELDS_INVALID', `Step "${step.id}" names its evidence in another form than a list of {name, sha256}.`, p.index, p.ceremony, {
          kind: 'evidence',
          step: step.id,
          field,
        });
      }
      continue;
    }
    if (!step.records.includes(field) && !(opening && (OPENING_FIELDS as readonly string[]).includes(field))) {
      findings.error('BODY_FIELDS_INVALID', `Step "${step.id}" does not record "${field}".`, p.index, p.ceremony, { kind: 'extra', step: step.id, field });
    }
  }
}

/** True if `p` is exactly a recovery entry as the store writes it, signed by the station alone. */
export function checkRecovery(p: EntryPayload, signed: string[], findings: Findings): boolean {
  if (p.signers.length || signed.length !== 1) {
    findings.error('RECOVERY_INVALID', 'A recovery entry is signed by the station alone.', p.index, p.ceremony, { kind: 'signers' });
    return false;
  }
  if (
    p.ceremony !== `recovery-${p.index}` ||
    p.seq !== 0 ||
    p.ceremonyPrev !== ZERO_HASH ||
    p.procedure !== ZERO_HASH ||
    p.procedureId !== RECOVERY_PROCEDURE ||
    p.step !== 'recovery'
  ) {
    findings.error(
      'RECOVERY_INVALID',
      'A recovery entry has ceremony "recovery-<index>", sequence 0, no procedure (store-recovery@1) and step "recovery".',
      p.index,
      p.ceremony,
      {
        kind: 'fields',
      },
    );
    return false;
  }
  const q = p.body.quarantined as Record<string, unknown> | undefined;
  const exact =
    sameKeys(p.body, ['quarantined']) &&
    !!q &&
    typeof q === 'object' &&
    !Array.isArray(q) &&
    sameKeys(q, QUARANTINED_FIELDS) &&
    typeof q.file === 'string' &&
    QUARANTINE_FILE.test(q.file) &&
    typeof q.segment === 'string' &&
    SEGMENT.test(q.segment) &&
    Number.isSafeInteger(q.offset) &&
    (q.offset as number) >= 0 &&
    Number.isSafeInteger(q.bytes) &&
    (q.bytes as number) > 0 &&
    typeof q.sha256 === 'string' &&
    HEX64.test(q.sha256);
  if (!exact) {
    findings.error('RECOVERY_INVALID', 'A recovery entry records exactly the quarantined file: {file, segment, offset, bytes, sha256}.', p.index, p.ceremony, {
      kind: 'body',
    });
  }
  return exact;
}
