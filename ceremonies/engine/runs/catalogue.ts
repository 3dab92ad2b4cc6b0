/**
 * The headless runs of each procedure, by procedure id (what `custos run` accepts).
 */
import type { Answers } from '../answers.ts';
import type { RunEnvironment, RunResult } from '../run-context.ts';
import { runAbort } from './abort-run.ts';
import { runBackupDrill } from './backup-drill-run.ts';
import { runCheckpoint } from './checkpoint-run.ts';
import { runChangeHolder } from './change-holder-run.ts';
import { runCompromiseRotation } from './compromise-rotation-run.ts';
import { runConfirmTransfer } from './confirm-transfer-run.ts';
import { runCreateWallet } from './create-wallet-run.ts';
import { runDestruction } from './destruction-run.ts';
import { runEnrol } from './enrol-run.ts';
import { runIncident } from './incident-run.ts';
import { runProofOfControl } from './proof-of-control-run.ts';
import { runReconciliation } from './reconciliation-run.ts';
import { runReshare } from './reshare-run.ts';
import { runRestitution } from './restitution-run.ts';
import { runRevoke } from './revoke-run.ts';
import { runStationSetup } from './station-setup-run.ts';
import { runTokenList } from './token-list-run.ts';
import { runWatchOnlyExport } from './watch-only-export-run.ts';

export type Run = (dir: string, answers: Answers, env: RunEnvironment) => Promise<RunResult>;

export const RUNS: Record<string, Run> = {
  'station-setup': runStationSetup,
  'enrol-participant': runEnrol,
  'revoke-participant': runRevoke,
  'create-wallet': runCreateWallet,
  'backup-drill': runBackupDrill,
  incident: runIncident,
  'compromise-rotation': runCompromiseRotation,
  restitution: runRestitution,
  'confirm-transfer': runConfirmTransfer,
  destruction: runDestruction,
  reconciliation: runReconciliation,
  'change-holder': runChangeHolder,
  reshare: runReshare,
  'proof-of-control': runProofOfControl,
  'token-list': runTokenList,
  'watch-only-export': runWatchOnlyExport,
};

/** Aborting whatever ceremony is open (`custos abort`, the desktop app's "Abort the open ceremony"). */
export const ABORT_RUN: Run = runAbort;

/** A checkpoint cosigned by the witnesses present, outside any ceremony (`custos checkpoint`). */
export const CHECKPOINT_RUN: Run = runCheckpoint;
