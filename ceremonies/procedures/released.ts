/**
 * The procedure definitions a released Custos has shipped, each `id@version` pinned to its hash
 * (SHA-256 of its RFC 8785 canonical JSON; docs/record-format.md, "Authorized procedures"; ADR
 * 0015). Only these definitions give an entry meaning: the writer refuses any other, and
 * `custos verify` reports an entry of any other as PROCEDURE_NOT_AUTHORIZED, whatever definition
 * file a data directory or bundle carries (those files are written by the station, so they prove
 * nothing). A line is never removed or changed: a five-year-old record must still verify. When a
 * procedure gets a new version, its old definition moves to RETIRED and its line stays.
 */
import { PROCEDURES } from './catalogue.ts';
import { procedureHash, procedureRef, type ProcedureDefinition } from './definition.ts';
import { backupDrillV1 } from './retired/backup-drill-v1.ts';
import { destructionV1 } from './retired/destruction-v1.ts';
import { compromiseRotationV1 } from './retired/compromise-rotation-v1.ts';
import { confirmTransferV1 } from './retired/confirm-transfer-v1.ts';
import { createWalletV1 } from './retired/create-wallet-v1.ts';
import { restitutionV1 } from './retired/restitution-v1.ts';
import { restitutionV2 } from './retired/restitution-v2.ts';
import { compromiseRotationV2 } from './retired/compromise-rotation-v2.ts';
import { changeHolderV1 } from './retired/change-holder-v1.ts';
import { incidentV1 } from './retired/incident-v1.ts';
import { stationSetupV1 } from './retired/station-setup-v1.ts';

/** Every id@version ever shipped, with its hash. Append only. */
export const PINNED_PROCEDURES: Readonly<Record<string, string>> = Object.freeze({
  'station-setup@1': '2ff0764c4a1935900737f3ea9e952a46d08a5570905cd946c5faf98e848ce3b0',
  'enrol-participant@1': '8e3f4e601c7fab852cb906c2c0ecafb7d3d54efabdbb9fa7371d0fccc2541e78',
  'revoke-participant@1': '9bd2e511861502f48599d5a98eef3f6deed1fce5893d6cf3019bc80c9cad0a4a',
  'create-wallet@1': '8e38094b1d92365f8c66f0d4bad7cc4367b061103008183c11050a7e8bf52312',
  'backup-drill@1': '24739f5e19b359ca5afc5ae76bc6889a8a02b90384158924080fc65a7aabeed9',
  'incident@1': 'e8d4e6c7ab53409302d613f7833f3220ef0039fff323fd1d637d10f7f7da05eb',
  'compromise-rotation@1': 'e8994edca5e8e9ce6660c057ccc9de328926e774ecd0153eb51287a23a2b788e',
  'restitution@1': '62b024bb789f3c0c1a79c57db64b11ba79e3a0a7ee078fdb15a490256550c879',
  'confirm-transfer@1': 'b8cc45183c2c70e7ed4621a26421291eeacd209f8b60dad1d8fa7a18cd6c5b38',
  'destruction@1': 'c7c75ee9ed7d61e34e40d8bc9ef6c5394551a55b246f9fbd23c7f283f4605129',
  'reconciliation@1': '4c9491a138b01e42cc180b00ae6fcb657a412a47f5e27c258c081d460851ae64',
  'change-holder@1': '1c8ff0b38376e82831339e158f81c192ba40a1fd83f2e0e96ba21b46db8b187d',
  'station-setup@2': '452be81f40d07bc5866c5f9a29d3b89593bcf783eb007424a66c513ec3ca231c',
  'destruction@2': 'b4f9771c3df06ad6b17c032ce40be35031bd2a21dedf846ae5192ef0f833915d',
  'restitution@2': '8d53b20cf5e778fc3dd1468cea26eac4cf9d872cad5dfa5b150c24ac370bfd96',
  'token-list@1': 'cfcb9f061d88473b3e7cb04ac427a6335ef94e5ebee40bb029c53bc5a6219e2c',
  'compromise-rotation@2': '0753338aea5543675fc841f027f1c20c7563a0a0425d9e891b2cfa302873fbe1',
  'confirm-transfer@2': '78b8248bd43cc5eea8e30b30d6dbf8db0563487cf84e9089c3475c02b14f9ed8',
  'watch-only-export@1': 'dfcdc2ac6207e84031ce3d35e929f19b22c349e5f9598b08d8b1a4fd9cdb4285',
  'create-wallet@2': '61fa82daa1795294943227fecf783228f7752162a542d7bc376c1f04e6ef7d28',
  'backup-drill@2': 'ba4577cbb15fdbbdb9a5512dc6c662e2390fd24240394f5fb03e4f755c27175d',
  'reshare@1': '09dc230d1620abc0682a43970e01b65093ad3f530387bd923af58d62afaecde7',
  'proof-of-control@1': 'c451164ca4d9c1d3e2abd33e0a83d5f1fa2c1a2a088aaf576ed554b42881f8d4',
  'incident@2': '4515671ff848a74743877c1882b7af07724d10db5bd7a4fc0c603be8d26a692a',
  'change-holder@2': '5fe80e4cadad0b73088eb77e9825d7e37699a0821e8e2acabb6660df2cf668f7',
  'restitution@3': 'a3ea42f54bee0e23db287cf5836f9e6de0982d2c4d068c1a29695f30c6691554',
  'compromise-rotation@3': 'c8e973d25f618d85b365ca4630c2c09622104ef77a6f6d1c3426b43db7df00f4',
});

/** Definitions of earlier versions, kept so their ceremonies still verify. */
const RETIRED_PROCEDURES: readonly ProcedureDefinition[] = [
  stationSetupV1,
  destructionV1,
  restitutionV1,
  compromiseRotationV1,
  confirmTransferV1,
  createWalletV1,
  backupDrillV1,
  incidentV1,
  changeHolderV1,
  restitutionV2,
  compromiseRotationV2,
];

/** The pinned definitions by hash: a definition whose hash is not its ref's pinned one is left out. */
const AUTHORIZED: ReadonlyMap<string, ProcedureDefinition> = new Map(
  [...PROCEDURES, ...RETIRED_PROCEDURES].map((d) => [procedureHash(d), d] as const).filter(([hash, d]) => PINNED_PROCEDURES[procedureRef(d)] === hash),
);

/** The released definition with this hash, or undefined: no other definition is authorized. */
export function authorizedProcedure(hash: string): ProcedureDefinition | undefined {
  return AUTHORIZED.get(hash);
}

/** True if `hash` is the pinned hash of a released definition. */
export function isAuthorized(hash: string): boolean {
  return AUTHORIZED.has(hash);
}
