/**
 * How the desktop app's answers write a file or folder: `{ "$chosen": token }`, a choice the officer
 * made in the station's dialog, for the kind of choice its field declares (common/answers/). A
 * path written by the screen is refused, so a compromised renderer cannot name a file itself
 * (docs/threat-model.md). A passphrase is typed on the screen, never chosen as a file.
 */
import { z } from 'zod';
import type { ChosenFile, FileForm, FileKind, FilePath } from '../../common/answers/answer-parts.ts';
import type { ChooseKind } from './app-api.ts';
import type { ChosenPaths } from './chosen-paths.ts';

const CHOICES: Readonly<Record<FileKind, readonly ChooseKind[]>> = {
  'key-file': ['key-file'],
  'share-file': ['share-file'],
  'psbt-file': ['psbt-file'],
  'eth-request-file': ['eth-request-file'],
  'transaction-file': ['transaction-file'],
  'balances-file': ['balances-file'],
  'public-key-file': ['public-key-file'],
  'save-file': ['save-file'],
  'evidence-file': ['evidence-file'],
  'challenge-file': ['challenge-file'],
  folder: ['folder'],
  'passphrase-file': [],
};

/** Resolves each `$chosen` token of the answers by `chosen`; `paths` collects the paths they name. */
export function chosenForm(chosen: ChosenPaths, paths: Set<string>): FileForm<ChosenFile> {
  return {
    file: (kind) =>
      z.custom<ChosenFile>().transform((v, ctx) => {
        const token = v && typeof v === 'object' && Object.keys(v).length === 1 ? (v as { $chosen?: unknown }).$chosen : undefined;
        if (CHOICES[kind].length === 0) {
          ctx.addIssue({ code: 'custom', message: 'is typed on the screen, not chosen as a file' });
          return z.NEVER;
        }
        if (typeof token !== 'string') {
          ctx.addIssue({ code: 'custom', message: 'must be a file or folder chosen in the station’s dialog, not a path written by the screen' });
          return z.NEVER;
        }
        const resolved = chosen.resolve(token, CHOICES[kind]);
        paths.add(resolved);
        return resolved as FilePath;
      }) as unknown as z.ZodType<FilePath, ChosenFile>,
  };
}
