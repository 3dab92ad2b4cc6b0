/**
 * Ethereum transfers through the protocol (issue 18, points 1 and 5): a coordinator's
 * custos-eth-request/1 (docs/transfer-exchange.md) for a wallet rebuilt from shares is reviewed against
 * the wallet's own account, approved by its digest and signed by the core; every signed transaction
 * is decoded and its sender recovered by ethers, and compared field by field with the approved
 * request. Each refusal is played as the coordinator who wrote the request would try it, with the
 * code it must get. Specs: EIP-1559, EIP-155, EIP-2, EIP-20, EIP-55, BIP44.
 */
import { HDNodeWallet, getAddress } from 'ethers';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startWorkerHost, type CryptoHost } from '../../main/crypto-host/worker-host.ts';
import type { EthToken, Handle } from '../../crypto/protocol.ts';
import {
  ETH_FEE_CAP,
  FOREIGN_ETH_ADDRESS,
  TEST_TOKEN,
  approveData,
  etherRequest,
  readSigned,
  requestFile,
  requestObject,
  transferData,
  type RequestFields,
} from '../support/eth-request.ts';

const SECP256K1_HALF_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

let host: CryptoHost;
let wallet: Handle;
/** The wallet's first four receive addresses, as the core describes them. */
let own: string[];
let xpub: string;

beforeAll(async () => {
  host = await startWorkerHost();
  const c = host.client;
  const made = await c.call('generateWallet', { ceremonyId: 'create', chains: ['bitcoin', 'ethereum'] });
  const split = await c.call('splitWallet', { wallet: made.wallet, threshold: 2, shareCount: 3 });
  const words = await Promise.all(split.shares.map((s) => c.call('exportShareWords', { share: s.share })));
  await c.call('endCeremony', { ceremonyId: 'create' });
  const shares = await Promise.all([words[0]!, words[2]!].map((w) => c.call('importShareWords', { ceremonyId: 'transfer', words: w.words.join(' ') })));
  const rebuilt = await c.call('combineShares', {
    ceremonyId: 'transfer',
    shares: shares.map((s) => s.share),
    expectedFingerprint: made.fingerprint,
    chains: ['ethereum'],
    addressCount: 4,
  });
  wallet = rebuilt.wallet;
  own = rebuilt.accounts[0]!.addresses;
  xpub = rebuilt.accounts[0]!.xpub;
});
afterAll(async () => {
  await host.stop();
});

/** Review takes the recorded account key (public), signing the rebuilt wallet: both are given. */
const params = (request: Uint8Array, tokens: EthToken[] = [], network: 'mainnet' | 'sepolia' = 'mainnet') => ({
  wallet,
  xpub,
  request,
  network,
  tokens,
  maxFeeWei: ETH_FEE_CAP,
});

async function reviewAndSign(request: Uint8Array, tokens: EthToken[] = [], network: 'mainnet' | 'sepolia' = 'mainnet') {
  const summary = await host.client.call('reviewEthTransfer', params(request, tokens, network));
  const signed = await host.client.call('signEthTransfer', { ...params(request, tokens, network), approvedDigest: summary.digest });
  return { summary, signed, read: readSigned(signed.rawTransaction) };
}

test("the wallet's addresses are those an independent BIP44 derivation (ethers) gives from its account key", () => {
  const account = HDNodeWallet.fromExtendedKey(xpub);
  expect(own).toEqual([0, 1, 2, 3].map((i) => account.deriveChild(0).deriveChild(i).address));
});

describe('signed, then read back by ethers', () => {
  test('Ether: the signed transaction is the approved one, field by field, from the approved sender, low-S', async () => {
    const value = 1_250_000_000_000_000_000n;
    const { summary, signed, read } = await reviewAndSign(etherRequest({ from: own[2]!, index: 2, to: FOREIGN_ETH_ADDRESS, value, nonce: 17n }));
    expect(summary).toMatchObject({
      network: 'mainnet',
      chainId: '1',
      from: own[2],
      path: "m/44'/60'/0'/0/2",
      asset: { kind: 'ether', symbol: 'ETH', decimals: 18 },
      destination: FOREIGN_ETH_ADDRESS,
      amount: value.toString(),
      nonce: '17',
      gasLimit: '21000',
      maxFee: (21_000n * 30_000_000_000n).toString(),
    });
    expect(summary.digest).toMatch(/^[0-9a-f]{64}$/u);
    expect(read).toMatchObject({
      type: 2,
      chainId: 1n,
      nonce: 17n,
      from: own[2],
      to: FOREIGN_ETH_ADDRESS,
      value,
      data: '0x',
      gasLimit: 21_000n,
      maxFeePerGas: 30_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
      accessList: [],
      hash: signed.hash,
      call: null,
    });
    expect(read.s <= SECP256K1_HALF_ORDER).toBe(true);
    // Deterministic (RFC 6979): the same approval signs the same bytes.
    expect((await reviewAndSign(etherRequest({ from: own[2]!, index: 2, to: FOREIGN_ETH_ADDRESS, value, nonce: 17n }))).signed.rawTransaction).toBe(
      signed.rawTransaction,
    );
  });

  test('a listed ERC-20 token: the destination and amount are those of the transfer call, no Ether attached', async () => {
    const amount = 2_500_000_000n; // 2,500 USDC
    const request = etherRequest({ from: own[0]!, to: TEST_TOKEN.contract, data: transferData(FOREIGN_ETH_ADDRESS, amount) });
    const { summary, read } = await reviewAndSign(request, [TEST_TOKEN]);
    expect(summary).toMatchObject({
      asset: { kind: 'erc20', contract: TEST_TOKEN.contract, symbol: 'USDC', decimals: 6 },
      destination: FOREIGN_ETH_ADDRESS,
      amount: amount.toString(),
      gasLimit: '65000',
    });
    expect(read).toMatchObject({ type: 2, chainId: 1n, from: own[0], to: TEST_TOKEN.contract, value: 0n });
    expect(read.call).toEqual({ name: 'transfer', to: FOREIGN_ETH_ADDRESS, amount });
  });

  test('on a test network, the chain id is that network’s', async () => {
    const { read } = await reviewAndSign(etherRequest({ from: own[0]!, to: FOREIGN_ETH_ADDRESS, value: 1n, chainId: 11_155_111n }), [], 'sepolia');
    expect(read.chainId).toBe(11_155_111n);
  });
});

/** Reviewed and signed, both refused with `code`: nothing signed whatever digest is handed back. */
async function refused(request: Uint8Array, code: string, tokens: EthToken[] = [TEST_TOKEN], network: 'mainnet' | 'sepolia' = 'mainnet') {
  await expect(host.client.call('reviewEthTransfer', params(request, tokens, network))).rejects.toMatchObject({ code });
  await expect(host.client.call('signEthTransfer', { ...params(request, tokens, network), approvedDigest: '00'.repeat(32) })).rejects.toMatchObject({ code });
}

const ether = (f: Partial<RequestFields> = {}): RequestFields => ({ from: own[0]!, to: FOREIGN_ETH_ADDRESS, value: 10n ** 18n, ...f });
const edited = (change: (o: Record<string, unknown>) => void) => {
  const o: Record<string, unknown> = requestObject(ether());
  change(o);
  return requestFile(o);
};

describe('refusals, each with its stable code', () => {
  test('ETH_CHAIN_REFUSED: another chain than the network chosen, or a network Custos does not sign for', async () => {
    await refused(etherRequest(ether({ chainId: 5n })), 'ETH_CHAIN_REFUSED');
    await refused(etherRequest(ether({ chainId: 11_155_111n })), 'ETH_CHAIN_REFUSED'); // a test-network request signed as mainnet
    await refused(etherRequest(ether({ chainId: 1n })), 'ETH_CHAIN_REFUSED', [], 'sepolia'); // mainnet as a test network
    await expect(host.client.call('reviewEthTransfer', { ...params(etherRequest(ether())), network: 'goerli' as 'mainnet' })).rejects.toMatchObject({
      code: 'ETH_CHAIN_REFUSED',
    });
  });

  test("ETH_FROM_FOREIGN: a sender that is not the wallet's address at the request's path", async () => {
    await refused(etherRequest(ether({ from: FOREIGN_ETH_ADDRESS })), 'ETH_FROM_FOREIGN');
    await refused(etherRequest(ether({ from: own[1]!, index: 0 })), 'ETH_FROM_FOREIGN'); // the wallet's own address, at another path
  });

  test("ETH_CALL_REFUSED: any call but a listed token's plain transfer", async () => {
    const to = FOREIGN_ETH_ADDRESS;
    await refused(etherRequest(ether({ to: TEST_TOKEN.contract, value: 0n, data: approveData(to, 10n ** 30n) })), 'ETH_CALL_REFUSED');
    const unlisted = getAddress('0xdac17f958d2ee523a2206206994597c13d831ec7');
    await refused(etherRequest(ether({ to: unlisted, value: 0n, data: transferData(to, 5n) })), 'ETH_CALL_REFUSED');
    await refused(etherRequest(ether({ to: TEST_TOKEN.contract, value: 1n, data: transferData(to, 5n) })), 'ETH_CALL_REFUSED'); // Ether attached
    await refused(etherRequest(ether({ to: TEST_TOKEN.contract, value: 0n, data: `${transferData(to, 5n)}00` })), 'ETH_CALL_REFUSED'); // an extra byte
    const dirty = `${transferData(to, 5n).slice(0, 10)}ff${transferData(to, 5n).slice(12)}`; // padding of the address not zero
    await refused(etherRequest(ether({ to: TEST_TOKEN.contract, value: 0n, data: dirty })), 'ETH_CALL_REFUSED');
    await refused(etherRequest(ether({ to: TEST_TOKEN.contract, value: 0n, data: transferData(to, 5n) })), 'ETH_CALL_REFUSED', [
      { ...TEST_TOKEN, chainId: '11155111' },
    ]); // listed on another chain only
    await refused(etherRequest(ether({ to: FOREIGN_ETH_ADDRESS, value: 0n, data: '0x01' })), 'ETH_CALL_REFUSED'); // data sent to a plain address
  });

  test("ETH_FEE_TOO_HIGH: a maximum fee above the station's cap, or a gas limit no transfer needs", async () => {
    await refused(etherRequest(ether({ maxFeePerGas: 500_000_000_000n, gasLimit: 21_000n })), 'ETH_FEE_TOO_HIGH'); // 0.0105 ETH > 0.01
    await refused(etherRequest(ether({ gasLimit: 300_000n, maxFeePerGas: 1_000_000_000n })), 'ETH_FEE_TOO_HIGH');
  });

  test('ETH_REQUEST_MALFORMED: a request file read strictly', async () => {
    const cases: [string, Uint8Array][] = [
      ['not JSON', new TextEncoder().encode('chainId=1')],
      ['an unknown field', edited((o) => Object.assign(o, { accessList: [] }))],
      ['a field missing', edited((o) => delete o.nonce)],
      ['another format', edited((o) => Object.assign(o, { format: 'custos-eth-request/2' }))],
      ['a number as a JSON number', edited((o) => Object.assign(o, { nonce: 4 }))],
      ['a leading zero', edited((o) => Object.assign(o, { value: '01' }))],
      ['a negative value', edited((o) => Object.assign(o, { value: '-1' }))],
      ['a value beyond 256 bits', edited((o) => Object.assign(o, { value: (1n << 256n).toString() }))],
      ['a broken EIP-55 checksum', edited((o) => Object.assign(o, { to: FOREIGN_ETH_ADDRESS.replace(/[a-f]/u, (c) => c.toUpperCase()) }))],
      ['a path off the receive branch', edited((o) => Object.assign(o, { path: "m/44'/60'/0'/1/0" }))],
      ['data not in whole bytes', edited((o) => Object.assign(o, { data: '0xabc' }))],
      ['nothing moved', etherRequest(ether({ value: 0n }))],
      ['paid to the zero address', etherRequest(ether({ to: `0x${'0'.repeat(40)}` }))],
      ['a gas limit below a transfer’s', etherRequest(ether({ gasLimit: 20_999n }))],
      ['a priority fee above the fee cap', etherRequest(ether({ maxPriorityFeePerGas: 31_000_000_000n }))],
    ];
    for (const [why, request] of cases) {
      await expect(host.client.call('reviewEthTransfer', params(request)), why).rejects.toMatchObject({ code: 'ETH_REQUEST_MALFORMED' });
    }
  });

  test('ETH_NOT_APPROVED: signing demands the digest of the very summary approved', async () => {
    const approved = await host.client.call('reviewEthTransfer', params(etherRequest(ether())));
    // The coordinator swaps the request after approval: another destination, amount, nonce or fee.
    for (const swap of [
      { to: getAddress('0x00000000219ab540356cbb839cbe05303d7705fa') },
      { value: 2n * 10n ** 18n },
      { nonce: 5n },
      { maxFeePerGas: 31_000_000_000n },
    ]) {
      await expect(
        host.client.call('signEthTransfer', { ...params(etherRequest(ether(swap))), approvedDigest: approved.digest }),
        JSON.stringify(swap, (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
      ).rejects.toMatchObject({ code: 'ETH_NOT_APPROVED' });
    }
  });
});
