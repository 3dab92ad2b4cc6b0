/**
 * The main-side implementation of the AppApi (main/app/app-api.ts): what `window.custos` reaches,
 * through the preload and IPC in the app, or bound directly by the Playwright tests. It is a face
 * on the same engine as the CLI, never a second implementation: the inventory is replayJournal, the
 * auditor's check is verifyJournal, a ceremony is the same run as `custos run` with the answers the
 * screens collected; a share card or a report is printed through the station's printer service (the
 * dedicated print window in the app, print-window.ts). Spec: docs/architecture.md, "Processes";
 * docs/desktop-app.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openSource } from '../../ceremonies/audit/journal-source.ts';
import { replayJournal } from '../../ceremonies/audit/replay.ts';
import { CustosError } from '../../ceremonies/custos-error.ts';
import { SYSTEM, checkAirGap, type AirGapSources } from '../../ceremonies/engine/air-gap.ts';
import { ABORT_RUN, RUNS } from '../../ceremonies/engine/runs/catalogue.ts';
import { PROCEDURES } from '../../ceremonies/procedures/catalogue.ts';
import type { CryptoHost } from '../crypto-host/worker-host.ts';
import type { AnswerValue, AppApi, CeremonyAnswers, CeremonyOutcome, ChooseKind, InventoryView, ProcedureView } from './app-api.ts';
import { Jobs } from './app-jobs.ts';
import { verifyForAuditor, entryCode } from './auditor-verify.ts';
import { ceremonyAnswers } from './ceremony-answers.ts';
import { ChosenPaths } from './chosen-paths.ts';
import { previewPsbt } from './psbt-preview.ts';
import { cryptoAccountOf, psbtQrFrames } from './psbt-qr-frames.ts';
import { QrScans, type CameraSwitch } from './qr-scan.ts';
import { ethSignatureFrame } from './eth-sign-request.ts';
import { saveReport } from './reports/save-report.ts';
import { shareCardHtml } from './share-card.ts';
import { passphrasePrompt, signRequest } from './sign-request.ts';

/**
 * How main prints: `print` sends a document to a printer through the system's print dialog and
 * resolves once it is printed (PRINT_CANCELLED / PRINT_FAILED otherwise); `pdf` makes an A4 PDF of
 * it. The documents are complete HTML pages with their own CSP and no script (reports/html.ts). In
 * the app: print-window.ts; in the tests, a recording printer or one backed by Playwright's Chromium.
 */
export interface Printer {
  print(html: string): Promise<void>;
  pdf(html: string): Promise<Uint8Array>;
}

export interface RouterServices {
  readonly version: () => string;
  /**
   * Starts a crypto core (utilityProcess in the app, a worker thread in the tests): one for each
   * ceremony, stopped when it ends, so that every secret goes with its process and no ceremony or
   * station shares a core with another (docs/threat-model.md, "The guarantee of the record").
   */
  readonly startCore: () => Promise<CryptoHost>;
  /** Where the running code lives (the build hash recorded at each opening). */
  readonly appRoot: string;
  /** The station's file dialog: a real path, or null when cancelled. */
  readonly dialog: (kind: ChooseKind) => Promise<string | null>;
  /** Prints share cards and makes the reports' PDFs. */
  readonly printer: Printer;
  readonly airGap?: AirGapSources;
  readonly clock?: () => Date;
  /** The window's camera, opened while a QR scan is (main/shell/camera-gate.ts). */
  readonly camera?: CameraSwitch;
  /** Where the files read by QR are written (the app's own data folder; a temporary one in tests). */
  readonly scanDir: string;
}

/** Largest PSBT file read for a preview (the core refuses larger ones too). */
const PSBT_MAX_BYTES = 1024 * 1024;

function record(value: AnswerValue | undefined): { readonly [key: string]: AnswerValue } | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { readonly [key: string]: AnswerValue }) : undefined;
}

/** The wallet a ceremony's paper shares rebuild, as its answers name it (a rotation's replacement, or the new wallet). */
export function walletOnCards(answers: CeremonyAnswers): string | null {
  const wallet = record(record(answers['replacement'])?.['wallet']) ?? record(answers['wallet']);
  const id = wallet?.['id'];
  return typeof id === 'string' && id !== '' ? id.slice(0, 128) : null;
}

export function createAppRouter(services: RouterServices): AppApi {
  const chosen = new ChosenPaths();
  const jobs = new Jobs();
  const airGapSources = services.airGap ?? SYSTEM;
  const scans = new QrScans(services.scanDir, chosen, services.camera);

  return {
    version: async () => services.version(),

    choose: async (kind) => {
      const picked = await services.dialog(kind);
      return picked === null ? null : chosen.remember(kind, picked);
    },

    airGap: async () => {
      const evidence = checkAirGap(airGapSources);
      return { online: evidence.online, reasons: evidence.reasons };
    },

    procedures: async () =>
      PROCEDURES.map(
        (p): ProcedureView => ({
          id: p.id,
          version: p.version,
          title: p.title,
          purpose: p.purpose,
          requirements: p.requirements,
          steps: p.steps.map((s) => ({ id: s.id, type: s.type, title: s.title, signers: s.signers, ...(s.repeat ? { repeat: s.repeat } : {}) })),
        }),
      ),

    inventory: async (dataDir) => {
      const view: InventoryView = replayJournal(openSource(chosen.resolve(dataDir, ['data-dir'])), services.clock?.());
      return JSON.parse(JSON.stringify(view)) as InventoryView;
    },

    readPsbt: async (file, network) => {
      const where = chosen.resolve(file, ['psbt-file']);
      if (fs.statSync(where).size > PSBT_MAX_BYTES) throw new CustosError('PSBT_TOO_LARGE', 'This PSBT file is larger than 1 MiB. Nothing was changed.', {});
      return previewPsbt(new Uint8Array(fs.readFileSync(where)), network);
    },

    psbtQrFrames: async (jobId) => {
      const job = jobs.get(jobId);
      const signed = job.outputs.find((f) => f.endsWith('.psbt'));
      if (!job.finished || signed === undefined) {
        throw new CustosError('PSBT_NOT_SIGNED', 'This ceremony has not written a signed PSBT. Nothing to show.', {});
      }
      return psbtQrFrames(new Uint8Array(fs.readFileSync(signed)));
    },

    watchOnlyQrFrames: async (jobId) => {
      const job = jobs.get(jobId);
      const frame = job.finished
        ? job.outputs
            .filter((f) => f.endsWith('.json'))
            .map(cryptoAccountOf)
            .find((ur) => ur !== null)
        : undefined;
      if (!frame) {
        throw new CustosError('WATCH_ONLY_NOT_WRITTEN', 'This ceremony has not written a watch-only export with a Bitcoin account. Nothing to show.', {});
      }
      return [frame];
    },

    ethSignatureQrFrames: async (jobId) => {
      const job = jobs.get(jobId);
      const signed = job.finished ? job.outputs.find((f) => f.endsWith('.ethtx')) : undefined;
      if (signed === undefined) throw new CustosError('ETH_NOT_SIGNED', 'This ceremony has not written a signed Ethereum transaction. Nothing to show.', {});
      return [ethSignatureFrame(signed, services.scanDir)];
    },

    startQrScan: async (kind) => scans.start(kind),

    qrFrame: async (scan, text) => scans.frame(scan, text),

    stopQrScan: async (scan) => {
      scans.stop(scan);
    },

    startVerify: async (request) => {
      const source = chosen.resolve(request.source, ['audit-source', 'data-dir']);
      const checkpoint = request.checkpoint === undefined ? undefined : chosen.resolve(request.checkpoint, ['checkpoint-file']);
      return jobs.start((job) => verifyForAuditor(job, source, checkpoint));
    },

    startCeremony: async (request) => {
      // "abort" ends whatever ceremony is open (custos abort), through the same channel as every run.
      const run = request.procedure === 'abort' ? ABORT_RUN : RUNS[request.procedure];
      if (!run) throw new CustosError('PROCEDURE_UNKNOWN', `There is no procedure "${request.procedure}" on this station.`, { procedure: request.procedure });
      const dir = chosen.resolve(request.dataDir, ['data-dir']);
      // Tokens are resolved now: a wrong choice is refused before the job starts.
      const answers = ceremonyAnswers(request.procedure, request.answers, chosen);
      const names = rosterNames(dir);
      const labels = new Map<string, string>();
      return jobs.start(async (job) => {
        job.wallet = walletOnCards(request.answers);
        // The guided ceremony: each person is asked for their passphrase when the run needs it (ADR 0025).
        answers.asker = (asked) => job.ask<string>((id) => passphrasePrompt(id, asked, (who) => labels.get(who)));
        // At the close, a witness who has not named their medium chooses it in the station's save dialog.
        answers.checkpointAsker = async (who) => {
          const token = await job.ask<string>((id) => ({ kind: 'prompt', prompt: 'checkpoint', id, who, name: labels.get(who) ?? who }));
          return chosen.resolve(token, ['save-file']);
        };
        const core = await services.startCore();
        let result;
        try {
          result = await run(dir, answers, {
            client: core.client,
            appRoot: services.appRoot,
            airGap: airGapSources,
            clock: services.clock,
            onAppended: (entry) =>
              job.push({
                kind: 'entry',
                index: entry.index,
                ceremony: entry.payload.ceremony,
                type: entry.payload.type,
                step: entry.payload.step,
                hash: entry.lineHash,
                code: entryCode(entry.lineHash),
                signers: entry.payload.signers.map((s) => ({ keyid: s.keyid, role: s.role })),
              }),
            screen: {
              showShareWords: (share) => job.ask<string>((id) => ({ kind: 'prompt', prompt: 'share-words', id, ...share })),
            },
            confirmEntry: async (entry) => {
              for (const s of entry.signers) if (s.who !== undefined) labels.set(s.who, s.name);
              const agreed = await job.ask<Readonly<Record<string, string>>>((id) => signRequest(id, entry, names));
              for (const s of entry.signers) {
                const typed = s.locked && s.who !== undefined ? agreed[s.who] : undefined;
                if (typed !== undefined) answers.give(`participants.${s.who}`, 'passphrase', typed);
              }
            },
          });
        } finally {
          answers.forget();
          await core.stop();
        }
        job.outputs = result.outputs;
        const outcome: CeremonyOutcome = {
          kind: 'ceremony-done',
          ceremony: result.ceremony,
          procedure: result.procedure,
          state: result.waiting ? 'waiting' : result.facts['aborted'] !== undefined ? 'aborted' : 'closed',
          size: result.size,
          checkpoint: result.checkpoint,
          facts: result.facts,
          outputs: result.outputs.map((f) => path.basename(f)),
        };
        return outcome;
      });
    },

    jobEvents: async (jobId, after) => jobs.get(jobId).since(after),

    answerShareWords: async (jobId, answer) => {
      jobs.get(jobId).answer(answer.prompt, 'share-words', answer.words);
    },

    answerSignRequest: async (jobId, answer) => {
      jobs.get(jobId).answer(answer.prompt, 'sign', answer.passphrases);
    },

    answerPassphrase: async (jobId, answer) => {
      jobs.get(jobId).answer(answer.prompt, 'passphrase', answer.passphrase);
    },

    answerCheckpoint: async (jobId, answer) => {
      // The token is checked now, while the witness is still asked: a wrong one leaves the question waiting.
      chosen.resolve(answer.checkpoint, ['save-file']);
      jobs.get(jobId).answer(answer.prompt, 'checkpoint', answer.checkpoint);
    },

    stopCeremony: async (jobId, reason) => {
      const why = reason.trim();
      if (!why) throw new CustosError('REASON_MISSING', 'Give the reason for stopping the ceremony; it is recorded. Nothing was changed.', {});
      jobs.get(jobId).stop(new CustosError('CEREMONY_STOPPED', `The officer stopped the ceremony: ${why.slice(0, 300)}`, { reason: why.slice(0, 300) }));
    },

    printShareCard: async (jobId, promptId, locale) => {
      const job = jobs.get(jobId);
      const shown = job.pendingShareCard(promptId);
      await services.printer.print(
        shareCardHtml(
          {
            holder: shown.holder,
            index: shown.index,
            of: shown.of,
            bagSerial: shown.bagSerial,
            words: shown.words,
            qr: shown.qr,
            ...(job.wallet === null ? {} : { wallet: job.wallet }),
          },
          locale,
        ),
      );
    },

    saveReport: async (request) => {
      const source = chosen.resolve(request.dataDir, ['data-dir', 'audit-source']);
      return saveReport(source, request, { pdf: (html) => services.printer.pdf(html), dialog: services.dialog, now: services.clock?.() ?? new Date() });
    },
  };
}

/** Participants' names by key id, from the station's record (none yet for a station being set up). */
function rosterNames(dir: string): ReadonlyMap<string, string> {
  try {
    return new Map(replayJournal(openSource(dir)).participants.map((p) => [p.keyid, p.name]));
  } catch {
    return new Map();
  }
}
