/**
 * readEthSignRequest (common/bc-ur/eth-sign-request.ts) against the published EIP-4527
 * `eth-sign-request` vectors of tests/fixtures/eth/eip4527-vectors.json (Keystone's ur-registry-eth,
 * keystone-sdk-rust and keystone-sdk-ios tests, each cited there): every UR is read by our UrDecoder,
 * its CBOR is the published CBOR where one is published, and readEthSignRequest gives the published
 * request id, sign data, data type, chain id, path, source fingerprint, address and origin. Then the
 * refusals, each a UrDecodeError UR_MALFORMED: a key EIP-4527 does not define, a request id that is
 * not a tagged 16-byte UUID, an address not of 20 bytes (the published keystone-sdk-web request with
 * an empty address among them), a key path with an odd number of components or other than index and
 * hardened pairs, a missing sign-data or derivation path, and fields of the wrong kind.
 */
import { readFileSync } from 'node:fs';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, test } from 'vitest';
import { cborArray, cborBoolean, cborBytes, cborMap, cborTag, cborText, cborUnsigned, concatBytes } from '../../../common/bc-ur/cbor.ts';
import { ETH_SIGN_REQUEST_UR_TYPE, readEthSignRequest } from '../../../common/bc-ur/eth-sign-request.ts';
import { UrDecodeError, type UrDecodeErrorCode } from '../../../common/bc-ur/ur-decode-error.ts';
import { UrDecoder } from '../../../common/bc-ur/ur-decoder.ts';

interface PublishedFields {
  requestId?: string;
  signData?: string;
  dataType?: number;
  chainId?: string;
  path?: string;
  sourceFingerprint?: string;
  address?: string | null;
  origin?: string | null;
}

interface RequestVector {
  name: string;
  source: string;
  ur: string;
  cbor?: string;
  fields: PublishedFields;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/eth/eip4527-vectors.json', import.meta.url), 'utf8'));
const vectors: RequestVector[] = fixture.ethSignRequest;
const refusedVectors: { name: string; source: string; cbor: string }[] = fixture.ethSignRequestRefused;
const sourceNames = new Set((fixture.sources as { name: string }[]).map((s) => s.name));

/** The CBOR message of a single-part UR, read by our decoder. */
function urCbor(ur: string, type = ETH_SIGN_REQUEST_UR_TYPE): Uint8Array {
  const decoder = new UrDecoder([type]);
  expect(decoder.receive(ur)).toBe('accepted');
  expect(decoder.isComplete).toBe(true);
  const result = decoder.result();
  expect(result.type).toBe(type);
  return result.cbor;
}

/** The UrDecodeError code `fn` throws (it must throw one). */
function refusal(fn: () => unknown): UrDecodeErrorCode {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UrDecodeError);
    return (error as UrDecodeError).code;
  }
  throw new Error('expected a UrDecodeError, nothing was thrown');
}

describe('published eth-sign-request vectors', () => {
  test('the fixture holds the vectors, each with a named source', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(5);
    expect(refusedVectors.length).toBeGreaterThanOrEqual(1);
    for (const v of [...vectors, ...refusedVectors]) expect(sourceNames.has(v.source), v.name).toBe(true);
  });

  test.each(vectors.map((v) => [v.name, v] as const))('%s: its published fields', (_name, v) => {
    const cbor = urCbor(v.ur);
    if (v.cbor !== undefined) expect(bytesToHex(cbor)).toBe(v.cbor);
    // The same frame in upper case (the QR alphanumeric mode) reads the same.
    expect(bytesToHex(urCbor(v.ur.toUpperCase()))).toBe(bytesToHex(cbor));

    const request = readEthSignRequest(cbor);
    const f = v.fields;
    expect(bytesToHex(request.signData)).toBe(f.signData);
    if ('requestId' in f) expect(request.requestId === null ? null : bytesToHex(request.requestId)).toBe(f.requestId);
    if ('dataType' in f) expect(request.dataType).toBe(f.dataType);
    if ('chainId' in f) expect(request.chainId).toBe(BigInt(f.chainId!));
    if ('path' in f) expect(request.path).toBe(f.path);
    if ('sourceFingerprint' in f) expect(request.sourceFingerprint).toBe(Number.parseInt(f.sourceFingerprint!, 16));
    if ('address' in f) expect(request.address === null ? null : bytesToHex(request.address)).toBe(f.address);
    if ('origin' in f) expect(request.origin).toBe(f.origin);
  });

  test('the first ur-registry-eth vector, field by field (so that a vector read as nothing would fail)', () => {
    const request = readEthSignRequest(urCbor(vectors[0]!.ur));
    expect({ ...request, requestId: bytesToHex(request.requestId!), signData: bytesToHex(request.signData) }).toStrictEqual({
      requestId: '9b1deb4d3b7d4bad9bdd2b0d7b3dcb6d',
      signData:
        'f849808609184e72a00082271094000000000000000000000000000000000000000080a47f7465737432000000000000000000000000000000000000000000000000000000600057808080',
      dataType: 1,
      chainId: 1n,
      path: "m/44'/1'/1'/0/1",
      sourceFingerprint: 0x12345678,
      address: null,
      origin: 'metamask',
    });
  });

  test('a published frame with one word changed fails its checksum; an eth-signature is not a request', () => {
    const ur = vectors[0]!.ur;
    const at = ur.length - 20;
    const changed = `${ur.slice(0, at)}${ur.slice(at, at + 2) === 'ae' ? 'ad' : 'ae'}${ur.slice(at + 2)}`;
    expect(refusal(() => new UrDecoder([ETH_SIGN_REQUEST_UR_TYPE]).receive(changed))).toBe('UR_CHECKSUM');
    expect(refusal(() => new UrDecoder([ETH_SIGN_REQUEST_UR_TYPE]).receive(fixture.ethSignature[0].ur))).toBe('UR_WRONG_TYPE');
  });

  test.each(refusedVectors.map((v) => [v.name, v] as const))('%s: refused (UR_MALFORMED)', (_name, v) => {
    expect(refusal(() => readEthSignRequest(hexToBytes(v.cbor)))).toBe('UR_MALFORMED');
  });
});

// ---- Requests built field by field, to change one at a time.

const REQUEST_ID = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
const SIGN_DATA = hexToBytes('02e60180843b9aca008506fc23ac00825208948ba1f109551bd432803012645ac136ddd64dba720180c0');
const ADDRESS = hexToBytes('9858effd232b4033e47d90003d41ec34ecaeda94');

/** crypto-keypath components: [index, hardened, ...]. */
function keypath(components: readonly (number | boolean)[], fingerprint?: number): Uint8Array {
  const items = components.map((c) => (typeof c === 'boolean' ? cborBoolean(c) : cborUnsigned(c)));
  return cborTag(304, cborMap([[1, cborArray(items)], ...(fingerprint === undefined ? [] : [[2, cborUnsigned(fingerprint)] as const])]));
}

const ETH_PATH = keypath([44, true, 60, true, 0, true, 0, false, 3, false], 0x73c5da0a);

type Fields = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, Uint8Array | null>>;

/** An eth-sign-request with every field, `fields` replacing (or, with null, removing) some. */
function request(fields: Fields = {}): Uint8Array {
  const all: Record<number, Uint8Array | null | undefined> = {
    1: cborTag(37, cborBytes(REQUEST_ID)),
    2: cborBytes(SIGN_DATA),
    3: cborUnsigned(4),
    4: cborUnsigned(11155111),
    5: ETH_PATH,
    6: cborBytes(ADDRESS),
    7: cborText('Custos test wallet'),
    ...fields,
  };
  return cborMap(Object.entries(all).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[Number(k), v] as const])));
}

describe('requests built field by field', () => {
  test('every field is read', () => {
    const r = readEthSignRequest(request());
    expect(r.requestId).toEqual(REQUEST_ID);
    expect(r.signData).toEqual(SIGN_DATA);
    expect(r.dataType).toBe(4);
    expect(r.chainId).toBe(11155111n);
    expect(r.path).toBe("m/44'/60'/0'/0/3");
    expect(r.sourceFingerprint).toBe(0x73c5da0a);
    expect(r.address).toEqual(ADDRESS);
    expect(r.origin).toBe('Custos test wallet');
  });

  test('the optional fields may be absent: no request id, chain id, address, origin or fingerprint; data-type defaults to 1', () => {
    const r = readEthSignRequest(request({ 1: null, 3: null, 4: null, 6: null, 7: null, 5: keypath([44, true, 60, true, 0, true, 0, false, 0, false]) }));
    expect(r).toMatchObject({ requestId: null, dataType: 1, chainId: null, path: "m/44'/60'/0'/0/0", sourceFingerprint: null, address: null, origin: null });
  });

  test('a chain id beyond 2^53 is read exactly', () => {
    // 2^64 - 1 as an 8-byte argument (0x1b): cborUnsigned takes safe integers only.
    const big = concatBytes(Uint8Array.of(0x1b), new Uint8Array(8).fill(0xff));
    expect(readEthSignRequest(request({ 4: big })).chainId).toBe(2n ** 64n - 1n);
  });

  test('the largest non-hardened index, and an empty path with its fingerprint, are read', () => {
    expect(readEthSignRequest(request({ 5: keypath([44, true, 60, true, 0, true, 0, false, 0x7fffffff, false]) })).path).toBe("m/44'/60'/0'/0/2147483647");
    expect(readEthSignRequest(request({ 5: keypath([], 0x12345678) }))).toMatchObject({ path: 'm', sourceFingerprint: 0x12345678 });
  });

  const malformed: readonly (readonly [string, () => Uint8Array])[] = [
    ['a key EIP-4527 does not define (8)', () => request({ 8: cborUnsigned(1) })],
    [
      'a text key',
      () => {
        const base = request({ 7: null });
        // One more entry: the map head grows from 6 to 7 entries, then "x": 1.
        return concatBytes(Uint8Array.of(0xa7), base.subarray(1), Uint8Array.of(0x61, 0x78, 0x01));
      },
    ],
    ['a request id of 15 bytes', () => request({ 1: cborTag(37, cborBytes(REQUEST_ID.subarray(1))) })],
    ['a request id of 17 bytes', () => request({ 1: cborTag(37, cborBytes(concatBytes(REQUEST_ID, Uint8Array.of(0)))) })],
    ['a request id without its tag 37', () => request({ 1: cborBytes(REQUEST_ID) })],
    ['a request id under another tag', () => request({ 1: cborTag(38, cborBytes(REQUEST_ID)) })],
    ['an address of 19 bytes', () => request({ 6: cborBytes(ADDRESS.subarray(1)) })],
    ['an address of 21 bytes', () => request({ 6: cborBytes(concatBytes(ADDRESS, Uint8Array.of(0))) })],
    ['an address given as text', () => request({ 6: cborText('0x9858EfFD232B4033E47d90003D41EC34EcaEda94') })],
    ['a key path with an odd number of components', () => request({ 5: keypath([44, true, 60, true, 0, true, 0, false, 3]) })],
    ['a key path whose hardened flag is not a boolean', () => request({ 5: keypath([44, true, 60, 1, 0, true, 0, false, 3, false]) })],
    ['a key path whose index is a boolean', () => request({ 5: keypath([true, true, 60, true, 0, true, 0, false, 3, false]) })],
    [
      'a key path index of 2^31 (a hardened index written as an index)',
      () => request({ 5: keypath([44, true, 60, true, 0, true, 0, false, 0x80000000, false]) }),
    ],
    [
      'a key path with a wildcard',
      () => request({ 5: cborTag(304, cborMap([[1, cborArray([cborUnsigned(44), cborBoolean(true), cborArray([]), cborBoolean(false)])]])) }),
    ],
    ['a key path without components', () => request({ 5: cborTag(304, cborMap([[2, cborUnsigned(0x12345678)]])) })],
    ['a derivation path without its tag 304', () => request({ 5: cborMap([[1, cborArray([cborUnsigned(44), cborBoolean(true)])]]) })],
    ['a derivation path given as a crypto-hdkey (tag 303)', () => request({ 5: cborTag(303, cborMap([[3, cborBytes(new Uint8Array(33).fill(2))]])) })],
    ['a source fingerprint beyond 32 bits', () => request({ 5: keypath([44, true, 60, true, 0, true, 0, false, 3, false], 2 ** 32) })],
    ['no sign-data', () => request({ 2: null })],
    ['no derivation path', () => request({ 5: null })],
    ['sign-data given as text', () => request({ 2: cborText('02e601') })],
    ['a data type above 255', () => request({ 3: cborUnsigned(256) })],
    ['a negative data type', () => request({ 3: Uint8Array.of(0x20) })],
    ['a negative chain id', () => request({ 4: Uint8Array.of(0x20) })],
    ['a chain id given as text', () => request({ 4: cborText('1') })],
    ['an origin that is not text', () => request({ 7: cborBytes(Uint8Array.of(1)) })],
    ['an array instead of a map', () => cborArray([cborBytes(SIGN_DATA), ETH_PATH])],
    ['a tagged map (tag 401)', () => cborTag(401, request())],
    ['a map followed by a byte', () => concatBytes(request(), Uint8Array.of(0))],
  ];

  test.each(malformed)('%s: UR_MALFORMED', (_name, make) => {
    expect(refusal(() => readEthSignRequest(make()))).toBe('UR_MALFORMED');
  });

  test('a refusal names the field, never the scanned bytes', () => {
    expect(() => readEthSignRequest(request({ 8: cborUnsigned(1) }))).toThrow(/field EIP-4527 does not define/u);
    expect(() => readEthSignRequest(request({ 1: cborTag(37, cborBytes(REQUEST_ID.subarray(1))) }))).toThrow(/request id must be a UUID of 16 bytes/u);
    expect(() => readEthSignRequest(request({ 6: cborBytes(ADDRESS.subarray(1)) }))).toThrow(/address must be 20 bytes/u);
    expect(() => readEthSignRequest(request({ 5: keypath([44, true, 60]) }))).toThrow(/index and hardened pairs/u);
    expect(() => readEthSignRequest(request({ 2: null }))).toThrow(/data to sign and the derivation path are required/u);
  });
});
