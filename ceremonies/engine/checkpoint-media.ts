/**
 * The medium each witness takes their checkpoint away on (docs/cli.md, "witnessCheckpoints";
 * docs/threat-model.md, "No silent rollback"): every witness who cosigns a ceremony's checkpoint
 * leaves with it written to their own file. The files are named before the station opens — a missing,
 * shared or impossible destination is refused then, with nothing recorded — and written right after
 * the close, each replacing the one the witness kept from their previous ceremony. In the guided
 * ceremony (ADR 0025) a witness who named none chooses it at the close (`later`), in the station's
 * save dialog; a destination that cannot be written then is said as for a medium that fails.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CustosError } from '../custos-error.ts';
import { OWNER_ONLY, realIo, writeFileDurably } from '../store/file-io.ts';
import { invalid } from './answers.ts';

/** The nearest folder on the way to `file` that exists; refused if something else stands there. */
function existingFolderOf(field: string, file: string): void {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(dir);
    } catch {
      if (path.dirname(dir) === dir) return;
      continue;
    }
    if (!stat.isDirectory()) throw invalid(field, `cannot be written: ${dir} is a file, not a folder`);
    return;
  }
}

/** Checks one destination now, so that a wrong one is refused before anything is recorded. */
function checkDestination(field: string, file: string): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory()) throw invalid(field, 'is a folder: name the checkpoint file inside it (for example checkpoint.txt)');
  if (stat && !stat.isFile()) throw invalid(field, 'is not a plain file (a link or a device): name a file on the witness’s own medium');
  existingFolderOf(field, file);
}

/** Asks witness `name` (their label in the answers) where they keep the checkpoint, at the close. */
export type CheckpointLater = (name: string) => Promise<string>;

export class CheckpointMedia {
  private readonly files: Map<string, string>;
  private readonly dataDir: string;
  /** Witnesses who choose their medium at the close, in order, and how they are asked. */
  private readonly pending: readonly string[];
  private readonly later: CheckpointLater | undefined;

  private constructor(files: Map<string, string>, dataDir: string, pending: readonly string[], later: CheckpointLater | undefined) {
    this.files = files;
    this.dataDir = dataDir;
    this.pending = pending;
    this.later = later;
  }

  /**
   * Where each of `witnesses` (labels of the answers) keeps the checkpoint: answers.witnessCheckpoints.<label>,
   * required for every one of them, one file each; with `later` (the guided ceremony), one left out is
   * asked at the close.
   */
  static plan(
    chosen: Readonly<Record<string, string | undefined>> | undefined,
    witnesses: readonly string[],
    dataDir: string,
    later?: CheckpointLater,
  ): CheckpointMedia {
    const files = new Map<string, string>();
    const owners = new Map<string, string>();
    const pending: string[] = [];
    for (const name of witnesses) {
      const field = `witnessCheckpoints.${name}`;
      let file: string | undefined;
      try {
        file = chosen?.[name];
      } catch (error) {
        // A value that is not a file (or, in the app, not one chosen in the dialog) is said as below.
        if (!(error instanceof CustosError && error.code === 'ANSWERS_INVALID')) throw error;
      }
      if (file === undefined && later) {
        pending.push(name);
        continue;
      }
      if (file === undefined) {
        throw invalid(
          field,
          `must name a file: every witness leaves with the checkpoint written to their own medium (for example "media/${name}/checkpoint.txt")`,
        );
      }
      const other = owners.get(file);
      if (other !== undefined) throw invalid(field, `is the same file as witnessCheckpoints.${other}: each witness keeps their own copy, on their own medium`);
      checkDestination(field, file);
      owners.set(file, name);
      files.set(name, file);
    }
    return new CheckpointMedia(files, dataDir, pending, later);
  }

  /**
   * Writes `note` (the checkpoint cosigned at the close) to every witness's file, durably and readable
   * by its owner only. Tries every one; if any fails, says which, and where the station keeps the same
   * checkpoint, so it can be copied by hand: the ceremony itself is closed and recorded.
   */
  async keep(note: string): Promise<string[]> {
    const written: string[] = [];
    const failed: string[] = [];
    for (const name of this.pending) {
      // Chosen now, at the close: a destination that cannot take it is said with the failures below.
      const file = await this.later!(name);
      const taken = [...this.files.values()].includes(file);
      try {
        if (taken) throw invalid(`witnessCheckpoints.${name}`, 'is another witness’s file');
        checkDestination(`witnessCheckpoints.${name}`, file);
        this.files.set(name, file);
      } catch {
        failed.push(`${name} (${file})`);
      }
    }
    for (const [name, file] of this.files) {
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileDurably(realIo, file, new TextEncoder().encode(note), OWNER_ONLY);
        written.push(file);
      } catch {
        failed.push(`${name} (${file})`);
      }
    }
    if (failed.length > 0) {
      throw new CustosError(
        'CHECKPOINT_NOT_KEPT',
        `The ceremony is closed and recorded, but the checkpoint could not be written for ${failed.join(', ')}. The station keeps the same checkpoint as the newest file in ${path.join(this.dataDir, 'checkpoints')}: copy it to their medium now.`,
        { missing: failed.join(', '), folder: path.join(this.dataDir, 'checkpoints') },
      );
    }
    return written;
  }
}
