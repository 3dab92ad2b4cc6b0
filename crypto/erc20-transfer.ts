/**
 * The one contract call Custos signs: an ERC-20 `transfer(address,uint256)` (EIP-20), selector
 * 0xa9059cbb. The call is encoded by micro-eth-signer's ABI coder; a call read from a request is
 * accepted only when encoding its recipient and amount again gives exactly its bytes, so a call with
 * extra bytes, dirty padding or another selector never passes as a transfer.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { addr } from 'micro-eth-signer';
import { ERC20, createContract } from 'micro-eth-signer/abi.js';
import { equalBytes } from './secret-bytes.ts';

const token = createContract(ERC20);

/** `transfer(to, amount)` as call data, 0x and lowercase hex. */
function encodeTransfer(to: string, amount: bigint): string {
  return `0x${bytesToHex(token.transfer.encodeInput({ to, value: amount }))}`;
}

/** The recipient (EIP-55) and amount of a canonical `transfer` call, or null for any other data. */
export function readTransfer(data: string): { to: string; amount: bigint } | null {
  const bytes = hexToBytes(data.startsWith('0x') ? data.slice(2) : data);
  if (bytes.length !== 68) return null;
  const to = addr.addChecksum(`0x${bytesToHex(bytes.subarray(16, 36))}`);
  const amount = BigInt(`0x${bytesToHex(bytes.subarray(36, 68))}`);
  return equalBytes(hexToBytes(encodeTransfer(to, amount).slice(2)), bytes) ? { to, amount } : null;
}
