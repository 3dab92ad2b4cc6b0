/**
 * A strict reader of the CBOR that URs carry, into a small tree. Spec: RFC 8949 §3 "Specification
 * of the CBOR Encoding" (major types 0-6; of major type 7 only false, true and null, §3.3) and
 * §4.2.1 preferred serialization of arguments (shortest form), which BCR-2020-005 "Canonical CBOR"
 * requires of every UR. Refused (UR_MALFORMED): indefinite lengths (§3.2), floats, undefined and
 * other simple values, reserved additional information (§3.1), arguments longer than needed,
 * duplicate map keys (§5.6), trailing bytes, more than 32 nested arrays, maps and tags, and any
 * declared length beyond the remaining input (checked before anything is allocated from it). Map
 * key order is not checked: decoding is unambiguous without it.
 */
import { UrDecodeError } from './ur-decode-error.ts';

export type CborItem =
  /** Major type 0: a number when it is a safe integer, else a bigint. */
  | { readonly kind: 'unsigned'; readonly value: number | bigint }
  /** Major type 1: the value -1 - n, a number when it is a safe integer, else a bigint. */
  | { readonly kind: 'negative'; readonly value: number | bigint }
  | { readonly kind: 'bytes'; readonly value: Uint8Array }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'array'; readonly items: readonly CborItem[] }
  /** Entries in the order of the encoding; keys are any item. */
  | { readonly kind: 'map'; readonly entries: readonly (readonly [CborItem, CborItem])[] }
  | { readonly kind: 'tag'; readonly tag: number | bigint; readonly item: CborItem }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

type CborKind = CborItem['kind'];
type CborItemOf<K extends CborKind> = Extract<CborItem, { kind: K }>;

/** Arrays, maps and tags nested deeper than this are refused. */
const MAX_DEPTH = 32;

const KIND_NAMES: Readonly<Record<CborKind, string>> = {
  unsigned: 'an unsigned integer',
  negative: 'a negative integer',
  bytes: 'a byte string',
  text: 'a text string',
  array: 'an array',
  map: 'a map',
  tag: 'a tagged item',
  boolean: 'a boolean',
  null: 'null',
};

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function malformed(message: string): UrDecodeError {
  return new UrDecodeError('UR_MALFORMED', `CBOR: ${message}`);
}

function integer(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

class CborReader {
  private offset = 0;
  private readonly bytes: Uint8Array;
  private readonly view: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private need(count: number): void {
    if (count > this.remaining) throw malformed(`unexpected end of input at byte ${this.offset}`);
  }

  /** The argument of a head whose additional information is `info` < 28 (RFC 8949 §3), shortest form only. */
  private argument(info: number): bigint {
    if (info < 24) return BigInt(info);
    const size = 1 << (info - 24);
    this.need(size);
    const at = this.offset;
    this.offset += size;
    let value: bigint;
    if (size === 1) value = BigInt(this.view.getUint8(at));
    else if (size === 2) value = BigInt(this.view.getUint16(at, false));
    else if (size === 4) value = BigInt(this.view.getUint32(at, false));
    else value = this.view.getBigUint64(at, false);
    const smallest = size === 1 ? 24n : 1n << BigInt(4 * size);
    if (value < smallest) throw malformed(`argument at byte ${at - 1} is not in its shortest form`);
    return value;
  }

  /** A declared length or count, checked against what is left: each unit takes at least `unitSize` bytes. */
  private length(argument: bigint, unitSize: number, what: string): number {
    if (argument * BigInt(unitSize) > BigInt(this.remaining)) {
      throw malformed(`${what} declares more than the ${this.remaining} bytes left`);
    }
    return Number(argument);
  }

  /** One data item; `depth` is the number of arrays, maps and tags around it. */
  item(depth: number): CborItem {
    this.need(1);
    const start = this.offset;
    const initial = this.bytes[this.offset++]!;
    const major = initial >> 5;
    const info = initial & 0x1f;
    if (major === 7) return this.simple(info, start);
    if (info === 31) throw malformed(`indefinite length at byte ${start}`);
    if (info >= 28) throw malformed(`reserved additional information ${info} at byte ${start}`);
    const argument = this.argument(info);
    switch (major) {
      case 0:
        return { kind: 'unsigned', value: integer(argument) };
      case 1:
        return { kind: 'negative', value: integer(-1n - argument) };
      case 2: {
        const length = this.length(argument, 1, 'byte string');
        this.offset += length;
        return { kind: 'bytes', value: this.bytes.slice(this.offset - length, this.offset) };
      }
      case 3: {
        const length = this.length(argument, 1, 'text string');
        this.offset += length;
        try {
          return { kind: 'text', value: UTF8.decode(this.bytes.subarray(this.offset - length, this.offset)) };
        } catch {
          throw malformed(`text string at byte ${start} is not valid UTF-8`);
        }
      }
      case 4: {
        this.enter(depth, start);
        const count = this.length(argument, 1, 'array');
        const items: CborItem[] = [];
        for (let i = 0; i < count; i++) items.push(this.item(depth + 1));
        return { kind: 'array', items };
      }
      case 5: {
        this.enter(depth, start);
        const count = this.length(argument, 2, 'map');
        const entries: [CborItem, CborItem][] = [];
        const keys = new Set<string>();
        for (let i = 0; i < count; i++) {
          const keyStart = this.offset;
          const key = this.item(depth + 1);
          const encodedKey = Array.from(this.bytes.subarray(keyStart, this.offset), (b) => b.toString(16).padStart(2, '0')).join('');
          if (keys.has(encodedKey)) throw malformed(`duplicate key in the map at byte ${start}`);
          keys.add(encodedKey);
          entries.push([key, this.item(depth + 1)]);
        }
        return { kind: 'map', entries };
      }
      default: {
        this.enter(depth, start);
        return { kind: 'tag', tag: integer(argument), item: this.item(depth + 1) };
      }
    }
  }

  private enter(depth: number, start: number): void {
    if (depth >= MAX_DEPTH) throw malformed(`more than ${MAX_DEPTH} nested arrays, maps and tags at byte ${start}`);
  }

  /** Major type 7 (RFC 8949 §3.3): false, true and null only. */
  private simple(info: number, start: number): CborItem {
    switch (info) {
      case 20:
        return { kind: 'boolean', value: false };
      case 21:
        return { kind: 'boolean', value: true };
      case 22:
        return { kind: 'null' };
      case 23:
        throw malformed(`undefined at byte ${start}`);
      case 25:
      case 26:
      case 27:
        throw malformed(`floating-point number at byte ${start}`);
      case 31:
        throw malformed(`"break" outside an indefinite-length item at byte ${start}`);
      default:
        throw malformed(`unsupported simple value at byte ${start}`);
    }
  }
}

/** The single data item that is the whole of `bytes`. */
export function decodeCbor(bytes: Uint8Array): CborItem {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes: expected a Uint8Array');
  const reader = new CborReader(bytes);
  const item = reader.item(0);
  if (reader.remaining !== 0) throw malformed(`${reader.remaining} bytes after the data item`);
  return item;
}

function expectKind<K extends CborKind>(item: CborItem, kind: K, what: string): CborItemOf<K> {
  if (item.kind !== kind) throw new UrDecodeError('UR_MALFORMED', `${what}: expected ${KIND_NAMES[kind]}, got ${KIND_NAMES[item.kind]}`);
  return item as CborItemOf<K>;
}

/** The items of an array (of exactly `length` items when given). */
export function cborExpectArray(item: CborItem, what: string, length?: number): readonly CborItem[] {
  const { items } = expectKind(item, 'array', what);
  if (length !== undefined && items.length !== length) {
    throw new UrDecodeError('UR_MALFORMED', `${what}: expected an array of ${length} items, got ${items.length}`);
  }
  return items;
}

/** A map item, for cborMapGet. */
export function cborExpectMap(item: CborItem, what: string): CborItemOf<'map'> {
  return expectKind(item, 'map', what);
}

/** The value of the entry whose key is the integer `key`, if the map has one. */
export function cborMapGet(map: CborItemOf<'map'>, key: number): CborItem | undefined {
  if (!Number.isSafeInteger(key)) throw new RangeError(`key: expected a safe integer, got ${key}`);
  const kind = key < 0 ? 'negative' : 'unsigned';
  return map.entries.find(([k]) => k.kind === kind && k.value === key)?.[1];
}

/** The bytes of a byte string. */
export function cborExpectBytes(item: CborItem, what: string): Uint8Array {
  return expectKind(item, 'bytes', what).value;
}

/** An unsigned integer no greater than `max` (default: the largest safe integer). */
export function cborExpectUnsigned(item: CborItem, what: string, max: number = Number.MAX_SAFE_INTEGER): number {
  const { value } = expectKind(item, 'unsigned', what);
  if (typeof value !== 'number' || value > max) throw new UrDecodeError('UR_MALFORMED', `${what}: expected at most ${max}, got ${value}`);
  return value;
}

/** The item inside tag number `tag`. */
export function cborExpectTag(item: CborItem, tag: number, what: string): CborItem {
  const tagged = expectKind(item, 'tag', what);
  if (tagged.tag !== tag) throw new UrDecodeError('UR_MALFORMED', `${what}: expected tag ${tag}, got tag ${tagged.tag}`);
  return tagged.item;
}
