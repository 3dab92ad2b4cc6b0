/**
 * The French finding texts name only details the verifier gives (renderer/src/auditor/
 * finding-texts-fr.ts; ceremonies/audit/findings.ts), checked as the error registry is (tests/unit/errors/error-registry.test.ts)
 * checks the error texts: every call site that reports a finding is read from the sources
 * (tests/support/finding-sites.ts), with its code, its details' keys and its `kind`; each
 * placeholder of a code's text — of the text of each kind a site gives, and of the general text — is
 * a key that site gives, so no French text shows a gap; each text by kind is for a kind some site
 * gives. docs/record-format.md's table of findings lists exactly the keys and kinds the sites give.
 * tests/integration/record/tamper/finding-details.test.ts produces findings for real.
 */
import { describe, expect, test } from 'vitest';
import { FINDING_TEXTS_FR, FINDING_WORDS_FR } from '../../../common/findings/finding-texts-fr.ts';
import { documentedFindings, scanFindingSites, type FindingSite } from '../../support/finding-sites.ts';

const WRITING_ONLY = ['JSON_NOT_SERIALIZABLE'];
const scanned = scanFindingSites();
const sites = scanned.sites.filter((s) => !WRITING_ONLY.includes(s.code));
const sitesOf = (code: string): FindingSite[] => sites.filter((s) => s.code === code);
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]!);

describe('the call sites of findings are read from the sources', () => {
  test('every file that reports findings, every call, its codes and its details', () => {
    expect(scanned.files).toEqual(
      expect.arrayContaining([
        'ceremonies/audit/ceremony-rules.ts',
        'ceremonies/audit/checkpoint-check.ts',
        'ceremonies/audit/replay.ts',
        'ceremonies/audit/verify.ts',
      ]),
    );
    expect(sites.length).toBeGreaterThan(65);
    // Spot checks of the reading: a helper (reportInvalid), a ternary kind, a ternary code, the pass-through.
    expect(sitesOf('SIGNATURE_INVALID')).toEqual([expect.objectContaining({ keys: ['kind', 'keyid'], kinds: ['station', 'participant'] })]);
    expect(sitesOf('JOURNAL_TORN_TAIL')[0]?.keys).toEqual(['segment', 'bytes']);
    expect(sitesOf('CHECKPOINT_FORK')[0]?.keys).toEqual(['checkpoint', 'origin', 'size']);
    expect(sitesOf('PAYLOAD_INVALID')).toEqual([expect.objectContaining({ passThrough: true, keys: ['field', 'position'] })]);
    expect(sitesOf('JSON_DUPLICATE_KEY')[0]?.keys).toEqual(['key', 'position']);
    expect(sitesOf('STEP_MISSING').map((s) => s.kinds)).toEqual([['skipped'], ['too-few'], ['before-close']]);
  });

  test('no call hides its code (a helper taking the code as a parameter would escape these checks)', () => {
    expect(scanned.unreadable).toEqual([]);
  });

  test('every call’s details are an object literal whose keys and kind can be read', () => {
    expect(sites.filter((s) => s.keys === null || s.kinds === null).map((s) => `${s.where} ${s.code}`)).toEqual([]);
  });

  test('the only code the decoder throws that is never a finding is thrown when writing', () => {
    expect(scanned.sites.filter((s) => WRITING_ONLY.includes(s.code)).every((s) => s.passThrough)).toBe(true);
  });
});

describe('each French placeholder is a detail the code’s call sites give', () => {
  test('a text for the whole code: every placeholder at every site', () => {
    const gaps: string[] = [];
    for (const [code, text] of Object.entries(FINDING_TEXTS_FR)) {
      if (typeof text !== 'string') continue;
      for (const name of placeholders(text)) {
        for (const site of sitesOf(code)) if (!site.keys?.includes(name)) gaps.push(`${code}: {${name}} missing at ${site.where}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  test('texts by kind: each site gives a kind with a text, and every placeholder of that text', () => {
    const gaps: string[] = [];
    for (const [code, text] of Object.entries(FINDING_TEXTS_FR)) {
      if (typeof text === 'string') continue;
      for (const site of sitesOf(code)) {
        if (!site.kinds?.length) gaps.push(`${code}: no kind at ${site.where}`);
        for (const kind of site.kinds ?? []) {
          const own = Object.hasOwn(text, kind) && kind !== 'default' ? text[kind]! : null;
          if (own === null) gaps.push(`${code}: no text for kind ${kind} (${site.where})`);
          else for (const name of placeholders(own)) if (!site.keys?.includes(name)) gaps.push(`${code}/${kind}: {${name}} missing at ${site.where}`);
        }
        for (const name of placeholders(text.default)) if (!site.keys?.includes(name)) gaps.push(`${code}/default: {${name}} missing at ${site.where}`);
      }
    }
    expect(gaps).toEqual([]);
  });

  test('every text by kind is for a kind some site gives; a code whose sites give kinds has a text by kind', () => {
    const problems: string[] = [];
    for (const [code, text] of Object.entries(FINDING_TEXTS_FR)) {
      const given = new Set(sitesOf(code).flatMap((s) => s.kinds ?? []));
      if (typeof text === 'string') {
        if (given.size > 1) problems.push(`${code}: its sites give kinds ${[...given].join(', ')}, it has one text`);
        continue;
      }
      for (const kind of Object.keys(text)) if (kind !== 'default' && !given.has(kind)) problems.push(`${code}: no site gives kind ${kind}`);
    }
    expect(problems).toEqual([]);
  });

  test('every detail a French word is given for is a detail some site gives', () => {
    const keys = new Set(sites.flatMap((s) => s.keys ?? []));
    expect(Object.keys(FINDING_WORDS_FR).filter((k) => !keys.has(k))).toEqual([]);
    expect(Object.keys(FINDING_WORDS_FR.origin!).sort()).toEqual(['retained', 'stored']);
  });

  test('a code with specifics in its English message names details in French', () => {
    const silent = Object.entries(FINDING_TEXTS_FR).filter(([code, text]) => {
      const specific = sitesOf(code).some((s) => s.message !== null && /\$\{/u.test(s.message));
      const texts = typeof text === 'string' ? [text] : Object.values(text);
      return specific && texts.some((t) => placeholders(t).length === 0);
    });
    expect(silent.map(([code]) => code)).toEqual([]);
  });
});

describe('docs/record-format.md lists each code’s details', () => {
  const documented = documentedFindings();

  test('every code raised is documented, and every documented code is raised', () => {
    const raised = [...new Set(sites.map((s) => s.code))].sort();
    expect(documented.map((d) => d.code).sort()).toEqual(raised);
  });

  test('the keys and kinds of each code are those its sites give', () => {
    const wrong: string[] = [];
    for (const d of documented) {
      const keys = [...new Set(sitesOf(d.code).flatMap((s) => s.keys ?? []))].sort();
      const kinds = [...new Set(sitesOf(d.code).flatMap((s) => s.kinds ?? []))].sort();
      if (JSON.stringify([...d.keys].sort()) !== JSON.stringify(keys))
        wrong.push(`${d.code}: documented ${d.keys.join(', ') || '—'}; given ${keys.join(', ') || '—'}`);
      if (JSON.stringify([...d.kinds].sort()) !== JSON.stringify(kinds))
        wrong.push(`${d.code}: documented kinds ${d.kinds.join(', ')}; given ${kinds.join(', ')}`);
    }
    expect(wrong).toEqual([]);
  });
});
