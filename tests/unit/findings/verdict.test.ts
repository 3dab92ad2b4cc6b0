/**
 * The headline of a verification (common/findings/verdict.ts; issue 17, "custos verify leads with a
 * one-line headline"): the first fault of a cascade is named (lowest entry, the entry's own finding
 * before a checkpoint's over it), as altered bytes or as a broken rule, in English and French, and
 * every code the verifier raises is classified knowingly: ALTERED holds only real codes, and the
 * codes it leaves out are exactly the rule codes listed here, so a new code must be placed.
 */
import { describe, expect, test } from 'vitest';
import { FINDING_TEXTS_FR } from '../../../common/findings/finding-texts-fr.ts';
import { ALTERED, verdictHeadline, verdictOf, type VerdictFinding } from '../../../common/findings/verdict.ts';

/** Signed entries that break what the procedures allow, or a warning: "breaks a rule", not "altered". */
const RULES = [
  'PAYLOAD_INVALID',
  'TIME_NOT_MONOTONIC',
  'RETENTION_INVALID',
  'STATION_NOT_DECLARED',
  'KEY_ID_MISMATCH',
  'CEREMONY_NOT_ENDED',
  'CEREMONY_REUSED',
  'SEQ_MISMATCH',
  'PROCEDURE_NOT_AUTHORIZED',
  'PROCEDURE_SUPPLIED',
  'POLICY_INVALID',
  'STATION_ALREADY_SET_UP',
  'ENTRY_AFTER_CLOSE',
  'CEREMONY_MIXED',
  'ENTRY_OUTSIDE_CEREMONY',
  'PROCEDURE_CHANGED',
  'PROCEDURE_ID_MISMATCH',
  'AIRGAP_ONLINE',
  'AIRGAP_DEVIATION',
  'STEP_UNKNOWN',
  'ABORT_WITHOUT_REASON',
  'BODY_FIELDS_INVALID',
  'STEP_TYPE_MISMATCH',
  'STEP_OUT_OF_ORDER',
  'STEP_REPEATED',
  'STEP_MISSING',
  'SIGNATURE_DUPLICATE',
  'SIGNATURE_MISSING',
  'SIGNATURE_UNDECLARED',
  'ROLE_NOT_ALLOWED',
  'ROLE_NOT_HELD',
  'SIGNER_UNKNOWN',
  'STATION_KEY_AS_PARTICIPANT',
  'KEY_ALREADY_ENROLLED',
  'PERSON_ALREADY_ENROLLED',
  'DUTIES_NOT_SEPARATED',
  'PERSON_COUNTED_TWICE',
  'SIGNER_REVOKED',
  'QUORUM_NOT_MET',
  'QUORUM_EXCEEDED',
  'CLOSE_SUMMARY_MISMATCH',
  'RECOVERY_INVALID',
  'RECOVERY_RECORDED',
  'STATION_MISMATCH',
  'STATION_SIGNATURE_MISSING',
  'CEREMONY_IN_PROGRESS',
  'CHECKPOINT_MALFORMED',
  'CHECKPOINT_FOREIGN_STATION',
  'CHECKPOINT_SIGNATURE_INVALID',
  'CHECKPOINT_COSIGNATURE_INVALID',
  'CHECKPOINT_WITNESS_QUORUM',
  'JOURNAL_EMPTY',
  'AIRGAP_EVIDENCE_MISSING',
  'AIRGAP_NOT_LIVE',
  'WALLET_STATE_INVALID',
  'SHARE_COMMITMENT_MISMATCH',
  'OUTPUTS_NOT_APPROVED',
  'SIGNED_NOT_IMPORTED',
  'OVERDUE_SHARE_LEFT_OUT',
  'SEAL_INCIDENT_MISSING',
  'OLD_SHARE_NOT_DESTROYED',
  'PROOF_NOT_VALID',
  'INCIDENT_CLASSIFICATION_INVALID',
  'EVIDENCE_MISSING',
  'EVIDENCE_MISMATCH',
  'EVIDENCE_UNRECORDED',
  'CLOSE_NOT_CHECKPOINTED',
];

const error = (code: string, index: number | null, ceremony: string | null, message: string, details = {}): VerdictFinding => ({
  severity: 'error',
  code,
  index,
  ceremony,
  message,
  details,
});

describe('every finding code is classified', () => {
  test('ALTERED names only codes the verifier has, and with RULES covers them all, once', () => {
    const codes = Object.keys(FINDING_TEXTS_FR).sort();
    expect([...ALTERED].filter((c) => !codes.includes(c))).toEqual([]);
    expect(RULES.filter((c) => ALTERED.has(c))).toEqual([]);
    expect([...ALTERED, ...RULES].sort()).toEqual(codes);
  });
});

describe('the first fault of a cascade', () => {
  // One flipped byte in entry 5: its JSON, the stored checkpoint over it, the chain after it, the ceremony it cut short.
  const cascade = [
    error('CHECKPOINT_ROOT_MISMATCH', 5, null, "Stored checkpoint 000000000006.checkpoint does not match the journal's first 6 entries: they were altered.", {
      checkpoint: '000000000006.checkpoint',
      origin: 'stored',
      size: 6,
    }),
    error('JSON_INVALID', 5, null, 'Entry 5: The entry payload is not valid JSON text.', { position: 5 }),
    error('PREV_MISMATCH', 6, 'revoke-eve', 'The entry does not follow the previous stored line (the hash chain is broken).'),
    error('CEREMONY_NOT_ENDED', 6, 'enrol-eve', 'Ceremony enrol-eve was never closed or aborted before the next one opened.', { ceremony: 'enrol-eve' }),
    error('CLOSE_NOT_CHECKPOINTED', 7, 'revoke-eve', 'Ceremony revoke-eve closed, but no checkpoint …', { ceremony: 'revoke-eve' }),
  ];

  test('is the lowest entry’s own finding, not the checkpoint over it, and is called altered', () => {
    const verdict = verdictOf(cascade);
    expect(verdict).toMatchObject({ valid: false, errors: 5, warnings: 0, kind: 'altered', first: { code: 'JSON_INVALID', index: 5 } });
    expect(verdictHeadline(verdict, 'en')).toBe(
      'INVALID — first altered entry: 5 — The entry payload is not valid JSON text. 4 other errors follow from it or come after it.',
    );
    expect(verdictHeadline(verdict, 'fr')).toBe(
      'INVALIDE — première entrée altérée : 5 — La ligne enregistrée en position 5, ou son contenu, n’est pas du JSON en UTF-8. 4 autres erreurs en découlent ou la suivent.',
    );
  });

  test('a signed entry that breaks a rule is not called altered, and its ceremony is named', () => {
    const verdict = verdictOf([
      error('QUORUM_NOT_MET', 12, 'restitution-3', 'Step approve needs 2 approver signatures; it has 1.', {
        step: 'approve',
        role: 'approver',
        min: 2,
        count: 1,
      }),
    ]);
    expect(verdict.kind).toBe('rule');
    expect(verdictHeadline(verdict, 'en')).toBe(
      'INVALID — first entry that breaks a rule: 12 (ceremony restitution-3) — Step approve needs 2 approver signatures; it has 1.',
    );
    expect(verdictHeadline(verdict, 'fr')).toMatch(/^INVALIDE — première entrée contraire à une règle : 12 \(cérémonie restitution-3\) — /u);
  });

  test('an alteration is named before an earlier rule break it explains (a rollback leaves a close without its checkpoint)', () => {
    const verdict = verdictOf([
      error('CLOSE_NOT_CHECKPOINTED', 2, 'setup-1', 'Ceremony setup-1 closed, but no checkpoint …', { ceremony: 'setup-1' }),
      error('CHECKPOINT_ROLLBACK', 3, null, 'The retained checkpoint bob.txt covers 6 entries, but the journal has only 3: the journal was rolled back.', {
        checkpoint: 'bob.txt',
        origin: 'retained',
        size: 6,
        entries: 3,
      }),
    ]);
    expect(verdict).toMatchObject({ kind: 'altered', first: { code: 'CHECKPOINT_ROLLBACK' } });
    expect(verdictHeadline(verdict, 'en')).toBe(
      'INVALID — first altered entry: 3 — The retained checkpoint bob.txt covers 6 entries, but the journal has only 3: the journal was rolled back. 1 other error follows from it or comes after it.',
    );
  });

  test('a fault at no entry (a checkpoint that cannot be read) is said as it is', () => {
    const verdict = verdictOf([
      error('CHECKPOINT_MALFORMED', null, null, 'The retained checkpoint bob.txt: not a checkpoint note.', { checkpoint: 'bob.txt' }),
    ]);
    expect(verdict.kind).toBe('record');
    expect(verdictHeadline(verdict, 'en')).toBe('INVALID — The retained checkpoint bob.txt: not a checkpoint note.');
  });

  test('an entry fault comes before a fault at no entry', () => {
    const verdict = verdictOf([
      error('CHECKPOINT_MALFORMED', null, null, 'x'),
      error('SIGNATURE_INVALID', 3, 'enrol-1', 'The station signature does not match the entry.'),
    ]);
    expect(verdict.first?.code).toBe('SIGNATURE_INVALID');
    expect(verdictHeadline(verdict, 'en')).toBe(
      'INVALID — first altered entry: 3 (ceremony enrol-1) — The station signature does not match the entry. 1 other error follows from it or comes after it.',
    );
  });
});

describe('a valid record', () => {
  test('says that everything holds, or that the warnings are worth reading (never red words)', () => {
    expect(verdictHeadline(verdictOf([]), 'en')).toBe('VALID — every entry, signature, ceremony rule and checkpoint holds.');
    const warned = verdictOf([{ severity: 'warning', code: 'CEREMONY_IN_PROGRESS', index: 9, ceremony: 'drill-2', message: '…' }]);
    expect(warned).toMatchObject({ valid: true, errors: 0, warnings: 1, first: null });
    expect(verdictHeadline(warned, 'en')).toBe('VALID — nothing was altered and every rule holds; 1 warning below.');
    expect(verdictHeadline(warned, 'fr')).toBe('VALIDE — rien n’a été altéré et chaque règle tient ; 1 avertissement ci-dessous.');
  });
});
