/**
 * A first look at a coordinator's PSBT, before any ceremony (docs/transfer-exchange.md): its outputs
 * (address and amount), inputs and fee, in plain terms for the approvers. Only public data is read.
 * This is not the review that matters: inside the ceremony the crypto core reviews the PSBT against
 * the rebuilt wallet (crypto/psbt-review.ts) and signs only what it reviewed. BIP 174 / BIP 370.
 */
import { Address, NETWORK, OutScript, TEST_NETWORK, Transaction } from '@scure/btc-signer';
import { CustosError } from '../../ceremonies/custos-error.ts';
import type { PsbtView } from './app-api.ts';

const NETWORKS = { bitcoin: NETWORK, testnet: TEST_NETWORK, regtest: { ...TEST_NETWORK, bech32: 'bcrt' } } as const;

export function previewPsbt(bytes: Uint8Array, network: string): PsbtView {
  const params = NETWORKS[network as keyof typeof NETWORKS];
  if (!params) throw new CustosError('NETWORK_UNKNOWN', `The network "${network}" is not one Custos signs on (bitcoin, testnet, regtest).`, { network });
  let tx: Transaction;
  try {
    tx = Transaction.fromPSBT(bytes);
  } catch {
    throw new CustosError('PSBT_UNREADABLE', 'This file is not a readable PSBT (BIP 174). Ask the coordinator for the file again. Nothing was changed.', {});
  }
  const outputs = [];
  let totalOut = 0n;
  for (let i = 0; i < tx.outputsLength; i++) {
    const output = tx.getOutput(i);
    const amount = output.amount ?? 0n;
    totalOut += amount;
    let address: string;
    try {
      address = Address(params).encode(OutScript.decode(output.script!));
    } catch {
      address = `(script ${Buffer.from(output.script ?? new Uint8Array())
        .toString('hex')
        .slice(0, 40)})`;
    }
    outputs.push({ address, amount: amount.toString() });
  }
  let totalIn: bigint | null = 0n;
  for (let i = 0; i < tx.inputsLength; i++) {
    const amount = tx.getInput(i).witnessUtxo?.amount;
    totalIn = totalIn === null || amount === undefined ? null : totalIn + amount;
  }
  return {
    network,
    inputs: tx.inputsLength,
    outputs,
    totalIn: totalIn === null ? null : totalIn.toString(),
    fee: totalIn === null ? null : (totalIn - totalOut).toString(),
  };
}
