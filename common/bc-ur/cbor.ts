/**
 * The little CBOR that multipart URs, `crypto-psbt`, `crypto-account` and `eth-signature` need:
 * unsigned integers, byte strings, text strings, arrays, maps with unsigned integer keys, tags and booleans, always in the shortest
 * form. Spec: RFC 8949 §3 (major types 0, 2, 3, 4, 5 and 6, simple values false and true, argument
 * encoding) and §4.2.1 "Core Deterministic Encoding Requirements" (preferred, shortest arguments;
 * map keys sorted in the bytewise lexicographic order of their encodings, no duplicates), which
 * BCR-2020-005 "Canonical CBOR" requires of every UR.
 */

const MAJOR_UNSIGNED = 0;
const MAJOR_BYTES = 2;
const MAJOR_TEXT = 3;
const MAJOR_ARRAY = 4;
const MAJOR_MAP = 5;
const MAJOR_TAG = 6;
/** Major type 7, simple values 20 (false) and 21 (true): RFC 8949 §3.3. */
const FALSE = 0xf4;
const TRUE = 0xf5;

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

/** A definite-length text string (major type 3), UTF-8. */
export function cborText(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('text: expected a string');
  const bytes = new TextEncoder().encode(text);
  return concatBytes(head(MAJOR_TEXT, bytes.length), bytes);
}

/** A definite-length array (major type 4) of already encoded items. */
export function cborArray(items: readonly Uint8Array[]): Uint8Array {
  return concatBytes(head(MAJOR_ARRAY, items.length), ...items);
}

/**
 * A definite-length map (major type 5) with unsigned integer keys, in deterministic order: entries
 * sorted by the bytewise lexicographic order of the encoded keys (RFC 8949 §4.2.1; for unsigned
 * integers in the shortest form this is numeric order). Values are already encoded items.
 */
export function cborMap(entries: readonly (readonly [number, Uint8Array])[]): Uint8Array {
  const encoded = entries.map(([key, value]) => [cborUnsigned(key), value] as const);
  encoded.sort(([a], [b]) => compareBytes(a, b));
  for (let i = 1; i < encoded.length; i++) {
    if (compareBytes(encoded[i - 1]![0], encoded[i]![0]) === 0) throw new RangeError('CBOR map: duplicate key');
  }
  return concatBytes(head(MAJOR_MAP, encoded.length), ...encoded.flat());
}

/** A tagged data item (major type 6) around an already encoded item. */
export function cborTag(tag: number, item: Uint8Array): Uint8Array {
  return concatBytes(head(MAJOR_TAG, tag), item);
}

/** The simple value false or true (major type 7). */
export function cborBoolean(value: boolean): Uint8Array {
  return Uint8Array.of(value ? TRUE : FALSE);
}

/** Bytewise lexicographic order; a shorter string that is a prefix of a longer one sorts first. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
