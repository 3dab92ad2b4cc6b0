/**
 * Helpers for secret byte buffers: copy what callers own, zero what we made, and run a step with
 * buffers that are zeroed in `finally` whatever happens. JavaScript strings cannot be zeroed, so the
 * core never builds a secret as a string (see docs/threat-model.md, "Memory").
 */

/** Zero every buffer given; ignores undefined so callers can zero in `finally` unconditionally. */
export function wipe(...buffers: (Uint8Array | undefined | null)[]): void {
  for (const b of buffers) if (b) b.fill(0);
}

/** Constant-time equality of two byte arrays of the same length. */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
