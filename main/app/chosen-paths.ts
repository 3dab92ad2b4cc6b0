/**
 * The files and folders the officer chose in the station's own dialog, by opaque token. The
 * renderer never sends a path: it holds the token main gave for a choice, and main resolves it
 * here, for the kind of choice it was made for. Spec: docs/architecture.md, "Processes" (the
 * renderer reaches nothing but the preload API) and main/app/app-api.ts (`choose`).
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { CustosError } from '../../ceremonies/custos-error.ts';
import type { ChooseKind, Chosen } from './app-api.ts';

export class ChosenPaths {
  private readonly byToken = new Map<string, { path: string; kind: ChooseKind }>();

  remember(kind: ChooseKind, chosenPath: string): Chosen {
    const token = randomUUID();
    this.byToken.set(token, { path: path.resolve(chosenPath), kind });
    return { token, name: path.basename(chosenPath) };
  }

  /** The path behind `token`, which must have been chosen as one of `kinds`. */
  resolve(token: string, kinds: readonly ChooseKind[]): string {
    const chosen = this.byToken.get(token);
    if (!chosen || !kinds.includes(chosen.kind)) {
      throw new CustosError('CHOICE_UNKNOWN', 'This file or folder was not chosen on this station for this purpose. Choose it again. Nothing was changed.', {});
    }
    return chosen.path;
  }
}
