/**
 * Every finding `custos verify` can report has a French text for the auditor view
 * (common/findings/finding-texts-fr.ts), filled from the finding's details
 * (common/findings/finding-message.ts): the codes are read from the table of findings in
 * docs/record-format.md ("Verification"), the contract auditors rely on, and from the verifier's own
 * call sites (tests/support/finding-sites.ts), so a new code without a French text fails here. The
 * filling is checked on made-up findings: the kind's text, numbers in French, French words for roles
 * and origins, an ellipsis for a missing detail, never a raw placeholder.
 * Spec: issue 5 ("English and French for every string, error message and report").
 */
import { describe, expect, test } from 'vitest';
import { findingTextFr, localFindingMessage } from '../../../common/findings/finding-message.ts';
import { FINDING_TEXTS_FR, type FindingTextFr } from '../../../common/findings/finding-texts-fr.ts';
import { documentedFindings, scanFindingSites } from '../../support/finding-sites.ts';

/** The decoder throws it only when writing (a value JSON cannot hold): never a finding. */
const WRITING_ONLY = ['JSON_NOT_SERIALIZABLE'];

const documentedCodes = () => documentedFindings().map((f) => f.code);
const raisedCodes = () => [...new Set(scanFindingSites().sites.map((s) => s.code))].filter((c) => !WRITING_ONLY.includes(c)).sort();
const textsOf = (text: FindingTextFr): string[] => (typeof text === 'string' ? [text] : Object.values(text));

describe('French texts of the findings', () => {
  test('the documented table of findings is found (and is not empty)', () => {
    expect(documentedCodes().length).toBeGreaterThan(50);
  });

  test('every documented finding has a French text', () => {
    expect(documentedCodes().filter((code) => FINDING_TEXTS_FR[code] === undefined)).toEqual([]);
  });

  test('every finding the verifier raises has a French text', () => {
    const codes = raisedCodes();
    expect(codes).toContain('PREV_MISMATCH');
    expect(codes).toContain('PAYLOAD_INVALID');
    expect(codes.filter((code) => FINDING_TEXTS_FR[code] === undefined)).toEqual([]);
  });

  test('no French text names a code nobody reports', () => {
    const known = new Set([...documentedCodes(), ...raisedCodes()]);
    expect(Object.keys(FINDING_TEXTS_FR).filter((code) => !known.has(code))).toEqual([]);
  });

  test('texts are well formed: placeholders only, no stray braces; a text by kind has a default and two kinds or more', () => {
    for (const [code, text] of Object.entries(FINDING_TEXTS_FR)) {
      if (typeof text !== 'string') {
        expect(Object.keys(text), code).toContain('default');
        expect(Object.keys(text).length, code).toBeGreaterThanOrEqual(3);
      }
      for (const t of textsOf(text)) {
        expect(t.trim(), code).not.toBe('');
        expect(t.replace(/\{\w+\}/gu, ''), code).not.toMatch(/[{}]/u);
        expect(t.replace(/\{\w+\}/gu, ''), code).not.toMatch(/\b(?:does not|is not|was never|signed with|entries)\b/u);
      }
    }
  });

  test('no French text is an English message left untranslated', () => {
    const skeleton = (t: string) =>
      t
        .replace(/\$\{[^}]*\}|\{\w+\}/gu, '')
        .replace(/\s+/gu, ' ')
        .trim()
        .toLowerCase();
    const english = new Map<string, string[]>();
    for (const s of scanFindingSites().sites) if (s.message !== null) english.set(s.code, [...(english.get(s.code) ?? []), skeleton(s.message)]);
    const same = Object.entries(FINDING_TEXTS_FR).filter(([code, text]) => textsOf(text).some((t) => english.get(code)?.includes(skeleton(t))));
    expect(same.map(([code]) => code)).toEqual([]);
  });
});

describe('findingTextFr', () => {
  test('fills the placeholders from the details, numbers with French digit grouping', () => {
    const text = findingTextFr({ code: 'JOURNAL_TORN_TAIL', details: { segment: '000001.jsonl', bytes: 12345 } });
    expect(text).toBe(
      'Le segment 000001.jsonl se termine par 12\u202f345 octets qui ne forment pas une entrée complète : une écriture interrompue pas encore mise en quarantaine, ou des données ajoutées.',
    );
    expect(findingTextFr({ code: 'ENTRIES_MISSING', details: { from: 4, to: 6 } })).toContain('Les entrées 4 à 6 manquent');
  });

  test('a detail of 0 is shown; a missing detail shows an ellipsis, never a raw placeholder', () => {
    expect(findingTextFr({ code: 'ENTRIES_MISSING', details: { from: 0, to: 2 } })).toContain('Les entrées 0 à 2 manquent');
    const missing = findingTextFr({ code: 'JOURNAL_TORN_TAIL', details: { segment: '000002.jsonl' } });
    expect(missing).toContain('par … octets');
    expect(missing).not.toMatch(/[{}]/u);
    // A finding from an older main, without details at all.
    expect(findingTextFr({ code: 'ENTRIES_MISSING' })).toContain('Les entrées … à … manquent');
  });

  test('the text of the finding’s kind; the general text for a kind it does not know or no kind', () => {
    const keyid = 'a'.repeat(64);
    const station = findingTextFr({ code: 'SIGNATURE_INVALID', details: { kind: 'station', keyid } });
    expect(station).toContain(`La signature du poste (clé ${keyid})`);
    expect(findingTextFr({ code: 'SIGNATURE_INVALID', details: { kind: 'participant', keyid } })).toContain('La signature d’un participant');
    const general = (FINDING_TEXTS_FR.SIGNATURE_INVALID as { default: string }).default.replace('{keyid}', keyid);
    expect(findingTextFr({ code: 'SIGNATURE_INVALID', details: { kind: 'someone', keyid } })).toBe(general);
    expect(findingTextFr({ code: 'SIGNATURE_INVALID', details: { keyid } })).toBe(general);
    expect(findingTextFr({ code: 'STEP_MISSING', details: { kind: 'skipped', step: 'count', before: 'seal' } })).toBe(
      'L’étape obligatoire « count » a été omise avant « seal ».',
    );
  });

  test('roles and a checkpoint’s origin in French words; other values as the record has them', () => {
    const keyid = 'b'.repeat(64);
    expect(findingTextFr({ code: 'SIGNER_REVOKED', details: { role: 'approver', keyid } })).toContain(`La clé ${keyid}, qui signe comme approbateur`);
    expect(findingTextFr({ code: 'QUORUM_NOT_MET', details: { step: 'close', role: 'witness', min: 1, count: 0 } })).toBe(
      'L’étape « close » exige au moins 1 signature(s) de clés distinctes pour le rôle « témoin » ; elle en a 0.',
    );
    expect(findingTextFr({ code: 'SIGNATURE_MISSING', details: { role: 'custodian', keyid } })).toContain('comme custodian');
    expect(findingTextFr({ code: 'CHECKPOINT_MALFORMED', details: { checkpoint: 'c.checkpoint', origin: 'retained' } })).toBe(
      'Le point de contrôle c.checkpoint (conservé par un témoin) est illisible.',
    );
  });

  test('names of Object.prototype are never taken for a text, a kind or a word', () => {
    expect(findingTextFr({ code: 'constructor' })).toBe('Constat constructor : voir la liste des constats dans docs/record-format.md.');
    expect(findingTextFr({ code: 'SIGNATURE_HIGH_S', details: { keyid: 'toString' } })).toContain('la clé toString');
    expect(findingTextFr({ code: 'SIGNER_UNKNOWN', details: { role: 'constructor', keyid: 'k' } })).toContain('comme constructor');
    expect(findingTextFr({ code: 'KEY_ID_MISMATCH', details: { kind: 'constructor' } })).toBe(
      (FINDING_TEXTS_FR.KEY_ID_MISMATCH as { default: string }).default,
    );
  });

  test('an unknown code still gets a French sentence naming it', () => {
    expect(findingTextFr({ code: 'SOMETHING_NEW', details: { x: 1 } })).toBe('Constat SOMETHING_NEW : voir la liste des constats dans docs/record-format.md.');
  });
});

describe('localFindingMessage', () => {
  const finding = { code: 'ENTRIES_MISSING', message: 'Entries 4 to 6 are missing.', details: { from: 4, to: 6 } };

  test('English: main’s own message, unchanged', () => {
    expect(localFindingMessage(finding, 'en')).toBe('Entries 4 to 6 are missing.');
  });

  test('French: the filled template, not the English message', () => {
    const text = localFindingMessage(finding, 'fr');
    expect(text).toBe('Les entrées 4 à 6 manquent : la numérotation saute en avant, des entrées ont été retirées.');
    expect(text).not.toContain('missing');
  });
});
