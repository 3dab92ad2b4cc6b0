/**
 * The screens' form of a file in answers, `{ "$chosen": token }`, checked for its form only (no
 * ChosenPaths behind it): for tests that check answers a screen builds against their schema.
 */
import { z } from 'zod';
import type { ChosenFile, FileForm, FilePath } from '../../common/answers/answer-parts.ts';

export const screenForm: FileForm<ChosenFile> = {
  file: () =>
    z
      .custom<ChosenFile>((v) => typeof v === 'object' && v !== null && typeof (v as { $chosen?: unknown }).$chosen === 'string')
      .transform((v) => v.$chosen as FilePath) as unknown as z.ZodType<FilePath, ChosenFile>,
};
