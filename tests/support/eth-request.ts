/**
 * The coordinator's side of an Ethereum transfer, for tests: custos-eth-request/1 files
 * (docs/transfer-exchange.md, "Ethereum transfer requests") whose token calls are encoded by ethers, not
 * by Custos, and the independent reading of a signed transaction with ethers (decoded, its sender
 * recovered) to compare field by field with what was approved.
 */
import { Interface, Transaction, getAddress } from 'ethers';

/** A station's fee cap in tests: 0.01 ETH. */
export const ETH_FEE_CAP = (10n ** 16n).toString();
/** An address no test wallet derives (a client's own wallet). */
export const FOREIGN_ETH_ADDRESS = getAddress('0x8ba1f109551bd432803012645ac136ddd64dba72');
/** A token contract for tests (its address is arbitrary: nothing runs on chain). */
export const TEST_TOKEN = { chainId: '1', contract: getAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48'), symbol: 'USDC', decimals: 6 };

const erc20 = new Interface([
  'function transfer(address to, uint256 amount) returns (bool)',
  'function approve(address spender, uint256 amount) returns (bool)',
]);

export interface RequestFields {
  from: string;
  to: string;
  value?: bigint;
  data?: string;
  chainId?: bigint;
  index?: number;
  nonce?: bigint;
  gasLimit?: bigint;
  maxFeePerGas?: bigint;
  maxPriorityFeePerGas?: bigint;
}

/** The request as a JSON object, every integer as decimal text. */
export function requestObject(f: RequestFields): Record<string, string> {
  return {
    format: 'custos-eth-request/1',
    chainId: (f.chainId ?? 1n).toString(),
    from: f.from,
    path: `m/44'/60'/0'/0/${f.index ?? 0}`,
    nonce: (f.nonce ?? 4n).toString(),
    to: f.to,
    value: (f.value ?? 0n).toString(),
    data: f.data ?? '0x',
    gasLimit: (f.gasLimit ?? (f.data && f.data !== '0x' ? 65_000n : 21_000n)).toString(),
    maxFeePerGas: (f.maxFeePerGas ?? 30_000_000_000n).toString(),
    maxPriorityFeePerGas: (f.maxPriorityFeePerGas ?? 1_000_000_000n).toString(),
  };
}

export const requestFile = (o: object): Uint8Array => new TextEncoder().encode(`${JSON.stringify(o, null, 2)}\n`);

/** An Ether transfer request file. */
export const etherRequest = (f: RequestFields): Uint8Array => requestFile(requestObject(f));

/** The call data of `transfer(to, amount)`, encoded by ethers. */
export const transferData = (to: string, amount: bigint): string => erc20.encodeFunctionData('transfer', [to, amount]);

/** The call data of `approve(spender, amount)`, encoded by ethers: a call Custos must never sign. */
export const approveData = (spender: string, amount: bigint): string => erc20.encodeFunctionData('approve', [spender, amount]);

/** A signed transaction read by ethers: its fields, its recovered sender, and the token call it makes if any. */
export function readSigned(raw: string) {
  const tx = Transaction.from(raw);
  const call = tx.data === '0x' ? null : erc20.parseTransaction({ data: tx.data });
  return {
    type: tx.type,
    chainId: tx.chainId,
    nonce: BigInt(tx.nonce),
    from: tx.from,
    to: tx.to,
    value: tx.value,
    data: tx.data,
    gasLimit: tx.gasLimit,
    maxFeePerGas: tx.maxFeePerGas,
    maxPriorityFeePerGas: tx.maxPriorityFeePerGas,
    accessList: tx.accessList,
    hash: tx.hash,
    s: BigInt(tx.signature!.s),
    call: call ? { name: call.name, to: call.args[0] as string, amount: call.args[1] as bigint } : null,
  };
}
