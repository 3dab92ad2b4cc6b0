/**
 * The one error type of the ceremony layer (record, store, engine, audit): a stable `code` from the
 * error registry (common/errors/, docs/errors.md), a message free of secrets that a custody officer
 * understands, and the public details its code declares. A throw without them does not compile.
 */
import type { DetailValue } from '../common/errors/error-spec.ts';
import type { DetailsArgument, ErrorCode } from '../common/errors/registry.ts';

export type Details = Record<string, DetailValue>;

export class CustosError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly details: Details;
  constructor(code: C, message: string, ...details: DetailsArgument<C>) {
    super(message);
    this.name = 'CustosError';
    this.code = code;
    this.details = { ...details[0] };
  }

  /**
   * A refusal told again under its own code (from the crypto core, or with other words): its details
   * are already those its code declares, so they are passed on as they are.
   */
  static told(code: ErrorCode, message: string, details: Readonly<Record<string, unknown>>): CustosError {
    // The same constructor, without the per-code check of the details: they were checked where first raised.
    const Untyped = CustosError as unknown as new (code: ErrorCode, message: string, details: Details) => CustosError;
    return new Untyped(code, message, publicDetails(details));
  }

  toBody(): { code: ErrorCode; message: string; details: Details } {
    return { code: this.code, message: this.message, details: { ...this.details } };
  }
}

function publicDetails(details: Readonly<Record<string, unknown>>): Details {
  const out: Details = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
  }
  return out;
}
