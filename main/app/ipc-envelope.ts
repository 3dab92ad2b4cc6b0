/**
 * The result envelope every IPC channel answers with, and how the preload opens it. Electron passes
 * only the message of an Error thrown in an ipcMain.handle handler across invoke, so main never
 * throws to the renderer: it answers `{ok: true, value}` or `{ok: false, error: {code, message,
 * details}}` (ipc-router.ts). The preload unwraps it: a value is returned, an error is thrown as a
 * plain object `{name: 'CustosError', code, message, details}`; not as an Error, because the
 * contextBridge copies an Error into the page with its message only and drops every other property
 * (Electron's contextBridge documentation, "Parameter / Error / Return Type support"), whereas a
 * plain object of strings and numbers crosses whole. Spec: docs/architecture.md, "Processes"
 * (errors cross as {code, message, details}) and "Principles" 6. No import: the preload bundles
 * this.
 */
import type { AppError } from './app-api.ts';

export type IpcResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: AppError };

/** What a refused call rejects with in the renderer (the AppError fields, plus a name to log). */
export interface CustosFailure extends AppError {
  readonly name: 'CustosError';
}

function failure(code: string, message: string, details: Readonly<Record<string, string | number>> = {}): CustosFailure {
  return { name: 'CustosError', code, message, details: { ...details } };
}

/** The value of a successful result; throws the CustosFailure of a failed or malformed one. */
export function unwrapIpcResult(channel: string, result: unknown): unknown {
  if (isRecord(result) && result.ok === true && 'value' in result) return result.value;
  if (isRecord(result) && result.ok === false && isAppError(result.error)) {
    const { code, message, details } = result.error;
    throw failure(code, message, details);
  }
  throw badResponse(channel);
}

/** The failure of an answer that is not what the channel promises. */
export function badResponse(channel: string): CustosFailure {
  return failure('IPC_BAD_RESPONSE', 'Custos received an answer it did not expect from its own engine. Nothing was changed. Report it.', { channel });
}

function isAppError(value: unknown): value is AppError {
  if (!isRecord(value) || typeof value.code !== 'string' || typeof value.message !== 'string' || !isRecord(value.details)) return false;
  return Object.values(value.details).every((detail) => typeof detail === 'string' || typeof detail === 'number');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
