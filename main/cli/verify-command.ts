/**
 * `custos verify <data-dir|bundle> [--json] [--checkpoint <file>]… [--procedures <dir>] [--threads <n>] [--evidence <dir>]`
 * (docs/cli.md): exit 0 valid, 1 invalid or tampered, 2 usage or unreadable input. For people it
 * leads with a headline and names each finding's ceremony, entry index, code and message
 * (verify-text.ts, in the reader's language). `--json` prints {ok, entries, ceremonies,
 * signatures, checkpoint:{size,root}, findings:[…]} plus the verifier used.
 */
import fs from 'node:fs';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { openSource } from '../../ceremonies/audit/journal-source.ts';
import { MAX_CHECKPOINT_BYTES, readRegularText } from '../../ceremonies/store/bounded-read.ts';
import { readProcedureFolder, type RefusedFile } from '../../ceremonies/store/journal-files.ts';
import { verifyJournal } from '../../ceremonies/audit/verify.ts';
import { EXIT, parse, progressBar, usage, type CliIo } from './cli-io.ts';
import { localHelp } from './cli-help-fr.ts';
import { verifyText } from './verify-text.ts';

export const VERIFY_HELP = `Usage: custos verify <data-dir|bundle> [options]

Checks a station's record without trusting the station: every entry's framing and canonical bytes,
every signature (libsecp256k1, strict DER, low-S), both hash chains, the ceremony rules of each
procedure, the roster and revocations, the checkpoints and their witness cosignatures.

Only the procedures released with Custos give a ceremony meaning; the definition files a station
keeps beside its journal are not trusted.

Options:
  --json               print the report as JSON
  --checkpoint <file>  a checkpoint a witness kept: detects a rollback or a rewritten history
                       (repeat it for each witness's checkpoint)
  --procedures <dir>   also accept the procedure definitions in <dir> (<sha256>.json files):
                       each ceremony that uses one is reported, and it changes no roster or inventory
  --threads <n>        signature-checking threads (default: every core)
  --evidence <dir>     also check the evidence files the record names (video, photos, scans)
                       against the files of <dir>: each named file present and unchanged
  -h, --help           this help

Exit status: 0 valid, 1 invalid or tampered, 2 usage error or unreadable input.
`;

export async function verifyCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(
    argv,
    {
      json: { type: 'boolean' },
      checkpoint: { type: 'string', multiple: true },
      procedures: { type: 'string' },
      threads: { type: 'string' },
      evidence: { type: 'string' },
    },
    1,
  );
  if (values.help) {
    io.out(localHelp(io.locale, 'verify', VERIFY_HELP));
    return EXIT.ok;
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1 || threads > 64)) throw usage((t) => t.threadsRange);
  const retainedCheckpoints = (values.checkpoint ?? []).map((file) => {
    try {
      return { label: file, note: readRegularText(file, MAX_CHECKPOINT_BYTES, true) };
    } catch {
      throw new CustosError('CHECKPOINT_UNREADABLE', `Cannot read the checkpoint file ${file} (a regular file of at most ${MAX_CHECKPOINT_BYTES} bytes).`, {
        path: file,
      });
    }
  });
  const supplied = values.procedures === undefined ? undefined : readSuppliedProcedures(values.procedures);
  const evidenceDir = values.evidence;
  if (evidenceDir !== undefined && !(fs.existsSync(evidenceDir) && fs.statSync(evidenceDir).isDirectory())) {
    throw new CustosError('EVIDENCE_FOLDER_UNREADABLE', `The evidence folder ${evidenceDir} cannot be read (it must be a folder).`, { path: evidenceDir });
  }
  const source = openSource(positionals[0]!);
  const bar = progressBar(io, 'Verifying');
  const report = await verifyJournal(source, {
    retainedCheckpoints,
    supplied,
    threads,
    onProgress: bar.update,
    ...(evidenceDir !== undefined ? { evidenceDir } : {}),
  });
  bar.end();
  if (values.json) {
    const { ceremonyList: _list, ...json } = report;
    io.out(`${JSON.stringify(json, null, 2)}\n`);
  } else io.out(verifyText(report, { path: source.path, kind: source.kind === 'bundle' ? 'bundle' : 'directory' }, io.locale));
  return report.ok ? EXIT.ok : EXIT.invalid;
}

/** The definitions an auditor supplies (--procedures): a folder of <sha256>.json files, every one readable. */
function readSuppliedProcedures(folder: string): Map<string, Uint8Array> {
  const refused: RefusedFile[] = [];
  const definitions = fs.existsSync(folder) && fs.statSync(folder).isDirectory() ? readProcedureFolder(folder, refused) : null;
  if (!definitions || refused.length) {
    throw new CustosError('PROCEDURES_UNREADABLE', `Cannot read the procedure definitions in ${folder}: give a folder of <sha256>.json files.`, {
      path: folder,
    });
  }
  return definitions;
}
