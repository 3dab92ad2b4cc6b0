/**
 * The error registry: every code Custos refuses with, declared once (docs/errors.md, generated from
 * it by `npm run docs`). `ErrorCode` is the union of the codes; `ErrorDetails<C>` the details a
 * refusal with code C must carry, so that a throw without them does not compile and no French text
 * shows a gap.
 */
import { APP_ERRORS } from './app-errors.ts';
import {
  CORE_FAILURE_ERRORS,
  CORE_REQUEST_ERRORS,
  ETH_SIGNING_ERRORS,
  PSBT_SIGNING_ERRORS,
  REBUILD_ERRORS,
  SHARE_INPUT_ERRORS,
  SIGNING_KEY_ERRORS,
  WALLET_SPLIT_ERRORS,
} from './crypto-errors.ts';
import type { DetailValue, ErrorTable } from './error-spec.ts';
import { PROCEDURE_ERRORS } from './procedure-errors.ts';
import { RECORD_ERRORS } from './record-errors.ts';
import { RUN_ERRORS } from './run-errors.ts';
import { STORE_ERRORS } from './store-errors.ts';

/** The tables of docs/errors.md by the id its `<!-- error-table: id -->` marker names, in page order. */
export const ERROR_TABLES = {
  'core-requests': CORE_REQUEST_ERRORS,
  'core-creating': WALLET_SPLIT_ERRORS,
  'core-share-input': SHARE_INPUT_ERRORS,
  'core-rebuilding': REBUILD_ERRORS,
  'core-signing-keys': SIGNING_KEY_ERRORS,
  'core-psbt': PSBT_SIGNING_ERRORS,
  'core-eth': ETH_SIGNING_ERRORS,
  'core-itself': CORE_FAILURE_ERRORS,
  store: STORE_ERRORS,
  run: RUN_ERRORS,
  record: RECORD_ERRORS,
  procedures: PROCEDURE_ERRORS,
  app: APP_ERRORS,
} as const satisfies Record<string, ErrorTable>;

/** The crypto core's tables: their codes are crypto/protocol.ts's CRYPTO_ERROR_CODES. */
export const CRYPTO_TABLE_IDS = [
  'core-requests',
  'core-creating',
  'core-share-input',
  'core-rebuilding',
  'core-signing-keys',
  'core-psbt',
  'core-eth',
  'core-itself',
] as const;

export const ERRORS = {
  ...CORE_REQUEST_ERRORS,
  ...WALLET_SPLIT_ERRORS,
  ...SHARE_INPUT_ERRORS,
  ...REBUILD_ERRORS,
  ...SIGNING_KEY_ERRORS,
  ...PSBT_SIGNING_ERRORS,
  ...ETH_SIGNING_ERRORS,
  ...CORE_FAILURE_ERRORS,
  ...STORE_ERRORS,
  ...RUN_ERRORS,
  ...RECORD_ERRORS,
  ...PROCEDURE_ERRORS,
  ...APP_ERRORS,
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** The names of the details a refusal with code C carries. */
export type DetailName<C extends ErrorCode> = (typeof ERRORS)[C]['details'][number];

/** The details of a refusal with code C: those its declaration names, and any other public ones. */
type ErrorDetails<C extends ErrorCode> = { readonly [K in DetailName<C>]: DetailValue } & { readonly [key: string]: DetailValue };

/** A constructor's details argument: optional when the code declares none. */
export type DetailsArgument<C extends ErrorCode> = [DetailName<C>] extends [never] ? [details?: ErrorDetails<C>] : [details: ErrorDetails<C>];

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
