/**
 * The procedures this version of Custos runs. The store keeps a copy of each definition used, so an
 * auditor verifies old ceremonies with the exact rules they ran under, even after a procedure gets a
 * new version (released.ts pins each by hash).
 */
import type { ProcedureDefinition } from './definition.ts';
import { backupDrill } from './backup-drill.ts';
import { createWallet } from './create-wallet.ts';
import { enrolParticipant } from './enrol-participant.ts';
import { incident } from './incident.ts';
import { revokeParticipant } from './revoke-participant.ts';
import { stationSetup } from './station-setup.ts';
import { changeHolder } from './change-holder.ts';
import { compromiseRotation } from './compromise-rotation.ts';
import { confirmTransfer } from './confirm-transfer.ts';
import { destruction } from './destruction.ts';
import { proofOfControl } from './proof-of-control.ts';
import { reconciliation } from './reconciliation.ts';
import { reshare } from './reshare.ts';
import { restitution } from './restitution.ts';
import { tokenList } from './token-list.ts';
import { watchOnlyExport } from './watch-only-export.ts';

export const PROCEDURES: readonly ProcedureDefinition[] = [
  stationSetup,
  enrolParticipant,
  revokeParticipant,
  createWallet,
  backupDrill,
  incident,
  compromiseRotation,
  restitution,
  confirmTransfer,
  destruction,
  reconciliation,
  changeHolder,
  reshare,
  proofOfControl,
  tokenList,
  watchOnlyExport,
];
