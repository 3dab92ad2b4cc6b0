/**
 * EIP-4527 by QR, both ways (main/app/eth-sign-request.ts), with transactions made and signed by
 * ethers (devDependency, independent of micro-eth-signer which the code under test uses):
 * - ethRequestFromSignRequest: an `eth-sign-request` (built here with common/bc-ur/cbor.ts) around
 *   an unsigned EIP-1559 transaction serialised by ethers gives exactly the custos-eth-request/1
 *   object (docs/transfer-exchange.md), for an Ether transfer and an ERC-20 transfer(address,uint256),
 *   and the crypto core's reader (crypto/eth-request.ts, parseEthRequest) accepts it; every other
 *   request is refused with ETH_QR_UNSUPPORTED and its reason (data-type, transaction-type,
 *   access-list, path, chain-id, no-address) or QR_UNREADABLE, the published Keystone requests of
 *   tests/fixtures/eth/eip4527-vectors.json among them;
 * - ethSignatureFrame: a transaction signed by an ethers Wallet, written as a .ethtx file, becomes
 *   the `eth-signature` frame that our UrDecoder and decodeCbor read back to {1: the request id of
 *   the eth-sign-request kept in the scan folder for the same chain, sender and nonce, 2: r || s ||
 *   yParity as ethers signed}; with no such request kept, the frame carries no request id.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { Transaction, Wallet, getAddress } from 'ethers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CustosError } from '../../../ceremonies/custos-error.ts';
import { cborArray, cborBoolean, cborBytes, cborMap, cborTag, cborText, cborUnsigned } from '../../../common/bc-ur/cbor.ts';
import { cborExpectBytes, cborExpectMap, cborExpectTag, cborMapGet, decodeCbor } from '../../../common/bc-ur/cbor-decode.ts';
import { UrDecodeError } from '../../../common/bc-ur/ur-decode-error.ts';
import { UrDecoder } from '../../../common/bc-ur/ur-decoder.ts';
import { parseEthRequest } from '../../../crypto/eth-request.ts';
import { SIGN_REQUEST_SUFFIX, ethRequestFromSignRequest, ethSignatureFrame } from '../../../main/app/eth-sign-request.ts';
import { FOREIGN_ETH_ADDRESS, TEST_TOKEN, transferData } from '../../support/eth-request.ts';

/** A fixed key (private key 1: never a real wallet), its address by ethers. */
const WALLET = new Wallet(`0x${'00'.repeat(31)}01`);
const SENDER = '0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf';
/** The first address of the BIP39 test mnemonic "abandon … about" (docs/transfer-exchange.md, worked example). */
const DOC_SENDER = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const REQUEST_ID = hexToBytes('0f1e2d3c4b5a69788796a5b4c3d2e1f0');

const bytes = (hex: string): Uint8Array => hexToBytes(hex.replace(/^0x/u, ''));

interface Tx {
  chainId: bigint;
  nonce: number;
  to: string | null;
  value: bigint;
  data: string;
  gasLimit: bigint;
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
  accessList?: { address: string; storageKeys: string[] }[];
}

/** 0.0123… ETH on Sepolia to a client's address (given in lower case), nonce 42. */
const ETHER: Tx = {
  chainId: 11155111n,
  nonce: 42,
  to: FOREIGN_ETH_ADDRESS.toLowerCase(),
  value: 12_345_678_901_234_567n,
  data: '0x',
  gasLimit: 21_000n,
  maxFeePerGas: 30_000_000_000n,
  maxPriorityFeePerGas: 1_500_000_000n,
};

/** 2,500 USDC to a client's address on mainnet, nonce 0: the worked example of docs/transfer-exchange.md. */
const TOKEN: Tx = {
  chainId: 1n,
  nonce: 0,
  to: TEST_TOKEN.contract.toLowerCase(),
  value: 0n,
  data: transferData(FOREIGN_ETH_ADDRESS, 2_500_000_000n),
  gasLimit: 65_000n,
  maxFeePerGas: 30_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
};

/** The unsigned EIP-1559 transaction as ethers serialises it (EIP-2718: 0x02 || rlp(...)). */
const unsigned = (tx: Tx): string => Transaction.from({ type: 2, ...tx }).unsignedSerialized;

/** crypto-keypath components [index, hardened, ...]. */
type Path = readonly (number | boolean)[];
const receivePath = (index: number): Path => [44, true, 60, true, 0, true, 0, false, index, false];

interface RequestOptions {
  sign: string | Uint8Array;
  dataType?: number | null;
  chainId?: bigint | null;
  path?: Path;
  address?: string | null;
  requestId?: Uint8Array | null;
  origin?: string;
}

/** An EIP-4527 eth-sign-request: {1: #6.37(uuid), 2: sign-data, 3: data-type, 4: chain-id, 5: #6.304(keypath), 6: address, 7: origin}. */
function signRequest(o: RequestOptions): Uint8Array {
  const path = o.path ?? receivePath(0);
  const keypath = cborMap([
    [1, cborArray(path.map((c) => (typeof c === 'boolean' ? cborBoolean(c) : cborUnsigned(c))))],
    [2, cborUnsigned(0x73c5da0a)],
  ]);
  const requestId = o.requestId === undefined ? REQUEST_ID : o.requestId;
  const dataType = o.dataType === undefined ? 4 : o.dataType;
  const chainId = o.chainId === undefined ? null : o.chainId;
  const address = o.address === undefined ? SENDER : o.address;
  const entries: [number, Uint8Array][] = [[2, cborBytes(typeof o.sign === 'string' ? bytes(o.sign) : o.sign)]];
  if (requestId !== null) entries.push([1, cborTag(37, cborBytes(requestId))]);
  if (dataType !== null) entries.push([3, cborUnsigned(dataType)]);
  if (chainId !== null) entries.push([4, cborUnsigned(Number(chainId))]);
  entries.push([5, cborTag(304, keypath)]);
  if (address !== null) entries.push([6, cborBytes(bytes(address))]);
  if (o.origin !== undefined) entries.push([7, cborText(o.origin)]);
  return cborMap(entries);
}

/** The request for `tx` as a coordinator's wallet would make it: its chain id, the sender named. */
const requestFor = (tx: Tx, o: Partial<RequestOptions> = {}): Uint8Array => signRequest({ sign: unsigned(tx), chainId: tx.chainId, ...o });

/** The CustosError `fn` throws: its code and reason. */
function refusal(fn: () => unknown): { code: string; reason: unknown } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CustosError);
    const e = error as CustosError;
    return { code: e.code, reason: e.details.reason };
  }
  throw new Error('expected a CustosError, nothing was thrown');
}

describe('ethRequestFromSignRequest', () => {
  test('an Ether transfer: exactly the custos-eth-request/1 object, which the crypto core reads', () => {
    const request = ethRequestFromSignRequest(requestFor(ETHER, { path: receivePath(7), origin: 'MetaMask' }));
    expect(request).toStrictEqual({
      format: 'custos-eth-request/1',
      chainId: '11155111',
      from: SENDER,
      path: "m/44'/60'/0'/0/7",
      nonce: '42',
      to: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
      value: '12345678901234567',
      data: '0x',
      gasLimit: '21000',
      maxFeePerGas: '30000000000',
      maxPriorityFeePerGas: '1500000000',
    });
    // EIP-55 as ethers writes it (independent of micro-eth-signer).
    expect(request.from).toBe(getAddress(WALLET.address));
    expect(request.to).toBe(getAddress(ETHER.to!));

    expect(parseEthRequest(new TextEncoder().encode(JSON.stringify(request, null, 2)))).toStrictEqual({
      chainId: 11155111n,
      from: SENDER,
      index: 7,
      nonce: 42n,
      to: '0x8ba1f109551bD432803012645Ac136ddd64DBA72',
      value: 12_345_678_901_234_567n,
      data: '0x',
      gasLimit: 21_000n,
      maxFeePerGas: 30_000_000_000n,
      maxPriorityFeePerGas: 1_500_000_000n,
    });
  });

  test('an ERC-20 transfer(address,uint256): the request of the worked example in docs/transfer-exchange.md, field for field', () => {
    const request = ethRequestFromSignRequest(requestFor(TOKEN, { address: DOC_SENDER.toLowerCase() }));
    expect(request).toStrictEqual({
      format: 'custos-eth-request/1',
      chainId: '1',
      from: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94',
      path: "m/44'/60'/0'/0/0",
      nonce: '0',
      to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      value: '0',
      data: '0xa9059cbb0000000000000000000000008ba1f109551bd432803012645ac136ddd64dba72000000000000000000000000000000000000000000000000000000009502f900',
      gasLimit: '65000',
      maxFeePerGas: '30000000000',
      maxPriorityFeePerGas: '1000000000',
    });
    expect(request.data).toBe(TOKEN.data.toLowerCase());
    const read = parseEthRequest(new TextEncoder().encode(JSON.stringify(request)));
    expect(read).toMatchObject({
      chainId: 1n,
      from: DOC_SENDER,
      index: 0,
      nonce: 0n,
      to: TEST_TOKEN.contract,
      value: 0n,
      data: request.data,
      gasLimit: 65_000n,
    });
  });

  test('big values and the largest index are carried exactly, in decimal', () => {
    const big: Tx = {
      ...ETHER,
      chainId: 1n,
      nonce: 2 ** 40,
      value: 2n ** 200n + 1n,
      maxFeePerGas: 2n ** 100n,
      maxPriorityFeePerGas: 2n ** 99n,
      gasLimit: 200_000n,
    };
    const request = ethRequestFromSignRequest(requestFor(big, { path: receivePath(0x7fffffff) }));
    expect(request).toMatchObject({
      chainId: '1',
      path: "m/44'/60'/0'/0/2147483647",
      nonce: '1099511627776',
      value: (2n ** 200n + 1n).toString(),
      gasLimit: '200000',
      maxFeePerGas: '1267650600228229401496703205376',
      maxPriorityFeePerGas: '633825300114114700748351602688',
    });
    expect(parseEthRequest(new TextEncoder().encode(JSON.stringify(request))).index).toBe(0x7fffffff);
  });

  test('a request without a chain id, for a mainnet transaction, is read with the transaction’s', () => {
    expect(ethRequestFromSignRequest(requestFor(TOKEN, { chainId: null })).chainId).toBe('1');
  });

  const legacy = Transaction.from({
    type: 0,
    chainId: 1n,
    nonce: 1,
    to: FOREIGN_ETH_ADDRESS,
    value: 1n,
    gasLimit: 21_000n,
    gasPrice: 30_000_000_000n,
  }).unsignedSerialized;
  const eip2930 = Transaction.from({
    type: 1,
    chainId: 1n,
    nonce: 1,
    to: FOREIGN_ETH_ADDRESS,
    value: 1n,
    gasLimit: 21_000n,
    gasPrice: 30_000_000_000n,
    accessList: [],
  }).unsignedSerialized;
  const withAccessList: Tx = { ...ETHER, accessList: [{ address: FOREIGN_ETH_ADDRESS, storageKeys: [`0x${'00'.repeat(31)}01`] }] };
  let signedEther = '';
  beforeAll(async () => {
    signedEther = await WALLET.signTransaction({ type: 2, ...ETHER });
  });

  const refusals: readonly (readonly [string, string, () => Uint8Array])[] = [
    ['a legacy transaction (data type 1)', 'data-type', () => signRequest({ sign: legacy, dataType: 1, chainId: 1n })],
    ['no data type (EIP-4527: 1, a legacy transaction) around an EIP-1559 transaction', 'data-type', () => requestFor(ETHER, { dataType: null })],
    ['EIP-712 typed data (data type 2)', 'data-type', () => signRequest({ sign: new TextEncoder().encode('{"types":{}}'), dataType: 2, chainId: 1n })],
    ['a personal message (data type 3)', 'data-type', () => signRequest({ sign: new TextEncoder().encode('Hello, Custos'), dataType: 3, chainId: 1n })],
    ['an unknown data type (5) around an EIP-1559 transaction', 'data-type', () => requestFor(ETHER, { dataType: 5 })],
    ['a legacy transaction declared typed (data type 4)', 'transaction-type', () => signRequest({ sign: legacy, chainId: 1n })],
    ['an EIP-2930 transaction', 'transaction-type', () => signRequest({ sign: eip2930, chainId: 1n })],
    ['an EIP-1559 transaction already signed', 'transaction-type', () => signRequest({ sign: signedEther, chainId: ETHER.chainId })],
    ['an EIP-1559 transaction with an access list', 'access-list', () => requestFor(withAccessList)],
    ['a hardened address index', 'path', () => requestFor(ETHER, { path: [44, true, 60, true, 0, true, 0, false, 0, true] })],
    ['the change branch', 'path', () => requestFor(ETHER, { path: [44, true, 60, true, 0, true, 1, false, 0, false] })],
    ['another account', 'path', () => requestFor(ETHER, { path: [44, true, 60, true, 1, true, 0, false, 0, false] })],
    ['another coin type (1, testnets)', 'path', () => requestFor(ETHER, { path: [44, true, 1, true, 0, true, 0, false, 0, false] })],
    ['an unhardened account', 'path', () => requestFor(ETHER, { path: [44, true, 60, true, 0, false, 0, false, 0, false] })],
    ['a path one level short', 'path', () => requestFor(ETHER, { path: [44, true, 60, true, 0, true, 0, false] })],
    ['a path one level long', 'path', () => requestFor(ETHER, { path: [...receivePath(0), 0, false] })],
    ['a chain id (1) that is not the transaction’s (Sepolia)', 'chain-id', () => requestFor(ETHER, { chainId: 1n })],
    ['a chain id (Sepolia) that is not the transaction’s (1)', 'chain-id', () => requestFor(TOKEN, { chainId: 11155111n })],
    ['no sending address', 'no-address', () => requestFor(ETHER, { address: null })],
  ];

  test.each(refusals)('%s: ETH_QR_UNSUPPORTED, reason %s', (_name, reason, make) => {
    expect(refusal(() => ethRequestFromSignRequest(make()))).toStrictEqual({ code: 'ETH_QR_UNSUPPORTED', reason });
  });

  test('the refusal says what Custos cannot sign, and that nothing was changed', () => {
    expect(() => ethRequestFromSignRequest(requestFor(ETHER, { address: null }))).toThrow(/does not name the sending address\. Nothing was changed\.$/u);
  });

  test.each([
    ['an empty transaction list', '0x02c0'],
    ['a byte that is not RLP', '0x02ff'],
    ['a transaction cut short', () => unsigned(ETHER).slice(0, -2)],
    ['a transaction followed by a byte', () => `${unsigned(ETHER)}00`],
  ] as const)('a type-2 transaction that cannot be decoded (%s): QR_UNREADABLE', (_name, sign) => {
    const request = signRequest({ sign: typeof sign === 'function' ? sign() : sign, chainId: 1n });
    expect(refusal(() => ethRequestFromSignRequest(request))).toStrictEqual({ code: 'QR_UNREADABLE', reason: undefined });
  });

  // docs/transfer-exchange.md: contract creation is never signed (micro-eth-signer reads the empty recipient as '0x').
  test('a contract creation (no recipient) is refused as a request Custos does not sign', () => {
    const creation: Tx = { ...ETHER, to: null, data: '0x6000' };
    expect(refusal(() => ethRequestFromSignRequest(requestFor(creation)))).toEqual({ code: 'ETH_QR_UNSUPPORTED', reason: 'contract-creation' });
  });

  test('a request without a chain id means mainnet (EIP-4527 default): around a Sepolia transaction it is refused', () => {
    expect(refusal(() => ethRequestFromSignRequest(requestFor(ETHER, { chainId: null })))).toEqual({ code: 'ETH_QR_UNSUPPORTED', reason: 'chain-id' });
  });

  test('a request the reader refuses (an address of 19 bytes) is a UrDecodeError UR_MALFORMED', () => {
    const request = requestFor(ETHER, { address: SENDER.slice(0, -2) });
    expect(() => ethRequestFromSignRequest(request)).toThrow(UrDecodeError);
    expect(() => ethRequestFromSignRequest(request)).toThrow(expect.objectContaining({ code: 'UR_MALFORMED' }));
  });
});

describe('the published eth-sign-request vectors (tests/fixtures/eth/eip4527-vectors.json) are refused, each for its reason', () => {
  const fixture = JSON.parse(fs.readFileSync(new URL('../../fixtures/eth/eip4527-vectors.json', import.meta.url), 'utf8'));
  const published = new Map<string, string>((fixture.ethSignRequest as { name: string; ur: string }[]).map((v) => [v.name, v.ur]));
  const cborOf = (name: string): Uint8Array => {
    const decoder = new UrDecoder(['eth-sign-request']);
    decoder.receive(published.get(name)!);
    return decoder.result().cbor;
  };

  test.each([
    ['ur-registry-eth legacy transaction, origin metamask', 'data-type'],
    ['ur-registry-eth legacy transaction, no origin', 'data-type'],
    ['keystone-sdk-ios personal message', 'data-type'],
    // Its sign-data is a signed transaction.
    ['keystone-sdk-rust Avalanche C-chain typed transaction', 'transaction-type'],
    // m/44'/60'/0'/0: the receive branch, not an address on it.
    ['keystone-sdk-rust unsigned EIP-1559 transaction (decoder test)', 'path'],
  ])('%s: %s', (name, reason) => {
    expect(published.has(name)).toBe(true);
    expect(refusal(() => ethRequestFromSignRequest(cborOf(name)))).toStrictEqual({ code: 'ETH_QR_UNSUPPORTED', reason });
  });

  test('keystone-sdk-web request with an empty address: UR_MALFORMED', () => {
    const v = (fixture.ethSignRequestRefused as { name: string; cbor: string }[]).find((x) => x.name === 'keystone-sdk-web request with an empty address')!;
    expect(() => ethRequestFromSignRequest(hexToBytes(v.cbor))).toThrow(expect.objectContaining({ name: 'UrDecodeError', code: 'UR_MALFORMED' }));
  });
});

describe('ethSignatureFrame', () => {
  let dir: string;
  let n = 0;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-eth-qr-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh folder holding `files` (name → bytes). */
  function folder(files: Record<string, Uint8Array | string> = {}): string {
    const d = path.join(dir, `scan-${n++}`);
    fs.mkdirSync(d);
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(d, name), content);
    return d;
  }

  /** `tx` signed by the ethers wallet, written as a .ethtx file (0x, hex, a newline); with ethers' signature. */
  async function ethtx(tx: Tx): Promise<{ file: string; rsv: string; yParity: number }> {
    const signed = await WALLET.signTransaction({ type: 2, ...tx });
    const sig = Transaction.from(signed).signature!;
    expect(sig.yParity === 0 || sig.yParity === 1).toBe(true);
    const file = path.join(dir, `signed-${n++}.ethtx`);
    fs.writeFileSync(file, `${signed}\n`);
    return { file, rsv: `${sig.r.slice(2)}${sig.s.slice(2)}0${sig.yParity}`, yParity: sig.yParity };
  }

  /** The frame read by our decoder: its keys, request id and signature in hex. */
  function readFrame(frame: string) {
    expect(frame).toMatch(/^UR:ETH-SIGNATURE\/[A-Z]+$/u);
    const decoder = new UrDecoder(['eth-signature']);
    expect(decoder.receive(frame)).toBe('accepted');
    const map = cborExpectMap(decodeCbor(decoder.result().cbor), 'eth-signature');
    const id = cborMapGet(map, 1);
    return {
      keys: map.entries.map(([k]) => (k.kind === 'unsigned' ? k.value : null)),
      requestId: id === undefined ? null : bytesToHex(cborExpectBytes(cborExpectTag(id, 37, 'request-id'), 'request-id')),
      signature: bytesToHex(cborExpectBytes(cborMapGet(map, 2)!, 'signature')),
    };
  }

  test('an Ether transfer: {1: the kept request’s id, 2: r || s || yParity as ethers signed}', async () => {
    const { file, rsv } = await ethtx(ETHER);
    const scanDir = folder({ [`x${SIGN_REQUEST_SUFFIX}`]: requestFor(ETHER) });
    expect(readFrame(ethSignatureFrame(file, scanDir))).toStrictEqual({ keys: [1, 2], requestId: bytesToHex(REQUEST_ID), signature: rsv });
  });

  test('an ERC-20 transfer, its request kept among others and files that are not requests', async () => {
    const token = { ...TOKEN, nonce: 9 };
    const { file, rsv } = await ethtx(token);
    const id = hexToBytes('00112233445566778899aabbccddeeff');
    const scanDir = folder({
      [`a-garbage${SIGN_REQUEST_SUFFIX}`]: Uint8Array.of(0xa1, 0x01),
      [`b-other-nonce${SIGN_REQUEST_SUFFIX}`]: requestFor({ ...token, nonce: 8 }, { requestId: hexToBytes('aa'.repeat(16)) }),
      [`c-other-chain${SIGN_REQUEST_SUFFIX}`]: requestFor({ ...token, chainId: 11155111n }, { requestId: hexToBytes('bb'.repeat(16)) }),
      [`d-other-sender${SIGN_REQUEST_SUFFIX}`]: requestFor(token, { address: DOC_SENDER, requestId: hexToBytes('cc'.repeat(16)) }),
      [`e-message${SIGN_REQUEST_SUFFIX}`]: signRequest({ sign: new TextEncoder().encode('hi'), dataType: 3, requestId: hexToBytes('dd'.repeat(16)) }),
      'f-not-kept.cbor': requestFor(token, { requestId: hexToBytes('ee'.repeat(16)) }),
      [`g-match${SIGN_REQUEST_SUFFIX}`]: requestFor(token, { requestId: id, address: SENDER.toLowerCase() }),
    });
    expect(readFrame(ethSignatureFrame(file, scanDir))).toStrictEqual({ keys: [1, 2], requestId: bytesToHex(id), signature: rsv });
  });

  test('two kept requests with the same sender, chain and nonce (a fee raised): the frame carries the id of the one signed', async () => {
    const raised = { ...ETHER, maxFeePerGas: ETHER.maxFeePerGas * 2n };
    const { file, rsv } = await ethtx(raised);
    const scanDir = folder({
      [`a-first${SIGN_REQUEST_SUFFIX}`]: requestFor(ETHER, { requestId: hexToBytes('a1'.repeat(16)) }),
      [`b-raised${SIGN_REQUEST_SUFFIX}`]: requestFor(raised, { requestId: hexToBytes('b2'.repeat(16)) }),
    });
    expect(readFrame(ethSignatureFrame(file, scanDir))).toStrictEqual({ keys: [1, 2], requestId: 'b2'.repeat(16), signature: rsv });
  });

  test('the recovery byte is yParity (0 or 1), as signed: both are seen', async () => {
    const seen = new Set<number>();
    for (let nonce = 100; seen.size < 2 && nonce < 140; nonce++) {
      const tx = { ...ETHER, nonce };
      const { file, rsv, yParity } = await ethtx(tx);
      const frame = readFrame(ethSignatureFrame(file, folder({ [`x${SIGN_REQUEST_SUFFIX}`]: requestFor(tx) })));
      expect(frame.signature).toBe(rsv);
      expect(frame.signature.slice(128)).toBe(`0${yParity}`);
      seen.add(yParity);
    }
    expect([...seen].sort()).toEqual([0, 1]);
  });

  test.each([
    ['an empty scan folder', () => folder()],
    ['no scan folder at all', () => path.join(dir, 'never-made')],
    ['a request for another nonce', () => folder({ [`x${SIGN_REQUEST_SUFFIX}`]: requestFor({ ...ETHER, nonce: ETHER.nonce + 1 }) })],
    ['a request for another chain', () => folder({ [`x${SIGN_REQUEST_SUFFIX}`]: requestFor({ ...ETHER, chainId: 1n }) })],
    ['a request from another sender', () => folder({ [`x${SIGN_REQUEST_SUFFIX}`]: requestFor(ETHER, { address: DOC_SENDER }) })],
    ['the matching request kept under another suffix', () => folder({ 'x.eth-request.json': requestFor(ETHER) })],
    ['the matching request without a request id', () => folder({ [`x${SIGN_REQUEST_SUFFIX}`]: requestFor(ETHER, { requestId: null }) })],
  ])('no matching request kept (%s): the frame has no request id', async (_name, scanDir) => {
    const { file, rsv } = await ethtx(ETHER);
    expect(readFrame(ethSignatureFrame(file, scanDir()))).toStrictEqual({ keys: [2], requestId: null, signature: rsv });
  });

  test('an unsigned transaction in the .ethtx file: ETH_NOT_SIGNED', () => {
    const file = path.join(dir, 'unsigned.ethtx');
    fs.writeFileSync(file, `${unsigned(ETHER)}\n`);
    expect(refusal(() => ethSignatureFrame(file, folder({ [`x${SIGN_REQUEST_SUFFIX}`]: requestFor(ETHER) })))).toStrictEqual({
      code: 'ETH_NOT_SIGNED',
      reason: undefined,
    });
  });
});
