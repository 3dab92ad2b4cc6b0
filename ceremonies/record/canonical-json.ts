/**
 * RFC 8785 JSON Canonicalization Scheme (JCS) for record payloads and stored lines, through the
 * `canonicalize` package, and a strict reader: bytes are accepted only if they are exactly the JCS
 * form of what they parse to, and duplicate object keys are named as such (JSON.parse would
 * silently keep the last one). docs/record-format.md, "Canonical JSON".
 */
import { isAscii } from 'node:buffer';
import canonicalize from 'canonicalize';
import { CustosError } from '../custos-error.ts';

const encoder = new TextEncoder();
// ignoreBOM: a byte-order mark is kept, so it makes the bytes non-canonical instead of vanishing.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function canonicalString(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new CustosError('JSON_NOT_SERIALIZABLE', 'This value cannot be written as JSON.');
  return text;
}

export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalString(value));
}

/** Finds the first object key that appears twice in the same object, scanning the JSON text. */
function findDuplicateKey(text: string): string | null {
  const stack: (Set<string> | null)[] = [];
  let i = 0;
  let expectKey = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      const raw = text.slice(i, j + 1);
      const top = stack.at(-1);
      if (expectKey && top) {
        const key = JSON.parse(raw) as string;
        if (top.has(key)) return key;
        top.add(key);
        expectKey = false;
      }
      i = j + 1;
      continue;
    }
    if (ch === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (ch === '[') {
      stack.push(null);
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      expectKey = stack.at(-1) instanceof Set;
    }
    i++;
  }
  return null;
}

/**
 * True if every object's keys, in the order JSON.parse kept them, are sorted by UTF-16 code units
 * (the JCS order). Together with JSON.stringify(value) === text, this proves the text canonical.
 */
function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!keysSorted(item)) return false;
    return true;
  }
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && !(keys[i - 1]! < keys[i]!)) return false;
    if (!keysSorted((value as Record<string, unknown>)[keys[i]!])) return false;
  }
  return true;
}

/**
 * The fast acceptance: JSON.stringify writes strings and numbers exactly as JCS does and keeps the
 * parsed key order, so if it gives back the text and every object's keys are sorted, the text is
 * the JCS form and names no key twice (a duplicate would be missing from the output). Texts with a
 * `\ud` escape (a possible lone surrogate, which JCS refuses) are left to the full check.
 */
function plainlyCanonical(text: string, value: unknown): boolean {
  return JSON.stringify(value) === text && !text.includes('\\ud') && keysSorted(value);
}

/**
 * Parses bytes that must be canonical JSON. Throws JSON_INVALID (not UTF-8 or not JSON),
 * JSON_DUPLICATE_KEY, or JSON_NOT_CANONICAL (any other difference from the JCS form).
 */
export function parseCanonical(bytes: Uint8Array, what = 'The entry'): unknown {
  let text: string;
  let value: unknown;
  try {
    // ASCII (most payloads) reads the same either way; the fatal decoder judges anything else.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    text = isAscii(buffer) ? buffer.toString('latin1') : decoder.decode(bytes);
    value = JSON.parse(text);
  } catch {
    throw new CustosError('JSON_INVALID', `${what} is not valid JSON text.`);
  }
  if (plainlyCanonical(text, value)) return value;
  // Anything else gets the full check, which names the problem precisely.
  const duplicate = findDuplicateKey(text);
  if (duplicate !== null) {
    throw new CustosError('JSON_DUPLICATE_KEY', `${what} names the field "${duplicate.slice(0, 40)}" twice.`, {
      key: duplicate.slice(0, 40),
    });
  }
  if (canonicalString(value) !== text) {
    throw new CustosError('JSON_NOT_CANONICAL', `${what} is not in canonical form (RFC 8785): it was not written by Custos as signed.`);
  }
  return value;
}
