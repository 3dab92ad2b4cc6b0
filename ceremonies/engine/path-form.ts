/**
 * How an answers file on the command line writes a file or folder (docs/cli.md, "custos run"): a path,
 * relative to the answers file's own folder.
 */
import path from 'node:path';
import { z } from 'zod';
import type { FileForm, FilePath } from '../../common/answers/answer-parts.ts';

export function pathForm(base: string): FileForm<string> {
  return {
    file: () =>
      z.custom<string>().transform((v, ctx) => {
        if (typeof v !== 'string' || !v.trim() || v.length > 4096) {
          ctx.addIssue({ code: 'custom', message: 'must be a non-empty text' });
          return z.NEVER;
        }
        return path.resolve(base, v.normalize('NFC')) as FilePath;
      }) as unknown as z.ZodType<FilePath, string>,
  };
}
