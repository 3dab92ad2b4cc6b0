/**
 * One answers schema per procedure (common/answers/, ADR 0023): the examples of docs/answers/ are
 * valid answers of their schema; the fields section of docs/answers/README.md is generated from the
 * schemas; a misspelt field, a missing one or one of the wrong form is refused as ANSWERS_INVALID
 * naming it; the desktop app's answer builders produce answers their schema accepts; and the screens'
 * answers are typed from the schema (the @ts-expect-error lines fail `npm run typecheck` if a misspelt
 * field ever type-checked).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { procedureOf as procedureOfExample } from '../../support/engine-rig.ts';
import { screenForm } from '../../support/screen-form.ts';
import { renderAnswersReadme } from '../../../common/answers/answers-doc.ts';
import { answersName, readAnswers, type ScreenAnswers } from '../../../common/answers/procedure-answers.ts';
import { checkAnswers } from '../../../ceremonies/engine/answers-check.ts';
import { pathForm } from '../../../ceremonies/engine/path-form.ts';
import type { CustosError } from '../../../ceremonies/custos-error.ts';

const ANSWERS_DIR = fileURLToPath(new URL('../../../docs/answers/', import.meta.url));
const README = path.join(ANSWERS_DIR, 'README.md');
const examples = fs.readdirSync(ANSWERS_DIR).filter((f) => f.endsWith('.json'));
const example = (file: string) => JSON.parse(fs.readFileSync(path.join(ANSWERS_DIR, file), 'utf8')) as Record<string, unknown>;
const procedureOf = (file: string) => procedureOfExample(file.replace(/\.json$/u, ''));

function refusal(fn: () => unknown): CustosError {
  try {
    fn();
  } catch (error) {
    return error as CustosError;
  }
  throw new Error('the answers were accepted');
}

describe('the examples of docs/answers/', () => {
  test('there is one per procedure, and each is valid answers of its schema, paths resolved from its folder', () => {
    expect(examples.length).toBeGreaterThanOrEqual(13);
    for (const file of examples) {
      const data = checkAnswers(procedureOf(file), example(file), pathForm(ANSWERS_DIR)) as { participants: Record<string, { keyFile: string }> };
      const first = Object.values(data.participants)[0]!;
      expect(path.isAbsolute(first.keyFile), file).toBe(true);
      expect(first.keyFile.startsWith(ANSWERS_DIR), file).toBe(true);
    }
  });

  test('a rotation’s answers with `sweep` or `abort` are its second sitting', () => {
    expect(answersName('compromise-rotation', example('compromise-rotation.json'))).toBe('compromise-rotation');
    expect(answersName('compromise-rotation', example('compromise-rotation-sweep.json'))).toBe('compromise-rotation-sweep');
    expect(answersName('compromise-rotation', { abort: { reason: 'x' } })).toBe('compromise-rotation-sweep');
    expect(answersName('no-such-procedure', {})).toBeUndefined();
  });

  test('docs/answers/README.md lists the fields the schemas have (run `npm run docs` after changing one)', () => {
    const page = fs.readFileSync(README, 'utf8');
    expect(renderAnswersReadme(page)).toBe(page);
    expect(page).toContain('| `shares[].bag.state` | yes | one of `intact`, `replaced`, `broken`, `missing` |');
    expect(page).toContain('| `destination.amount` | yes | text, at most 60 characters |');
    expect(() => renderAnswersReadme('no markers')).toThrow(/answers-fields/u);
  });
});

describe('a mistake is refused before anything happens, naming its field', () => {
  const restitution = () => structuredClone(example('restitution.json'));
  const cases: [string, (a: Record<string, unknown>) => void, string, RegExp][] = [
    ['a misspelt field', (a) => ((a.aprovers = a.approvers), delete a.approvers), 'aprovers', /is not a field of the restitution answers/u],
    ['a misspelt nested field', (a) => ((a.destination as Record<string, unknown>).ammount = '1'), 'destination.ammount', /is not a field/u],
    ['a missing field', (a) => delete a.wallet, 'wallet', /must be a non-empty text/u],
    ['a missing object', (a) => delete a.destination, 'destination', /must be an object of named fields/u],
    [
      'a value not among the allowed',
      (a) => ((a.destination as Record<string, unknown>).network = 'litecoin'),
      'destination.network',
      /must be one of bitcoin, testnet, regtest/u,
    ],
    [
      'a text of the wrong form',
      (a) => ((a.destination as Record<string, unknown>).address = 'not-an-address'),
      'destination.address',
      /has an unexpected form/u,
    ],
    ['a list that is not one', (a) => (a.shares = 'dora'), 'shares', /must be a list/u],
    ['an item of a list of names that is not a text', (a) => (a.approvers = ['jules', 7]), 'approvers[1]', /must be a non-empty text/u],
    [
      'a share’s bag state',
      (a) => (((a.shares as Record<string, unknown>[])[0]!.bag as Record<string, unknown>).state = 'torn'),
      'shares.0.bag.state',
      /must be one of intact, replaced, broken, missing/u,
    ],
    ['a file that is not a path', (a) => (a.psbtFile = 42), 'psbtFile', /must be a non-empty text/u],
    ['a passphrase that is not a text', (a) => ((a.station as Record<string, unknown>).passphrase = 1234), 'station.passphrase', /must be a text/u],
  ];
  for (const [name, change, field, why] of cases) {
    test(name, () => {
      const answers = restitution();
      change(answers);
      const error = refusal(() => checkAnswers('restitution', answers, pathForm(ANSWERS_DIR)));
      expect(error.code).toBe('ANSWERS_INVALID');
      expect(error.details).toEqual({ field });
      expect(error.message).toMatch(why);
      expect(error.message).toMatch(/Nothing was recorded\.$/u);
    });
  }

  test('a passphrase of the wrong form is named, never repeated', () => {
    const answers = restitution();
    (answers.station as Record<string, unknown>) = { passphrase: 'correct horse battery staple', extra: 'secret words here' };
    const error = refusal(() => checkAnswers('restitution', answers, pathForm(ANSWERS_DIR)));
    expect(error.message).not.toContain('correct horse');
    expect(error.message).not.toContain('secret words');
  });

  test('an unknown procedure is PROCEDURE_UNKNOWN', () => {
    expect(refusal(() => checkAnswers('teleport', {}, pathForm(ANSWERS_DIR))).code).toBe('PROCEDURE_UNKNOWN');
  });
});

describe('the screens’ answers', () => {
  test('a file is a chosen token on screen, a path on the command line: each form is refused in the other', () => {
    const screen = { ...example('enrol-participant.json'), enrol: { publicKeyFile: { $chosen: 't' }, roles: ['holder'], present: 'hana' } };
    expect(readAnswers('enrol-participant', 'enrol-participant', screen, screenForm).ok).toBe(false); // the key files are paths
    const check = readAnswers('enrol-participant', 'enrol-participant', screen, pathForm(ANSWERS_DIR));
    expect(check).toMatchObject({ ok: false, field: 'enrol.publicKeyFile' });
  });

  test('are typed from the schema: a misspelt or mistyped field does not compile', () => {
    const ok: ScreenAnswers<'incident'> = {
      station: { passphrase: 'p' },
      participants: { officer: { keyFile: { $chosen: 't1' }, passphrase: 'p' }, witness: { keyFile: { $chosen: 't2' }, passphrase: 'p' } },
      officer: 'officer',
      witness: 'witness',
      incident: { id: 'INC-1', action: 'open', fields: { nature: 'n' } },
    };
    expect(readAnswers('incident', 'incident', ok, screenForm).ok).toBe(true);
    // @ts-expect-error `witnes` is not a field of the incident answers
    const typo: ScreenAnswers<'incident'> = { ...ok, witnes: 'witness' };
    expect(readAnswers('incident', 'incident', typo, screenForm)).toMatchObject({ ok: false, field: 'witnes' });
    // @ts-expect-error an incident's action is one of open, update, close
    const action: ScreenAnswers<'incident'> = { ...ok, incident: { id: 'INC-1', action: 'reopen' } };
    expect(readAnswers('incident', 'incident', action, screenForm)).toMatchObject({ ok: false, field: 'incident.action' });
    // @ts-expect-error on screen a key file is a chosen token, never a path
    const typed: ScreenAnswers<'incident'> = { ...ok, participants: { officer: { keyFile: '/etc/shadow', passphrase: 'p' } } };
    expect(readAnswers('incident', 'incident', typed, screenForm).ok).toBe(false);
  });
});
