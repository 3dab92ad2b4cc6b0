/**
 * Reads a refused call's error in the renderer: the preload (and the test binding) throw an Error
 * carrying the AppError fields {code, message, details} of main/app/app-api.ts.
 */
import type { AppError } from '../../main/app/app-api.ts';

export function asAppError(error: unknown): AppError {
  if (error && typeof error === 'object' && typeof (error as { code?: unknown }).code === 'string') {
    const e = error as { code: string; message?: unknown; details?: unknown };
    const details = e.details && typeof e.details === 'object' ? (e.details as Record<string, string | number>) : {};
    return { code: e.code, message: typeof e.message === 'string' ? e.message : '', details };
  }
  return { code: 'INTERNAL', message: '', details: {} };
}
