/**
 * ethSignatureCbor / ethSignatureUr (common/bc-ur/eth-signature.ts) against the published EIP-4527
 * `eth-signature` vectors of tests/fixtures/eth/eip4527-vectors.json (Keystone's ur-registry-eth,
 * with and without origin; the CBOR with origin is also keystone-sdk-rust's, -ios's and -web's): from
 * the published request id, signature and origin our encoder gives the published CBOR and UR byte for
 * byte (the UR in upper case), and our UrDecoder and decodeCbor read them back to those fields. A
 * signature not of 65 bytes, or a request id not of 16, is refused.
 */
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { cborExpectBytes, cborExpectMap, cborExpectTag, cborMapGet, decodeCbor } from '../../../common/bc-ur/cbor-decode.ts';
import { ETH_SIGNATURE_UR_TYPE, ethSignatureCbor, ethSignatureUr } from '../../../common/bc-ur/eth-signature.ts';
import { UrDecoder } from '../../../common/bc-ur/ur-decoder.ts';

interface SignatureVector {
  name: string;
  source: string;
  ur: string;
  cbor?: string;
  requestId: string;
  signature: string;
  origin: string | null;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/eth/eip4527-vectors.json', import.meta.url), 'utf8'));
const vectors: SignatureVector[] = fixture.ethSignature;
const sourceNames = new Set((fixture.sources as { name: string }[]).map((s) => s.name));

/** The CBOR message of a single-part eth-signature UR, read by our decoder. */
function urCbor(ur: string): Uint8Array {
  const decoder = new UrDecoder([ETH_SIGNATURE_UR_TYPE]);
  expect(decoder.receive(ur)).toBe('accepted');
  const result = decoder.result();
  expect(result.type).toBe(ETH_SIGNATURE_UR_TYPE);
  return result.cbor;
}

/** An eth-signature's fields as read by decodeCbor: keys in order, request id and signature hex, origin. */
function read(cbor: Uint8Array) {
  const map = cborExpectMap(decodeCbor(cbor), 'eth-signature');
  const id = cborMapGet(map, 1);
  const origin = cborMapGet(map, 3);
  if (origin !== undefined && origin.kind !== 'text') throw new Error('origin: expected text');
  return {
    keys: map.entries.map(([k]) => (k.kind === 'unsigned' ? k.value : null)),
    requestId: id === undefined ? null : bytesToHex(cborExpectBytes(cborExpectTag(id, 37, 'request-id'), 'request-id')),
    signature: bytesToHex(cborExpectBytes(cborMapGet(map, 2)!, 'signature')),
    origin: origin === undefined ? null : origin.value,
  };
}

const inputs = (v: SignatureVector) => [hexToBytes(v.requestId), hexToBytes(v.signature), ...(v.origin === null ? [] : [v.origin])] as const;

describe('published eth-signature vectors', () => {
  test('the fixture holds the vectors, with and without origin, each with a named source', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(2);
    expect(vectors.some((v) => v.origin === null)).toBe(true);
    expect(vectors.some((v) => v.origin !== null)).toBe(true);
    for (const v of vectors) expect(sourceNames.has(v.source), v.name).toBe(true);
  });

  test.each(vectors.map((v) => [v.name, v] as const))('%s: our CBOR and UR are the published ones, byte for byte', (_name, v) => {
    const [id, signature, origin] = inputs(v);
    const cbor = ethSignatureCbor(id, signature, origin);
    expect(bytesToHex(cbor)).toBe(bytesToHex(urCbor(v.ur)));
    if (v.cbor !== undefined) expect(bytesToHex(cbor)).toBe(v.cbor);
    expect(ethSignatureUr(id, signature, origin)).toBe(v.ur.toUpperCase());
  });

  test.each(vectors.map((v) => [v.name, v] as const))('%s: read back by our decoder to its fields', (_name, v) => {
    const [id, signature, origin] = inputs(v);
    const expected = { keys: v.origin === null ? [1, 2] : [1, 2, 3], requestId: v.requestId, signature: v.signature, origin: v.origin };
    expect(read(urCbor(v.ur))).toStrictEqual(expected);
    expect(read(urCbor(ethSignatureUr(id, signature, origin)))).toStrictEqual(expected);
  });
});

describe('ethSignatureCbor', () => {
  const ID = Uint8Array.from({ length: 16 }, (_, i) => i);
  const SIG = Uint8Array.from({ length: 65 }, (_, i) => 255 - i);

  test('without a request id the map holds the signature alone', () => {
    expect(bytesToHex(ethSignatureCbor(null, SIG))).toBe(`a1025841${bytesToHex(SIG)}`);
    expect(read(ethSignatureCbor(null, SIG, 'Custos'))).toStrictEqual({ keys: [2, 3], requestId: null, signature: bytesToHex(SIG), origin: 'Custos' });
  });

  test('the UR is one upper-case frame (QR alphanumeric mode)', () => {
    const ur = ethSignatureUr(ID, SIG);
    expect(ur).toMatch(/^UR:ETH-SIGNATURE\/[A-Z]+$/u);
    expect(read(urCbor(ur))).toStrictEqual({ keys: [1, 2], requestId: bytesToHex(ID), signature: bytesToHex(SIG), origin: null });
  });

  test.each([0, 64, 66, 130])('a signature of %i bytes is refused', (n) => {
    expect(() => ethSignatureCbor(ID, new Uint8Array(n))).toThrow(RangeError);
    expect(() => ethSignatureUr(ID, new Uint8Array(n))).toThrow(RangeError);
  });

  test.each([0, 15, 17, 32])('a request id of %i bytes is refused', (n) => {
    expect(() => ethSignatureCbor(new Uint8Array(n), SIG)).toThrow(RangeError);
    expect(() => ethSignatureUr(new Uint8Array(n), SIG)).toThrow(RangeError);
  });

  test('a signature or request id given as hex text is refused', () => {
    expect(() => ethSignatureCbor(ID, bytesToHex(SIG) as unknown as Uint8Array)).toThrow(RangeError);
    expect(() => ethSignatureCbor(bytesToHex(ID) as unknown as Uint8Array, SIG)).toThrow(RangeError);
  });
});
