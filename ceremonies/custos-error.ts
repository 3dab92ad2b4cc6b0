/**
 * The one error type of the ceremony layer (record, store, engine, audit): a stable `code`, a
 * message free of secrets that a custody officer understands, and non-secret details. Codes are
 * listed in docs/errors.md; the renderer's catalogue translates them by code.
 */
export type Details = Record<string, string | number | boolean | null>;

export class CustosError extends Error {
  readonly code: string;
  readonly details: Details;
  constructor(code: string, message: string, details: Details = {}) {
    super(message);
    this.name = 'CustosError';
    this.code = code;
    this.details = details;
  }
  toBody(): { code: string; message: string; details: Details } {
    return { code: this.code, message: this.message, details: { ...this.details } };
  }
}
