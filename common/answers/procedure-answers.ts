/**
 * One answers schema per procedure (docs/answers/README.md, "Fields"), by the id `custos run` takes
 * (and `abort`, `checkpoint`): the command line checks an answers file against it before anything is
 * unlocked or recorded (ceremonies/engine/answers-check.ts), the desktop app checks the screen's
 * answers at its IPC channel, and the screens' form state is typed from it (ScreenAnswers). A mistake
 * names the field, in the words `custos run` uses; a passphrase is never repeated.
 */
import { z } from 'zod';
import { abortAnswers } from './abort-answers.ts';
import type { ChosenFile, FileForm } from './answer-parts.ts';
import { backupDrillAnswers } from './backup-drill-answers.ts';
import { changeHolderAnswers } from './change-holder-answers.ts';
import { checkpointAnswers } from './checkpoint-answers.ts';
import { rotationFirstSittingAnswers, rotationSecondSittingAnswers } from './compromise-rotation-answers.ts';
import { confirmTransferAnswers } from './confirm-transfer-answers.ts';
import { createWalletAnswers } from './create-wallet-answers.ts';
import { destructionAnswers } from './destruction-answers.ts';
import { enrolParticipantAnswers } from './enrol-participant-answers.ts';
import { incidentAnswers } from './incident-answers.ts';
import { proofOfControlAnswers } from './proof-of-control-answers.ts';
import { reconciliationAnswers } from './reconciliation-answers.ts';
import { reshareAnswers } from './reshare-answers.ts';
import { restitutionAnswers } from './restitution-answers.ts';
import { revokeParticipantAnswers } from './revoke-participant-answers.ts';
import { stationSetupAnswers } from './station-setup-answers.ts';
import { tokenListAnswers } from './token-list-answers.ts';
import { watchOnlyExportAnswers } from './watch-only-export-answers.ts';

/** The schema of each procedure's answers, for a way of writing files. */
export function answersSchemas<I>(form: FileForm<I>) {
  return {
    'station-setup': stationSetupAnswers(form),
    'enrol-participant': enrolParticipantAnswers(form),
    'revoke-participant': revokeParticipantAnswers(form),
    'create-wallet': createWalletAnswers(form),
    'backup-drill': backupDrillAnswers(form),
    incident: incidentAnswers(form),
    'compromise-rotation': rotationFirstSittingAnswers(form),
    'compromise-rotation-sweep': rotationSecondSittingAnswers(form),
    restitution: restitutionAnswers(form),
    'confirm-transfer': confirmTransferAnswers(form),
    destruction: destructionAnswers(form),
    reconciliation: reconciliationAnswers(form),
    'change-holder': changeHolderAnswers(form),
    reshare: reshareAnswers(form),
    'proof-of-control': proofOfControlAnswers(form),
    'token-list': tokenListAnswers(form),
    'watch-only-export': watchOnlyExportAnswers(form),
    abort: abortAnswers(form),
    checkpoint: checkpointAnswers(form),
  };
}

type AnswersSchemas<I> = ReturnType<typeof answersSchemas<I>>;
/** A schema's name: a procedure id, its second sitting (`compromise-rotation-sweep`), `abort` or `checkpoint`. */
export type AnswersName = keyof AnswersSchemas<unknown>;
/** The answers of `name` as written (I: how a file is written), and as the run reads them. */
type AnswersInput<N extends AnswersName, I> = z.input<AnswersSchemas<I>[N]>;
export type AnswersOutput<N extends AnswersName> = z.output<AnswersSchemas<unknown>[N]>;
/** The answers a screen sends for `N`: each file or folder a `{ "$chosen": token }` of the station's dialog. */
export type ScreenAnswers<N extends AnswersName> = AnswersInput<N, ChosenFile>;

/** The schema that applies to `procedure`'s answers: a rotation's second sitting names `sweep` or `abort`. */
export function answersName(procedure: string, data: unknown): AnswersName | undefined {
  const sitting = data && typeof data === 'object' && ('sweep' in data || 'abort' in data);
  const name = procedure === 'compromise-rotation' && sitting ? 'compromise-rotation-sweep' : procedure;
  return NAMES.has(name) ? (name as AnswersName) : undefined;
}

const NAMES: ReadonlySet<string> = new Set(Object.keys(answersSchemas({ file: () => z.never() })));

/** What a check found: the answers as the run reads them, or the first mistake (its field, and why). */
export type AnswersCheck = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly field: string; readonly why: string };

/** `data` checked against the schema `name`: unknown fields, missing ones and values of the wrong form are mistakes. */
export function readAnswers<I>(name: AnswersName, procedure: string, data: unknown, form: FileForm<I>): AnswersCheck {
  const result = answersSchemas(form)[name].safeParse(data);
  if (result.success) return { ok: true, data: result.data };
  // A misspelt field is the mistake to name, rather than the field it was meant to be, then missing.
  const issues = result.error.issues;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]!;
  const at = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    return { ok: false, field: fieldName([...at, issue.keys[0]!]), why: `is not a field of the ${procedure} answers (docs/answers/README.md lists them)` };
  }
  return { ok: false, field: fieldName(at), why: issue.message };
}

/** A field's name as the refusals say it: `shares.0.holder`, `witnesses[1]` for an item of a list of texts. */
function fieldName(path: readonly string[]): string {
  if (path.length === 0) return '(top)';
  return path.reduce((name, part, i) => (i === 0 ? part : /^\d+$/u.test(part) && i === path.length - 1 ? `${name}[${part}]` : `${name}.${part}`), '');
}
