/**
 * The little CBOR that multipart URs and `crypto-psbt` need: unsigned integers, byte strings and
 * array headers, always in the shortest form. Spec: RFC 8949 §3 (major types 0, 2 and 4, argument
 * encoding) and §4.2.1 "Core Deterministic Encoding Requirements" (preferred, shortest arguments),
 * which BCR-2020-005 "Canonical CBOR" requires of every UR.
 */

const MAJOR_UNSIGNED = 0;
const MAJOR_BYTES = 2;
const MAJOR_ARRAY = 4;

/** The head of a data item: major type and argument, in the shortest form (RFC 8949 §3, §4.2.1). */
function head(major: number, argument: number): Uint8Array {
  if (!Number.isSafeInteger(argument) || argument < 0) {
    throw new RangeError(`CBOR argument: expected a non-negative safe integer, got ${argument}`);
  }
  const type = major << 5;
  if (argument < 24) return Uint8Array.of(type | argument);
  if (argument <= 0xff) return Uint8Array.of(type | 24, argument);
  if (argument <= 0xffff) return Uint8Array.of(type | 25, argument >>> 8, argument & 0xff);
  if (argument <= 0xffffffff) {
    const out = new Uint8Array(5);
    out[0] = type | 26;
    new DataView(out.buffer).setUint32(1, argument, false);
    return out;
  }
  const out = new Uint8Array(9);
  out[0] = type | 27;
  new DataView(out.buffer).setBigUint64(1, BigInt(argument), false);
  return out;
}

/** Concatenation of byte arrays. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** An unsigned integer (major type 0). */
export function cborUnsigned(value: number): Uint8Array {
  return head(MAJOR_UNSIGNED, value);
}

/** A definite-length byte string (major type 2). */
export function cborBytes(bytes: Uint8Array): Uint8Array {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes: expected a Uint8Array');
  return concatBytes(head(MAJOR_BYTES, bytes.length), bytes);
}

/** A definite-length array (major type 4) of already encoded items. */
export function cborArray(items: readonly Uint8Array[]): Uint8Array {
  return concatBytes(head(MAJOR_ARRAY, items.length), ...items);
}
