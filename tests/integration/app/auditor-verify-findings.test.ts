/**
 * The auditor view's verification (main/app/auditor-verify.ts) hands each finding to the renderer
 * with its details (main/app/app-api.ts, FindingView), so the French screen says the specifics
 * (common/findings/finding-message.ts): on a tampered copy of the tamper station, the torn
 * tail's segment and byte count and the missing entries reach the French text; the English text is
 * verify's own message. Spec: issue 5, "Auditor view"; docs/record-format.md ("Verification").
 */
import { expect, test } from 'vitest';
import { findingView, verifyForAuditor } from '../../../main/app/auditor-verify.ts';
import { Job } from '../../../main/app/app-jobs.ts';
import { localFindingMessage } from '../../../common/findings/finding-message.ts';
import { AT, ENTRY_COUNT, useTamperStation, writeJournal } from '../../support/tamper.ts';

const ctx = useTamperStation();

test('the outcome’s findings carry their details, and the French text is filled from them', async () => {
  const { s } = ctx;
  const dir = ctx.copy();
  writeJournal(dir, s.lines.filter((_, i) => i !== AT.gusProveKey).slice(0, -1), 'x'.repeat(1234));
  const outcome = await verifyForAuditor(new Job(), dir);
  expect(outcome.ok).toBe(false);
  for (const f of outcome.findings) expect(Object.keys(f).sort()).toEqual(['ceremony', 'code', 'details', 'index', 'message', 'severity']);

  const torn = outcome.findings.find((f) => f.code === 'JOURNAL_TORN_TAIL')!;
  expect(torn).toMatchObject({ index: ENTRY_COUNT - 1, details: { segment: '000001.jsonl', bytes: 1234 } });
  expect(localFindingMessage(torn, 'fr')).toContain('Le segment 000001.jsonl se termine par 1\u202f234 octets');
  expect(localFindingMessage(torn, 'en')).toBe('Segment 000001.jsonl ends with 1234 bytes that are not a complete entry (a torn write or trailing garbage).');

  const missing = outcome.findings.find((f) => f.code === 'ENTRIES_MISSING')!;
  expect(missing).toMatchObject({ index: AT.gusClose, ceremony: s.ceremonies.gus, details: { from: AT.gusProveKey, to: AT.gusProveKey } });
  expect(localFindingMessage(missing, 'fr')).toContain(`Les entrées ${AT.gusProveKey} à ${AT.gusProveKey} manquent`);
});

test('findingView copies the details: the outcome does not share the verifier’s objects', () => {
  const details = { segment: '000002.jsonl', bytes: 3 };
  const view = findingView({ severity: 'error', code: 'JOURNAL_TORN_TAIL', message: 'm', index: 1, ceremony: null, details });
  expect(view).toEqual({ severity: 'error', code: 'JOURNAL_TORN_TAIL', message: 'm', index: 1, ceremony: null, details });
  expect(view.details).not.toBe(details);
});
