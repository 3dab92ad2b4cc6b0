/**
 * What a ceremony form says it still needs before it can start (renderer/src/ceremonies/answer-parts.ts,
 * stillNeeded and presenceNeeds; the start button shows them): each condition not met, in the form's
 * order, and nothing once everything is there; the people by their key files only (witnesses choose
 * their checkpoint medium at the close, ADR 0025).
 */
import { expect, test } from 'vitest';
import { EMPTY_ATTESTATION, presenceNeeds, stillNeeded } from '../../../renderer/src/ceremonies/answer-parts.ts';
import { CEREMONY_TEXT } from '../../../renderer/src/ceremonies/ceremony-messages.ts';

const chosen = (token: string) => ({ token, fileName: `${token}.key` });

test('each condition not met is said, in order; none once all are met', () => {
  expect(
    stillNeeded([
      [true, 'a'],
      [false, 'b'],
      [false, 'c'],
    ]),
  ).toEqual(['b', 'c']);
  expect(stillNeeded([[true, 'a']])).toEqual([]);
});

test('the officer and each witness are needed by their key file, in English and in French', () => {
  const presence = { officer: EMPTY_ATTESTATION, witnesses: [chosen('bob'), EMPTY_ATTESTATION] };
  expect(stillNeeded(presenceNeeds(presence, CEREMONY_TEXT.en))).toEqual(['Custody officer’s key file', 'Witness 2’s key file']);
  expect(stillNeeded(presenceNeeds(presence, CEREMONY_TEXT.fr))).toEqual([
    'le fichier de clé (Responsable de la conservation)',
    'le fichier de clé (Témoin 2)',
  ]);
  const everyone = { officer: chosen('alice'), witnesses: [chosen('bob'), chosen('chloe')] };
  expect(stillNeeded(presenceNeeds(everyone, CEREMONY_TEXT.en))).toEqual([]);
});
